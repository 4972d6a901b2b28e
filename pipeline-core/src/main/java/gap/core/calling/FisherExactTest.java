package gap.core.calling;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Takes a 2×2 table of counts, gives the two-sided p-value of Fisher's exact test (odds ratio 1), computed as R's
 * {@code fisher.test} does: the probabilities of every table with the same margins that are no more likely than the
 * observed one (within a relative 1e-7), summed.
 */
public final class FisherExactTest {
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private FisherExactTest() {}

    /** {@code table[row][column]}; 1 for an empty table. */
    public static double twoSidedP(int[][] table) {
        int row0 = table[0][0] + table[0][1];
        int row1 = table[1][0] + table[1][1];
        int col0 = table[0][0] + table[1][0];
        if (row0 + row1 == 0) {
            return 1;
        }
        // X = table[0][0] is hypergeometric: col0 draws from row0 + row1 items of which row0 are "successes".
        HypergeometricDistribution x = new HypergeometricDistribution(null, row0 + row1, row0, col0);
        int lo = Math.max(0, col0 - row1);
        int hi = Math.min(col0, row0);
        if (lo == hi) {
            return 1; // the margins allow one table only (a row or column of zeros)
        }
        double[] log = new double[hi - lo + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = lo; i <= hi; i++) {
            log[i - lo] = x.logProbability(i);
            max = Math.max(max, log[i - lo]);
        }
        double total = 0;
        double[] p = new double[log.length];
        for (int i = 0; i < log.length; i++) {
            p[i] = StrictMath.exp(log[i] - max);
            total += p[i];
        }
        double observed = p[table[0][0] - lo] * RELATIVE_TOLERANCE;
        double sum = 0;
        for (double v : p) {
            if (v <= observed) {
                sum += v;
            }
        }
        return Math.min(1, sum / total);
    }
}
