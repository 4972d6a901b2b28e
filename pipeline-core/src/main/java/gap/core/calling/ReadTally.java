package gap.core.calling;

import gap.core.model.Indel;
import gap.core.model.RefWindow;
import gap.core.model.AlignedRead;
import gap.core.model.Nucleotides;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the samples' reads over a stretch of reference, gives per sample and position the reads covering it, the
 * mismatching bases of each kind, and the indels the reads' CIGARs carry. Each indel is normalised against the
 * reference, to the leftmost placement of its length change in the repeat it sits in, so the reads of one allele
 * count together whatever sequencing errors they carry inside the repeat (an error stops a shift that compares read
 * bases); insertions of one length change in one tandem repeat are pooled (see {@link #poolRepeats}).
 */
final class ReadTally {
    final int from;
    final int to;
    final int[][] depth;
    final int[][] mismatches;
    final Map<Indel, int[]> indels = new HashMap<>();
    /** Clipped bases that must match the reference for a clip to propose a deletion or duplication. */
    static final int CLIP_SEED = 20;
    private final int samples;
    private final int minBaseQuality;
    private final int maxShift;

    ReadTally(int from, int to, int samples, int minBaseQuality, int maxShift) {
        this.from = from;
        this.to = to;
        this.samples = samples;
        this.minBaseQuality = minBaseQuality;
        this.maxShift = maxShift;
        int n = to - from + 1;
        depth = new int[samples][n];
        mismatches = new int[samples][4 * n];
    }

    static ReadTally of(List<List<AlignedRead>> samples, RefWindow ref, int from, int to, int minBaseQuality,
                        int maxShift) {
        ReadTally t = new ReadTally(from, to, samples.size(), minBaseQuality, maxShift);
        for (int s = 0; s < samples.size(); s++) {
            for (AlignedRead read : samples.get(s)) {
                // a read after the range can still hold an indel whose leftmost placement falls in it
                if (read.end() >= from && read.start() <= to + maxShift) {
                    t.scan(read, ref, s);
                }
            }
        }
        t.poolRepeats(ref);
        return t;
    }

    /** Adds one read's aligned bases, mismatches and normalised indels in {@code [from, to]} to its sample. */
    private void scan(AlignedRead read, RefWindow ref, int sample) {
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        byte[] bases = read.bases();
        byte[] quals = read.quals();
        int refPos = read.start();
        int readPos = 0;
        for (int c = 0; c < ops.length; c++) {
            byte op = ops[c];
            int len = lens[c];
            boolean afterBlock = c > 0 && AlignedRead.isAligned(ops[c - 1]);
            if (op == 'S' && len >= CLIP_SEED && (c == 0 || c == ops.length - 1)) {
                count(clipEvent(read, ref, c == 0, readPos, len), sample);
            } else if (AlignedRead.isAligned(op)) {
                aligned(ref, bases, quals, refPos, readPos, len, sample);
            } else if (op == 'I' && afterBlock) {
                String inserted = new String(bases, readPos, len, StandardCharsets.US_ASCII);
                count(leftAlignInsertion(ref, refPos - 1, inserted, maxShift), sample);
            } else if (op == 'D' && afterBlock) {
                count(leftAlignDeletion(ref, refPos - 1, len, maxShift), sample);
            }
            if (AlignedRead.consumesReference(op)) {
                refPos += len;
            }
            if (AlignedRead.consumesRead(op)) {
                readPos += len;
            }
        }
    }

    private void aligned(RefWindow ref, byte[] bases, byte[] quals, int refPos, int readPos, int len, int sample) {
        int lo = Math.max(refPos, from);
        int hi = Math.min(refPos + len - 1, to);
        int[] d = depth[sample];
        int[] mm = mismatches[sample];
        for (int p = lo; p <= hi; p++) {
            int k = readPos + (p - refPos);
            int i = p - from;
            d[i]++;
            byte b = bases[k];
            if (b != ref.base(p) && quals[k] >= minBaseQuality) {
                int code = Nucleotides.code(b);
                if (code >= 0) {
                    mm[4 * i + code]++;
                }
            }
        }
    }

    /**
     * The deletion or tandem duplication a soft clip shows, or null: the clipped bases next to the aligned ones
     * ({@value #CLIP_SEED} of them) found once, exactly, in the reference within {@code maxShift} bases. A read that
     * leaves the reference at a long deletion's first breakpoint continues after the second, downstream; one at a
     * tandem duplication's junction continues at the copy's start, upstream (and mirrored for a clip at the read's
     * start). These alleles need no assembly, so noisy reads that break k-mers still propose them.
     */
    private Indel clipEvent(AlignedRead read, RefWindow ref, boolean head, int readPos, int len) {
        byte[] b = read.bases();
        int seedStart = head ? readPos + len - CLIP_SEED : readPos;
        String seed = new String(b, seedStart, CLIP_SEED, StandardCharsets.US_ASCII);
        int edge = head ? read.start() : read.end(); // the aligned base next to the clip
        int lo = edge - maxShift - CLIP_SEED;
        String window = ref.substring(lo, edge + maxShift + CLIP_SEED);
        int at = window.indexOf(seed);
        if (at < 0 || window.indexOf(seed, at + 1) >= 0) {
            return null;
        }
        if (!head) {
            int x = lo + at; // where the clipped bases continue on the reference
            if (x > edge + 1) {
                return leftAlignDeletion(ref, edge, x - edge - 1, maxShift);
            }
            return x <= edge ? leftAlignInsertion(ref, edge, ref.substring(x, edge), maxShift) : null;
        }
        int y = lo + at + CLIP_SEED - 1; // the reference base the clipped bases end on
        if (y < edge - 1) {
            return leftAlignDeletion(ref, y, edge - y - 1, maxShift);
        }
        return y >= edge ? leftAlignInsertion(ref, y, ref.substring(edge, y), maxShift) : null;
    }

    /**
     * Reads of all samples showing {@code base} at {@code position} (bases of enough quality); for a position
     * outside the tallied range, as many as any test asks for.
     */
    int count(int position, byte base) {
        int code = Nucleotides.code(base);
        if (position < from || position > to || code < 0) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int[] mm : mismatches) {
            n += mm[4 * (position - from) + code];
        }
        return n;
    }

    private void count(Indel indel, int sample) {
        if (indel != null && indel.anchor() >= from && indel.anchor() <= to) {
            indels.computeIfAbsent(indel, k -> new int[samples])[sample]++;
        }
    }

    /**
     * Pools insertions in a tandem repeat by length change: the reads of one expansion carry its copies with their
     * own sequencing errors, so each read's inserted bases (and so where its insertion left-aligns) differ, and none
     * might reach the support a candidate needs. Within a tract whose unit the length change is a multiple of, every
     * insertion of that length counts for the tract's most supported one when two reads agree on it exactly, else for
     * the expansion by whole units written at the tract's start.
     */
    private void poolRepeats(RefWindow ref) {
        Map<String, java.util.List<Indel>> pools = new java.util.TreeMap<>();
        for (Indel i : indels.keySet()) {
            if (i.deleted() > 0) {
                continue;
            }
            RepeatContext.Tract t = RepeatContext.tract(ref, i.anchor() + 1, i.anchor() + 1, maxShift);
            int period = RepeatContext.tractPeriod(ref, t);
            if (period > 0 && i.inserted().length() % period == 0 && t.start() <= i.anchor() + 1) {
                pools.computeIfAbsent(t.start() + ":" + t.end() + ":" + i.inserted().length(),
                        x -> new java.util.ArrayList<>()).add(i);
            }
        }
        for (java.util.List<Indel> pool : pools.values()) {
            pool.sort(java.util.Comparator.comparingInt((Indel i) -> -total(indels.get(i))).thenComparing(Indel::inserted)
                    .thenComparingInt(Indel::anchor));
            Indel best = pool.get(0);
            if (pool.size() < 2 && total(indels.get(best)) >= 2) {
                continue;
            }
            Indel into = total(indels.get(best)) >= 2 ? best : canonical(ref, best, pool);
            int[] sum = indels.computeIfAbsent(into, x -> new int[samples]);
            for (Indel member : pool) {
                if (!member.equals(into) && total(indels.get(member)) < 2) {
                    int[] gone = indels.remove(member);
                    for (int s = 0; s < samples; s++) {
                        sum[s] += gone[s];
                    }
                }
            }
        }
    }

    /** The expansion by whole units of the tract the pool lies in, inserted before the tract's first base. */
    private Indel canonical(RefWindow ref, Indel any, java.util.List<Indel> pool) {
        RepeatContext.Tract t = RepeatContext.tract(ref, any.anchor() + 1, any.anchor() + 1, maxShift);
        int period = RepeatContext.tractPeriod(ref, t);
        String unit = ref.substring(t.start(), t.start() + period - 1);
        Indel written = new Indel(t.start() - 1, 0, unit.repeat(any.inserted().length() / period));
        return leftAlignInsertion(ref, written.anchor(), written.inserted(), maxShift);
    }

    private static int total(int[] counts) {
        int t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }

    /**
     * Shifts a deletion of {@code length} bases after {@code anchor} left while the reference is the same sequence
     * after it (the base leaving the deletion equals the one entering it), at most {@code maxShift} bases.
     */
    static Indel leftAlignDeletion(RefWindow ref, int anchor, int length, int maxShift) {
        int a = anchor;
        while (anchor - a < maxShift && ref.base(a) == ref.base(a + length) && ref.base(a) != 'N') {
            a--;
        }
        return new Indel(a, length, "");
    }

    /**
     * Shifts an insertion left while the reference base before it equals the insertion's last base (the haplotype
     * is then unchanged), at most {@code maxShift} bases; null when the inserted bases hold an N.
     */
    static Indel leftAlignInsertion(RefWindow ref, int anchor, String inserted, int maxShift) {
        if (inserted.indexOf('N') >= 0) {
            return null;
        }
        int a = anchor;
        String s = inserted;
        while (anchor - a < maxShift && ref.base(a) == s.charAt(s.length() - 1) && ref.base(a) != 'N') {
            s = (char) ref.base(a) + s.substring(0, s.length() - 1);
            a--;
        }
        return new Indel(a, 0, s);
    }

}
