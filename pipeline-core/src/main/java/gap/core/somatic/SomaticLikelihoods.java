package gap.core.somatic;

import org.apache.commons.math3.special.Gamma;

/**
 * Takes one sample's fragment likelihoods at a site (natural log, fragments × alleles, REF first), gives Mutect2's
 * somatic evidence: the allele fractions are unknown and continuous, a Dirichlet prior over them, each fragment drawn
 * from one allele by those fractions, and the fractions integrated out by mean-field variational Bayes
 * ({@code broadinstitute/gatk:docs/mutect/mutect.tex}, "somatic likelihoods model"). From it: the log evidence, the
 * posterior of the fractions, the tumour log odds of each ALT (evidence with the allele against evidence without
 * it: TLOD), and the diploid normal log odds (hom-ref against het: NLOD). Natural logs throughout; callers write
 * log10.
 */
public final class SomaticLikelihoods {
    /** Iterations stop when the posterior's pseudo-counts move by less than this share of their sum (Mutect2's). */
    static final double CONVERGENCE = 1e-3;
    private static final int MAX_ITERATIONS = 1000;
    /** Responsibilities below this count nothing, so 0·log 0 and 0·(-inf) are 0. */
    private static final double NEGLIGIBLE = 1e-10;
    private static final double LN_HALF = StrictMath.log(0.5);

    private SomaticLikelihoods() {}

    /** A flat Dirichlet prior, one pseudo-count per allele (Mutect2's default). */
    public static double[] flatPrior(int alleles) {
        double[] prior = new double[alleles];
        java.util.Arrays.fill(prior, 1.0);
        return prior;
    }

    /** The Dirichlet posterior's pseudo-counts over the allele fractions: the prior plus each allele's expected reads. */
    public static double[] fractionPosterior(double[][] lnLik, double[] prior) {
        double[] posterior = flatPrior(prior.length);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] counts = effectiveCounts(lnLik, posterior);
            double[] next = new double[prior.length];
            double moved = 0;
            double total = 0;
            for (int a = 0; a < prior.length; a++) {
                next[a] = counts[a] + prior[a];
                moved += Math.abs(next[a] - posterior[a]);
                total += next[a];
            }
            posterior = next;
            if (moved / total < CONVERGENCE) {
                break;
            }
        }
        return posterior;
    }

    /** Posterior mean allele fractions (Mutect2's FORMAT/AF is the ALT entries), flat prior. */
    public static double[] meanFractions(double[][] lnLik, int alleles) {
        double[] posterior = lnLik.length == 0 ? flatPrior(alleles) : fractionPosterior(lnLik, flatPrior(alleles));
        double total = 0;
        for (double v : posterior) {
            total += v;
        }
        double[] mean = new double[alleles];
        for (int a = 0; a < alleles; a++) {
            mean[a] = posterior[a] / total;
        }
        return mean;
    }

    /**
     * The variational lower bound on ln P(reads): ln C(prior) − ln C(posterior) + Σ_r Σ_a z_ra (ℓ_ra − ln z_ra), with
     * C the Dirichlet normaliser Γ(Σα)/ΠΓ(α) and z the fragments' responsibilities under the posterior. Exact when
     * every fragment fits one allele only.
     */
    public static double logEvidence(double[][] lnLik, double[] prior) {
        if (lnLik.length == 0) {
            return 0;
        }
        double[] posterior = fractionPosterior(lnLik, prior);
        double[] weights = expectedLogFractions(posterior);
        double sum = logNormaliser(prior) - logNormaliser(posterior);
        for (double[] read : lnLik) {
            double[] z = responsibilities(read, weights);
            for (int a = 0; a < z.length; a++) {
                if (z[a] >= NEGLIGIBLE) {
                    sum += z[a] * (read[a] - StrictMath.log(z[a]));
                }
            }
        }
        return sum;
    }

    /**
     * Per ALT allele (index a-1 for allele a), the log odds that the sample holds it at some fraction: the evidence
     * with every allele against the evidence with that one left out (Mutect2's TLOD, and NALOD on the normal).
     */
    public static double[] somaticLogOdds(double[][] lnLik, int alleles) {
        double[] odds = new double[alleles - 1];
        if (lnLik.length == 0) {
            return odds;
        }
        double all = logEvidence(lnLik, flatPrior(alleles));
        for (int a = 1; a < alleles; a++) {
            odds[a - 1] = all - logEvidence(without(lnLik, a), flatPrior(alleles - 1));
        }
        return odds;
    }

    /**
     * Per ALT allele, the log odds that a diploid sample is hom-ref rather than het REF/ALT: Σ_r [ℓ_ref − ln(½ e^ℓ_ref
     * + ½ e^ℓ_alt)] (Mutect2's NLOD; large when the normal shows no sign of the allele).
     */
    public static double[] normalLogOdds(double[][] lnLik, int alleles) {
        double[] odds = new double[alleles - 1];
        for (double[] read : lnLik) {
            for (int a = 1; a < alleles; a++) {
                odds[a - 1] += read[0] - (logSumExp(read[0], read[a]) + LN_HALF);
            }
        }
        return odds;
    }

    /** Expected reads per allele: the responsibilities summed over fragments, under the Dirichlet {@code posterior}. */
    static double[] effectiveCounts(double[][] lnLik, double[] posterior) {
        double[] weights = expectedLogFractions(posterior);
        double[] counts = new double[posterior.length];
        for (double[] read : lnLik) {
            double[] z = responsibilities(read, weights);
            for (int a = 0; a < z.length; a++) {
                counts[a] += z[a];
            }
        }
        return counts;
    }

    /** E[ln f_a] under Dirichlet(α): ψ(α_a) − ψ(Σα). */
    static double[] expectedLogFractions(double[] alpha) {
        double total = 0;
        for (double v : alpha) {
            total += v;
        }
        double digammaTotal = Gamma.digamma(total);
        double[] out = new double[alpha.length];
        for (int a = 0; a < alpha.length; a++) {
            out[a] = Gamma.digamma(alpha[a]) - digammaTotal;
        }
        return out;
    }

    /** A fragment's posterior over alleles given log weights: softmax of weight + likelihood. */
    static double[] responsibilities(double[] read, double[] logWeights) {
        double max = Double.NEGATIVE_INFINITY;
        double[] z = new double[read.length];
        for (int a = 0; a < read.length; a++) {
            z[a] = read[a] + logWeights[a];
            max = Math.max(max, z[a]);
        }
        double sum = 0;
        for (int a = 0; a < z.length; a++) {
            z[a] = StrictMath.exp(z[a] - max);
            sum += z[a];
        }
        for (int a = 0; a < z.length; a++) {
            z[a] /= sum;
        }
        return z;
    }

    /** ln of the Dirichlet normaliser, ln Γ(Σα) − Σ ln Γ(α). */
    static double logNormaliser(double[] alpha) {
        double total = 0;
        double sum = 0;
        for (double v : alpha) {
            total += v;
            sum += Gamma.logGamma(v);
        }
        return Gamma.logGamma(total) - sum;
    }

    /** The matrix without allele column {@code allele}. */
    static double[][] without(double[][] lnLik, int allele) {
        double[][] out = new double[lnLik.length][];
        for (int r = 0; r < lnLik.length; r++) {
            double[] row = new double[lnLik[r].length - 1];
            for (int a = 0, k = 0; a < lnLik[r].length; a++) {
                if (a != allele) {
                    row[k++] = lnLik[r][a];
                }
            }
            out[r] = row;
        }
        return out;
    }

    static double logSumExp(double a, double b) {
        double max = Math.max(a, b);
        return max == Double.NEGATIVE_INFINITY ? max : max + StrictMath.log(StrictMath.exp(a - max) + StrictMath.exp(b - max));
    }
}
