package gap.core.calling;

import gap.core.model.CandidateSite;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.GenotypeLikelihoods;
import gap.core.model.Pileup;
import gap.core.model.VariantCall;
import gap.core.vcf.FilterFields;
import gap.core.vcf.InfoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes a site's read likelihoods in each sample, gives the joint diploid call or none: genotype priors from
 * heterozygosity, each sample's posterior genotype, then the record restricted to REF and the alleles those genotypes
 * carry, with QUAL (the phred probability that every sample is hom-ref), GQ, PL, AD and DP as the VCF specification
 * defines them. A sample with no fragment spanning the site is {@code ./.}. Returns null when no sample carries an
 * alternate allele, or below the emission QUAL. Samples are independent under the prior, so a sample's genotype is
 * the one it gets alone; calling together gives every sample a genotype at every site any of them varies.
 */
public final class VariantCaller {
    static final int MAX_GQ = 99;

    private final CallingParameters params;

    public VariantCaller(CallingParameters params) {
        this.params = params;
    }

    /**
     * A joint call with what the family stages need beyond it: each sample's log10 genotype likelihoods over the
     * call's alleles (VCF order; all 0 for a no-call) and the log10 genotype prior the caller used.
     */
    public record Joint(VariantCall call, double[][] genotypeLog10, double[] priorLog10) {}

    /** The call of one sample, or null. */
    public VariantCall call(Pileup pileup, ReadLikelihoods likelihoods) {
        Joint joint = call(List.of(pileup), List.of(likelihoods));
        return joint == null ? null : joint.call();
    }

    /** The joint call of the samples whose pileups (of one site) and likelihoods are given, in sample order; or null. */
    public Joint call(List<Pileup> pileups, List<ReadLikelihoods> likelihoods) {
        CandidateSite site = pileups.get(0).site();
        int samples = pileups.size();
        int[] all = new int[site.alleleCount()];
        Arrays.setAll(all, i -> i);
        // Keep REF and the alleles of the samples' genotypes; the others were considered and rejected.
        java.util.TreeSet<Integer> carried = new java.util.TreeSet<>();
        for (int s = 0; s < samples; s++) {
            if (covered(pileups.get(s))) {
                for (int a : GenotypeLikelihoods.alleles(posterior(site, likelihoods.get(s), all).best())) {
                    if (a != 0) {
                        carried.add(a);
                    }
                }
            }
        }
        if (carried.isEmpty()) {
            return null;
        }
        int[] kept = new int[carried.size() + 1];
        int k = 1;
        for (int a : carried) {
            kept[k++] = a;
        }
        double log10AllHomRef = 0;
        boolean anyVariant = false;
        int depth = 0;
        Genotype[] genotypes = new Genotype[samples];
        double[][] genotypeLog10 = new double[samples][];
        for (int s = 0; s < samples; s++) {
            Pileup pileup = pileups.get(s);
            depth += pileup.depth();
            if (!covered(pileup)) {
                genotypes[s] = Genotype.noCall(kept.length, pileup.depth());
                genotypeLog10[s] = new double[GenotypeLikelihoods.genotypeCount(kept.length)];
                continue;
            }
            Posterior post = posterior(site, likelihoods.get(s), kept);
            int[] called = GenotypeLikelihoods.alleles(post.best());
            anyVariant |= called[1] != 0;
            log10AllHomRef += post.log10(0);
            int gq = (int) Math.min(MAX_GQ, Math.round(-10 * post.log10NotBest()));
            int[] pl = new GenotypeLikelihoods(kept.length, post.likelihoods()).toPL();
            int[] ad = likelihoods.get(s).alleleDepths(kept);
            genotypes[s] = new Genotype(called[0], called[1], gq, boxed(pl), boxed(ad), pileup.depth());
            genotypeLog10[s] = post.likelihoods();
        }
        if (!anyVariant) {
            return null;
        }
        double qual = round2(-10 * log10AllHomRef);
        if (qual < params.minQual()) {
            return null;
        }
        List<String> alleles = trim(site.alleles(), kept);
        Filters filter = qual < params.lowQual() ? Filters.failed(FilterFields.LOW_QUAL) : Filters.PASS;
        VariantCall call = new VariantCall(site.contig(), site.position(), alleles, qual, filter,
                java.util.Map.of(InfoField.DP.key(), depth), List.of(genotypes));
        return new Joint(call, genotypeLog10, log10Priors(site, kept));
    }

    /** A sample has a say at a site when some fragment of it spans the site. */
    private static boolean covered(Pileup pileup) {
        return !pileup.evidence().isEmpty();
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
    public static List<String> trim(List<String> siteAlleles, int[] kept) {
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
