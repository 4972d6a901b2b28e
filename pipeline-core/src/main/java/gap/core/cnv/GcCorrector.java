package gap.core.cnv;

import java.util.Arrays;

/**
 * Takes log2 copy ratios and the GC share of their bins, gives the GC trend to take off them: a quadratic in GC
 * fitted by iteratively reweighted least squares with Tukey's biweight (c = 4.685 robust SDs), so that bins of a
 * copy change, far from the trend, weigh nothing. The trend is centred on its median over the bins used, so the
 * correction moves no level: a gain of the whole contig stays a gain. Over fewer than {@link #MIN_BINS} bins, or GC
 * shares all alike, there is no trend (zeros).
 */
public final class GcCorrector {
    /** Fewest bins a trend is fitted on. */
    static final int MIN_BINS = 30;
    private static final double TUKEY_C = 4.685;
    private static final int ITERATIONS = 30;

    private GcCorrector() {}

    /**
     * @param log2 the ratios (NaN where unknown)
     * @param gc   the bins' GC shares (NaN where unknown)
     * @param use  the bins the trend is fitted on
     * @return the trend at every bin (0 where GC is unknown), to subtract from {@code log2}
     */
    public static double[] trend(double[] log2, double[] gc, boolean[] use) {
        int n = log2.length;
        double[] out = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (use[i] && Double.isFinite(log2[i]) && Double.isFinite(gc[i])) {
                m++;
            }
        }
        if (m < MIN_BINS) {
            return out;
        }
        double[] x = new double[m];
        double[] y = new double[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (use[i] && Double.isFinite(log2[i]) && Double.isFinite(gc[i])) {
                x[k] = gc[i];
                y[k++] = log2[i];
            }
        }
        double lo = Arrays.stream(x).min().orElse(0);
        double hi = Arrays.stream(x).max().orElse(0);
        if (hi - lo < 1e-6) {
            return out;
        }
        double centre = median(x);
        double[] beta = fit(x, y, centre);
        double[] fitted = new double[m];
        for (int i = 0; i < m; i++) {
            fitted[i] = value(beta, x[i] - centre);
        }
        double level = median(fitted);
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(gc[i])) {
                double g = Math.max(lo, Math.min(hi, gc[i])); // no extrapolation past the GC seen
                out[i] = value(beta, g - centre) - level;
            }
        }
        return out;
    }

    /** {@code log2} less its trend. */
    public static double[] correct(double[] log2, double[] gc, boolean[] use) {
        double[] t = trend(log2, gc, use);
        double[] out = log2.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= t[i];
        }
        return out;
    }

    /** Biweight IRLS of y on (1, x-centre, (x-centre)^2), started at the median level. */
    private static double[] fit(double[] x, double[] y, double centre) {
        int m = x.length;
        double[] beta = {median(y), 0, 0};
        double[] w = new double[m];
        double[] r = new double[m];
        for (int iter = 0; iter < ITERATIONS; iter++) {
            for (int i = 0; i < m; i++) {
                r[i] = y[i] - value(beta, x[i] - centre);
            }
            double scale = mad(r);
            if (scale <= 0) {
                break;
            }
            for (int i = 0; i < m; i++) {
                double u = r[i] / (TUKEY_C * scale);
                w[i] = Math.abs(u) < 1 ? (1 - u * u) * (1 - u * u) : 0;
            }
            double[] next = weightedQuadratic(x, y, w, centre);
            if (next == null) {
                break;
            }
            double change = Math.abs(next[0] - beta[0]) + Math.abs(next[1] - beta[1]) + Math.abs(next[2] - beta[2]);
            beta = next;
            if (change < 1e-10) {
                break;
            }
        }
        return beta;
    }

    private static double value(double[] beta, double d) {
        return beta[0] + beta[1] * d + beta[2] * d * d;
    }

    /** Weighted least squares of y on (1, d, d^2), d = x - centre, by the normal equations; null when singular. */
    static double[] weightedQuadratic(double[] x, double[] y, double[] w, double centre) {
        double[][] a = new double[3][4];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - centre;
            double[] f = {1, d, d * d};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    a[r][c] += w[i] * f[r] * f[c];
                }
                a[r][3] += w[i] * f[r] * y[i];
            }
        }
        return solve3(a);
    }

    /** Gaussian elimination with partial pivoting of a 3x3 system in augmented form. */
    private static double[] solve3(double[][] a) {
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return null;
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < 3; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c < 4; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Median absolute deviation from the median, scaled to a normal SD (1.4826). */
    static double mad(double[] v) {
        double med = median(v);
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = Math.abs(v[i] - med);
        }
        return 1.4826 * median(d);
    }
}
