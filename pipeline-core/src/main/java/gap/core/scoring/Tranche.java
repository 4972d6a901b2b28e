package gap.core.scoring;

import java.util.Arrays;
import java.util.Locale;

/**
 * Takes the VQSLODs of a class's training calls and a truth sensitivity, gives the tranche: the VQSLOD cutoff at or
 * above which at least that share of the training calls lies, and the FILTER that the calls below it get, named as
 * GATK's ApplyVQSR names it ({@code VQSRTrancheSNP99.70to100.00}). Since the training calls stand for true
 * variants, the sensitivity is a promise about true variants like them: of every 1000, at least 997 pass at 99.7.
 *
 * @param type              SNV or INDEL
 * @param truthSensitivity  percent of training calls kept
 * @param cutoff            lowest VQSLOD that passes
 * @param trainingCalls     training calls the cutoff was set on
 */
public record Tranche(VariantType type, double truthSensitivity, double cutoff, int trainingCalls)
        implements java.io.Serializable {

    /**
     * Sorts the training scores and keeps the largest set of the best that holds at least {@code truthSensitivity}
     * percent of them: the floor((1 − ts) · n) lowest may fall below; ties with the cutoff pass.
     */
    public static Tranche of(VariantType type, double[] trainingScores, double truthSensitivity) {
        if (trainingScores.length == 0) {
            throw new IllegalArgumentException("a tranche needs training scores");
        }
        double[] sorted = trainingScores.clone();
        Arrays.sort(sorted);
        // the small epsilon keeps 99.7% of 1000 at exactly 3 out, despite 0.003 · 1000 being 2.9999999999999996
        int out = (int) StrictMath.floor((100 - truthSensitivity) / 100 * sorted.length + 1e-9);
        return new Tranche(type, truthSensitivity, sorted[Math.min(out, sorted.length - 1)], sorted.length);
    }

    public boolean passes(double vqslod) {
        return vqslod >= cutoff;
    }

    /** GATK's name for the calls below the tranche: {@code VQSRTranche<SNP|INDEL><ts>to100.00}. */
    public String filterName() {
        return String.format(Locale.ROOT, "VQSRTranche%s%.2fto100.00", type.gatkName(), truthSensitivity);
    }

    public String filterDescription() {
        return String.format(Locale.ROOT, "Truth sensitivity tranche level for %s model at VQS Lod < %.4f: below"
                + " the %.2f%% of the %d held-out %s calls at known sites that score highest", type.gatkName(), cutoff,
                truthSensitivity, trainingCalls, type.name());
    }
}
