package gap.core.concordance;

/**
 * The scores of one {@link VariantClass}. Ratios are {@code NaN} when their denominator is 0 (no calls, no truth,
 * no TP); the TSV writes that as "NA".
 *
 * @param tp               alleles in both sets
 * @param fp               call alleles not in the truth
 * @param fn               truth alleles not in the calls
 * @param genotypeMatches  TP alleles whose copy number in the calls equals the truth's
 */
public record ClassCounts(int tp, int fp, int fn, int genotypeMatches) {
    public ClassCounts {
        if (tp < 0 || fp < 0 || fn < 0 || genotypeMatches < 0 || genotypeMatches > tp) {
            throw new IllegalArgumentException("inconsistent counts");
        }
    }

    public int truthTotal() {
        return tp + fn;
    }

    public int callsTotal() {
        return tp + fp;
    }

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** Harmonic mean of precision and recall: 2TP / (2TP + FP + FN). */
    public double f1() {
        return ratio(2L * tp, 2L * tp + fp + fn);
    }

    public double genotypeConcordance() {
        return ratio(genotypeMatches, tp);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
