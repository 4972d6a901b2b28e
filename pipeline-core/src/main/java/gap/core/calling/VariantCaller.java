package gap.core.calling;

import gap.core.model.CandidateSite;
import gap.core.model.Genotype;
import gap.core.model.GenotypeLikelihoods;
import gap.core.model.Pileup;
import gap.core.model.VariantCall;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes a site's read likelihoods, gives the diploid call or none: genotype priors from heterozygosity, the
 * posterior genotype, then the record restricted to the alleles that genotype carries, with QUAL, GQ, PL, AD and DP
 * as the VCF specification defines them. Returns null for a hom-ref site or one below the emission QUAL.
 */
public final class VariantCaller {
    static final int MAX_GQ = 99;

    private final CallingParameters params;

    public VariantCaller(CallingParameters params) {
        this.params = params;
    }

    public VariantCall call(Pileup pileup, ReadLikelihoods likelihoods) {
        CandidateSite site = pileup.site();
        int[] all = new int[site.alleleCount()];
        Arrays.setAll(all, i -> i);
        Posterior first = posterior(site, likelihoods, all);
        int[] gt = GenotypeLikelihoods.alleles(first.best());
        if (gt[1] == 0) {
            return null;
        }
        // Keep REF and the alleles of the called genotype; the others were considered and rejected.
        int[] kept = gt[0] == 0 || gt[0] == gt[1] ? new int[] {0, gt[1]} : new int[] {0, gt[0], gt[1]};
        Posterior post = posterior(site, likelihoods, kept);
        int[] called = GenotypeLikelihoods.alleles(post.best());
        if (called[1] == 0) {
            return null;
        }
        double qual = round2(-10 * post.log10(0));
        if (qual < params.minQual()) {
            return null;
        }
        int gq = (int) Math.min(MAX_GQ, Math.round(-10 * post.log10NotBest()));
        int[] pl = new GenotypeLikelihoods(kept.length, post.likelihoods()).toPL();
        int[] ad = likelihoods.alleleDepths(kept);
        List<String> alleles = trim(site.alleles(), kept);
        Genotype genotype = new Genotype(called[0], called[1], gq, boxed(pl), boxed(ad), pileup.depth());
        String filter = qual < params.lowQual() ? "LowQual" : "PASS";
        return new VariantCall(site.contig(), site.position(), alleles, qual, filter,
                java.util.Map.of("DP", pileup.depth()), genotype);
    }

    /** Posterior over the genotypes of {@code alleles}, kept in log10 for precision at both ends. */
    Posterior posterior(CandidateSite site, ReadLikelihoods likelihoods, int[] alleles) {
        double[] gl = likelihoods.genotypeLog10(alleles);
        double[] prior = log10Priors(site, alleles);
        double[] joint = new double[gl.length];
        for (int g = 0; g < gl.length; g++) {
            joint[g] = gl[g] + prior[g];
        }
        double total = log10SumExp(joint, -1);
        double[] post = new double[gl.length];
        int best = 0;
        for (int g = 0; g < gl.length; g++) {
            post[g] = joint[g] - total;
            if (post[g] > post[best]) {
                best = g;
            }
        }
        double notBest = log10SumExp(joint, best) - total;
        return new Posterior(gl, post, best, notBest);
    }

    /**
     * Diploid genotype priors: het REF/alt θ, hom alt θ/2, het alt/alt θ·θ', hom REF the rest; θ is the SNV or
     * indel heterozygosity depending on the allele.
     */
    double[] log10Priors(CandidateSite site, int[] alleles) {
        int k = alleles.length;
        double[] prior = new double[k * (k + 1) / 2];
        double nonRef = 0;
        for (int hi = 1; hi < k; hi++) {
            double thetaHi = theta(site, alleles[hi]);
            for (int lo = 0; lo <= hi; lo++) {
                double p = lo == 0 ? thetaHi : lo == hi ? thetaHi / 2 : thetaHi * theta(site, alleles[lo]);
                prior[hi * (hi + 1) / 2 + lo] = p;
                nonRef += p;
            }
        }
        prior[0] = 1 - nonRef;
        for (int g = 0; g < prior.length; g++) {
            prior[g] = StrictMath.log10(prior[g]);
        }
        return prior;
    }

    private double theta(CandidateSite site, int allele) {
        boolean snv = site.alleles().get(allele).length() == site.ref().length();
        return snv ? params.snvHeterozygosity() : params.indelHeterozygosity();
    }

    /** The alleles {@code kept}, with bases every allele shares at the end trimmed (keeping at least one). */
    static List<String> trim(List<String> siteAlleles, int[] kept) {
        List<String> alleles = new ArrayList<>();
        for (int a : kept) {
            alleles.add(siteAlleles.get(a));
        }
        while (true) {
            int min = alleles.stream().mapToInt(String::length).min().orElse(0);
            if (min < 2) {
                return alleles;
            }
            char last = alleles.get(0).charAt(alleles.get(0).length() - 1);
            if (!alleles.stream().allMatch(s -> s.charAt(s.length() - 1) == last)) {
                return alleles;
            }
            alleles.replaceAll(s -> s.substring(0, s.length() - 1));
        }
    }

    static double log10SumExp(double[] values, int skip) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (i != skip) {
                max = Math.max(max, values[i]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (i != skip) {
                sum += StrictMath.pow(10, values[i] - max);
            }
        }
        return max + StrictMath.log10(sum);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    /** Genotype likelihoods and log10 posteriors over one allele subset; {@code best} is the MAP genotype. */
    record Posterior(double[] likelihoods, double[] log10Posteriors, int best, double log10NotBest) {
        double log10(int genotype) {
            return log10Posteriors[genotype];
        }
    }
}
