package gap.core.concordance;

/**
 * The scores of one {@link VariantClass}. Ratios are {@code NaN} when their denominator is 0 (no calls, no truth,
 * no TP); the TSV writes that as "NA". Matched truth and call alleles are counted apart, as vcfeval's TP-baseline and
 * TP-call: a haplotype written as one complex record on one side and as separate records on the other can decompose
 * into different numbers of alleles of a class.
 *
 * @param tp               truth alleles matched by the calls (recall's numerator)
 * @param fp               call alleles matching no truth
 * @param fn               truth alleles not matched
 * @param genotypeMatches  matched truth alleles whose copy number the calls get right
 * @param tpCalls          call alleles matching the truth (precision's numerator)
 */
public record ClassCounts(int tp, int fp, int fn, int genotypeMatches, int tpCalls) {
    public ClassCounts {
        if (tp < 0 || fp < 0 || fn < 0 || tpCalls < 0 || genotypeMatches < 0 || genotypeMatches > tp) {
            throw new IllegalArgumentException("inconsistent counts");
        }
    }

    /** Counts where every matched truth allele has exactly one matching call allele (exact matching). */
    public ClassCounts(int tp, int fp, int fn, int genotypeMatches) {
        this(tp, fp, fn, genotypeMatches, tp);
    }

    public int truthTotal() {
        return tp + fn;
    }

    public int callsTotal() {
        return tpCalls + fp;
    }

    public double precision() {
        return ratio(tpCalls, tpCalls + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** Harmonic mean of precision and recall: 2TP / (2TP + FP + FN) when both sides matched alike. */
    public double f1() {
        if (tpCalls == tp) {
            return ratio(2L * tp, 2L * tp + fp + fn);
        }
        double p = precision();
        double r = recall();
        return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    public double genotypeConcordance() {
        return ratio(genotypeMatches, tp);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
