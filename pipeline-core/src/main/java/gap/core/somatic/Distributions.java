package gap.core.somatic;

import org.apache.commons.math3.special.Gamma;

/** The few log probabilities the somatic filters need (natural logs). */
final class Distributions {
    private Distributions() {}

    /** ln of the binomial coefficient n choose k. */
    static double lnChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    /** ln B(a, b), the beta function. */
    static double lnBeta(double a, double b) {
        return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    }

    /** ln P(k | n, p), binomial. */
    static double binomial(int n, int k, double p) {
        if (p <= 0) {
            return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return k == n ? 0 : Double.NEGATIVE_INFINITY;
        }
        return lnChoose(n, k) + k * StrictMath.log(p) + (n - k) * StrictMath.log1p(-p);
    }

    /** ln P(k | n, α, β), beta-binomial: k successes of n when p ~ Beta(α, β). */
    static double betaBinomial(int n, int k, double alpha, double beta) {
        return lnChoose(n, k) + lnBeta(k + alpha, n - k + beta) - lnBeta(alpha, beta);
    }

    static double logSumExp(double... values) {
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

    /** ln(1 − e^x) for x ≤ 0, accurate near 0. */
    static double log1mexp(double x) {
        return x > -0.693 ? StrictMath.log(-StrictMath.expm1(x)) : StrictMath.log1p(-StrictMath.exp(x));
    }

    /**
     * The posterior probability of an error given the log odds of real against error and the log prior of real
     * (Mutect2's posteriorProbabilityOfError): error's prior is the rest.
     */
    static double posteriorOfError(double logOddsRealVsError, double logPriorReal) {
        double real = logOddsRealVsError + logPriorReal;
        double error = log1mexp(logPriorReal);
        double max = Math.max(real, error);
        double r = StrictMath.exp(real - max);
        double e = StrictMath.exp(error - max);
        return e / (r + e);
    }
}
