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
 * isolated SNV site an observation is the base at the site, the two mates merged base by base. At a site needing
 * haplotypes it is the read's bases over the site and its flank, for alignment; of two overlapping mates the one
 * that covers more is kept.
 */
public final class PileupBuilder {
    private final int flank;
    private final int maxReads;

    /**
     * @param flank    bases either side of a site needing haplotypes that the reads' bases are taken over
     * @param maxReads fragments kept at a site needing haplotypes (the pair-HMM's cost grows with them); beyond it
     *                 a deterministic sample, by a hash of fragment name and locus, as GATK caps its regions
     */
    public PileupBuilder(int flank, int maxReads) {
        this.flank = flank;
        this.maxReads = maxReads;
    }

    public Pileup build(CandidateSite site, List<AlignedRead> reads) {
        int pos = site.position();
        boolean haplotypes = site.needsHaplotypes();
        int from = haplotypes ? pos - flank : pos;
        int to = haplotypes ? site.spanEnd() + flank : pos;
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
        long[] keys = new long[evidence.size()];
        Integer[] order = new Integer[evidence.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = mix(evidence.get(i).fragment().hashCode() ^ locus);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> keys[x] != keys[y] ? Long.compare(keys[x], keys[y])
                : evidence.get(x).fragment().compareTo(evidence.get(y).fragment()));
        Integer[] kept = java.util.Arrays.copyOf(order, n);
        java.util.Arrays.sort(kept);
        List<ReadEvidence> out = new java.util.ArrayList<>(n);
        for (int i : kept) {
            out.add(evidence.get(i));
        }
        return out;
    }

    /** A 64-bit finaliser (SplitMix64's), so nearby names and loci give unrelated keys. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Merges the two mates' base at an SNV site, as samtools does for overlapping pairs: when they agree the base
     * keeps the higher quality (both read the same molecule, so agreement is not twice the evidence); when they
     * disagree the higher-quality base is kept with the difference of the two qualities. The fragment's strand and
     * read position are those of the mate whose base is kept (the first on a tie), for the annotations.
     */
    static ReadEvidence mergeMates(ReadEvidence a, ReadEvidence b) {
        if (a.bases().length != b.bases().length) {
            return null;
        }
        int n = a.bases().length;
        byte[] bases = new byte[n];
        byte[] quals = new byte[n];
        for (int i = 0; i < n; i++) {
            byte qa = a.quals()[i];
            byte qb = b.quals()[i];
            if (a.bases()[i] == b.bases()[i]) {
                bases[i] = a.bases()[i];
                quals[i] = (byte) Math.max(qa, qb);
            } else {
                bases[i] = qa >= qb ? a.bases()[i] : b.bases()[i];
                quals[i] = (byte) Math.abs(qa - qb);
            }
        }
        // Only isolated SNV sites merge mates, and there the bases start at the site: base 0 is the site's.
        ReadEvidence kept = n > 0 && b.quals()[0] > a.quals()[0] ? b : a;
        return new ReadEvidence(a.fragment(), bases, quals, Math.min(a.mappingQuality(), b.mappingQuality()),
                kept.negativeStrand(), kept.readPosition(), n > 0 ? quals[0] : -1, a.negativeStrand() != b.negativeStrand(),
                a.f1r2());
    }

    /** Of two mates over a haplotype window, the one with more bases there (the first on a tie), standing for both. */
    static ReadEvidence longer(ReadEvidence a, ReadEvidence b) {
        return b.bases().length > a.bases().length ? b.withMate(a) : a.withMate(b);
    }
}
