package gap.core.calling;

import gap.core.model.CandidateSite;
import gap.core.model.Contigs;
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
 * Takes a site's read likelihoods in each sample, gives the joint diploid call or none: each sample's genotype is the
 * one of greatest likelihood (PL 0) and GQ the next smallest PL, as GATK writes them, so GT never contradicts PL; the
 * record is restricted to REF and the alleles those genotypes carry, with QUAL (the phred posterior, under genotype
 * priors from heterozygosity, that every sample is hom-ref), GQ, PL, AD and DP as the VCF specification defines them. A sample with no fragment spanning the site is {@code ./.}. Returns null when no sample carries an
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
     * call's alleles (diploid VCF order; all 0 for a no-call), the log10 diploid genotype prior the caller used, and
     * each sample's copies at the site (2; 1 where haploid, the likelihoods of the homozygous genotypes being those of
     * the single allele; 0 where not called, a female's Y). chrM calls measure heteroplasmy instead: their
     * likelihoods and priors are all 0 and no family model applies.
     */
    public record Joint(VariantCall call, double[][] genotypeLog10, double[] priorLog10, int[] ploidy) {
        public Joint(VariantCall call, double[][] genotypeLog10, double[] priorLog10) {
            this(call, genotypeLog10, priorLog10, diploid(genotypeLog10.length));
        }
    }

    static int[] diploid(int samples) {
        int[] p = new int[samples];
        java.util.Arrays.fill(p, 2);
        return p;
    }

    /** The call of one sample, or null. */
    public VariantCall call(Pileup pileup, ReadLikelihoods likelihoods) {
        Joint joint = call(List.of(pileup), List.of(likelihoods));
        return joint == null ? null : joint.call();
    }

    /** The joint call of the samples whose pileups (of one site) and likelihoods are given, in sample order; or null. */
    public Joint call(List<Pileup> pileups, List<ReadLikelihoods> likelihoods) {
        return call(pileups, likelihoods, diploid(pileups.size()));
    }

    /**
     * As {@link #call(List, List)}, each sample with its copies at the site ({@code ploidy}: 2, 1 haploid, 0 not
     * called); on chrM the heteroplasmy of each allele is measured instead ({@link #mitochondrial}).
     */
    public Joint call(List<Pileup> pileups, List<ReadLikelihoods> likelihoods, int[] ploidy) {
        CandidateSite site = pileups.get(0).site();
        if (Contigs.isMitochondrial(site.contig())) {
            return mitochondrial(site, pileups, likelihoods);
        }
        int samples = pileups.size();
        boolean[] covered = new boolean[samples];
        int[] depths = new int[samples];
        for (int s = 0; s < samples; s++) {
            covered[s] = covered(pileups.get(s));
            depths[s] = pileups.get(s).depth();
        }
        return call(site, likelihoods, covered, depths, ploidy);
    }

    /**
     * The diploid (or haploid) joint call of a site from each sample's likelihoods, whether it has a say there
     * ({@code covered}) and its depth; or null. What {@link #call(List, List, int[])} does off chrM, whatever gave the
     * likelihoods (reads, or gVCFs).
     */
    public Joint call(CandidateSite site, List<? extends SampleLikelihoods> likelihoods, boolean[] covered,
                      int[] depths, int[] ploidy) {
        int samples = likelihoods.size();
        int[] all = new int[site.alleleCount()];
        Arrays.setAll(all, i -> i);
        // Keep REF and the alleles of the samples' genotypes; the others were considered and rejected.
        java.util.TreeSet<Integer> carried = new java.util.TreeSet<>();
        for (int s = 0; s < samples; s++) {
            if (covered[s] && ploidy[s] > 0) {
                for (int a : GenotypeLikelihoods.alleles(mostLikely(likelihoods.get(s).genotypeLog10(all), ploidy[s]))) {
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
            depth += depths[s];
            if (!covered[s] || ploidy[s] == 0) {
                genotypes[s] = Genotype.noCall(kept.length, depths[s], ploidy[s] == 2 ? 2 : 1);
                genotypeLog10[s] = new double[GenotypeLikelihoods.genotypeCount(kept.length)];
                continue;
            }
            Posterior post = posterior(site, likelihoods.get(s), kept, ploidy[s]);
            int[] called = GenotypeLikelihoods.alleles(mostLikely(post.likelihoods(), ploidy[s]));
            anyVariant |= called[1] != 0;
            log10AllHomRef += post.log10(0);
            int[] ad = likelihoods.get(s).alleleDepths(kept);
            // GT is PL's 0 and GQ its next smallest value, over the genotypes of the sample's ploidy
            int[] pl = ploidy[s] == 1 ? haploidPl(post.likelihoods(), kept.length)
                    : new GenotypeLikelihoods(kept.length, post.likelihoods()).toPL();
            int gq = qualityOf(pl);
            genotypes[s] = ploidy[s] == 1 ? Genotype.haploid(called[0], gq, boxed(pl), boxed(ad), depths[s])
                    : new Genotype(called[0], called[1], gq, boxed(pl), boxed(ad), depths[s]);
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
        return new Joint(call, genotypeLog10, log10Priors(site, kept), ploidy.clone());
    }

    /** Haploid PL: one value per allele, from the homozygous genotypes' likelihoods (those of the single allele). */
    static int[] haploidPl(double[] diploidLog10, int alleles) {
        double[] hom = new double[alleles];
        for (int a = 0; a < alleles; a++) {
            hom[a] = diploidLog10[GenotypeLikelihoods.index(a, a)];
        }
        double best = java.util.Arrays.stream(hom).max().orElse(0);
        int[] pl = new int[alleles];
        for (int a = 0; a < alleles; a++) {
            pl[a] = (int) Math.round(-10 * (hom[a] - best));
        }
        return pl;
    }

    /**
     * chrM: each sample's fraction of each alternate allele (EM over its reads, {@link Heteroplasmy}); its quality is
     * the phred posterior of the allele's absence, from the likelihood ratio of that fraction against none and prior
     * odds (the allele's heterozygosity when homoplasmic, {@code ploidy.mitoHeteroplasmyPrior} when heteroplasmic),
     * so that a few erroneous reads at one place are not a heteroplasmy. An allele is kept when some sample carries it at {@code ploidy.mitoMinFraction} or more with
     * quality {@code call.minQual} or more. GT is haploid: the kept allele of highest fraction the sample carries so,
     * else REF; FORMAT/AF every kept allele's fraction; GQ that quality (for REF, the odds of the allele's absence
     * against the least fraction reported); no PL (no genotypes are weighed). QUAL is the best quality.
     */
    private Joint mitochondrial(CandidateSite site, List<Pileup> pileups, List<ReadLikelihoods> likelihoods) {
        List<MitoEvidence> evidence = new ArrayList<>();
        int k = site.alleleCount();
        for (int s = 0; s < pileups.size(); s++) {
            evidence.add(MitoEvidence.of(likelihoods.get(s), pileups.get(s).depth(), covered(pileups.get(s)), k,
                    params.mitoMinFraction()));
        }
        return mitochondrial(site, evidence);
    }

    /**
     * One sample's heteroplasmy evidence at a chrM site, per site allele (index 0 unused): the estimate ({@code null}
     * for all when the sample has no say), the phred odds of the allele's absence against the least fraction reported,
     * the informative fragments per allele and the depth. From reads, or from a gVCF record.
     */
    public record MitoEvidence(Heteroplasmy.Estimate[] estimates, double[] absencePhred, int[] depths, int depth) {
        /** From the sample's read likelihoods over the site's {@code k} alleles. */
        public static MitoEvidence of(ReadLikelihoods likelihoods, int depth, boolean covered, int k,
                                      double minFraction) {
            Heteroplasmy.Estimate[] est = new Heteroplasmy.Estimate[k];
            double[] absence = new double[k];
            for (int a = 1; a < k && covered; a++) {
                est[a] = Heteroplasmy.estimate(likelihoods, a);
                absence[a] = 10 * Heteroplasmy.absenceOdds(likelihoods, a, minFraction);
            }
            int[] all = new int[k];
            Arrays.setAll(all, i -> i);
            return new MitoEvidence(est, absence, likelihoods.alleleDepths(all), depth);
        }
    }

    /** The chrM call of the samples' heteroplasmy evidence (see above), or null. */
    public Joint mitochondrial(CandidateSite site, List<MitoEvidence> evidence) {
        int samples = evidence.size();
        int k = site.alleleCount();
        Heteroplasmy.Estimate[][] est = new Heteroplasmy.Estimate[samples][];
        java.util.TreeSet<Integer> carried = new java.util.TreeSet<>();
        double best = 0;
        for (int s = 0; s < samples; s++) {
            est[s] = evidence.get(s).estimates();
            for (int a = 1; a < k && est[s][a] != null; a++) {
                if (present(est[s][a], site, a)) {
                    carried.add(a);
                    best = Math.max(best, quality(est[s][a], site, a));
                }
            }
        }
        double qual = round2(best);
        if (carried.isEmpty() || qual < params.minQual()) {
            return null;
        }
        int[] kept = new int[carried.size() + 1];
        int i = 1;
        for (int a : carried) {
            kept[i++] = a;
        }
        Genotype[] genotypes = new Genotype[samples];
        int depth = 0;
        for (int s = 0; s < samples; s++) {
            depth += evidence.get(s).depth();
            genotypes[s] = heteroplasmic(site, kept, evidence.get(s));
        }
        VariantCall call = new VariantCall(site.contig(), site.position(), trim(site.alleles(), kept), qual,
                qual < params.lowQual() ? Filters.failed(FilterFields.LOW_QUAL) : Filters.PASS, java.util.Map.of(InfoField.DP.key(), depth), List.of(genotypes));
        int g = GenotypeLikelihoods.genotypeCount(kept.length);
        return new Joint(call, new double[samples][g], new double[g], new int[samples]);
    }

    private boolean present(Heteroplasmy.Estimate e, CandidateSite site, int allele) {
        return e != null && e.fraction() >= params.mitoMinFraction() && quality(e, site, allele) >= params.minQual();
    }

    /**
     * Phred of P(allele absent): posterior odds of presence are the likelihood ratio times theta / (1 - theta), theta
     * the allele's heterozygosity where it is (nearly) all of the mtDNA, the heteroplasmy prior where it is part.
     */
    private double quality(Heteroplasmy.Estimate e, CandidateSite site, int allele) {
        double theta = e.fraction() >= 1 - params.mitoMinFraction() ? theta(site, allele)
                : params.mitoHeteroplasmyPrior();
        double log10Odds = e.lod() + StrictMath.log10(theta / (1 - theta));
        // P(absent) = 1 / (1 + odds); phred = 10 log10(1 + odds), computed without overflow for large odds
        return 10 * (Math.max(log10Odds, 0) + StrictMath.log10(1 + StrictMath.pow(10, -Math.abs(log10Odds))));
    }

    private Genotype heteroplasmic(CandidateSite site, int[] kept, MitoEvidence evidence) {
        Heteroplasmy.Estimate[] est = evidence.estimates();
        if (est[kept[1]] == null) {
            return Genotype.noCall(kept.length, evidence.depth(), 1);
        }
        int called = 0;
        double quality = 0;
        List<Double> af = new ArrayList<>();
        for (int i = 1; i < kept.length; i++) {
            Heteroplasmy.Estimate e = est[kept[i]];
            af.add(e.fraction());
            if (present(e, site, kept[i]) && (called == 0 || e.fraction() > af.get(called - 1))) {
                called = i;
                quality = quality(e, site, kept[i]);
            }
        }
        if (called == 0) { // REF: the odds against the least fraction reported, of the likeliest allele
            quality = Double.POSITIVE_INFINITY;
            for (int i = 1; i < kept.length; i++) {
                quality = Math.min(quality, evidence.absencePhred()[kept[i]]);
            }
        }
        int gq = (int) Math.max(0, Math.min(MAX_GQ, Math.round(quality)));
        int[] ad = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            ad[i] = evidence.depths()[kept[i]];
        }
        return new Genotype(called, called, gq, List.of(), boxed(ad), evidence.depth(), -1, 1, af);
    }

    /**
     * Of {@code ploidy} copies, the genotype (diploid index) of greatest likelihood: for a haploid sample among the
     * homozygous genotypes, its single allele's.
     */
    static int mostLikely(double[] log10, int ploidy) {
        if (ploidy == 2) {
            return mostLikely(log10);
        }
        int best = 0;
        for (int a = 1; GenotypeLikelihoods.index(a, a) < log10.length; a++) {
            if (log10[GenotypeLikelihoods.index(a, a)] > log10[best]) {
                best = GenotypeLikelihoods.index(a, a);
            }
        }
        return best;
    }

    /** The genotype of greatest likelihood (PL 0), the first on a tie, as GATK assigns GT. */
    static int mostLikely(double[] log10) {
        int best = 0;
        for (int g = 1; g < log10.length; g++) {
            if (log10[g] > log10[best]) {
                best = g;
            }
        }
        return best;
    }

    /** GQ as GATK writes it: the second-smallest of the phred values (the smallest is 0), at most 99. */
    public static int qualityOf(int[] phred) {
        int first = Integer.MAX_VALUE;
        int second = Integer.MAX_VALUE;
        for (int v : phred) {
            if (v < first) {
                second = first;
                first = v;
            } else if (v < second) {
                second = v;
            }
        }
        return second == Integer.MAX_VALUE ? MAX_GQ : Math.min(MAX_GQ, second - first);
    }

    /** A sample has a say at a site when some fragment of it spans the site. */
    private static boolean covered(Pileup pileup) {
        return !pileup.evidence().isEmpty();
    }

    /** Posterior over the diploid genotypes of {@code alleles}, kept in log10 for precision at both ends. */
    Posterior posterior(CandidateSite site, ReadLikelihoods likelihoods, int[] alleles) {
        return posterior(site, likelihoods, alleles, 2);
    }

    /** As above for {@code ploidy} copies: a haploid sample's genotypes are the homozygous ones, with haploid priors. */
    Posterior posterior(CandidateSite site, SampleLikelihoods likelihoods, int[] alleles, int ploidy) {
        double[] gl = likelihoods.genotypeLog10(alleles);
        double[] prior = ploidy == 1 ? log10HaploidPriors(site, alleles) : log10Priors(site, alleles);
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

    /**
     * Haploid priors over the diploid index space: each alternate allele θ (its heterozygosity: one copy to carry
     * it), REF the rest, every heterozygous genotype impossible (log10 0 = -infinity).
     */
    double[] log10HaploidPriors(CandidateSite site, int[] alleles) {
        int k = alleles.length;
        double[] prior = new double[k * (k + 1) / 2];
        java.util.Arrays.fill(prior, Double.NEGATIVE_INFINITY);
        double nonRef = 0;
        for (int a = 1; a < k; a++) {
            double theta = theta(site, alleles[a]);
            prior[GenotypeLikelihoods.index(a, a)] = StrictMath.log10(theta);
            nonRef += theta;
        }
        prior[0] = StrictMath.log10(1 - nonRef);
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
