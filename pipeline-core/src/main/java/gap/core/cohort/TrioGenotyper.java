package gap.core.cohort;

import gap.core.calling.VariantCaller;
import gap.core.model.Contigs;
import gap.core.model.Genotype;
import gap.core.model.GenotypeLikelihoods;
import gap.core.model.VariantCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes a joint call with its samples' genotype likelihoods and the run's trios, gives the call with each trio's
 * genotypes from the trio's posterior (Mendelian transmission with a de novo rate, as GATK's CalculateGenotypePosteriors
 * does with a pedigree): a parent whose few reads barely show the allele its child carries is called het, not hom-ref.
 * GT and GQ come from each member's marginal posterior, written as FORMAT/PP (GT from PP, as GATK's
 * CalculateGenotypePosteriors does); PL stays the likelihoods. A child carrying an alternate allele
 * gets FORMAT/DNQ, the phred posterior that its genotype is de novo (capped at 99, as GQ); when the run has known
 * sites, the parents' prior of carrying an allele in no list is lowered for DNQ alone (see
 * {@link TrioModel#novelPriorsLog10}), never for the genotypes. A trio with a member without reads here is left as
 * called; a sample in several trios takes the first.
 */
public final class TrioGenotyper {
    static final int MAX_QUALITY = 99;
    /** Largest PP written: a posterior below 1e-100 is as good as impossible. */
    static final int PP_CAP = 1000;

    private final TrioModel model;
    private final double novelShare;
    private final List<Trio> trios;

    /** @param novelShare the share of the parents' prior left to an allele in no known-sites list */
    public TrioGenotyper(double mutationRate, double nonMendelianRate, double novelShare, List<Trio> trios) {
        this.model = new TrioModel(mutationRate, nonMendelianRate);
        this.novelShare = novelShare;
        this.trios = List.copyOf(trios);
    }

    /** Without known sites. */
    public VariantCall refine(VariantCall call, double[][] genotypeLog10, double[] priorLog10) {
        return refine(call, genotypeLog10, priorLog10, null);
    }

    /**
     * A joint call with its samples' copies at the site: on X a son is haploid and inherits his copy from the mother, a
     * daughter one from each parent; on Y a son inherits his father's (a daughter is not called there). chrM calls
     * measure heteroplasmy, not genotypes: they are left as called, with no DNQ.
     */
    public VariantCall refine(gap.core.calling.VariantCaller.Joint joint, boolean[] novel) {
        VariantCall call = joint.call();
        if (trios.isEmpty() || Contigs.isMitochondrial(call.contig())) {
            return call;
        }
        int[] ploidy = joint.ploidy();
        int alleles = call.alleles().size();
        List<Genotype> genotypes = new ArrayList<>(call.genotypes());
        Set<Integer> refined = new HashSet<>();
        for (Trio t : trios) {
            TrioModel.Inheritance mode = inheritance(call.contig(), ploidy[t.child()], ploidy[t.father()],
                    ploidy[t.mother()]);
            boolean needsMother = mode != TrioModel.Inheritance.Y_SON;
            if (mode == null || !genotypes.get(t.child()).isCalled() || !genotypes.get(t.father()).isCalled()
                    || (needsMother && !genotypes.get(t.mother()).isCalled())) {
                continue;
            }
            double[][] priors = new double[3][];
            int[] members = {t.child(), t.father(), t.mother()};
            for (int i = 0; i < 3; i++) {
                priors[i] = ploidy[members[i]] == 1 ? TrioModel.haploidPriorsLog10(joint.priorLog10(), alleles)
                        : joint.priorLog10();
            }
            double[][] gl = joint.genotypeLog10();
            TrioModel.Posterior p = model.posterior(gl[t.child()], gl[t.father()], gl[t.mother()], priors, alleles,
                    mode);
            set(genotypes, refined, t.father(), p.father());
            if (needsMother) {
                set(genotypes, refined, t.mother(), p.mother());
            }
            if (refined.add(t.child())) {
                Genotype child = fromPosterior(genotypes.get(t.child()), p.child());
                if (child.isVariant()) {
                    double deNovo = p.deNovo();
                    if (carriesNovel(child, novel)) {
                        double[][] novelPriors = {priors[0], TrioModel.novelPriorsLog10(priors[1], novel, novelShare),
                            TrioModel.novelPriorsLog10(priors[2], novel, novelShare)};
                        deNovo = model.posterior(gl[t.child()], gl[t.father()], gl[t.mother()], novelPriors, alleles,
                                mode).deNovo();
                    }
                    child = child.withDeNovoQuality((int) Math.min(MAX_QUALITY, Math.round(TrioModel.phred(deNovo))));
                }
                genotypes.set(t.child(), child);
            }
        }
        return call.withGenotypes(genotypes);
    }

    private static void set(List<Genotype> genotypes, Set<Integer> refined, int member, double[] posterior) {
        if (refined.add(member)) {
            genotypes.set(member, fromPosterior(genotypes.get(member), posterior));
        }
    }

    /** How the site passes from parents to child given each member's copies there; null when it does not. */
    static TrioModel.Inheritance inheritance(String contig, int child, int father, int mother) {
        return switch (gap.core.model.Ploidy.kind(contig)) {
            case X -> child == 1 && mother == 2 ? TrioModel.Inheritance.X_SON
                    : child == 2 && father == 1 && mother == 2 ? TrioModel.Inheritance.X_DAUGHTER
                    : child == 2 && father == 2 && mother == 2 ? TrioModel.Inheritance.AUTOSOMAL : null;
            case Y -> child == 1 && father == 1 ? TrioModel.Inheritance.Y_SON
                    : child == 2 && father == 2 && mother == 2 ? TrioModel.Inheritance.AUTOSOMAL : null;
            case MITOCHONDRIAL -> null;
            case AUTOSOME -> child == 2 && father == 2 && mother == 2 ? TrioModel.Inheritance.AUTOSOMAL : null;
        };
    }

    /**
     * @param genotypeLog10 per sample, log10 P(reads | genotype) over the call's alleles (VCF order)
     * @param priorLog10    the log10 genotype prior the caller used over the call's alleles
     * @param novel         per allele, whether it is in no known-sites list; null when the run has none
     */
    public VariantCall refine(VariantCall call, double[][] genotypeLog10, double[] priorLog10, boolean[] novel) {
        if (trios.isEmpty()) {
            return call;
        }
        boolean mitochondrial = Contigs.isMitochondrial(call.contig());
        List<Genotype> genotypes = new ArrayList<>(call.genotypes());
        Set<Integer> refined = new HashSet<>();
        for (Trio t : trios) {
            Genotype c = genotypes.get(t.child());
            Genotype f = genotypes.get(t.father());
            Genotype m = genotypes.get(t.mother());
            if (!c.isCalled() || !f.isCalled() || !m.isCalled()) {
                continue;
            }
            TrioModel.Posterior p = model.posterior(genotypeLog10[t.child()], genotypeLog10[t.father()],
                    genotypeLog10[t.mother()], priorLog10, call.alleles().size(), mitochondrial);
            if (refined.add(t.father())) {
                genotypes.set(t.father(), fromPosterior(f, p.father()));
            }
            if (refined.add(t.mother())) {
                genotypes.set(t.mother(), fromPosterior(m, p.mother()));
            }
            if (refined.add(t.child())) {
                Genotype child = fromPosterior(c, p.child());
                if (child.isVariant()) {
                    double deNovo = carriesNovel(child, novel) ? model.deNovo(genotypeLog10[t.child()],
                            genotypeLog10[t.father()], genotypeLog10[t.mother()],
                            TrioModel.novelPriorsLog10(priorLog10, novel, novelShare), call.alleles().size(),
                            mitochondrial) : p.deNovo();
                    child = child.withDeNovoQuality((int) Math.min(MAX_QUALITY, Math.round(TrioModel.phred(deNovo))));
                }
                genotypes.set(t.child(), child);
            }
        }
        return call.withGenotypes(genotypes);
    }

    private static boolean carriesNovel(Genotype g, boolean[] novel) {
        return novel != null && (novel[g.allele1()] || novel[g.allele2()]);
    }

    /**
     * The genotype of highest posterior with the posteriors as FORMAT/PP (normalised phred, as GATK's
     * CalculateGenotypePosteriors writes them) and GQ the next smallest PP. PP has one value per genotype of the
     * member's ploidy, as PL: a haploid member's are its homozygous genotypes', one per allele.
     */
    private static Genotype fromPosterior(Genotype called, double[] posterior) {
        int[] genotypes = called.ploidy() == 1 ? haploidGenotypes(posterior.length) : allGenotypes(posterior.length);
        double best = 0;
        for (int g : genotypes) {
            best = Math.max(best, posterior[g]);
        }
        int[] pp = new int[genotypes.length];
        for (int i = 0; i < genotypes.length; i++) {
            double p = posterior[genotypes[i]];
            pp[i] = p <= 0 ? Integer.MAX_VALUE / 2 : (int) Math.round(-10 * StrictMath.log10(p / best));
        }
        int gt = 0;
        for (int i = 1; i < pp.length; i++) {
            if (pp[i] < pp[gt]) {
                gt = i;
            }
        }
        int[] a = GenotypeLikelihoods.alleles(genotypes[gt]);
        List<Integer> boxed = new ArrayList<>();
        for (int v : pp) {
            boxed.add(Math.min(v, PP_CAP));
        }
        return new Genotype(a[0], a[1], VariantCaller.qualityOf(pp), called.pl(), called.ad(), called.dp(),
                called.dnq(), called.ploidy(), called.af(), boxed, called.format());
    }

    /** Diploid genotype indexes 0..count-1. */
    private static int[] allGenotypes(int count) {
        int[] out = new int[count];
        java.util.Arrays.setAll(out, i -> i);
        return out;
    }

    /** The homozygous genotypes' diploid indexes among {@code count} diploid genotypes: a haploid allele each. */
    private static int[] haploidGenotypes(int count) {
        List<Integer> out = new ArrayList<>();
        for (int a = 0; GenotypeLikelihoods.index(a, a) < count; a++) {
            out.add(GenotypeLikelihoods.index(a, a));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
