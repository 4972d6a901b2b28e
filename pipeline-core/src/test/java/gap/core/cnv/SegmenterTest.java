package gap.core.cnv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Circular binary segmentation on hand-made vectors whose change points are known. */
class SegmenterTest {
    private final Segmenter cbs = new Segmenter(0.01, 2);

    private static double[] steps(int[] lengths, double[] levels) {
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        double[] x = new double[n];
        int k = 0;
        for (int s = 0; s < lengths.length; s++) {
            for (int i = 0; i < lengths[s]; i++) {
                // a fixed pattern of small deviations (mean 0 over every 4 bins), no random numbers
                x[k] = levels[s] + 0.05 * new double[] {1, -1, -1, 1}[k % 4];
                k++;
            }
        }
        return x;
    }

    private static void assertSegments(List<int[]> got, int[]... expected) {
        assertEquals(expected.length, got.size(), "segments");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got.get(i));
        }
    }

    @Test
    void anInteriorLossIsCutAtBothEnds() {
        double[] x = steps(new int[] {40, 20, 40}, new double[] {0, -1, 0});
        assertSegments(cbs.segment(x, 0.1), new int[] {0, 40}, new int[] {40, 60}, new int[] {60, 100});
    }

    @Test
    void aGainAtTheEndIsOneCut() {
        double[] x = steps(new int[] {30, 70}, new double[] {0, 0.585});
        assertSegments(cbs.segment(x, 0.1), new int[] {0, 30}, new int[] {30, 100});
    }

    @Test
    void noiseAloneIsOneSegment() {
        double[] x = steps(new int[] {100}, new double[] {0});
        assertSegments(cbs.segment(x, 0.1), new int[] {0, 100});
    }

    @Test
    void nestedChangesAreAllFound() {
        // a homozygous loss inside a one-copy loss, then a gain
        double[] x = steps(new int[] {50, 30, 10, 30, 40, 40}, new double[] {0, -1, -8, -1, 0, 0.585});
        assertSegments(cbs.segment(x, 0.1), new int[] {0, 50}, new int[] {50, 80}, new int[] {80, 90},
                new int[] {90, 120}, new int[] {120, 160}, new int[] {160, 200});
    }

    @Test
    void longSegmentsAreSearchedOnBlocksThenRefinedToTheBin() {
        int n = 3 * Segmenter.EXACT_LIMIT;
        double[] x = steps(new int[] {5000, 237, n - 5237}, new double[] {0, -1, 0});
        assertSegments(cbs.segment(x, 0.1), new int[] {0, 5000}, new int[] {5000, 5237}, new int[] {5237, n});
    }

    @Test
    void theThresholdIsBonferroniOverTheArcs() {
        // 100 bins have 4,950 arcs: two-sided p = 0.01 / 4950 per arc, z = 4.7514 (inverse normal, worked with
        // Python's statistics.NormalDist); 1,000 bins: 499,500 arcs, z = 5.6118
        assertEquals(4.7514, cbs.threshold(100), 1e-3);
        assertEquals(5.6118, cbs.threshold(1000), 1e-3);
    }

    @Test
    void aLoneOutlierIsDrawnToTwoSdsOfItsNeighbourhood() {
        double[] x = {0, 0, 0, 5, 0, 0, 0};
        double[] smoothed = Segmenter.smoothOutliers(x, 0.1);
        assertArrayEquals(new double[] {0, 0, 0, 0.2, 0, 0, 0}, smoothed, 1e-12);
        // the edge of a long deep run is not an outlier: the median of its 5 bins is the run's level
        double[] run = {0, 0, -8, -8, -8, -8, 0, 0};
        assertArrayEquals(run, Segmenter.smoothOutliers(run, 0.1), 1e-12);
    }

    @Test
    void noiseIsTheRobustSdOfSuccessiveDifferences() {
        // differences all of size 1: median |d| = 1, so 1.4826 / sqrt(2)
        double[] x = {0, 1, 0, 1, 0, 1, 0};
        assertEquals(1.4826 / Math.sqrt(2), Segmenter.noise(List.of(x)), 1e-12);
    }
}
