package gap.core.calling;

/**
 * Takes the strand table of a site (informative fragments by allele, REF or any ALT, and strand), gives GATK's two
 * strand-bias annotations: FS, the phred-scaled two-sided Fisher exact p-value of the table (large tables scaled
 * down to about 200 first, as GATK does, so that depth alone does not make any imbalance significant), and SOR, the
 * symmetric odds ratio test with a pseudo-count of 1 per cell, in natural log.
 *
 * @param refForward REF fragments on the forward strand
 * @param refReverse REF fragments on the reverse strand
 * @param altForward ALT fragments on the forward strand
 * @param altReverse ALT fragments on the reverse strand
 */
public record StrandBias(int refForward, int refReverse, int altForward, int altReverse) {
    /** GATK FisherStrand: a sample's table counts only when it holds more than this many fragments. */
    static final int FS_MIN_COUNT = 2;
    /** GATK FisherStrand: tables with more than twice this many fragments are scaled down to this size. */
    static final double FS_TARGET_SIZE = 200;
    /** GATK FisherStrand: p-values are floored here so FS stays finite. */
    static final double FS_MIN_P = 1e-320;

    public int total() {
        return refForward + refReverse + altForward + altReverse;
    }

    /** FS = -10 log10 p, p of Fisher's exact test on the (scaled) table; 0 for a table of at most 2 fragments. */
    public double fisherStrand() {
        int[][] table = total() > FS_MIN_COUNT
                ? new int[][] {{refForward, refReverse}, {altForward, altReverse}} : new int[][] {{0, 0}, {0, 0}};
        if (total() > 2 * FS_TARGET_SIZE) {
            double factor = total() / FS_TARGET_SIZE;
            for (int[] row : table) {
                for (int c = 0; c < 2; c++) {
                    row[c] = (int) (row[c] / factor);
                }
            }
        }
        double p = Math.max(FisherExactTest.twoSidedP(table), FS_MIN_P);
        return Math.abs(-10 * StrictMath.log10(p)); // abs: p = 1 gives 0, not -0
    }

    /**
     * SOR = ln(R + 1/R) + ln(refRatio) - ln(altRatio), with R = (refFw·altRv)/(refRv·altFw) and each ratio the smaller
     * over the larger strand count of that allele, after adding 1 to every cell.
     */
    public double strandOddsRatio() {
        double rf = refForward + 1.0;
        double rr = refReverse + 1.0;
        double af = altForward + 1.0;
        double ar = altReverse + 1.0;
        double r = (rf / rr) * (ar / af);
        double refRatio = Math.min(rf, rr) / Math.max(rf, rr);
        double altRatio = Math.min(af, ar) / Math.max(af, ar);
        return StrictMath.log(r + 1 / r) + StrictMath.log(refRatio) - StrictMath.log(altRatio);
    }
}
