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
 * haplotypes it is the read's bases over the site and its flank, for alignment; of two overlapping mates the one
 * that covers more is kept.
 */
public final class PileupBuilder {
    private final int flank;

    public PileupBuilder(int flank) {
        this.flank = flank;
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
            ReadEvidence e = observe(read, from, to, pos);
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
        return new Pileup(site, List.copyOf(byFragment.values()), covering.size());
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
                kept.negativeStrand(), kept.readPosition(), n > 0 ? quals[0] : -1);
    }

    /** Of two mates over a haplotype window, the one with more bases there (the first on a tie). */
    static ReadEvidence longer(ReadEvidence a, ReadEvidence b) {
        return b.bases().length > a.bases().length ? b : a;
    }
}
