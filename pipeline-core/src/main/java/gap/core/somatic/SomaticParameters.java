package gap.core.somatic;

import gap.core.Settings;
import gap.core.UserException;
import java.util.Map;

/**
 * The settings of somatic calling and filtering, read from {@code gap-defaults.properties} ({@code somatic.*}, each
 * documented there, Mutect2's and FilterMutectCalls' defaults) with optional overrides.
 */
public record SomaticParameters(double candidateMinAltFraction, double emitLod, double normalLod,
                                double afNotInResource, double afNotInResourceTumourOnly, double maxPopulationAf,
                                double log10SnvPrior, double log10IndelPrior, double log10VariantVsArtifactPrior,
                                ThresholdStrategy thresholdStrategy, double fScoreBeta, double maxFalseDiscoveryRate,
                                double initialThreshold, int maxEventsInRegion, int eventWindow, int maxAltAlleles,
                                int minMedianBaseQuality, int minMedianMappingQuality, int minMedianReadPosition,
                                double normalPValue, double imbalancedCarrierShare, int minSlippageLength,
                                double slippageRate, int ponMinSampleCount) implements java.io.Serializable {

    /** How the error-probability threshold is chosen (FilterMutectCalls' strategies). */
    public enum ThresholdStrategy { OPTIMAL_F_SCORE, FALSE_DISCOVERY_RATE, CONSTANT }

    public static SomaticParameters defaults() {
        return load(Map.of());
    }

    public static SomaticParameters load(Map<String, String> overrides) {
        Settings p = Settings.load(overrides);
        ThresholdStrategy strategy;
        try {
            strategy = ThresholdStrategy.valueOf(p.string("somatic.filter.thresholdStrategy").trim());
        } catch (IllegalArgumentException e) {
            throw new UserException("setting somatic.filter.thresholdStrategy must be OPTIMAL_F_SCORE,"
                    + " FALSE_DISCOVERY_RATE or CONSTANT");
        }
        return new SomaticParameters(p.real("somatic.candidate.minAltFraction"), p.real("somatic.emitLod"),
                p.real("somatic.normalLod"), p.real("somatic.afNotInResource"),
                p.real("somatic.afNotInResourceTumourOnly"), p.real("somatic.maxPopulationAf"),
                p.real("somatic.filter.log10SnvPrior"), p.real("somatic.filter.log10IndelPrior"),
                p.real("somatic.filter.log10VariantVsArtifactPrior"), strategy, p.real("somatic.filter.fScoreBeta"),
                p.real("somatic.filter.maxFalseDiscoveryRate"), p.real("somatic.filter.initialThreshold"),
                p.integer("somatic.filter.maxEventsInRegion"), p.integer("somatic.filter.eventWindow"),
                p.integer("somatic.filter.maxAltAlleles"), p.integer("somatic.filter.minMedianBaseQuality"),
                p.integer("somatic.filter.minMedianMappingQuality"), p.integer("somatic.filter.minMedianReadPosition"),
                p.real("somatic.filter.normalPValue"), p.real("somatic.filter.imbalancedCarrierShare"),
                p.integer("somatic.filter.minSlippageLength"),
                p.real("somatic.filter.slippageRate"), p.integer("somatic.pon.minSampleCount"));
    }
}
