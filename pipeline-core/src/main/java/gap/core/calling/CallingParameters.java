package gap.core.calling;

import gap.core.Settings;
import gap.core.UserException;
import java.util.List;
import java.util.Map;

/**
 * The thresholds and model constants of calling, read from {@code gap-defaults.properties} (the {@code conf}
 * module, on the classpath), where each is documented, with optional overrides.
 */
public record CallingParameters(
        int minMappingQuality,
        int minAltReads,
        double minAltFraction,
        int minBaseQuality,
        int maxAltAlleles,
        double snvHeterozygosity,
        double indelHeterozygosity,
        double globalMismappingQ,
        double indelGapOpenQ,
        double pcrIndelRateFactor,
        double indelGapExtensionQ,
        int maxSiteSpan,
        int haplotypeFlank,
        int maxNeighbours,
        int maxReadsPerSite,
        int assemblyHalfWidth,
        List<Integer> assemblyKmerSizes,
        int assemblyMinPruning,
        int assemblyMaxHaplotypes,
        double minQual,
        double lowQual,
        double deNovoPrior,
        double nonMendelianRate,
        double deNovoNovelShare,
        int deNovoMinQuality,
        double mitoMinFraction,
        double mitoHeteroplasmyPrior,
        List<String> parRegions) implements java.io.Serializable {

    public CallingParameters {
        if (!(deNovoNovelShare > 0 && deNovoNovelShare <= 1)) {
            throw new UserException("setting denovo.novelAlleleShare must be above 0 and at most 1");
        }
        if (!(mitoMinFraction > 0 && mitoMinFraction < 1) || !(mitoHeteroplasmyPrior > 0
                && mitoHeteroplasmyPrior < 1)) {
            throw new UserException("settings ploidy.mitoMinFraction and ploidy.mitoHeteroplasmyPrior must lie in"
                    + " (0, 1)");
        }
        parRegions = List.copyOf(parRegions);
        try {
            gap.core.model.Ploidy.regions(parRegions);
        } catch (IllegalArgumentException e) {
            throw new UserException("setting ploidy.parRegions: " + e.getMessage());
        }
    }


    /**
     * Bases a shard reads beyond each of its ends: a site it owns spans at most {@code maxSiteSpan}, its neighbours
     * lie within that plus the flank, and an assembly region that can add an allele to any of them reaches a region
     * width further; all must be found exactly as a neighbouring shard finds them.
     */
    public int shardPadding() {
        return maxSiteSpan + haplotypeFlank + 2 * assemblyHalfWidth + 1;
    }

    /** The embedded defaults. */
    public static CallingParameters defaults() {
        return load(Map.of());
    }

    /** The embedded defaults with {@code overrides} (same keys) applied; an unknown key is a user error. */
    public static CallingParameters load(Map<String, String> overrides) {
        Settings p = Settings.load(overrides);
        return new CallingParameters(
                    p.integer("read.minMappingQuality"),
                    p.integer("candidate.minAltReads"),
                    p.real("candidate.minAltFraction"),
                    p.integer("candidate.minBaseQuality"),
                    p.integer("candidate.maxAltAlleles"),
                    p.real("prior.snvHeterozygosity"),
                    p.real("prior.indelHeterozygosity"),
                    p.real("model.globalMismappingQ"),
                    p.real("model.indelGapOpenQ"),
                    p.real("model.pcrIndelRateFactor"),
                    p.real("model.indelGapExtensionQ"),
                    p.integer("model.maxSiteSpan"),
                    p.integer("model.haplotypeFlank"),
                    p.integer("model.maxNeighbours"),
                    p.integer("model.maxReadsPerSite"),
                    p.integer("assembly.halfWidth"),
                    p.integers("assembly.kmerSizes"),
                    p.integer("assembly.minPruning"),
                    p.integer("assembly.maxHaplotypes"),
                    p.real("call.minQual"),
                    p.real("call.lowQual"),
                    p.real("denovo.prior"),
                    p.real("denovo.nonMendelianRate"),
                    p.real("denovo.novelAlleleShare"),
                    p.integer("denovo.minQuality"),
                    p.real("ploidy.mitoMinFraction"),
                    p.real("ploidy.mitoHeteroplasmyPrior"),
                    p.list("ploidy.parRegions"));
    }
}
