package gap.core.cnv;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Takes a heterozygous SNV's alternate and total read counts, gives their log likelihood (natural log) when the two
 * haplotypes are present in the ratio b : 1-b ({@code b}, the minor allele fraction, in (0, 0.5]): the alternate
 * allele sits on either haplotype with probability one half, counts follow a beta-binomial of concentration
 * {@code rho} around b (or 1-b), and a share {@code outlierRate} of sites are genotyping errors, uniform over
 * 0..n alternate reads. A duplication or trisomy of one haplotype gives b = 1/3, a loss of one haplotype in a share f
 * of the cells (1-f)/(2-f) (Mosaic formulas: CNVkit's hmm.py, MoChA). One per thread: it remembers what it computed.
 */
public final class BafModel {
    private final double rho;
    private final double outlierRate;
    /**
     * Site likelihoods already computed, by (alt, depth, b): a sample's hets take a few hundred (alt, depth) pairs and
     * its states a few dozen b, while segments, states and passes ask for them hundreds of thousands of times.
     */
    private final java.util.Map<Key, Double> cache = new java.util.HashMap<>();

    private record Key(int alt, int depth, double b) {}

    public BafModel(double concentration, double outlierRate) {
        this.rho = concentration;
        this.outlierRate = outlierRate;
    }

    public double logLikelihood(int alt, int depth, double b) {
        return cache.computeIfAbsent(new Key(alt, depth, b), k -> compute(k.alt(), k.depth(), k.b()));
    }

    private double compute(int alt, int depth, double b) {
        double a = logBetaBinomial(alt, depth, b);
        double c = logBetaBinomial(alt, depth, 1 - b);
        double max = Math.max(a, c);
        double mixture = max + Math.log(0.5 * Math.exp(a - max) + 0.5 * Math.exp(c - max));
        return logSum(Math.log(1 - outlierRate) + mixture, Math.log(outlierRate) - Math.log(depth + 1.0));
    }

    /** A site where no second haplotype remains: its reads say nothing beyond an error's uniform count. */
    public double lohLogLikelihood(int depth) {
        return -Math.log(depth + 1.0);
    }

    /**
     * log BB(k; n, ρp, ρ(1-p)) = log C(n,k) + lnΓ(k+α) + lnΓ(n-k+β) - lnΓ(n+ρ) - lnΓ(α) - lnΓ(β) + lnΓ(ρ), by log-gamma
     * differences (Beta.logBeta's care for extreme arguments costs ten times more, and α, β are here near 100).
     */
    double logBetaBinomial(int k, int n, double p) {
        double alpha = rho * p;
        double beta = rho * (1 - p);
        return CombinatoricsUtils.binomialCoefficientLog(n, k) + Gamma.logGamma(k + alpha)
                + Gamma.logGamma(n - k + beta) - Gamma.logGamma(n + rho) - Gamma.logGamma(alpha)
                - Gamma.logGamma(beta) + Gamma.logGamma(rho);
    }

    static double logSum(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }
}
