package gap.core.cohort;

import gap.core.model.GenotypeLikelihoods;

/**
 * Takes the genotype likelihoods of a child and both parents at one site (log10 P(reads | genotype), the same alleles
 * for all three, VCF order), gives the trio's posterior: each member's genotype marginal and the probability that the
 * child's non-reference genotype arose de novo. Parents' genotypes get the population prior the caller uses; the
 * child's comes from Mendelian transmission: each parent passes one of its two alleles, which mutates to each other
 * allele with probability μ/(n−1). On the mitochondrial genome the child's genotype is the mother's, each copy mutating
 * alike, and the father's genotype is his alone. Computed from likelihoods, not from per-sample posteriors or capped
 * PLs, which would count the priors twice.
 */
public final class TrioModel {
    private final double mutationRate;

    /** The trio's marginal posteriors per genotype (VCF order) and P(de novo and the child non-reference). */
    public record Posterior(double[] child, double[] father, double[] mother, double deNovo) {}

    /** @param mutationRate per-base, per-transmission probability of a new allele (default 1e-8) */
    public TrioModel(double mutationRate) {
        this.mutationRate = mutationRate;
    }

    /** P(de novo and the child non-reference | the three samples' reads), on an autosome. */
    public double deNovo(double[] child, double[] father, double[] mother, double[] parentPriorsLog10,
                         int alleleCount) {
        return posterior(child, father, mother, parentPriorsLog10, alleleCount, false).deNovo();
    }

    /**
     * @param parentPriorsLog10 log10 prior of each genotype in a parent (VCF order), as the caller uses
     * @param mitochondrial     the child inherits the mother's genotype alone
     */
    public Posterior posterior(double[] child, double[] father, double[] mother, double[] parentPriorsLog10,
                               int alleleCount, boolean mitochondrial) {
        int g = GenotypeLikelihoods.genotypeCount(alleleCount);
        double[] c = linear(child);
        double[] f = linear(father);
        double[] m = linear(mother);
        double[] prior = new double[g];
        for (int i = 0; i < g; i++) {
            prior[i] = StrictMath.pow(10, parentPriorsLog10[i]);
        }
        double[] pc = new double[g];
        double[] pf = new double[g];
        double[] pm = new double[g];
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
                // each of the four (or, for chrM, one) transmissions: the allele given by each parent, then each
                // transmitted allele may mutate
                int[][] picks = mitochondrial ? new int[][] {{ma[0], ma[1]}}
                        : new int[][] {{fa[0], ma[0]}, {fa[0], ma[1]}, {fa[1], ma[0]}, {fa[1], ma[1]}};
                double pick = 1.0 / picks.length;
                for (int[] p : picks) {
                    for (int x2 = 0; x2 < alleleCount; x2++) {
                        for (int y2 = 0; y2 < alleleCount; y2++) {
                            int gc = GenotypeLikelihoods.index(x2, y2);
                            double joint = parents * pick * transmit(p[0], x2, alleleCount)
                                    * transmit(p[1], y2, alleleCount) * c[gc];
                            total += joint;
                            pc[gc] += joint;
                            pf[gf] += joint;
                            pm[gm] += joint;
                            if ((x2 != p[0] || y2 != p[1]) && (x2 != 0 || y2 != 0)) {
                                deNovoNonRef += joint;
                            }
                        }
                    }
                }
            }
        }
        if (total == 0) {
            return new Posterior(pc, pf, pm, 0);
        }
        for (int i = 0; i < g; i++) {
            pc[i] /= total;
            pf[i] /= total;
            pm[i] /= total;
        }
        return new Posterior(pc, pf, pm, deNovoNonRef / total);
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
