package gap.core.qc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable counters behind {@link CallSetStats}: takes records one at a time and counts them exactly as
 * {@code bcftools stats -s -} (1.16) does, so that its sections can be written with bcftools' numbers; plus gap's
 * own per-sample GQ histogram and PASS/filtered counts, and records per FILTER value. Never changed once a
 * {@link CallSetStats} holds it.
 */
final class CallSetTally implements java.io.Serializable {
    /** bcftools' indel length bins: 1 to 60 bases, longer ones counted at 60. */
    static final int MAX_INDEL = 60;
    /** bcftools' depth bins ({@code -d 0,500,1}): [0] below 0, [1 + d] depth d, the last above 500. */
    static final int DEPTH_MAX = 500;
    static final int DEPTH_BINS = 4 + DEPTH_MAX;
    static final int GQ_MAX = 99;

    /** bcftools' genotype types (htslib's {@code GT_*} from {@code bcf_gt_type}). */
    static final int HOM_RR = 0;
    static final int HOM_AA = 1;
    static final int HET_RA = 2;
    static final int HET_AA = 3;
    static final int HAPL_R = 4;
    static final int HAPL_A = 5;
    static final int UNKNOWN = 6;

    final List<String> samples;
    final int afBins;
    long records;
    long noAlts;
    long snps;
    long mnps;
    long indels;
    long others;
    long multiallelic;
    long multiallelicSnps;
    long tsAlt1;
    long tvAlt1;
    final long[] substitutions = new long[16];
    final long[] afSnps;
    final long[] afTs;
    final long[] afTv;
    final long[] afIndels;
    final TreeMap<Integer, Long> qualTs = new TreeMap<>();
    final TreeMap<Integer, Long> qualTv = new TreeMap<>();
    final TreeMap<Integer, Long> qualIndels = new TreeMap<>();
    final long[] insertions = new long[MAX_INDEL];
    final long[] deletions = new long[MAX_INDEL];
    final long[] vafCount = new long[2 * MAX_INDEL + 1];
    // A sum of float VAFs in a double is exact while they span fewer than 53 bits (VAFs above 2^-20 under a million
    // genotypes), so the order in which shards or records are added cannot change it.
    final double[] vafSum = new double[2 * MAX_INDEL + 1];
    final long[] depthGenotypes = new long[DEPTH_BINS];
    final long[] depthSites = new long[DEPTH_BINS];
    final Map<String, Long> filters = new TreeMap<>();
    final long[][] perSample;
    final long[][] gq;

    CallSetTally(List<String> samples) {
        this.samples = List.copyOf(samples);
        this.afBins = Math.max(101, samples.size() + 1);
        afSnps = new long[afBins];
        afTs = new long[afBins];
        afTv = new long[afBins];
        afIndels = new long[afBins];
        perSample = new long[samples.size()][SampleVariantCounts.FIELDS];
        gq = new long[samples.size()][GQ_MAX + 1];
    }

    void add(CallRecord rec) {
        if (rec.genotypes().size() != samples.size()) {
            throw new IllegalArgumentException("a record of this call set has " + rec.genotypes().size()
                    + " genotypes, the call set " + samples.size() + " samples");
        }
        List<String> alleles = rec.alleles();
        AlleleType[] types = new AlleleType[alleles.size()];
        types[0] = new AlleleType(AlleleType.REF, 0);
        int lineType = 0;
        for (int i = 1; i < alleles.size(); i++) {
            types[i] = AlleleType.of(alleles.get(0), alleles.get(i));
            lineType |= types[i].flag();
        }
        int[] iaf = alleleFrequencyBins(rec);
        records++;
        filters.merge(rec.filter().toString(), 1L, Long::sum);
        if (lineType == AlleleType.REF) {
            noAlts++;
        }
        if ((lineType & AlleleType.SNP) != 0) {
            snpStats(rec, types, iaf);
        }
        if ((lineType & AlleleType.INDEL) != 0) {
            indelStats(rec, types, iaf);
        }
        if ((lineType & AlleleType.MNP) != 0) {
            mnps++;
        }
        if ((lineType & AlleleType.OTHER) != 0) {
            others++;
        }
        if (alleles.size() > 2) {
            multiallelic++;
            if (lineType == AlleleType.SNP) {
                multiallelicSnps++;
            }
        }
        sampleStats(rec, types);
        gapSampleStats(rec);
        if (rec.infoDepth() != null) {
            depthSites[depthBin(rec.infoDepth())]++;
        }
    }

    /**
     * bcftools' allele-frequency bin of each ALT ({@code init_iaf}): from INFO AC and AN when both are there, else
     * from the genotypes; bin 0 holds singletons (and everything when nothing is known), bin 1 + AF × (bins − 2).
     */
    private int[] alleleFrequencyBins(CallRecord rec) {
        int n = rec.alleles().size();
        int[] ac = new int[n];
        boolean known;
        if (rec.infoAn() != null && rec.infoAc() != null) {
            int sum = 0;
            for (int i = 0; i < Math.min(rec.infoAc().size(), n - 1); i++) {
                ac[i + 1] = rec.infoAc().get(i);
                sum += ac[i + 1];
            }
            ac[0] = rec.infoAn() - sum;
            known = true;
        } else {
            known = !rec.genotypes().isEmpty();
            for (CallRecord.Call c : rec.genotypes()) {
                for (int a : c.gt()) {
                    if (a >= 0 && a < n) {
                        ac[a]++;
                    }
                }
            }
        }
        int[] bins = new int[n];
        if (!known) {
            return bins;
        }
        int an = 0;
        for (int a : ac) {
            an += a;
        }
        for (int i = 1; i < n; i++) {
            if (ac[i] == 1) {
                bins[i] = 0;
            } else if (an == 0) {
                bins[i] = 1;
            } else {
                float af = Math.max(0f, Math.min(1f, (float) ac[i] / an));
                bins[i] = (int) (af * (afBins - 2)) + 1;
            }
        }
        return bins;
    }

    private void snpStats(CallRecord rec, AlleleType[] types, int[] iaf) {
        snps++;
        List<String> alleles = rec.alleles();
        int ref = acgt(alleles.get(0).charAt(0));
        if (ref < 0) {
            return;
        }
        int qual = qualBin(rec.qual());
        for (int i = 1; i < alleles.size(); i++) {
            if (!types[i].is(AlleleType.SNP)) {
                continue;
            }
            int alt = acgt(alleles.get(i).charAt(0));
            if (alt < 0 || alt == ref) {
                continue;
            }
            substitutions[ref << 2 | alt]++;
            afSnps[iaf[i]]++;
            boolean transition = Math.abs(ref - alt) == 2;
            if (i == 1) {
                if (transition) {
                    tsAlt1++;
                    qualTs.merge(QualBins.bin(qual), 1L, Long::sum);
                } else {
                    tvAlt1++;
                    qualTv.merge(QualBins.bin(qual), 1L, Long::sum);
                }
            }
            (transition ? afTs : afTv)[iaf[i]]++;
        }
    }

    private void indelStats(CallRecord rec, AlleleType[] types, int[] iaf) {
        indels++;
        qualIndels.merge(QualBins.bin(qualBin(rec.qual())), 1L, Long::sum);
        for (int i = 1; i < types.length; i++) {
            if (!types[i].is(AlleleType.INDEL)) {
                continue;
            }
            afIndels[iaf[i]]++;
            int length = types[i].length();
            long[] bins = length < 0 ? deletions : insertions;
            bins[Math.min(Math.abs(length), MAX_INDEL) - 1]++;
        }
    }

    /** bcftools' {@code do_sample_stats}, quirks included (see the comments), so PSC, PSI, IDD and DP agree. */
    private void sampleStats(CallRecord rec, AlleleType[] types) {
        int ref = acgt(rec.alleles().get(0).charAt(0));
        int nonRef = 0;
        int lastNonRef = -1;
        for (int s = 0; s < samples.size(); s++) {
            long[] counts = perSample[s];
            CallRecord.Call call = rec.genotypes().get(s);
            int[] gt = genotypeType(call.gt());
            int type = gt[0];
            if (type == UNKNOWN) {
                counts[SampleVariantCounts.MISSING]++;
                continue;
            }
            if (type == HAPL_R || type == HAPL_A) {
                counts[type == HAPL_R ? SampleVariantCounts.HAP_REF : SampleVariantCounts.HAP_ALT]++;
                continue;
            }
            if (type != HOM_RR) {
                nonRef++;
                lastNonRef = s;
            }
            int varType = (gt[1] > 0 ? types[gt[1]].flag() : 0) | (gt[2] > 0 ? types[gt[2]].flag() : 0);
            if (countSnv(counts, rec.alleles(), ref, types, gt, varType)) {
                countIndel(counts, call, types, gt, varType);
            }
        }
        if (nonRef == 1) {
            perSample[lastNonRef][SampleVariantCounts.SINGLETONS]++;
        }
        depthStats(rec);
    }

    /**
     * A called sample's SNV genotype counts ({@code gt}: type and allele indexes); false when bcftools would skip the
     * rest of the sample's counts at this record (an SNP ALT that is not A, C, G or T).
     */
    private static boolean countSnv(long[] counts, List<String> alleles, int ref, AlleleType[] types, int[] gt,
                                    int varType) {
        int type = gt[0];
        int ial = gt[1];
        if ((varType & AlleleType.SNP) != 0 || varType == AlleleType.REF) { // bcftools counts ALT=. as an SNP
            if (type == HET_RA || type == HET_AA) {
                counts[SampleVariantCounts.HET]++;
            } else if (type == HOM_RR) {
                counts[SampleVariantCounts.HOM_REF]++;
            } else {
                counts[SampleVariantCounts.HOM_ALT]++;
            }
            if (type != HOM_RR && types[ial].is(AlleleType.SNP)) {
                int alt = acgt(alleles.get(ial).charAt(0));
                if (alt < 0) {
                    return false; // as bcftools: this also skips the sample's indel counts
                }
                counts[Math.abs(ref - alt) == 2 ? SampleVariantCounts.TS : SampleVariantCounts.TV]++;
            }
        }
        return true;
    }

    /** A called sample's indel genotype counts, and the VAF of its het indel alleles. */
    private void countIndel(long[] counts, CallRecord.Call call, AlleleType[] types, int[] gt, int varType) {
        int type = gt[0];
        int ial = gt[1];
        int jal = gt[2];
        if ((varType & AlleleType.INDEL) == 0 || type == HOM_RR) {
            return;
        }
        counts[SampleVariantCounts.INDELS]++;
        if (type == HET_RA || type == HET_AA) {
            boolean insertion = false;
            boolean deletion = false;
            for (int[] pair : new int[][] {{ial, jal}, {jal, ial}}) {
                AlleleType t = types[pair[0]];
                if (t.is(AlleleType.INDEL)) {
                    deletion |= t.length() < 0;
                    insertion |= t.length() >= 0;
                    addVaf(call.ad(), pair[0], pair[1], t.length());
                }
            }
            // alt-het genotypes with both an insertion and a deletion count in both, as in bcftools
            if (deletion) {
                counts[SampleVariantCounts.DEL_HETS]++;
            }
            if (insertion) {
                counts[SampleVariantCounts.INS_HETS]++;
            }
        } else if (type == HOM_AA) {
            counts[types[ial].length() < 0 ? SampleVariantCounts.DEL_HOMS : SampleVariantCounts.INS_HOMS]++;
        }
    }

    /** Each sample's depth at the record: FORMAT/DP when any sample has it, else the sum of its AD. */
    private void depthStats(CallRecord rec) {
        boolean formatDepth = rec.genotypes().stream().anyMatch(c -> c.dp() >= 0);
        for (int s = 0; s < samples.size(); s++) {
            CallRecord.Call call = rec.genotypes().get(s);
            int depth = -1;
            if (formatDepth) {
                depth = call.dp();
            } else if (call.ad() != null) {
                for (int v : call.ad()) {
                    if (v >= 0) {
                        depth = Math.max(depth, 0) + v;
                    }
                }
            }
            if (depth >= 0) {
                depthGenotypes[depthBin(depth)]++;
                perSample[s][SampleVariantCounts.DEPTH_COUNT]++;
                perSample[s][SampleVariantCounts.DEPTH_SUM] += depth;
            }
        }
    }

    /** bcftools' {@code update_dvaf}: the VAF of allele {@code a} against {@code b} from AD, in the bin of its length. */
    private void addVaf(int[] ad, int a, int b, int length) {
        if (ad == null || a >= ad.length || b >= ad.length || ad[a] < 0 || ad[b] < 0 || ad[a] + ad[b] == 0) {
            return;
        }
        float vaf = (float) ad[a] / (ad[a] + ad[b]);
        int bin = MAX_INDEL + Math.max(-MAX_INDEL, Math.min(MAX_INDEL, length));
        vafCount[bin]++;
        vafSum[bin] += vaf;
    }

    /** gap's own: each called genotype's GQ, and each non-reference genotype's FILTER, per sample. */
    private void gapSampleStats(CallRecord rec) {
        for (int s = 0; s < samples.size(); s++) {
            CallRecord.Call call = rec.genotypes().get(s);
            int type = genotypeType(call.gt())[0];
            if (type == UNKNOWN) {
                continue;
            }
            if (call.gq() >= 0) {
                gq[s][Math.min(call.gq(), GQ_MAX)]++;
            }
            if (type != HOM_RR && type != HAPL_R) {
                perSample[s][rec.filter().isPass() ? SampleVariantCounts.NON_REF_PASS
                        : SampleVariantCounts.NON_REF_FILTERED]++;
            }
        }
    }

    /**
     * htslib's {@code bcf_gt_type}: {type, ial, jal} where ial and jal are the genotype's ALT alleles (lowest
     * first; 0 when absent). Any missing allele makes the genotype unknown.
     */
    static int[] genotypeType(int[] gt) {
        int ial = 0;
        int jal = 0;
        boolean hasRef = false;
        int hasAlt = 0;
        for (int a : gt) {
            if (a < 0) {
                return new int[] {UNKNOWN, 0, 0};
            }
            if (a > 0) {
                if (ial == 0) {
                    ial = a;
                    hasAlt = 1;
                } else if (a != ial) {
                    if (a < ial) {
                        jal = ial;
                        ial = a;
                    } else {
                        jal = a;
                    }
                    hasAlt = 2;
                }
            } else {
                hasRef = true;
            }
        }
        int type;
        if (gt.length == 0) {
            type = UNKNOWN;
        } else if (gt.length == 1) {
            type = hasRef ? HAPL_R : HAPL_A;
        } else if (!hasRef) {
            type = hasAlt == 1 ? HOM_AA : HET_AA;
        } else {
            type = hasAlt == 0 ? HOM_RR : HET_RA;
        }
        return new int[] {type, ial, jal};
    }

    /** bcftools' QUAL bin: 0 for a missing or negative QUAL, else 1 + QUAL × 10 (float arithmetic, truncated). */
    static int qualBin(float qual) {
        return Float.isNaN(qual) || qual < 0 ? 0 : 1 + (int) (qual * 10);
    }

    static int depthBin(int depth) {
        if (depth < 0) {
            return 0;
        }
        return depth > DEPTH_MAX ? DEPTH_BINS - 1 : 1 + depth;
    }

    static int acgt(char c) {
        return switch (Character.toUpperCase(c)) {
            case 'A' -> 0;
            case 'C' -> 1;
            case 'G' -> 2;
            case 'T' -> 3;
            default -> -1;
        };
    }

    /** Adds {@code other}'s counts to these; both must be of the same samples. */
    void addAll(CallSetTally other) {
        if (!samples.equals(other.samples)) {
            throw new IllegalArgumentException("call set statistics of different samples do not add up");
        }
        records += other.records;
        noAlts += other.noAlts;
        snps += other.snps;
        mnps += other.mnps;
        indels += other.indels;
        others += other.others;
        multiallelic += other.multiallelic;
        multiallelicSnps += other.multiallelicSnps;
        tsAlt1 += other.tsAlt1;
        tvAlt1 += other.tvAlt1;
        add(substitutions, other.substitutions);
        add(afSnps, other.afSnps);
        add(afTs, other.afTs);
        add(afTv, other.afTv);
        add(afIndels, other.afIndels);
        other.qualTs.forEach((k, v) -> qualTs.merge(k, v, Long::sum));
        other.qualTv.forEach((k, v) -> qualTv.merge(k, v, Long::sum));
        other.qualIndels.forEach((k, v) -> qualIndels.merge(k, v, Long::sum));
        add(insertions, other.insertions);
        add(deletions, other.deletions);
        add(vafCount, other.vafCount);
        for (int i = 0; i < vafSum.length; i++) {
            vafSum[i] += other.vafSum[i];
        }
        add(depthGenotypes, other.depthGenotypes);
        add(depthSites, other.depthSites);
        other.filters.forEach((k, v) -> filters.merge(k, v, Long::sum));
        for (int s = 0; s < samples.size(); s++) {
            add(perSample[s], other.perSample[s]);
            add(gq[s], other.gq[s]);
        }
    }

    CallSetTally copy() {
        CallSetTally copy = new CallSetTally(samples);
        copy.addAll(this);
        return copy;
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}
