package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mixture fit on synthetic clusters whose parameters are known, with and without missing values. */
class MixtureFitterTest {
    /** n points from N((m, m), I), seeded. */
    private static double[][] cluster(double m, int n, long seed) {
        Random r = new Random(seed);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new double[] {m + r.nextGaussian(), m + r.nextGaussian()};
        }
        return out;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = new double[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Index of the component whose mean is nearest (m, m). */
    private static int near(GaussianMixture g, double m) {
        int best = 0;
        for (int k = 1; k < g.components(); k++) {
            if (Math.abs(g.mean(k)[0] - m) < Math.abs(g.mean(best)[0] - m)) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void twoSeparatedClustersGiveTwoComponentsAtTheirMeans() {
        double[][] points = concat(cluster(-4, 300, 1), cluster(4, 200, 2));
        MixtureFitter.Fit fit = MixtureFitter.fitBest(points, 3);
        GaussianMixture g = fit.mixture();
        assertEquals(2, g.components(), "BIC prefers the true number of clusters");
        int lo = near(g, -4);
        int hi = near(g, 4);
        for (int a = 0; a < 2; a++) {
            assertEquals(-4, g.mean(lo)[a], 0.2);
            assertEquals(4, g.mean(hi)[a], 0.2);
        }
        assertEquals(0.6, g.weight(lo), 0.02);
        // unit variances, a little inflated by the shrinkage towards the identity (20 pseudo-points of variance 1)
        assertEquals(1, g.covariance(lo)[0][0], 0.2);
        assertEquals(0, g.covariance(lo)[0][1], 0.15);
    }

    @Test
    void missingValuesAreMarginalisedNotImputed() {
        double[][] points = concat(cluster(-4, 300, 3), cluster(4, 300, 4));
        Random r = new Random(5);
        for (double[] p : points) {
            if (r.nextDouble() < 0.3) {
                p[1] = Double.NaN; // as a hom-alt call has no RankSum
            }
        }
        GaussianMixture g = MixtureFitter.fitBest(points, 3).mixture();
        assertEquals(2, g.components());
        // Were missing values taken as 0 (the normalised mean), the second coordinate's means would be pulled
        // towards 0 by 30 % and its variances would swell.
        assertEquals(4, g.mean(near(g, 4))[1], 0.25);
        assertEquals(-4, g.mean(near(g, -4))[1], 0.25);
        assertEquals(1, g.covariance(near(g, 4))[1][1], 0.25);
    }

    @Test
    void theDensityOfAPointWithAMissingValueIsTheMarginal() {
        GaussianMixture g = new GaussianMixture(new double[] {1}, new double[][] {{0, 0}},
                new double[][][] {{{1, 0.5}, {0.5, 2}}});
        double x = 0.7;
        assertEquals(-0.5 * Math.log(2 * Math.PI) - 0.5 * x * x, g.logDensity(new double[] {x, Double.NaN}), 1e-12);
        assertEquals(-0.5 * Math.log(2 * Math.PI * 2) - 0.5 * x * x / 2, g.logDensity(new double[] {Double.NaN, x}),
                1e-12);
        // both observed: the bivariate normal, by hand: det 2 - 0.25 = 1.75, inverse [[2, -0.5], [-0.5, 1]] / 1.75
        double quad = (2 * x * x - 2 * 0.5 * x * x + x * x) / 1.75;
        assertEquals(-Math.log(2 * Math.PI) - 0.5 * Math.log(1.75) - 0.5 * quad, g.logDensity(new double[] {x, x}),
                1e-12);
    }

    @Test
    void anAnnotationEqualEverywhereIsHeldByShrinkageAndReported() {
        double[][] points = cluster(0, 200, 6);
        for (double[] p : points) {
            p[1] = 0.25; // singular: no spread at all in this coordinate
        }
        MixtureFitter.Fit fit = MixtureFitter.fit(points, 1);
        assertFalse(fit.singular().isEmpty());
        double var = fit.mixture().covariance(0)[1][1];
        assertEquals(20.0 / 220, var, 1e-9); // 20 pseudo-points of variance 1 over 200 + 20
        assertFalse(Double.isNaN(fit.mixture().logDensity(new double[] {0, 0.25})));
    }

    @Test
    void theFitIsTheSameEveryTime() {
        double[][] points = concat(cluster(-2, 150, 7), cluster(2, 150, 8));
        GaussianMixture a = MixtureFitter.fitBest(points, 3).mixture();
        GaussianMixture b = MixtureFitter.fitBest(points, 3).mixture();
        assertEquals(a.components(), b.components());
        for (int k = 0; k < a.components(); k++) {
            assertArrayEquals(a.mean(k), b.mean(k), 0);
        }
    }
}
