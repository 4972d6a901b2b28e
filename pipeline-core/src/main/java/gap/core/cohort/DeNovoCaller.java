package gap.core.cohort;

import gap.core.model.GenotypeLikelihoods;

/**
 * Takes the genotype likelihoods of a child and both parents at one site (log10 P(reads | genotype), the same
 * alleles for all three, VCF order), gives the posterior probability that the child's non-reference genotype arose
 * de novo. Parents' genotypes get the population prior, the child's comes from Mendelian transmission: each parent
 * passes one of its two alleles, which mutates to each other allele with probability μ/(n−1). Computed from
 * likelihoods, not from per-sample posteriors or capped PLs, which would count the priors twice.
 */
public final class DeNovoCaller {
    private final double mutationRate;

    /** @param mutationRate per-base, per-transmission probability of a new allele (default 1e-8) */
    public DeNovoCaller(double mutationRate) {
        this.mutationRate = mutationRate;
    }

    /**
     * @param parentPriorsLog10 log10 prior of each genotype in a parent (VCF order), as the caller uses
     * @return P(de novo and the child non-reference | the three samples' reads)
     */
    public double posterior(double[] child, double[] father, double[] mother, double[] parentPriorsLog10,
                            int alleleCount) {
        int g = GenotypeLikelihoods.genotypeCount(alleleCount);
        double[] c = linear(child);
        double[] f = linear(father);
        double[] m = linear(mother);
        double[] prior = new double[g];
        for (int i = 0; i < g; i++) {
            prior[i] = StrictMath.pow(10, parentPriorsLog10[i]);
        }
        double deNovoNonRef = 0;
        double total = 0;
        for (int gf = 0; gf < g; gf++) {
            for (int gm = 0; gm < g; gm++) {
                double parents = f[gf] * m[gm] * prior[gf] * prior[gm];
                if (parents == 0) {
                    continue;
                }
                int[] fa = GenotypeLikelihoods.alleles(gf);
                int[] ma = GenotypeLikelihoods.alleles(gm);
                for (int x : fa) {
                    for (int y : ma) {
                        // each parent's pick has probability ½; then each transmitted allele may mutate
                        for (int x2 = 0; x2 < alleleCount; x2++) {
                            for (int y2 = 0; y2 < alleleCount; y2++) {
                                double p = 0.25 * transmit(x, x2, alleleCount) * transmit(y, y2, alleleCount);
                                double joint = parents * p * c[GenotypeLikelihoods.index(x2, y2)];
                                total += joint;
                                if ((x2 != x || y2 != y) && (x2 != 0 || y2 != 0)) {
                                    deNovoNonRef += joint;
                                }
                            }
                        }
                    }
                }
            }
        }
        return total == 0 ? 0 : deNovoNonRef / total;
    }

    /** Phred of the probability that the call is not de novo, as {@code FORMAT/DNQ}. */
    public static double phred(double posterior) {
        return posterior >= 1 ? 99 : -10 * StrictMath.log10(1 - posterior);
    }

    private double transmit(int from, int to, int alleleCount) {
        return from == to ? 1 - mutationRate : mutationRate / (alleleCount - 1);
    }

    /** Likelihoods scaled so the best is 1: the posterior is a ratio, and small values must not underflow. */
    private static double[] linear(double[] log10) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : log10) {
            best = Math.max(best, v);
        }
        double[] out = new double[log10.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = StrictMath.pow(10, log10[i] - best);
        }
        return out;
    }
}
