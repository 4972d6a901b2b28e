package gap.core.cnv;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Takes one contig's log2 copy ratios (its usable bins, in order) and their noise, gives segments: circular binary
 * segmentation (Olshen et al. 2004, DNAcopy). In a segment, the arc (i, j) whose mean differs most from the rest's
 * in units of its standard error, {@code |mean_in - mean_out| / (sigma·sqrt(1/k + 1/(m-k)))}, is a change when its
 * Bonferroni p-value over the segment's m(m-1)/2 arcs is below alpha; the segment is then cut at i and j (one cut when
 * the arc touches an end) and each part segmented again. The noise is the sample's own (a robust SD of the bins), so
 * the threshold follows the data, not a constant. Values are first smoothed of single outliers as DNAcopy does: a bin
 * further than 4 SDs from the median of the 5 bins around it (itself included) is drawn to 2 SDs of that median. Long segments are searched
 * on block sums first and refined around the best block arc, so the cost stays near linear in bins.
 */
public final class Segmenter {
    /** Above this many bins, arcs are searched on blocks of bins first. */
    static final int EXACT_LIMIT = 4096;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final double alpha;
    private final int minWidth;

    /** @param minWidth fewest bins a part may have (DNAcopy's min.width, 2 by default there) */
    public Segmenter(double alpha, int minWidth) {
        this.alpha = alpha;
        this.minWidth = minWidth;
    }

    /** Segments as {from, to} index ranges ({@code to} exclusive), in order, covering all of {@code x}. */
    public List<int[]> segment(double[] x, double sigma) {
        List<int[]> out = new ArrayList<>();
        if (x.length == 0) {
            return out;
        }
        double[] v = smoothOutliers(x, sigma);
        split(v, sigma, 0, v.length, out);
        return out;
    }

    private void split(double[] v, double sigma, int lo, int hi, List<int[]> out) {
        int[] arc = hi - lo >= 2 * minWidth && sigma > 0 ? bestArc(v, sigma, lo, hi) : null;
        if (arc == null) {
            out.add(new int[] {lo, hi});
            return;
        }
        int[] cuts = {lo, arc[0], arc[1], hi};
        for (int p = 0; p < 3; p++) {
            if (cuts[p + 1] > cuts[p]) {
                split(v, sigma, cuts[p], cuts[p + 1], out);
            }
        }
    }

    /** The significant arc {i, j} of v[lo, hi), or null when none passes the threshold. */
    int[] bestArc(double[] v, double sigma, int lo, int hi) {
        int m = hi - lo;
        double[] prefix = new double[m + 1];
        for (int i = 0; i < m; i++) {
            prefix[i + 1] = prefix[i] + v[lo + i];
        }
        double[] best = m <= EXACT_LIMIT ? search(prefix, 0, m, 0, m, 1) : blockSearch(prefix);
        if (best == null || best[0] < threshold(m) * sigma) {
            return null;
        }
        return new int[] {lo + (int) best[1], lo + (int) best[2]};
    }

    /** The z threshold for a segment of m bins: two-sided Bonferroni over its arcs. */
    double threshold(int m) {
        double arcs = m * (m - 1.0) / 2;
        double p = alpha / Math.max(1, arcs) / 2;
        return -NORMAL.inverseCumulativeProbability(p);
    }

    /**
     * The best arc with i in [iFrom, iTo) and j in (i, jTo], i and j multiples of {@code step} from 0 (block search) or
     * any; gives {statistic·sigma, i, j}. Both the arc and its complement must hold at least minWidth bins.
     */
    private double[] search(double[] prefix, int iFrom, int iTo, int jFrom, int jTo, int step) {
        int m = prefix.length - 1;
        double total = prefix[m];
        double best = -1;
        int bi = -1;
        int bj = -1;
        for (int i = iFrom; i < iTo; i += step) {
            for (int j = Math.max(i + step, jFrom); j <= jTo; j += step) {
                int k = j - i;
                if (k < minWidth || m - k < minWidth) {
                    continue;
                }
                double inside = prefix[j] - prefix[i];
                double diff = inside / k - (total - inside) / (m - k);
                double t = Math.abs(diff) / Math.sqrt(1.0 / k + 1.0 / (m - k));
                if (t > best) {
                    best = t;
                    bi = i;
                    bj = j;
                }
            }
        }
        return bi < 0 ? null : new double[] {best, bi, bj};
    }

    /** Arc search on block boundaries, then the exact search within a block either side of the best ends. */
    private double[] blockSearch(double[] prefix) {
        int m = prefix.length - 1;
        int step = (m + EXACT_LIMIT / 2 - 1) / (EXACT_LIMIT / 2);
        double[] coarse = search(prefix, 0, m, 0, m, step);
        if (coarse == null) {
            return null;
        }
        int i = (int) coarse[1];
        int j = (int) coarse[2];
        double[] fine = search(prefix, Math.max(0, i - step), Math.min(m, i + step + 1), Math.max(0, j - step),
                Math.min(m, j + step), 1);
        return fine != null && fine[0] >= coarse[0] ? fine : coarse;
    }

    /** DNAcopy's smooth.CNA: a bin beyond 4 SDs of its neighbourhood's median is drawn to 2 SDs of it. */
    static double[] smoothOutliers(double[] x, double sigma) {
        double[] out = x.clone();
        if (!(sigma > 0)) {
            return out;
        }
        for (int i = 0; i < x.length; i++) {
            int from = Math.max(0, i - 2);
            int to = Math.min(x.length, i + 3);
            double med = nearMedian(java.util.Arrays.copyOfRange(x, from, to), x[i]);
            if (Math.abs(x[i] - med) > 4 * sigma) {
                out[i] = med + Math.signum(x[i] - med) * 2 * sigma;
            }
        }
        return out;
    }

    /**
     * The median of {@code window}; of an even number of values (a window cut by an end), the middle value nearer to
     * {@code own}, so that a bin next to the end of a deep run is not drawn half way to it.
     */
    private static double nearMedian(double[] window, double own) {
        double[] s = window.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        if (n % 2 == 1) {
            return s[n / 2];
        }
        double lo = s[n / 2 - 1];
        double hi = s[n / 2];
        return Math.abs(lo - own) <= Math.abs(hi - own) ? lo : hi;
    }

    /**
     * The noise of a sample's bins: a robust SD of successive differences over {@code sqrt 2}, which copy changes
     * (a few steps among thousands of bins) barely move.
     */
    public static double noise(List<double[]> contigs) {
        List<Double> diffs = new ArrayList<>();
        for (double[] x : contigs) {
            for (int i = 1; i < x.length; i++) {
                diffs.add(x[i] - x[i - 1]);
            }
        }
        if (diffs.isEmpty()) {
            return Double.NaN;
        }
        double[] d = diffs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] abs = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            abs[i] = Math.abs(d[i]);
        }
        return 1.4826 * GcCorrector.median(abs) / Math.sqrt(2);
    }
}
