package gap.core.calling;

import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.ReadEvidence;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a pileup and the reference, gives each fragment's log10 likelihood under each allele of the site.
 * At an isolated SNV site: the fragment's base, with its base-quality error. At a site with indels or near one:
 * the fragment's bases over the site and its flank aligned by pair-HMM to each haplotype carrying the allele,
 * with indel error rates that rise in tandem repeats,
 * the best haplotype counting (as GATK marginalises). Base qualities are capped at the mapping quality (as GATK
 * does), and no allele is less likely than the best by more than the read's own mapping quality or the global
 * mismapping rate, whichever is lower, so one read can never outweigh the chance that it does not belong here.
 */
public final class GenotypeLikelihoodsModel {
    /** log10 of a base's match and mismatch probability per tenth of a phred quality (0.0 to 127.0). */
    private static final double[] LOG10_MATCH = new double[1271];
    private static final double[] LOG10_MISMATCH = new double[1271];

    static {
        for (int t = 0; t < LOG10_MATCH.length; t++) {
            double error = Math.min(0.75, StrictMath.pow(10, -t / 100.0));
            LOG10_MATCH[t] = StrictMath.log10(1 - error);
            LOG10_MISMATCH[t] = StrictMath.log10(error / 3);
        }
    }

    private final CallingParameters params;
    private final PairHmm hmm = new PairHmm();
    private final PcrIndelModel pcr;
    private final DependentErrors dependent;

    public GenotypeLikelihoodsModel(CallingParameters params) {
        this(params, params.errorDependency());
    }

    private GenotypeLikelihoodsModel(CallingParameters params, double errorDependency) {
        this.params = params;
        this.pcr = new PcrIndelModel(params.indelGapOpenQ(), params.pcrIndelRateFactor());
        this.dependent = new DependentErrors(errorDependency);
    }

    /**
     * The model with each read's errors independent, as Mutect2's read likelihoods take them: somatic calling weighs
     * a few reads of a low-fraction allele, which the germline model's dependent errors (bcftools' errmod) would
     * discount as a cluster.
     */
    public static GenotypeLikelihoodsModel independentErrors(CallingParameters params) {
        return new GenotypeLikelihoodsModel(params, 0);
    }

    public ReadLikelihoods compute(Pileup pileup, RefWindow ref) {
        CandidateSite site = pileup.site();
        List<ReadEvidence> evidence = pileup.evidence();
        double[][] log10 = new double[evidence.size()][];
        if (evidence.isEmpty()) {
            return new ReadLikelihoods(evidence, log10); // a sample without reads here: no haplotypes to build
        }
        if (site.needsHaplotypes()) {
            Haplotypes.Set haps = Haplotypes.build(site, ref, params.maxSiteSpan());
            double gapExtend = StrictMath.pow(10, -params.indelGapExtensionQ() / 10);
            double start = 1.0 / haps.referenceLength();
            // every haplotype of every allele in one batch, allele by allele: the pair-HMM shares their prefixes
            List<byte[]> all = new ArrayList<>();
            haps.byAllele().forEach(all::addAll);
            PairHmm.Batch batch = new PairHmm.Batch(all);
            double[] perHap = new double[all.size()];
            for (int r = 0; r < evidence.size(); r++) {
                ReadEvidence e = evidence.get(r);
                byte[] quals = capped(e.quals(), e.mappingQuality());
                hmm.log10Likelihoods(e.bases(), quals, pcr.gapOpen(e.bases()), batch, gapExtend, start, perHap);
                log10[r] = new double[site.alleleCount()];
                int h = 0;
                for (int a = 0; a < site.alleleCount(); a++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (int end = h + haps.byAllele().get(a).size(); h < end; h++) {
                        best = Math.max(best, perHap[h]);
                    }
                    log10[r][a] = best;
                }
            }
        } else {
            byte[][] alleles = new byte[site.alleleCount()][];
            for (int a = 0; a < alleles.length; a++) {
                alleles[a] = site.alleles().get(a).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
            byte[] bases = new byte[evidence.size()];
            byte[] quals = new byte[evidence.size()];
            boolean[] reverse = new boolean[evidence.size()];
            for (int r = 0; r < evidence.size(); r++) {
                ReadEvidence e = evidence.get(r);
                bases[r] = e.bases()[0];
                quals[r] = capped(e.quals(), e.mappingQuality())[0];
                reverse[r] = e.negativeStrand();
            }
            double[] effective = dependent.qualities(bases, reverse, quals);
            for (int r = 0; r < evidence.size(); r++) {
                int tenths = (int) Math.round(effective[r] * 10);
                double match = LOG10_MATCH[tenths];
                double mismatch = LOG10_MISMATCH[tenths];
                log10[r] = new double[alleles.length];
                for (int a = 0; a < alleles.length; a++) {
                    log10[r][a] = bases[r] == 'N' ? 0 : bases[r] == alleles[a][0] ? match : mismatch;
                }
            }
        }
        for (int r = 0; r < log10.length; r++) {
            capSpread(log10[r], evidence.get(r).mappingQuality());
        }
        return new ReadLikelihoods(evidence, log10);
    }

    /**
     * No allele is less likely than the read's best by more than the chance that the read does not belong here: its
     * mapping quality, or GATK's global mismapping rate when that is lower. Three paralogous MAPQ-21 reads then
     * weigh 2.1 log10 units each, not 4.5, and cannot turn a hom-alt into a het.
     */
    private void capSpread(double[] read, int mappingQuality) {
        double floor = Math.min(params.globalMismappingQ(), mappingQuality) / 10;
        double best = Double.NEGATIVE_INFINITY;
        for (double v : read) {
            best = Math.max(best, v);
        }
        for (int a = 0; a < read.length; a++) {
            read[a] = Math.max(read[a], best - floor);
        }
    }

    private static byte[] capped(byte[] quals, int mappingQuality) {
        byte cap = (byte) Math.min(mappingQuality, 127);
        byte[] out = quals.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(out[i], cap));
        }
        return out;
    }
}
