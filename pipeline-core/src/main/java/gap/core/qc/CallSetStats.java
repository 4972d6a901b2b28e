package gap.core.qc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a call set's records, gives its statistics: the sections of {@code bcftools stats -s -} (summary numbers,
 * Ti/Tv, substitution types, allele frequencies, QUAL, indel lengths, depth, per-sample counts), records by FILTER,
 * and per-sample GQ. Immutable and mergeable: the statistics of two parts of a call set add up to those of the
 * whole, in any order.
 */
public final class CallSetStats implements java.io.Serializable {
    private final CallSetTally tally;

    private CallSetStats(CallSetTally tally) {
        this.tally = tally;
    }

    /** The statistics of {@code records}, whose genotypes are of {@code samples} in that order. */
    public static CallSetStats of(List<String> samples, Collection<CallRecord> records) {
        CallSetTally t = new CallSetTally(samples);
        records.forEach(t::add);
        return new CallSetStats(t);
    }

    /** Collects records one at a time (a VCF read as a stream). */
    public static final class Builder {
        private final CallSetTally tally;

        public Builder(List<String> samples) {
            this.tally = new CallSetTally(samples);
        }

        public Builder add(CallRecord record) {
            tally.add(record);
            return this;
        }

        public CallSetStats build() {
            return new CallSetStats(tally.copy());
        }
    }

    public CallSetStats plus(CallSetStats other) {
        CallSetTally sum = tally.copy();
        sum.addAll(other.tally);
        return new CallSetStats(sum);
    }

    /** The counters, for the writers of this package; never to be changed. */
    public List<String> samples() {
        return tally.samples;
    }

    public long records() {
        return tally.records;
    }

    public long snps() {
        return tally.snps;
    }

    public long mnps() {
        return tally.mnps;
    }

    public long indels() {
        return tally.indels;
    }

    public long others() {
        return tally.others;
    }

    public long multiallelic() {
        return tally.multiallelic;
    }

    public long multiallelicSnps() {
        return tally.multiallelicSnps;
    }

    public long noAlts() {
        return tally.noAlts;
    }

    /** Transitions over every SNP ALT allele (TSTV's ts). */
    public long transitions() {
        return sum(tally.afTs);
    }

    public long transversions() {
        return sum(tally.afTv);
    }

    /** TSTV's ts/tv; NaN without transversions. */
    public double tsTv() {
        long tv = transversions();
        return tv == 0 ? Double.NaN : (double) transitions() / tv;
    }

    /** Insertion ALT alleles (IDD's positive lengths). */
    public long insertionAlleles() {
        return sum(tally.insertions);
    }

    public long deletionAlleles() {
        return sum(tally.deletions);
    }

    /** Insertion over deletion alleles of the call set; NaN without deletions. */
    public double insDelRatio() {
        long del = deletionAlleles();
        return del == 0 ? Double.NaN : (double) insertionAlleles() / del;
    }

    /** Transitions and transversions of the first ALT allele of each record (bcftools' TSTV columns 6 and 7). */
    public long transitionsFirstAlt() {
        return tally.tsAlt1;
    }

    public long transversionsFirstAlt() {
        return tally.tvAlt1;
    }

    /** One bin of bcftools' allele frequency distribution: SNP, transition, transversion and indel alleles. */
    public record FrequencyBin(long snps, long transitions, long transversions, long indels) {}

    /**
     * The allele frequency distribution: bin 0 holds the singletons (allele count 1), bin {@code i >= 1} the
     * frequencies {@code (i - 1) / (bins - 1)} (at least 101 bins, one more than the samples).
     */
    public List<FrequencyBin> frequencyBins() {
        List<FrequencyBin> bins = new ArrayList<>(tally.afBins);
        for (int i = 0; i < tally.afBins; i++) {
            bins.add(new FrequencyBin(tally.afSnps[i], tally.afTs[i], tally.afTv[i], tally.afIndels[i]));
        }
        return bins;
    }

    /** Records per FILTER value ({@code PASS}, filter names joined by {@code ;}, or {@code .}), sorted by value. */
    public Map<String, Long> filters() {
        return Map.copyOf(tally.filters);
    }

    /** The ST section: substitution type ("A>C" …, bcftools' order) to SNP ALT alleles. */
    public Map<String, Long> substitutions() {
        Map<String, Long> out = new LinkedHashMap<>();
        String bases = "ACGT";
        for (int t = 0; t < 16; t++) {
            if (t >> 2 != (t & 3)) {
                out.put(bases.charAt(t >> 2) + ">" + bases.charAt(t & 3), tally.substitutions[t]);
            }
        }
        return out;
    }

    /** One IDD row: indel length (deletions negative), ALT alleles, het genotypes with AD, and their mean VAF. */
    public record IndelLength(int length, long sites, long genotypes, double meanVaf) {}

    /** The IDD section, longest deletion first, as bcftools orders it. */
    public List<IndelLength> indelLengths() {
        List<IndelLength> out = new ArrayList<>();
        int max = CallSetTally.MAX_INDEL;
        for (int i = max - 1; i >= 0; i--) {
            if (tally.deletions[i] > 0) {
                out.add(indelLength(-(i + 1), tally.deletions[i]));
            }
        }
        for (int i = 0; i < max; i++) {
            if (tally.insertions[i] > 0) {
                out.add(indelLength(i + 1, tally.insertions[i]));
            }
        }
        return out;
    }

    private IndelLength indelLength(int length, long sites) {
        int bin = CallSetTally.MAX_INDEL + length;
        long n = tally.vafCount[bin];
        return new IndelLength(length, sites, n, n == 0 ? Double.NaN : tally.vafSum[bin] / n);
    }

    /**
     * One QUAL row: the bin's lowest QUAL (bcftools' bins are 0.1 wide up to 9999.9, then wider; NaN for records
     * without QUAL), the first ALTs of SNV records that are transitions and transversions, and indel records.
     */
    public record QualBin(float quality, long transitions, long transversions, long indels) {}

    /** The QUAL section, lowest QUAL first. */
    public List<QualBin> qualDistribution() {
        java.util.TreeSet<Integer> bins = new java.util.TreeSet<>();
        bins.addAll(tally.qualTs.keySet());
        bins.addAll(tally.qualTv.keySet());
        bins.addAll(tally.qualIndels.keySet());
        List<QualBin> out = new ArrayList<>();
        for (int bin : bins) {
            long start = QualBins.start(bin);
            float quality = start > 0 ? (float) (0.1 * (start - 1)) : Float.NaN;
            out.add(new QualBin(quality, QualBins.count(tally.qualTs, bin), QualBins.count(tally.qualTv, bin),
                    QualBins.count(tally.qualIndels, bin)));
        }
        return out;
    }

    /** One DP row: the depth ("<0", "0" … "500", ">500"), genotypes of that FORMAT depth, sites of that INFO depth. */
    public record DepthBin(String depth, long genotypes, long sites) {}

    /** The DP section: non-empty bins, shallowest first. */
    public List<DepthBin> depthDistribution() {
        List<DepthBin> out = new ArrayList<>();
        for (int i = 0; i < CallSetTally.DEPTH_BINS; i++) {
            long g = tally.depthGenotypes[i];
            long s = tally.depthSites[i];
            if (g > 0 || s > 0) {
                String depth = i == 0 ? "<0" : i == CallSetTally.DEPTH_BINS - 1 ? ">" + CallSetTally.DEPTH_MAX
                        : Integer.toString(i - 1);
                out.add(new DepthBin(depth, g, s));
            }
        }
        return out;
    }

    /** Each sample's PSC/PSI counts, in sample order. */
    public List<SampleVariantCounts> sampleCounts() {
        List<SampleVariantCounts> out = new ArrayList<>();
        for (int s = 0; s < tally.samples.size(); s++) {
            out.add(SampleVariantCounts.of(tally.samples.get(s), tally.perSample[s]));
        }
        return out;
    }

    /** Sample {@code s}'s called genotypes by GQ, 0 to 99 (higher GQs counted at 99). */
    public long[] gqHistogram(int s) {
        return tally.gq[s].clone();
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
