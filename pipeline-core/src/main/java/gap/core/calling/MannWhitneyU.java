package gap.core.calling;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Takes the values of the reads supporting ALT and those supporting REF, gives GATK's rank-sum z-score: the
 * Mann–Whitney U of the ALT values, one-sided (ALT lower is negative), as a z-score. With 10 or more values in
 * either group the normal approximation with the tie correction (and a continuity correction of ½, which GATK drops
 * when no value is tied); below that the exact distribution of U over every relabelling of the pooled ranks, whose
 * mid-p value (half the observed U's probability plus all smaller U's) is turned into z by the normal quantile.
 */
public final class MannWhitneyU {
    /** GATK's switch to the normal approximation: either group at least this large. */
    static final int MIN_NORMAL_N = 10;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private MannWhitneyU() {}

    /** The z-score, or NaN when either group is empty (the annotation is then absent). */
    public static double zScore(double[] alt, double[] ref) {
        int n1 = alt.length;
        int n2 = ref.length;
        if (n1 == 0 || n2 == 0) {
            return Double.NaN;
        }
        Ranked ranked = rank(alt, ref);
        double u = ranked.altRankSum() - n1 * (n1 + 1) / 2.0;
        if (n1 >= MIN_NORMAL_N || n2 >= MIN_NORMAL_N) {
            return normalZ(u, n1, n2, ranked.tieTerm());
        }
        return STANDARD_NORMAL.inverseCumulativeProbability(exactMidP(ranked.doubledRanks(), n1, ranked.altDoubledSum()));
    }

    /** Pooled ranks (ties share their mean rank), doubled so they are whole numbers, with what the tests need. */
    record Ranked(long[] doubledRanks, long altDoubledSum, double tieTerm) {
        double altRankSum() {
            return altDoubledSum / 2.0;
        }
    }

    /**
     * The pooled values in order, ALT's before REF's among equal ones (as a stable sort of ALT then REF puts them):
     * each group sorted as primitives and merged. Sorting one array of boxed pairs with a comparator was most of a
     * joint call's annotation time (JFR, trio2).
     */
    static Ranked rank(double[] alt, double[] ref) {
        double[] a = alt.clone();
        double[] r = ref.clone();
        Arrays.sort(a); // Double.compare's order, as the pairs were sorted in
        Arrays.sort(r);
        int n = a.length + r.length;
        double[] pooled = new double[n];
        boolean[] isAlt = new boolean[n];
        for (int k = 0, i = 0, j = 0; k < n; k++) {
            isAlt[k] = j == r.length || (i < a.length && Double.compare(a[i], r[j]) <= 0);
            pooled[k] = isAlt[k] ? a[i++] : r[j++];
        }
        long[] doubled = new long[n];
        long altSum = 0;
        double tieTerm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && pooled[j + 1] == pooled[i]) {
                j++;
            }
            int t = j - i + 1;
            long rank2 = (i + 1) + (j + 1); // twice the mean of ranks i+1 .. j+1
            for (int k = i; k <= j; k++) {
                doubled[k] = rank2;
                if (isAlt[k]) {
                    altSum += rank2;
                }
            }
            // GATK leaves a tie that spans every value out of the correction (and so its continuity correction).
            if (t > 1 && t < n) {
                tieTerm += (double) t * t * t - t;
            }
            i = j + 1;
        }
        return new Ranked(doubled, altSum, tieTerm);
    }

    static double normalZ(double u, int n1, int n2, double tieTerm) {
        int n = n1 + n2;
        double mean = n1 * (double) n2 / 2;
        double correction = tieTerm == 0 ? 0 : 0.5; // towards the null, for the "ALT lower" side
        double sigma = StrictMath.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
        return (u - mean + correction) / sigma;
    }

    /**
     * P(U &lt; observed) + P(U = observed) / 2 when the ALT labels fall on {@code n1} of the pooled ranks uniformly
     * at random; counted exactly over the subsets of ranks by their (doubled) sum.
     */
    static double exactMidP(long[] doubledRanks, int n1, long observedDoubledSum) {
        int maxSum = 0;
        for (long r : doubledRanks) {
            maxSum += (int) r;
        }
        // ways[k][s]: subsets of k of the ranks seen so far whose doubled ranks sum to s
        double[][] ways = new double[n1 + 1][maxSum + 1];
        ways[0][0] = 1;
        for (long r : doubledRanks) {
            int ri = (int) r;
            for (int k = n1; k >= 1; k--) {
                for (int s = maxSum; s >= ri; s--) {
                    ways[k][s] += ways[k - 1][s - ri];
                }
            }
        }
        double below = 0;
        double total = 0;
        for (int s = 0; s <= maxSum; s++) {
            total += ways[n1][s];
            if (s < observedDoubledSum) {
                below += ways[n1][s];
            }
        }
        double at = observedDoubledSum <= maxSum ? ways[n1][(int) observedDoubledSum] : 0;
        return (below + at / 2) / total;
    }
}
