package gap.core.calling;

import gap.core.model.Genotype;
import gap.core.model.Pileup;
import gap.core.model.ReadEvidence;
import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Takes a call with its samples' pileups and read likelihoods, gives the call with GATK's annotations in INFO: AC, AN,
 * AF over the called genotypes, QD, FS, SOR, MQ, for a site where some sample is het with REF the rank-sum tests
 * MQRankSum, ReadPosRankSum and BaseQRankSum, and with several samples ExcessHet. Definitions are GATK's
 * (HaplotypeCaller's, from read likelihoods, all samples' reads together), so users' filters carry over. Values are
 * rounded to the decimals GATK writes them with ({@link InfoField#round}), so scoring a call in memory and scoring it
 * from the VCF agree exactly.
 *
 * <p>Reads are our fragments (overlapping mates count once). A fragment is informative when its best allele among
 * the call's alleles beats the next by 0.2 log10, as for AD; it supports REF or ALT by that best allele.
 */
public final class Annotator {
    /** GATK QualByDepth: QD at or above this is replaced by IDEAL_HIGH_QD plus Gaussian jitter of sd JITTER_SD. */
    static final double MAX_QD_BEFORE_FIXING = 35;
    static final double IDEAL_HIGH_QD = 30;
    static final double JITTER_SD = 3;
    /** Mapping quality 255 means "unavailable" in SAM; GATK leaves such reads out of MQ and MQRankSum. */
    static final int MAPQ_UNAVAILABLE = 255;

    /** The call of one sample. */
    public VariantCall annotate(VariantCall call, Pileup pileup, ReadLikelihoods likelihoods) {
        return annotate(call, List.of(pileup), List.of(likelihoods));
    }

    /** The call of the samples whose pileups and likelihoods are given, in the call's sample order. */
    public VariantCall annotate(VariantCall call, List<Pileup> pileups, List<ReadLikelihoods> perSample) {
        int[] alleles = siteAlleles(call, pileups.get(0));
        ReadLikelihoods likelihoods = ReadLikelihoods.pool(perSample);
        Map<String, Object> info = new LinkedHashMap<>(call.info());
        putAlleleCounts(info, call);
        // Hardy-Weinberg needs diploid genotypes: none on chrM or a male's X and Y (haploid)
        List<Genotype> diploid = call.genotypes().stream().filter(g -> g.isCalled() && g.ploidy() == 2).toList();
        if (call.genotypes().size() > 1 && !diploid.isEmpty()) {
            put(info, InfoField.EXCESS_HET, ExcessHet.of(diploid));
        }
        Double qd = qualByDepth(call, likelihoods.readCount());
        if (qd != null) {
            put(info, InfoField.QD, qd);
        }
        StrandBias strands = strandTable(likelihoods, alleles);
        put(info, InfoField.FS, strands.fisherStrand());
        put(info, InfoField.SOR, strands.strandOddsRatio());
        double mq = rmsMappingQuality(likelihoods.evidence());
        if (!Double.isNaN(mq)) {
            put(info, InfoField.MQ, mq);
        }
        if (call.genotypes().stream().anyMatch(Genotype::isHetRef)) {
            RankSumInputs in = rankSumInputs(likelihoods, alleles);
            putZ(info, InfoField.MQ_RANK_SUM, in.mappingQuality());
            putZ(info, InfoField.READ_POS_RANK_SUM, in.readPosition());
            putZ(info, InfoField.BASE_Q_RANK_SUM, in.baseQuality());
        }
        return call.withInfo(info);
    }

    /**
     * The joint call of samples from their gVCFs: the same annotations from the raw sums each sample's variant record
     * carries ({@code raws}: null for a sample with none at the site) and {@code fragments}, the samples' depth.
     */
    public VariantCall annotateFromGvcfs(VariantCall call, List<gap.core.model.GvcfRecord.RawAnnotations> raws,
                                         int fragments) {
        Map<String, Object> info = new LinkedHashMap<>(call.info());
        putAlleleCounts(info, call);
        List<Genotype> diploid = call.genotypes().stream().filter(g -> g.isCalled() && g.ploidy() == 2).toList();
        if (call.genotypes().size() > 1 && !diploid.isEmpty()) {
            put(info, InfoField.EXCESS_HET, ExcessHet.of(diploid));
        }
        Double qd = qualByDepth(call, fragments);
        if (qd != null) {
            put(info, InfoField.QD, qd);
        }
        int[] strands = new int[4];
        double squares = 0;
        int n = 0;
        List<List<int[]>> parts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            parts.add(new ArrayList<>());
        }
        for (gap.core.model.GvcfRecord.RawAnnotations r : raws) {
            if (r == null) {
                continue;
            }
            for (int i = 0; i < 4; i++) {
                strands[i] += r.strands()[i];
            }
            squares += r.mqSquares();
            n += r.mqCount();
            int[][][] tests = {r.mqRankSum(), r.readPosRankSum(), r.baseQRankSum()};
            for (int t = 0; t < 3; t++) {
                parts.get(2 * t).add(tests[t][0]);
                parts.get(2 * t + 1).add(tests[t][1]);
            }
        }
        StrandBias sb = new StrandBias(strands[0], strands[1], strands[2], strands[3]);
        put(info, InfoField.FS, sb.fisherStrand());
        put(info, InfoField.SOR, sb.strandOddsRatio());
        if (n > 0) {
            put(info, InfoField.MQ, StrictMath.sqrt(squares / n));
        }
        if (call.genotypes().stream().anyMatch(Genotype::isHetRef)) {
            InfoField[] fields = {InfoField.MQ_RANK_SUM, InfoField.READ_POS_RANK_SUM, InfoField.BASE_Q_RANK_SUM};
            for (int t = 0; t < 3; t++) {
                putZ(info, fields[t], new Groups(values(parts.get(2 * t)), values(parts.get(2 * t + 1))));
            }
        }
        return call.withInfo(info);
    }

    /** The values of histograms ({@code value, count} pairs), each repeated count times, in histogram order. */
    static double[] values(List<int[]> histograms) {
        List<Double> out = new ArrayList<>();
        for (int[] h : histograms) {
            for (int i = 0; i < h.length; i += 2) {
                for (int c = 0; c < h[i + 1]; c++) {
                    out.add((double) h[i]);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * AC (copies of each alternate allele), AN (called alleles) and AF (AC / AN, three decimals) over the called
     * genotypes, as GATK's ChromosomeCounts.
     */
    static void putAlleleCounts(Map<String, Object> info, VariantCall call) {
        int alts = call.alleles().size() - 1;
        int[] ac = new int[alts];
        int an = 0;
        for (Genotype g : call.genotypes()) {
            if (!g.isCalled()) {
                continue;
            }
            an += g.ploidy();
            for (int a : g.gt()) {
                if (a > 0) {
                    ac[a - 1]++;
                }
            }
        }
        List<Integer> counts = new ArrayList<>();
        List<Double> freqs = new ArrayList<>();
        for (int c : ac) {
            counts.add(c);
            freqs.add(InfoField.AF.round(an == 0 ? 0 : (double) c / an));
        }
        info.put(InfoField.AC.key(), counts);
        info.put(InfoField.AN.key(), an);
        info.put(InfoField.AF.key(), freqs);
    }

    /**
     * Indexes into the site's alleles of the call's alleles. The caller keeps a subset of the site's alleles and
     * trims the end they all share; putting that end back finds each one.
     */
    static int[] siteAlleles(VariantCall call, Pileup pileup) {
        List<String> site = pileup.site().alleles();
        String suffix = site.get(0).substring(call.ref().length());
        int[] idx = new int[call.alleles().size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = site.indexOf(call.alleles().get(i) + suffix);
            if (idx[i] < 0) {
                throw new IllegalStateException("allele " + call.alleles().get(i) + " is not one of the site's");
            }
        }
        return idx;
    }

    /**
     * QUAL over the informative fragments of the samples carrying the variant (GATK uses AD this way; with no
     * informative fragment, every fragment the likelihoods hold). Very high values, which a call with many high-
     * quality reads reaches, are replaced as GATK does by 30 plus Gaussian jitter of sd 3, so that a scorer does not
     * learn them as a separate population; the jitter is seeded by the site, so a run is reproducible.
     */
    static Double qualByDepth(VariantCall call, int fragments) {
        if (gap.core.model.Contigs.isMitochondrial(call.contig())) {
            // a heteroplasmy's QUAL grows with its alternate reads, not with all the carrier's: over a thousandfold
            // chrM, QUAL per read of a true 5 % allele is small; no QD (its hard filter then does not apply)
            return null;
        }
        int depth = call.genotypes().stream().filter(Genotype::isVariant)
                .mapToInt(g -> g.ad().stream().mapToInt(Integer::intValue).sum()).sum();
        if (depth == 0) {
            depth = fragments;
        }
        if (depth == 0) {
            return null;
        }
        double qd = call.qual() / depth;
        if (qd >= MAX_QD_BEFORE_FIXING) {
            qd = IDEAL_HIGH_QD + JITTER_SD * new Random(siteSeed(call)).nextGaussian();
        }
        return qd;
    }

    /** A seed that depends on the site only (String.hashCode is specified, so it is the same on every JVM). */
    static long siteSeed(VariantCall call) {
        return ((long) call.contig().hashCode() << 32) ^ call.position();
    }

    /**
     * Informative fragments by best allele (REF or any ALT of the call) and strand. A fragment whose two mates both
     * cover the site counts on both strands, as GATK counts reads: one strand picked per fragment would add noise
     * a strand test reads as bias.
     */
    static StrandBias strandTable(ReadLikelihoods likelihoods, int[] alleles) {
        int[] counts = new int[4];
        for (int r = 0; r < likelihoods.readCount(); r++) {
            int best = likelihoods.informativeAllele(r, alleles);
            if (best >= 0) {
                ReadEvidence e = likelihoods.evidence().get(r);
                int row = best == 0 ? 0 : 2;
                if (e.bothStrands()) {
                    counts[row]++;
                    counts[row + 1]++;
                } else {
                    counts[row + (e.negativeStrand() ? 1 : 0)]++;
                }
            }
        }
        return new StrandBias(counts[0], counts[1], counts[2], counts[3]);
    }

    /** Root mean square of the fragments' mapping qualities (NaN when none is available). */
    static double rmsMappingQuality(List<ReadEvidence> evidence) {
        double sumSquares = 0;
        int n = 0;
        for (ReadEvidence e : evidence) {
            if (e.mappingQuality() != MAPQ_UNAVAILABLE) {
                sumSquares += (double) e.mappingQuality() * e.mappingQuality();
                n++;
            }
        }
        return n == 0 ? Double.NaN : StrictMath.sqrt(sumSquares / n);
    }

    /** Per rank-sum test, the values of the REF-supporting and the ALT-supporting informative fragments. */
    record RankSumInputs(Groups mappingQuality, Groups readPosition, Groups baseQuality) {}

    record Groups(double[] alt, double[] ref) {}

    static RankSumInputs rankSumInputs(ReadLikelihoods likelihoods, int[] alleles) {
        List<List<Double>> lists = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lists.add(new ArrayList<>());
        }
        for (int r = 0; r < likelihoods.readCount(); r++) {
            int best = likelihoods.informativeAllele(r, alleles);
            ReadEvidence e = likelihoods.evidence().get(r);
            if (best < 0 || e.mappingQuality() == 0 || e.mappingQuality() == MAPQ_UNAVAILABLE) {
                continue;
            }
            int side = best == 0 ? 1 : 0; // 0 = ALT, 1 = REF
            lists.get(side).add((double) e.mappingQuality());
            if (e.readPosition() >= 0) {
                lists.get(2 + side).add((double) e.readPosition());
            }
            if (e.siteQuality() >= 0) {
                lists.get(4 + side).add((double) e.siteQuality());
            }
        }
        return new RankSumInputs(groups(lists, 0), groups(lists, 2), groups(lists, 4));
    }

    private static Groups groups(List<List<Double>> lists, int at) {
        return new Groups(lists.get(at).stream().mapToDouble(Double::doubleValue).toArray(),
                lists.get(at + 1).stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void putZ(Map<String, Object> info, InfoField field, Groups groups) {
        double z = MannWhitneyU.zScore(groups.alt(), groups.ref());
        if (!Double.isNaN(z) && !Double.isInfinite(z)) {
            put(info, field, z);
        }
    }

    /** {@code v} as the field holds it: rounded to the decimals the VCF writes. */
    private static void put(Map<String, Object> info, InfoField field, double v) {
        info.put(field.key(), field.round(v));
    }
}
