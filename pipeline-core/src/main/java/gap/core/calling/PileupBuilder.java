package gap.core.calling;

import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.ReadBases;
import gap.core.model.ReadEvidence;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a candidate site and the reads near it, gives its {@link Pileup}, one observation per fragment. At an
 * isolated SNV site an observation is the base at the site, the two mates merged base by base (agreeing mates are
 * two reads of one molecule: their errors are independent, its PCR errors are not). At a site needing
 * haplotypes it is the read's bases over the site's window (repeat tract and flank), for alignment; of two overlapping mates the one
 * that covers more is kept.
 */
public final class PileupBuilder {
    /**
     * Substitution error rate of library PCR, which both mates of a fragment read alike: GATK's default
     * ({@code FragmentUtils.DEFAULT_PCR_SNV_ERROR_RATE} = 1e-4, Q40, whose half caps each overlapping mate's quality).
     */
    static final double PCR_SNV_ERROR = 1e-4;

    private final int maxReads;

    /**
     * @param maxReads fragments kept at a site needing haplotypes (the pair-HMM's cost grows with them); beyond it
     *                 a deterministic sample, by a hash of fragment name and locus, as GATK caps its regions
     */
    public PileupBuilder(int maxReads) {
        this.maxReads = maxReads;
    }

    public Pileup build(CandidateSite site, List<AlignedRead> reads) {
        int pos = site.position();
        boolean haplotypes = site.needsHaplotypes();
        int from = haplotypes ? site.windowStart() : pos;
        int to = haplotypes ? site.windowEnd() : pos;
        Map<String, ReadEvidence> byFragment = new LinkedHashMap<>();
        Set<String> dropped = new HashSet<>();
        Set<String> covering = new HashSet<>();
        for (AlignedRead read : reads) {
            if (read.start() <= pos && read.end() >= pos) {
                covering.add(read.name());
            }
            if (!read.overlaps(pos, site.spanEnd()) || dropped.contains(read.name())) {
                continue;
            }
            ReadEvidence e = haplotypes ? ReadBases.observeWithClips(read, from, to, pos)
                    : ReadBases.observe(read, from, to, pos);
            if (e.bases().length == 0) {
                continue; // deleted at an SNV site: says nothing about its alleles
            }
            ReadEvidence mate = byFragment.get(read.name());
            ReadEvidence merged = mate == null ? e : haplotypes ? longer(mate, e) : mergeMates(mate, e);
            if (merged == null) {
                byFragment.remove(read.name());
                dropped.add(read.name());
            } else {
                byFragment.put(read.name(), merged);
            }
        }
        List<ReadEvidence> evidence = List.copyOf(byFragment.values());
        if (haplotypes && evidence.size() > maxReads) {
            evidence = downsample(evidence, site.contig(), pos, maxReads);
        }
        return new Pileup(site, evidence, covering.size());
    }

    /**
     * The {@code n} fragments with the smallest hash of (name, locus), in their original order: the same fragments
     * whichever shard or thread builds the pileup, and a different sample at each locus.
     */
    static List<ReadEvidence> downsample(List<ReadEvidence> evidence, String contig, int position, int n) {
        long locus = (long) contig.hashCode() * 1_000_003L + position;
        return Downsampler.smallestKeys(evidence, n, e -> e.fragment().hashCode() ^ locus, ReadEvidence::fragment);
    }

    /**
     * Merges the two mates' base at an SNV site into one observation of the fragment. When they agree, both mates'
     * sequencing errors would have to be the same wrong base, so the base's error is that posterior plus the chance
     * that the molecule itself carries a PCR error, which both mates then read ({@link #PCR_SNV_ERROR}): two Q20
     * mates make a Q37 base, never above Q40. Keeping only the higher quality would drop the second read's evidence,
     * which samtools (quality sum) and GATK (both mates kept, each capped at half the PCR quality) both count. When
     * they disagree the higher-quality base is kept with the difference of the two qualities (their odds). The
     * fragment's strand and read position are those of the mate whose base is kept (the first on a tie), for the
     * annotations.
     */
    static ReadEvidence mergeMates(ReadEvidence a, ReadEvidence b) {
        if (a.bases().length != b.bases().length) {
            return null;
        }
        int n = a.bases().length;
        byte[] bases = new byte[n];
        byte[] quals = new byte[n];
        for (int i = 0; i < n; i++) {
            int merged = mergeBase(a.bases()[i], a.quals()[i], b.bases()[i], b.quals()[i]);
            bases[i] = (byte) (merged >> 8);
            quals[i] = (byte) merged;
        }
        // Only isolated SNV sites merge mates, and there the bases start at the site: base 0 is the site's.
        ReadEvidence kept = n > 0 && b.quals()[0] > a.quals()[0] ? b : a;
        // The annotations' base quality (BaseQRankSum) stays one read's, as GATK ranks reads, not fragments.
        int siteQuality = n == 0 ? -1 : a.bases()[0] == b.bases()[0] ? kept.quals()[0] : quals[0];
        return new ReadEvidence(a.fragment(), bases, quals, Math.min(a.mappingQuality(), b.mappingQuality()),
                kept.negativeStrand(), kept.readPosition(), siteQuality, a.negativeStrand() != b.negativeStrand(),
                a.f1r2());
    }

    /**
     * One fragment's base from its two mates' ({@code base << 8 | quality}): agreeing, the base with
     * {@link #agreeingQuality}; disagreeing, the higher-quality base (the first on a tie) with the difference of the
     * two qualities. The reference-confidence model merges overlapping mates by the same rule.
     */
    static int mergeBase(byte ba, byte qa, byte bb, byte qb) {
        if (ba == bb) {
            return ba << 8 | agreeingQuality(qa, qb);
        }
        return (qa >= qb ? ba : bb) << 8 | Math.abs(qa - qb);
    }

    /**
     * The phred quality of a base two mates of one fragment agree on: P(both read the same wrong base) over P(they
     * agree), each base's error spread evenly over the three other bases as the genotype model spreads it, plus
     * {@link #PCR_SNV_ERROR}.
     */
    static byte agreeingQuality(byte qa, byte qb) {
        double ea = Math.min(0.75, StrictMath.pow(10, -qa / 10.0));
        double eb = Math.min(0.75, StrictMath.pow(10, -qb / 10.0));
        double bothWrong = ea * eb / 3;
        double error = bothWrong / ((1 - ea) * (1 - eb) + bothWrong) + PCR_SNV_ERROR;
        return (byte) Math.round(-10 * StrictMath.log10(error));
    }

    /** Of two mates over a haplotype window, the one with more bases there (the first on a tie), standing for both. */
    static ReadEvidence longer(ReadEvidence a, ReadEvidence b) {
        return b.bases().length > a.bases().length ? b.withMate(a) : a.withMate(b);
    }
}
