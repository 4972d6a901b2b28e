package gap.core.calling;

import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.ReadEvidence;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a candidate site and the reads near it, gives its {@link Pileup}, one observation per fragment. At an
 * isolated SNV site an observation is the base at the site, the two mates merged base by base. At a site needing
 * haplotypes it is the read's bases over the site's window (repeat tract and flank), for alignment; of two overlapping mates the one
 * that covers more is kept.
 */
public final class PileupBuilder {
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
            ReadEvidence e = haplotypes ? observeWithClips(read, from, to, pos) : observe(read, from, to, pos);
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

    /** The read's bases aligned to {@code [from, to]}, with the insertions that fall between those positions. */
    static ReadEvidence observe(AlignedRead read, int from, int to) {
        return observe(read, from, to, from);
    }

    /** As {@link #observe(AlignedRead, int, int)}, with the read position and base quality at {@code site}. */
    static ReadEvidence observe(AlignedRead read, int from, int to, int site) {
        ByteArrayOutputStream bases = new ByteArrayOutputStream(to - from + 8);
        ByteArrayOutputStream quals = new ByteArrayOutputStream(to - from + 8);
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        int refPos = read.start();
        int readPos = 0;
        for (int c = 0; c < ops.length && refPos <= to; c++) {
            byte op = ops[c];
            int len = lens[c];
            if (AlignedRead.isAligned(op)) {
                int lo = Math.max(refPos, from);
                int hi = Math.min(refPos + len - 1, to);
                if (lo <= hi) {
                    bases.write(read.bases(), readPos + lo - refPos, hi - lo + 1);
                    quals.write(read.quals(), readPos + lo - refPos, hi - lo + 1);
                }
                refPos += len;
                readPos += len;
            } else if (op == 'I') {
                int after = refPos - 1; // the insertion follows this reference base
                if (after >= from && after < to) {
                    bases.write(read.bases(), readPos, len);
                    quals.write(read.quals(), readPos, len);
                }
                readPos += len;
            } else if (AlignedRead.consumesReference(op)) {
                refPos += len;
            } else if (AlignedRead.consumesRead(op)) {
                readPos += len;
            }
        }
        int offset = readOffset(read, site);
        return new ReadEvidence(read.name(), bases.toByteArray(), quals.toByteArray(), read.mappingQuality(),
                read.negativeStrand(), offset < 0 ? -1 : readPosition(read, offset),
                offset < 0 ? -1 : read.quals()[offset]);
    }

    /** Index into the read's bases (soft clips included) of reference position {@code pos}; -1 when not aligned. */
    static int readOffset(AlignedRead read, int pos) {
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        int refPos = read.start();
        int readPos = 0;
        for (int c = 0; c < ops.length && refPos <= pos; c++) {
            if (AlignedRead.isAligned(ops[c]) && pos < refPos + lens[c]) {
                return readPos + pos - refPos;
            }
            if (AlignedRead.consumesReference(ops[c])) {
                refPos += lens[c];
            }
            if (AlignedRead.consumesRead(ops[c])) {
                readPos += lens[c];
            }
        }
        return -1;
    }

    /**
     * GATK's read position of a base: its distance from the nearer end of the read as sequenced, hard and soft
     * clips counted (bases near either end are where sequencers err most).
     */
    static int readPosition(AlignedRead read, int offset) {
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        int n = ops.length;
        int leadingHard = n > 0 && ops[0] == 'H' ? lens[0] : 0;
        int trailingHard = n > 1 && ops[n - 1] == 'H' ? lens[n - 1] : 0;
        return Math.min(leadingHard + offset, read.length() - 1 - offset + trailingHard);
    }

    /**
     * As {@link #observe}, plus the read's soft-clipped bases where they would fall if the alignment went on: an
     * aligner clips reads at a long insertion or at the edge of a long deletion, and those bases are the evidence.
     * The pair-HMM places them freely, so a clip that is only adapter or noise costs every haplotype alike.
     */
    public static ReadEvidence observeWithClips(AlignedRead read, int from, int to) {
        return observeWithClips(read, from, to, from);
    }

    /** As {@link #observeWithClips(AlignedRead, int, int)}, with the read position and base quality at {@code site}. */
    static ReadEvidence observeWithClips(AlignedRead read, int from, int to, int site) {
        ReadEvidence aligned = observe(read, from, to, site);
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        int first = ops[0] == 'H' && ops.length > 1 ? 1 : 0;
        int last = ops[ops.length - 1] == 'H' && ops.length > 1 ? ops.length - 2 : ops.length - 1;
        int head = ops[first] == 'S' ? lens[first] : 0;
        int tail = last > first && ops[last] == 'S' ? lens[last] : 0;
        // clipped bases in [from, to] at the positions they would take: before start, after end
        int headFrom = Math.max(0, head - Math.max(0, read.start() - from));
        int headTo = Math.max(headFrom, Math.min(head, head - Math.max(0, from - read.start())));
        int tailCount = Math.max(0, Math.min(tail, to - read.end()));
        if (headTo - headFrom == 0 && tailCount == 0) {
            return aligned;
        }
        if (read.start() > to || read.end() < from) {
            return aligned;
        }
        int n = read.length();
        ByteArrayOutputStream bases = new ByteArrayOutputStream();
        ByteArrayOutputStream quals = new ByteArrayOutputStream();
        bases.write(read.bases(), headFrom, headTo - headFrom);
        quals.write(read.quals(), headFrom, headTo - headFrom);
        bases.writeBytes(aligned.bases());
        quals.writeBytes(aligned.quals());
        bases.write(read.bases(), n - tail, tailCount);
        quals.write(read.quals(), n - tail, tailCount);
        return new ReadEvidence(read.name(), bases.toByteArray(), quals.toByteArray(), read.mappingQuality(),
                read.negativeStrand(), aligned.readPosition(), aligned.siteQuality());
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
                kept.negativeStrand(), kept.readPosition(), n > 0 ? quals[0] : -1, a.negativeStrand() != b.negativeStrand());
    }

    /** Of two mates over a haplotype window, the one with more bases there (the first on a tie), standing for both. */
    static ReadEvidence longer(ReadEvidence a, ReadEvidence b) {
        return b.bases().length > a.bases().length ? b.withMate(a) : a.withMate(b);
    }
}
