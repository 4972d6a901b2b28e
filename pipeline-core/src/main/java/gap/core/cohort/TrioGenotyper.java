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
     * CalculateGenotypePosteriors writes them) and GQ the next smallest PP.
     */
    private static Genotype fromPosterior(Genotype called, double[] posterior) {
        int[] pp = new int[posterior.length];
        double best = 0;
        for (double p : posterior) {
            best = Math.max(best, p);
        }
        for (int g = 0; g < posterior.length; g++) {
            pp[g] = posterior[g] <= 0 ? Integer.MAX_VALUE / 2
                    : (int) Math.round(-10 * StrictMath.log10(posterior[g] / best));
        }
        int gt = 0;
        for (int g = 1; g < pp.length; g++) {
            if (pp[g] < pp[gt]) {
                gt = g;
            }
        }
        int[] a = GenotypeLikelihoods.alleles(gt);
        List<Integer> boxed = new ArrayList<>();
        for (int v : pp) {
            boxed.add(Math.min(v, PP_CAP));
        }
        return new Genotype(a[0], a[1], VariantCaller.qualityOf(pp), called.pl(), called.ad(), called.dp(),
                called.dnq(), boxed);
    }
}
