package gap.core.cohort;

import gap.core.model.GenotypeLikelihoods;

/**
 * Takes the genotype likelihoods of a child and both parents at one site (log10 P(reads | genotype), the same alleles
 * for all three, VCF order), gives the trio's posterior: each member's genotype marginal and the probability that the
 * child's non-reference genotype arose de novo. Parents' genotypes get the population prior the caller uses; the
 * child's comes from Mendelian transmission: each parent passes one of its two alleles, which mutates to each other
 * allele with probability μ/(n−1). On the mitochondrial genome the child's genotype is the mother's, each copy mutating
 * alike, and the father's genotype is his alone. The de novo posterior is computed from likelihoods, not from
 * per-sample posteriors or capped PLs, which would count the priors twice.
 *
 * <p>The genotype marginals allow, with probability ε per site, that inheritance does not hold there (a mislabelled
 * sample, a deletion, uniparental disomy): the child's genotype then has the population prior. Without it one wrong
 * sample, or one site where Mendel does not apply, would bend well-supported genotypes into a Mendelian pattern (a
 * het called from 24 reference reads costs less than a second mutation). The de novo posterior keeps the pure model.
 */
public final class TrioModel {
    private final double mutationRate;
    private final double nonMendelianRate;

    /** The trio's marginal posteriors per genotype (VCF order) and P(de novo and the child non-reference). */
    public record Posterior(double[] child, double[] father, double[] mother, double deNovo) {}

    /**
     * How the child inherits a site: from both parents (autosomes, PARs), from the mother's genotype alone (chrM),
     * on X a son's one copy from one of the mother's two and a daughter's from the father's one and one of the
     * mother's, on Y a son's one copy from the father's. Haploid genotypes are the homozygous ones of the VCF order.
     */
    public enum Inheritance { AUTOSOMAL, MITOCHONDRIAL, X_SON, X_DAUGHTER, Y_SON }

    /**
     * @param mutationRate     per-base, per-transmission probability of a new allele (default 1e-8)
     * @param nonMendelianRate ε, the share of sites where the child's genotype ignores the parents' (default 1e-4)
     */
    public TrioModel(double mutationRate, double nonMendelianRate) {
        this.mutationRate = mutationRate;
        this.nonMendelianRate = nonMendelianRate;
    }

    /** P(de novo and the child non-reference | the three samples' reads). */
    public double deNovo(double[] child, double[] father, double[] mother, double[] parentPriorsLog10,
                         int alleleCount, boolean mitochondrial) {
        return posterior(child, father, mother, parentPriorsLog10, alleleCount, mitochondrial).deNovo();
    }

    /**
     * @param parentPriorsLog10 log10 prior of each genotype in a parent (VCF order), as the caller uses
     * @param mitochondrial     the child inherits the mother's genotype alone
     */
    public Posterior posterior(double[] child, double[] father, double[] mother, double[] parentPriorsLog10,
                               int alleleCount, boolean mitochondrial) {
        return posterior(child, father, mother, new double[][] {parentPriorsLog10, parentPriorsLog10,
            parentPriorsLog10}, alleleCount, mitochondrial ? Inheritance.MITOCHONDRIAL : Inheritance.AUTOSOMAL);
    }

    /**
     * As above with each member's own genotype prior ({@code priorsLog10}: child, father, mother; a haploid member's
     * gives the heterozygous genotypes none) and the way the site is inherited.
     */
    public Posterior posterior(double[] child, double[] father, double[] mother, double[][] priorsLog10,
                               int alleleCount, Inheritance inheritance) {
        int g = GenotypeLikelihoods.genotypeCount(alleleCount);
        double[] c = linear(child);
        double[] f = linear(father);
        double[] m = linear(mother);
        double[] childPrior = linearPrior(priorsLog10[0]);
        double[] fatherPrior = linearPrior(priorsLog10[1]);
        double[] motherPrior = linearPrior(priorsLog10[2]);
        double[] pc = new double[g];
        double[] pf = new double[g];
        double[] pm = new double[g];
        double mixed = 0;
        double mendelian = 0;
        double deNovoNonRef = 0;
        double[] transmitted = new double[g];
        double[] mutated = new double[g];
        for (int gf = 0; gf < g; gf++) {
            for (int gm = 0; gm < g; gm++) {
                double parents = f[gf] * m[gm] * fatherPrior[gf] * motherPrior[gm];
                if (parents == 0) {
                    continue;
                }
                transmission(gf, gm, alleleCount, inheritance, transmitted, mutated);
                for (int gc = 0; gc < g; gc++) {
                    mendelian += parents * transmitted[gc] * c[gc];
                    deNovoNonRef += parents * mutated[gc] * c[gc];
                    double w = parents * ((1 - nonMendelianRate) * transmitted[gc] + nonMendelianRate
                            * childPrior[gc]) * c[gc];
                    mixed += w;
                    pc[gc] += w;
                    pf[gf] += w;
                    pm[gm] += w;
                }
            }
        }
        for (int i = 0; i < g; i++) {
            pc[i] /= mixed;
            pf[i] /= mixed;
            pm[i] /= mixed;
        }
        return new Posterior(pc, pf, pm, mendelian == 0 ? 0 : deNovoNonRef / mendelian);
    }

    /**
     * P(child genotype | parents' genotypes) under Mendel with mutation, into {@code transmitted}, and the part of it
     * where some transmitted allele mutated and the child is non-reference, into {@code mutated}: each of the four
     * picks of one allele per parent (or, for chrM, the mother's two) with the chance of each allele mutating.
     */
    private void transmission(int gf, int gm, int alleleCount, Inheritance inheritance, double[] transmitted,
                              double[] mutated) {
        java.util.Arrays.fill(transmitted, 0);
        java.util.Arrays.fill(mutated, 0);
        int[] fa = GenotypeLikelihoods.alleles(gf);
        int[] ma = GenotypeLikelihoods.alleles(gm);
        if (inheritance == Inheritance.X_SON || inheritance == Inheritance.Y_SON) {
            haploidTransmission(inheritance == Inheritance.X_SON ? ma : new int[] {fa[0]}, alleleCount, transmitted,
                    mutated);
            return;
        }
        int[][] picks = switch (inheritance) {
            case MITOCHONDRIAL -> new int[][] {{ma[0], ma[1]}};
            case X_DAUGHTER -> new int[][] {{fa[0], ma[0]}, {fa[0], ma[1]}}; // the father has one X to give
            default -> new int[][] {{fa[0], ma[0]}, {fa[0], ma[1]}, {fa[1], ma[0]}, {fa[1], ma[1]}};
        };
        double pick = 1.0 / picks.length;
        for (int[] p : picks) {
            for (int x = 0; x < alleleCount; x++) {
                for (int y = 0; y < alleleCount; y++) {
                    int gc = GenotypeLikelihoods.index(x, y);
                    double t = pick * transmit(p[0], x, alleleCount) * transmit(p[1], y, alleleCount);
                    transmitted[gc] += t;
                    if ((x != p[0] || y != p[1]) && (x != 0 || y != 0)) {
                        mutated[gc] += t;
                    }
                }
            }
        }
    }

    /** A haploid child's one copy: one of {@code from} (each alike), mutating with the per-transmission rate. */
    private void haploidTransmission(int[] from, int alleleCount, double[] transmitted, double[] mutated) {
        double pick = 1.0 / from.length;
        for (int p : from) {
            for (int x = 0; x < alleleCount; x++) {
                int gc = GenotypeLikelihoods.index(x, x);
                double t = pick * transmit(p, x, alleleCount);
                transmitted[gc] += t;
                if (x != p && x != 0) {
                    mutated[gc] += t;
                }
            }
        }
    }

    /**
     * A haploid sample's genotype prior in the diploid index space, from the diploid one: an alternate allele takes
     * θ (twice the prior θ/2 of its homozygous genotype), REF the rest, heterozygous genotypes none.
     */
    public static double[] haploidPriorsLog10(double[] diploidLog10, int alleleCount) {
        double[] out = new double[diploidLog10.length];
        java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
        double nonRef = 0;
        for (int a = 1; a < alleleCount; a++) {
            int hom = GenotypeLikelihoods.index(a, a);
            double theta = 2 * StrictMath.pow(10, diploidLog10[hom]);
            out[hom] = StrictMath.log10(theta);
            nonRef += theta;
        }
        out[0] = StrictMath.log10(1 - nonRef);
        return out;
    }

    private static double[] linearPrior(double[] log10) {
        double[] out = new double[log10.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = StrictMath.pow(10, log10[i]);
        }
        return out;
    }

    /**
     * The parents' genotype priors at a site whose alleles {@code novel} (by allele index) are in no list of known
     * variants: each genotype carrying such an allele has {@code novelShare} of the prior it had, the rest going to
     * hom-ref. A variant absent from dbSNP or gnomAD is that much rarer in a random parent than the average
     * heterozygosity says (about 1 % of a person's variants are in no such list), which is what a child's new allele
     * is weighed against: Hail's de novo caller and GATK's CalculateGenotypePosteriors use population frequencies
     * for the same reason.
     */
    public static double[] novelPriorsLog10(double[] priorsLog10, boolean[] novel, double novelShare) {
        double[] out = priorsLog10.clone();
        double moved = 0;
        for (int g = 1; g < out.length; g++) {
            int[] a = GenotypeLikelihoods.alleles(g);
            int copies = (novel[a[0]] ? 1 : 0) + (a[1] != a[0] && novel[a[1]] ? 1 : 0); // distinct novel alleles
            if (copies > 0) {
                double before = StrictMath.pow(10, out[g]);
                out[g] += copies * StrictMath.log10(novelShare);
                moved += before - StrictMath.pow(10, out[g]);
            }
        }
        out[0] = StrictMath.log10(StrictMath.pow(10, out[0]) + moved);
        return out;
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
