package gap.core.scoring;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A mixture of multivariate Gaussians over normalised annotations: weights, means and covariances. Gives the log
 * density of a point whose missing values (NaN) are marginalised out exactly: a Gaussian's marginal over the
 * observed coordinates is the Gaussian of the observed part of its mean and covariance, so a call without RankSums
 * is scored on what it has, never on a made-up value.
 */
public final class GaussianMixture implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final double LOG_2PI = StrictMath.log(2 * StrictMath.PI);

    private final double[] weights;
    private final double[][] means;
    private final double[][][] covariances;
    private final Map<Integer, Marginal[]> marginals = new HashMap<>();

    public GaussianMixture(double[] weights, double[][] means, double[][][] covariances) {
        this.weights = weights.clone();
        this.means = means;
        this.covariances = covariances;
    }

    public int components() {
        return weights.length;
    }

    public double weight(int k) {
        return weights[k];
    }

    public double[] mean(int k) {
        return means[k].clone();
    }

    public double[][] covariance(int k) {
        return covariances[k];
    }

    /** Natural log of the mixture density at {@code x} over its observed (non-NaN) coordinates. */
    public double logDensity(double[] x) {
        double[] perComponent = componentLogDensities(x);
        return logSumExp(perComponent);
    }

    /** log(weight_k · N_k(x_observed)) for every component k. */
    double[] componentLogDensities(double[] x) {
        int mask = observedMask(x);
        Marginal[] m = marginals(mask);
        double[] out = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            out[k] = StrictMath.log(weights[k]) + m[k].logDensity(x, means[k]);
        }
        return out;
    }

    static int observedMask(double[] x) {
        int mask = 0;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(x[j])) {
                mask |= 1 << j;
            }
        }
        return mask;
    }

    private synchronized Marginal[] marginals(int mask) {
        return marginals.computeIfAbsent(mask, mk -> {
            Marginal[] m = new Marginal[weights.length];
            for (int k = 0; k < weights.length; k++) {
                m[k] = Marginal.of(covariances[k], mk);
            }
            return m;
        });
    }

    static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : values) {
            sum += StrictMath.exp(v - max);
        }
        return max + StrictMath.log(sum);
    }

    /** One component's Gaussian over the coordinates of a mask: their indexes, the Cholesky factor, log det. */
    record Marginal(int[] dims, double[][] lower, double logDet) implements java.io.Serializable {
        static Marginal of(double[][] covariance, int mask) {
            int[] dims = java.util.stream.IntStream.range(0, covariance.length).filter(j -> (mask & (1 << j)) != 0)
                    .toArray();
            if (dims.length == 0) {
                return new Marginal(dims, new double[0][0], 0);
            }
            RealMatrix sub = new Array2DRowRealMatrix(dims.length, dims.length);
            for (int a = 0; a < dims.length; a++) {
                for (int b = 0; b < dims.length; b++) {
                    sub.setEntry(a, b, covariance[dims[a]][dims[b]]);
                }
            }
            CholeskyDecomposition chol = new CholeskyDecomposition(sub);
            double[][] lower = chol.getL().getData();
            double logDet = 0;
            for (int a = 0; a < dims.length; a++) {
                logDet += 2 * StrictMath.log(lower[a][a]);
            }
            return new Marginal(dims, lower, logDet);
        }

        /** log N(x_dims | mean_dims, Σ_dims), solving L y = x - μ by forward substitution. */
        double logDensity(double[] x, double[] mean) {
            int n = dims.length;
            double[] y = new double[n];
            double quad = 0;
            for (int a = 0; a < n; a++) {
                double v = x[dims[a]] - mean[dims[a]];
                for (int b = 0; b < a; b++) {
                    v -= lower[a][b] * y[b];
                }
                y[a] = v / lower[a][a];
                quad += y[a] * y[a];
            }
            return -0.5 * (n * LOG_2PI + logDet + quad);
        }
    }
}
