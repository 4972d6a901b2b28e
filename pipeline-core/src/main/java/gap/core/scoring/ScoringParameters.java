package gap.core.scoring;

import gap.core.Settings;
import gap.core.UserException;
import gap.core.calling.CallingParameters;
import java.util.List;
import java.util.Map;

/**
 * The scorer's settings, read from {@code gap-defaults.properties} (keys {@code score.*}, documented there) with
 * optional overrides, as {@link CallingParameters} reads the caller's.
 */
public record ScoringParameters(
        double snvTruthSensitivity,
        double indelTruthSensitivity,
        int minTrainingCalls,
        List<String> snvAnnotations,
        List<String> indelAnnotations,
        int maxGaussians,
        int maxNegativeGaussians,
        double badLodCutoff,
        int minNegativeCalls,
        List<HardFilter> snvHardFilters,
        List<HardFilter> indelHardFilters,
        double maxDepthSds,
        String model,
        double lowQual,
        double minQual) implements java.io.Serializable {

    public ScoringParameters {
        snvAnnotations = List.copyOf(snvAnnotations);
        indelAnnotations = List.copyOf(indelAnnotations);
        snvHardFilters = List.copyOf(snvHardFilters);
        indelHardFilters = List.copyOf(indelHardFilters);
        for (double ts : new double[] {snvTruthSensitivity, indelTruthSensitivity}) {
            if (!(ts > 0 && ts <= 100)) {
                throw new UserException("a truth sensitivity must lie in (0, 100], not " + ts);
            }
        }
        if (minTrainingCalls < 1 || maxGaussians < 1 || maxNegativeGaussians < 1 || minNegativeCalls < 1
                || !(badLodCutoff < 0) || !(maxDepthSds >= 0)) {
            throw new UserException("score.* counts must be positive and score.badLodCutoff negative, score.maxDepthSds not");
        }
        if (!model.equals(TRAINED) && !model.equals(SITES) && !model.equals("hard")) {
            throw new UserException("score.model must be trained, sites or hard, not '" + model + "'");
        }
    }

    /** The trained model over site annotations and the reads' artefact evidence (a call from reads carries both). */
    public static final String TRAINED = "trained";
    /** The trained model over site annotations alone, for calls without read evidence (genotyped from gVCFs). */
    public static final String SITES = "sites";

    /** Whether the fallback without a Gaussian mixture is a trained model (else the hard filters). */
    public boolean trainedModel() {
        return model.equals(TRAINED) || model.equals(SITES);
    }

    /**
     * These settings for calls that carry no read evidence (NMBZ, SCD, ...: genotyped from gVCFs, which keep site
     * annotations only): the full model would read their absence as a sign of artefact, so the default trained model
     * becomes the one trained on site annotations alone; an explicit choice stays.
     */
    public ScoringParameters withoutReadEvidence() {
        return !model.equals(TRAINED) ? this : new ScoringParameters(snvTruthSensitivity, indelTruthSensitivity,
                minTrainingCalls, snvAnnotations, indelAnnotations, maxGaussians, maxNegativeGaussians, badLodCutoff,
                minNegativeCalls, snvHardFilters, indelHardFilters, maxDepthSds, SITES, lowQual,
                minQual);
    }

    public static ScoringParameters defaults() {
        return load(Map.of());
    }

    /** The embedded defaults with {@code overrides} applied; an unknown key is a user error. */
    public static ScoringParameters load(Map<String, String> overrides) {
        Settings p = Settings.load(overrides);
        return new ScoringParameters(
                p.real("score.snvTruthSensitivity"),
                p.real("score.indelTruthSensitivity"),
                p.integer("score.minTrainingCalls"),
                p.list("score.snvAnnotations"),
                p.list("score.indelAnnotations"),
                p.integer("score.maxGaussians"),
                p.integer("score.maxNegativeGaussians"),
                p.real("score.badLodCutoff"),
                p.integer("score.minNegativeCalls"),
                HardFilter.parseAll(p.string("score.snvHardFilters"), "score.snvHardFilters"),
                HardFilter.parseAll(p.string("score.indelHardFilters"), "score.indelHardFilters"),
                p.real("score.maxDepthSds"),
                p.string("score.model"),
                p.real("call.lowQual"),
                p.real("call.minQual"));
    }
}
