package gap.core.cnv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** GC correction on hand-made ratio vectors whose trend is known exactly. */
class GcCorrectorTest {
    /** 100 bins, GC 0.30 to 0.597 in steps of 0.003. */
    private static double[] gc() {
        double[] gc = new double[100];
        for (int i = 0; i < gc.length; i++) {
            gc[i] = 0.30 + 0.003 * i;
        }
        return gc;
    }

    /** A quadratic GC bias: 0.8 (g - 0.45) + 2 (g - 0.45)^2, in log2. */
    private static double bias(double g) {
        return 0.8 * (g - 0.45) + 2 * (g - 0.45) * (g - 0.45);
    }

    private static boolean[] all(int n) {
        boolean[] use = new boolean[n];
        Arrays.fill(use, true);
        return use;
    }

    @Test
    void aQuadraticBiasIsRemovedExactlyAndTheLevelKept() {
        double[] gc = gc();
        double[] log2 = new double[gc.length];
        for (int i = 0; i < gc.length; i++) {
            log2[i] = bias(gc[i]);
        }
        double[] corrected = GcCorrector.correct(log2, gc, all(gc.length));
        // The fit is exact, so each bin becomes y - (y - median y): the median of the ratios, for every bin.
        double median = GcCorrector.median(log2);
        for (double v : corrected) {
            assertEquals(median, v, 1e-9);
        }
    }

    @Test
    void aWholeContigGainKeepsItsLevel() {
        double[] gc = gc();
        double[] log2 = new double[gc.length];
        for (int i = 0; i < gc.length; i++) {
            log2[i] = 0.585 + bias(gc[i]);
        }
        double[] corrected = GcCorrector.correct(log2, gc, all(gc.length));
        double expected = 0.585 + GcCorrector.median(Arrays.stream(gc).map(GcCorrectorTest::bias).toArray());
        for (double v : corrected) {
            assertEquals(expected, v, 1e-9);
        }
    }

    @Test
    void aDeletionOfTheGcRichBinsIsNotAbsorbed() {
        // the 30 most GC-rich bins are a one-copy loss (log2 -1) under the same bias: a fit of all bins by least
        // squares would take much of the step for GC bias; the biweight gives those bins no weight
        double[] gc = gc();
        double[] log2 = new double[gc.length];
        for (int i = 0; i < gc.length; i++) {
            log2[i] = bias(gc[i]) + (i >= 70 ? -1 : 0) + 0.01 * ((i * 7) % 5 - 2); // small fixed jitter
        }
        double[] corrected = GcCorrector.correct(log2, gc, all(gc.length));
        double[] neutral = Arrays.copyOfRange(corrected, 0, 70);
        double[] lost = Arrays.copyOfRange(corrected, 70, 100);
        double step = GcCorrector.median(lost) - GcCorrector.median(neutral);
        assertEquals(-1, step, 0.03, "the loss stays a loss of one copy");
        assertTrue(GcCorrector.mad(neutral) < 0.03, "the neutral bins are flat: " + GcCorrector.mad(neutral));
    }

    @Test
    void onlyTheBinsInUseShapeTheTrend() {
        double[] gc = gc();
        double[] log2 = new double[gc.length];
        boolean[] use = new boolean[gc.length];
        for (int i = 0; i < gc.length; i++) {
            log2[i] = bias(gc[i]) + (i % 2 == 0 ? 0 : 3); // odd bins far off, and not used
            use[i] = i % 2 == 0;
        }
        double[] trend = GcCorrector.trend(log2, gc, use);
        double[] even = new double[50];
        for (int i = 0; i < 50; i++) {
            even[i] = bias(gc[2 * i]);
        }
        double level = GcCorrector.median(even);
        for (int i = 0; i < gc.length; i++) {
            // no extrapolation: bin 99's GC (0.597) lies past the last bin used (98, GC 0.594)
            assertEquals(bias(Math.min(gc[i], gc[98])) - level, trend[i], 1e-9);
        }
    }

    @Test
    void tooFewBinsOrOneGcShareGiveNoTrend() {
        double[] gc = Arrays.copyOf(gc(), GcCorrector.MIN_BINS - 1);
        double[] log2 = Arrays.stream(gc).map(GcCorrectorTest::bias).toArray();
        assertTrue(Arrays.stream(GcCorrector.trend(log2, gc, all(gc.length))).allMatch(v -> v == 0));
        double[] flat = new double[100];
        Arrays.fill(flat, 0.4);
        double[] values = new double[100];
        Arrays.setAll(values, i -> i % 3);
        assertTrue(Arrays.stream(GcCorrector.trend(values, flat, all(100))).allMatch(v -> v == 0));
    }
}
