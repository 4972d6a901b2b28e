package gap.core.cnv;

import gap.core.Settings;
import gap.core.UserException;
import java.util.Map;

/**
 * The settings of copy-number calling, read from {@code gap-defaults.properties} (keys {@code cnv.*}, documented
 * there) with optional overrides.
 */
public record CnvParameters(
        int binSize,
        double maxAmbiguousFraction,
        double minPanelDepth,
        double maxPanelDepth,
        double maxSpreadFactor,
        double segmentAlpha,
        double systematicSd,
        double minSystematicSd,
        double depthScaleSd,
        double eventPrior,
        double mosaicPrior,
        double minMosaicFraction,
        int minEventBins,
        double minQuality,
        double wholeContigShare,
        int bafMinDepth,
        double bafConcentration,
        double bafOutlierRate,
        double lohHetShare) implements java.io.Serializable {

    public CnvParameters {
        if (binSize < 100) {
            throw new UserException("setting cnv.binSize must be at least 100");
        }
        for (double p : new double[] {segmentAlpha, eventPrior, mosaicPrior, bafOutlierRate, lohHetShare}) {
            if (!(p > 0 && p < 1)) {
                throw new UserException("cnv.segmentAlpha, eventPrior, mosaicPrior, baf.outlierRate and"
                        + " baf.lohHetShare must lie in (0, 1)");
            }
        }
        if (!(wholeContigShare > 0.5 && wholeContigShare <= 1) || !(minMosaicFraction > 0 && minMosaicFraction < 1)) {
            throw new UserException("cnv.wholeContigShare must lie in (0.5, 1] and cnv.minMosaicFraction in (0, 1)");
        }
        if (minEventBins < 1 || bafMinDepth < 1 || !(systematicSd > 0) || !(minSystematicSd > 0) || !(depthScaleSd > 0)
                || !(bafConcentration > 0)) {
            throw new UserException("cnv.minEventBins, baf.minDepth, systematicSd and baf.concentration must be"
                    + " positive");
        }
    }

    public static CnvParameters defaults() {
        return load(Map.of());
    }

    public static CnvParameters load(Map<String, String> overrides) {
        Settings p = Settings.load(overrides);
        return new CnvParameters(
                p.integer("cnv.binSize"),
                p.real("cnv.maxAmbiguousFraction"),
                p.real("cnv.minPanelDepth"),
                p.real("cnv.maxPanelDepth"),
                p.real("cnv.maxSpreadFactor"),
                p.real("cnv.segmentAlpha"),
                p.real("cnv.systematicSd"),
                p.real("cnv.minSystematicSd"),
                p.real("cnv.depthScaleSd"),
                p.real("cnv.eventPrior"),
                p.real("cnv.mosaicPrior"),
                p.real("cnv.minMosaicFraction"),
                p.integer("cnv.minEventBins"),
                p.real("cnv.minQuality"),
                p.real("cnv.wholeContigShare"),
                p.integer("cnv.baf.minDepth"),
                p.real("cnv.baf.concentration"),
                p.real("cnv.baf.outlierRate"),
                p.real("cnv.baf.lohHetShare"));
    }
}
