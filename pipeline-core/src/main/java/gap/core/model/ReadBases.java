package gap.core.model;

import java.io.ByteArrayOutputStream;

/**
 * Takes an aligned read and a stretch of reference, gives what the read shows there as {@link ReadEvidence}: its
 * aligned bases with the insertions between them (deletions left out), optionally with its soft-clipped bases where
 * they would fall. Pileups and local assembly read reads through it alike.
 */
public final class ReadBases {
    private ReadBases() {}

    /** The read's bases aligned to {@code [from, to]}, with the insertions that fall between those positions. */
    public static ReadEvidence observe(AlignedRead read, int from, int to) {
        return observe(read, from, to, from);
    }

    /** As {@link #observe(AlignedRead, int, int)}, with the read position and base quality at {@code site}. */
    public static ReadEvidence observe(AlignedRead read, int from, int to, int site) {
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
                offset < 0 ? -1 : read.quals()[offset], false, read.f1r2());
    }

    /** Index into the read's bases (soft clips included) of reference position {@code pos}; -1 when not aligned. */
    public static int readOffset(AlignedRead read, int pos) {
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
    private static int readPosition(AlignedRead read, int offset) {
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
    public static ReadEvidence observeWithClips(AlignedRead read, int from, int to, int site) {
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
                read.negativeStrand(), aligned.readPosition(), aligned.siteQuality(), false, aligned.f1r2());
    }
}
