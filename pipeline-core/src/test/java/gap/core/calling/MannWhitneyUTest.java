package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The rank-sum z-score on cases worked out by hand: U of the ALT group, its exact distribution over the C(n, n1)
 * ways to place the ALT labels on the pooled ranks when both groups are under 10, the normal approximation above.
 * Quantiles of the standard normal from R 4.2.2 ({@code qnorm}).
 */
class MannWhitneyUTest {
    private static final double TOL = 1e-6;

    @Test
    void exactWithoutTies() {
        // ALT ranks 1,2 of 5: U = 3 - 3 = 0. Of the 10 placements of two ALT labels, one gives U = 0, none less:
        // mid-p = (0 + 1/2) / 10 = 0.05, z = qnorm(0.05).
        assertEquals(-1.64485362695, MannWhitneyU.zScore(new double[] {1, 2}, new double[] {3, 4, 5}), TOL);
    }

    @Test
    void exactWithTies() {
        // Pooled 20 | 30 30 30 | 40 → ranks 1 | 3 3 3 | 5. ALT {20, 30} has ranks 1 and 3: U = 4 - 3 = 1.
        // Placements of two ALT labels: (1,3)×3 → U 1, (1,5) → U 3, (3,3)×3 → U 3, (3,5)×3 → U 5.
        // mid-p = (0 + 3/2) / 10 = 0.15, z = qnorm(0.15).
        assertEquals(-1.03643338949, MannWhitneyU.zScore(new double[] {20, 30}, new double[] {30, 30, 40}), TOL);
    }

    @Test
    void exactMostExtremeIsStillFinite() {
        // ALT lowest of 4 + 4 distinct values: one placement of 70 reaches U = 0; mid-p = 1/140.
        double z = MannWhitneyU.zScore(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8});
        assertEquals(-2.44999766060, z, TOL);
    }

    @Test
    void normalApproximationWithoutTiesHasNoContinuityCorrection() {
        // n1 = n2 = 10, ALT all lower: U = 0, mean 50, sigma² = 100/12 · 21 = 175. GATK drops the ½ correction
        // when nothing is tied: z = -50 / √175.
        double[] alt = new double[10];
        double[] ref = new double[10];
        for (int i = 0; i < 10; i++) {
            alt[i] = i + 1;
            ref[i] = i + 11;
        }
        assertEquals(-3.77964473009, MannWhitneyU.zScore(alt, ref), TOL);
    }

    @Test
    void normalApproximationWithTies() {
        // ALT ten 30s; REF five 20s and five 30s. 20s take ranks 1-5 (mean 3), 30s ranks 6-20 (mean 13):
        // U = 10·13 - 55 = 75. Tie term Σ(t³ - t) = 120 + 3360 = 3480; sigma² = 100/12 · (21 - 3480/380).
        // z = (75 - 50 + ½) / sigma = 2.56694 (the ½ towards the null of "ALT lower", as GATK has it).
        double[] alt = {30, 30, 30, 30, 30, 30, 30, 30, 30, 30};
        double[] ref = {20, 20, 20, 20, 20, 30, 30, 30, 30, 30};
        assertEquals(25.5 / Math.sqrt(100.0 / 12 * (21 - 3480.0 / 380)), MannWhitneyU.zScore(alt, ref), TOL);
        assertEquals(2.56694370799, MannWhitneyU.zScore(alt, ref), TOL);
    }

    @Test
    void allTiedIsZero() {
        assertEquals(0, MannWhitneyU.zScore(new double[] {60, 60, 60}, new double[] {60, 60}), TOL);
        double[] many = new double[12];
        java.util.Arrays.fill(many, 60);
        assertEquals(0, MannWhitneyU.zScore(many, new double[] {60, 60}), TOL);
    }

    @Test
    void anEmptyGroupGivesNoValue() {
        assertTrue(Double.isNaN(MannWhitneyU.zScore(new double[0], new double[] {1, 2})));
        assertTrue(Double.isNaN(MannWhitneyU.zScore(new double[] {1}, new double[0])));
    }

    /** Random groups with ties, -0.0, 0.0 and NaN: ranked as the stable sort of boxed pairs (below) ranked them. */
    @Test
    void rankingAsTheSortOfPairsBefore() {
        java.util.Random random = new java.util.Random(3);
        double[] pool = {-0.0, 0.0, 1, 2, 2.5, 60, Double.NaN, -3};
        for (int n = 0; n < 3000; n++) {
            double[] alt = new double[random.nextInt(12)];
            double[] ref = new double[random.nextInt(12)];
            for (double[] group : new double[][] {alt, ref}) {
                for (int i = 0; i < group.length; i++) {
                    group[i] = random.nextInt(3) == 0 ? random.nextInt(40) : pool[random.nextInt(pool.length)];
                }
            }
            MannWhitneyU.Ranked before = rankBefore(alt, ref);
            MannWhitneyU.Ranked now = MannWhitneyU.rank(alt, ref);
            String what = java.util.Arrays.toString(alt) + " " + java.util.Arrays.toString(ref);
            org.junit.jupiter.api.Assertions.assertArrayEquals(before.doubledRanks(), now.doubledRanks(), what);
            assertEquals(before.altDoubledSum(), now.altDoubledSum(), what);
            assertEquals(before.tieTerm(), now.tieTerm(), what);
        }
    }

    /** The ranking before: one array of (value, is ALT) pairs, sorted stably by value. */
    private static MannWhitneyU.Ranked rankBefore(double[] alt, double[] ref) {
        int n = alt.length + ref.length;
        double[][] pooled = new double[n][];
        for (int i = 0; i < alt.length; i++) {
            pooled[i] = new double[] {alt[i], 1};
        }
        for (int i = 0; i < ref.length; i++) {
            pooled[alt.length + i] = new double[] {ref[i], 0};
        }
        java.util.Arrays.sort(pooled, (x, y) -> Double.compare(x[0], y[0]));
        long[] doubled = new long[n];
        long altSum = 0;
        double tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && pooled[j + 1][0] == pooled[i][0]) {
                j++;
            }
            int t = j - i + 1;
            long rank2 = (i + 1) + (j + 1);
            for (int k = i; k <= j; k++) {
                doubled[k] = rank2;
                if (pooled[k][1] == 1) {
                    altSum += rank2;
                }
            }
            if (t > 1 && t < n) {
                tieTerm += (double) t * t * t - t;
            }
            i = j + 1;
        }
        return new MannWhitneyU.Ranked(doubled, altSum, tieTerm);
    }
}
