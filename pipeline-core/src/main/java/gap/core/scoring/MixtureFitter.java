package gap.core.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.random.Well19937c;

/**
 * Takes normalised points (NaN where an annotation is missing) and a largest number of components, gives the
 * Gaussian mixture that BIC prefers among 1 to that many, fitted by expectation–maximisation. Commons Math's EM
 * needs complete points and fails on a singular covariance; this one does what it does not:
 * <ul>
 *   <li>missing values are marginalised (the E-step weighs a point by its observed coordinates, the M-step takes
 *   the conditional expectation of the missing ones given the observed, with its conditional covariance);
 *   <li>every covariance is shrunk towards the identity (the normalised scale) by 20 pseudo-observations, the
 *   prior count of GATK's VQSR, so a component on a handful of points, or on points equal in one annotation (a
 *   spike: MQ at 60), stays invertible and does not turn a hair's difference into a verdict; components whose raw
 *   covariance was singular are reported in {@link Fit#singular()}.
 * </ul>
 * Deterministic: the starting clusters are k-means++ with a fixed seed, points in the order given.
 */
public final class MixtureFitter {
    /** Seed of the k-means++ start: fixed, so every run and every driver fits the same model. */
    static final long SEED = 20240531L;
    /** Pseudo-observations of the identity covariance added to each component (the normalised unit scale). */
    static final double SHRINKAGE = 20.0;
    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-8;
    /** A component needs at least this much weight (in points) to count; fewer means the mixture is too large. */
    private static final double MIN_COMPONENT_POINTS = 2.0;

    /** A fitted mixture, its log-likelihood and BIC, and the components whose raw covariance was singular. */
    public record Fit(GaussianMixture mixture, double logLikelihood, double bic, List<Integer> singular) {}

    private MixtureFitter() {}

    /** The fit BIC prefers among 1 to {@code maxComponents} components (fewer when the points cannot carry more). */
    public static Fit fitBest(double[][] points, int maxComponents) {
        return fitBest(points, maxComponents, 0);
    }

    /**
     * As {@link #fitBest(double[][], int)}, where a fit with a component of weight below {@code minWeight} does not
     * count: among training calls, a small tight cluster is a handful of artefacts at known sites (dbSNP holds
     * some), not a kind of good call, and a component of its own would make its look-alikes score as good.
     */
    public static Fit fitBest(double[][] points, int maxComponents, double minWeight) {
        return fitBest(points, maxComponents, minWeight, 0);
    }

    /**
     * As {@link #fitBest(double[][], int, double)}, where no component's variance in any annotation may fall below
     * {@code minVariance} (normalised units): a spike (MQ 60 on most calls) then gives a narrow peak, not a cliff
     * that puts a true call at MQ 56 many standard deviations out. Raising diagonal entries keeps a covariance
     * positive definite.
     */
    public static Fit fitBest(double[][] points, int maxComponents, double minWeight, double minVariance) {
        Fit best = null;
        for (int k = 1; k <= maxComponents; k++) {
            if (points.length < k * MIN_COMPONENT_POINTS * 2) {
                break;
            }
            Fit f = fit(points, k, minVariance);
            if (f == null) {
                break;
            }
            if (k > 1 && smallestWeight(f.mixture()) < minWeight) {
                continue;
            }
            if (best == null || f.bic() < best.bic()) {
                best = f;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("too few points to fit a mixture: " + points.length);
        }
        return best;
    }

    private static double smallestWeight(GaussianMixture g) {
        double min = 1;
        for (int k = 0; k < g.components(); k++) {
            min = Math.min(min, g.weight(k));
        }
        return min;
    }

    /** EM with {@code k} components; null when a component loses its points (k is too many for the data). */
    public static Fit fit(double[][] points, int k) {
        return fit(points, k, 0);
    }

    /** As {@link #fit(double[][], int)}, each component's variances floored at {@code minVariance}. */
    public static Fit fit(double[][] points, int k, double minVariance) {
        int n = points.length;
        int d = points[0].length;
        double[][] resp = initialResponsibilities(points, k);
        Params params = null;
        double previous = Double.NEGATIVE_INFINITY;
        double ll = previous;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            params = maximise(points, resp, params, k, d, minVariance);
            if (params == null) {
                return null;
            }
            GaussianMixture mixture = params.mixture();
            ll = 0;
            for (int i = 0; i < n; i++) {
                double[] logs = mixture.componentLogDensities(points[i]);
                double total = GaussianMixture.logSumExp(logs);
                ll += total;
                for (int c = 0; c < k; c++) {
                    resp[i][c] = StrictMath.exp(logs[c] - total);
                }
            }
            if (ll - previous < TOLERANCE * Math.abs(ll)) {
                break;
            }
            previous = ll;
        }
        double freeParameters = k * (d + d * (d + 1) / 2.0) + (k - 1);
        double bic = -2 * ll + freeParameters * StrictMath.log(n);
        return new Fit(params.mixture(), ll, bic, params.singular());
    }

    /** Mixture parameters with, per component, whether its raw covariance was singular. */
    private record Params(GaussianMixture mixture, List<Integer> singular) {}

    /**
     * The M-step: weights, means and covariances from the responsibilities. Missing coordinates of a point are
     * filled, per component, with their conditional mean given its observed ones under the current parameters
     * (the first step, without parameters, uses the component's mean of the observed values), and the conditional
     * covariance of the missing block is added to the scatter.
     */
    private static Params maximise(double[][] points, double[][] resp, Params current, int k, int d,
                                   double minVariance) {
        int n = points.length;
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][][] covs = new double[k][d][d];
        List<Integer> singular = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double nk = 0;
            for (int i = 0; i < n; i++) {
                nk += resp[i][c];
            }
            if (nk < MIN_COMPONENT_POINTS) {
                return null;
            }
            double[][] filled = new double[n][];
            double[][][] extra = new double[n][][];
            fill(points, resp, current, c, d, filled, extra);
            double[] mean = new double[d];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < d; a++) {
                    mean[a] += resp[i][c] * filled[i][a];
                }
            }
            for (int a = 0; a < d; a++) {
                mean[a] /= nk;
            }
            double[][] scatter = scatter(filled, extra, resp, c, mean);
            double[][] cov = new double[d][d];
            double[][] raw = new double[d][d];
            for (int a = 0; a < d; a++) {
                for (int b = 0; b <= a; b++) {
                    raw[a][b] = raw[b][a] = scatter[a][b] / nk;
                    double v = (scatter[a][b] + (a == b ? SHRINKAGE : 0)) / (nk + SHRINKAGE);
                    cov[a][b] = a == b ? Math.max(v, minVariance) : v;
                    cov[b][a] = v;
                }
            }
            if (!positiveDefinite(raw)) {
                singular.add(c);
            }
            weights[c] = nk / n;
            means[c] = mean;
            covs[c] = cov;
        }
        return new Params(new GaussianMixture(weights, means, covs), singular);
    }

    /**
     * Component {@code c}'s view of every point: {@code filled[i]} its coordinates with the missing ones filled in,
     * {@code extra[i]} the conditional covariance of the missing block (null in the first step, without parameters).
     */
    private static void fill(double[][] points, double[][] resp, Params current, int c, int d, double[][] filled,
                             double[][][] extra) {
        double[] observedMean = current == null ? observedMeans(points, resp, c, d) : null;
        Map<Integer, Regression> byMask = new HashMap<>(); // few masks: one regression each per step
        for (int i = 0; i < points.length; i++) {
            if (current == null) {
                filled[i] = fillWith(points[i], observedMean);
            } else {
                double[] mu = current.mixture().mean(c);
                double[][] sigma = current.mixture().covariance(c);
                Regression reg = byMask.computeIfAbsent(GaussianMixture.observedMask(points[i]),
                        mask -> Regression.of(sigma, mask));
                filled[i] = reg.fill(points[i], mu);
                extra[i] = reg.missingCovariance();
            }
        }
    }

    /** The responsibility-weighted scatter about {@code mean} of the filled points, lower triangle. */
    private static double[][] scatter(double[][] filled, double[][][] extra, double[][] resp, int c, double[] mean) {
        int d = mean.length;
        double[][] scatter = new double[d][d];
        for (int i = 0; i < filled.length; i++) {
            double r = resp[i][c];
            for (int a = 0; a < d; a++) {
                double da = filled[i][a] - mean[a];
                for (int b = 0; b <= a; b++) {
                    double v = da * (filled[i][b] - mean[b]);
                    if (extra[i] != null) {
                        v += extra[i][a][b];
                    }
                    scatter[a][b] += r * v;
                }
            }
        }
        return scatter;
    }

    private static boolean positiveDefinite(double[][] m) {
        try {
            new CholeskyDecomposition(new Array2DRowRealMatrix(m), 1e-10, 1e-9);
            return true;
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return false;
        }
    }

    /**
     * The missing coordinates of a mask given its observed ones, for one component:
     * x_m | x_o ~ N(μ_m + Σ_mo Σ_oo⁻¹ (x_o − μ_o), Σ_mm − Σ_mo Σ_oo⁻¹ Σ_om); the covariance is d×d, zero outside
     * the missing block, or null when nothing is missing.
     */
    private record Regression(int[] observed, int[] missing, RealMatrix gain, double[][] missingCovariance) {
        static Regression of(double[][] sigma, int mask) {
            int d = sigma.length;
            List<Integer> obs = new ArrayList<>();
            List<Integer> mis = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                ((mask & (1 << j)) != 0 ? obs : mis).add(j);
            }
            int[] o = obs.stream().mapToInt(Integer::intValue).toArray();
            int[] m = mis.stream().mapToInt(Integer::intValue).toArray();
            if (m.length == 0) {
                return new Regression(o, m, null, null);
            }
            double[][] cov = new double[d][d];
            RealMatrix condCov;
            RealMatrix gain = null;
            if (o.length == 0) {
                condCov = sub(sigma, mis, mis);
            } else {
                RealMatrix smo = sub(sigma, mis, obs);
                gain = new LUDecomposition(sub(sigma, obs, obs)).getSolver().solve(smo.transpose()).transpose();
                condCov = sub(sigma, mis, mis).subtract(gain.multiply(smo.transpose()));
            }
            for (int a = 0; a < m.length; a++) {
                for (int b = 0; b < m.length; b++) {
                    cov[m[a]][m[b]] = condCov.getEntry(a, b);
                }
            }
            return new Regression(o, m, gain, cov);
        }

        double[] fill(double[] x, double[] mu) {
            if (missing.length == 0) {
                return x;
            }
            double[] filled = x.clone();
            double[] shift = new double[missing.length];
            if (gain != null) {
                double[] resid = new double[observed.length];
                for (int a = 0; a < observed.length; a++) {
                    resid[a] = x[observed[a]] - mu[observed[a]];
                }
                shift = gain.operate(resid);
            }
            for (int a = 0; a < missing.length; a++) {
                filled[missing[a]] = mu[missing[a]] + shift[a];
            }
            return filled;
        }
    }

    private static RealMatrix sub(double[][] m, List<Integer> rows, List<Integer> cols) {
        RealMatrix out = new Array2DRowRealMatrix(rows.size(), cols.size());
        for (int a = 0; a < rows.size(); a++) {
            for (int b = 0; b < cols.size(); b++) {
                out.setEntry(a, b, m[rows.get(a)][cols.get(b)]);
            }
        }
        return out;
    }

    private static double[] observedMeans(double[][] points, double[][] resp, int c, int d) {
        double[] sum = new double[d];
        double[] weight = new double[d];
        for (int i = 0; i < points.length; i++) {
            for (int a = 0; a < d; a++) {
                if (!Double.isNaN(points[i][a])) {
                    sum[a] += resp[i][c] * points[i][a];
                    weight[a] += resp[i][c];
                }
            }
        }
        double[] mean = new double[d];
        for (int a = 0; a < d; a++) {
            mean[a] = weight[a] > 0 ? sum[a] / weight[a] : 0; // normalised scale: 0 is the training mean
        }
        return mean;
    }

    private static double[] fillWith(double[] x, double[] values) {
        double[] out = x.clone();
        for (int a = 0; a < out.length; a++) {
            if (Double.isNaN(out[a])) {
                out[a] = values[a];
            }
        }
        return out;
    }

    /**
     * Hard responsibilities from k-means++ (seeded) over the coordinates every point has; one component takes all.
     */
    static double[][] initialResponsibilities(double[][] points, int k) {
        int n = points.length;
        double[][] resp = new double[n][k];
        if (k == 1) {
            for (double[] r : resp) {
                r[0] = 1;
            }
            return resp;
        }
        int d = points[0].length;
        List<Integer> complete = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            boolean all = true;
            for (double[] p : points) {
                all &= !Double.isNaN(p[a]);
            }
            if (all) {
                complete.add(a);
            }
        }
        List<DoublePoint> pts = new ArrayList<>();
        for (double[] p : points) {
            double[] v = new double[complete.size()];
            for (int a = 0; a < v.length; a++) {
                v[a] = p[complete.get(a)];
            }
            pts.add(new DoublePoint(v));
        }
        KMeansPlusPlusClusterer<DoublePoint> kmeans = new KMeansPlusPlusClusterer<>(k, 100,
                new org.apache.commons.math3.ml.distance.EuclideanDistance(), new Well19937c(SEED));
        List<CentroidCluster<DoublePoint>> clusters = kmeans.cluster(pts);
        // Identity of the point objects, not equality: equal points may sit in different clusters.
        java.util.IdentityHashMap<DoublePoint, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(pts.get(i), i);
        }
        for (int c = 0; c < clusters.size(); c++) {
            for (DoublePoint p : clusters.get(c).getPoints()) {
                resp[index.get(p)][c] = 1;
            }
        }
        return resp;
    }
}
