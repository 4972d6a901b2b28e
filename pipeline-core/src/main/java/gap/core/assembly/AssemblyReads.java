package gap.core.assembly;

import gap.core.model.RefWindow;
import gap.core.model.AlignedRead;
import gap.core.model.Nucleotides;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the reads over an assembly window, gives the sequences threaded into its graph: each read's bases over the
 * window with its insertions and its soft-clipped bases where they would fall (they hold what the aligner could not
 * place), after removing the sequencing errors the other reads show to be errors. A mismatch against the reference
 * that no other read carries at that position is read as the reference base, and a clipped base that disagrees with
 * every other read clipped at the same place, where at least two of them agree, as theirs. Real alleles are carried by
 * several reads and stay; a lone error would otherwise break every k-mer across it, and at a few percent of errors
 * (Q15-20 reads) the k-mers of one allele would rarely be seen twice and the graph would fall apart into pieces.
 */
final class AssemblyReads {
    /** Which alternate bases at which positions enough reads carry to keep them (the caller's candidate test). */
    interface Support {
        boolean supported(int position, byte base);

        /** Every base kept as read. */
        Support ALL = (p, b) -> true;
    }

    private AssemblyReads() {}

    /** The corrected sequences and their qualities, one per read overlapping {@code [from, to]}. */
    static List<byte[][]> segments(List<AlignedRead> reads, RefWindow ref, int from, int to, Support support) {
        return segments(reads, ref, from, to, support, 0);
    }

    /**
     * As {@link #segments(List, RefWindow, int, int, Support)}, with each soft clip placed in the reference where its
     * bases lie within {@code maxJunction} of the read (see {@link ClipJunction}; 0: never): a placed clip's bases
     * nearest its junction are the reference there, and its mismatches with it are corrected as aligned bases' are.
     * At a deletion's breakpoint the clipped bases are the far side's reference; left as read, one error among them
     * breaks every k-mer across the junction, and on Q20 reads the few reads clipped there rarely share one intact.
     */
    static List<byte[][]> segments(List<AlignedRead> reads, RefWindow ref, int from, int to, Support support,
                                   int maxJunction) {
        List<byte[][]> out = new ArrayList<>();
        Map<Long, List<Clip>> clips = new HashMap<>();
        byte[] window = ref.slice(from, to - from + 1); // the aligned bases' reference, read once
        for (AlignedRead read : reads) {
            if (read.overlaps(from, to)) {
                out.add(segment(read, ref, window, from, to, support, clips, out.size(), maxJunction));
            }
        }
        for (List<Clip> group : clips.values()) {
            if (group.size() > 2) {
                consensus(group, out);
            }
        }
        return out;
    }

    /** A read's clipped bases in its segment: where they start in it, their projected first position, how many. */
    private record Clip(int segment, int offset, int position, int length) {}

    /** A read's corrected segment over {@code [from, to]}; {@code window} is the reference there. */
    private static byte[][] segment(AlignedRead read, RefWindow ref, byte[] window, int from, int to, Support support,
                                    Map<Long, List<Clip>> clips, int index, int maxJunction) {
        byte[] b = read.bases();
        byte[] q = read.quals();
        byte[] bases = new byte[b.length];
        byte[] quals = new byte[b.length];
        int size = 0;
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        int first = ops[0] == 'H' && ops.length > 1 ? 1 : 0;
        int last = ops[ops.length - 1] == 'H' && ops.length > 1 ? ops.length - 2 : ops.length - 1;
        int refPos = read.start();
        int readPos = 0;
        for (int c = 0; c < ops.length; c++) {
            byte op = ops[c];
            int len = lens[c];
            int lo = -1;
            int n = 0;
            if (op == 'S' && (c == first || c == last)) {
                boolean trailing = c != first;
                int anchor = trailing ? read.end() : read.start();
                int start = trailing ? anchor + 1 : anchor - len; // projected position of its first base
                int l = Math.max(start, from);
                int m = Math.max(0, Math.min(start + len - 1, to) - l + 1);
                if (m > 0) {
                    long key = ((long) (trailing ? -anchor : anchor) << 1) | (trailing ? 1 : 0);
                    clips.computeIfAbsent(key, k -> new ArrayList<>()).add(new Clip(index, size, l, m));
                    ClipJunction.Placement placed = maxJunction <= 0 ? null
                            : ClipJunction.place(b, q, readPos, len, trailing, anchor, ref, maxJunction);
                    for (int i = 0; i < m; i++) {
                        int inClip = l - start + i;
                        int k = readPos + inClip;
                        int outward = trailing ? inClip : len - 1 - inClip; // from the aligned bases
                        // the bases the placement compared, nearest the junction, are the reference where it put them
                        bases[size + i] = placed != null && outward < ClipJunction.BASES
                                ? corrected(b[k], placed.at(outward, anchor, trailing), ref, support) : b[k];
                        quals[size + i] = q[k];
                    }
                    size += m;
                }
            } else if (AlignedRead.isAligned(op)) {
                int l = Math.max(refPos, from);
                n = Math.max(0, Math.min(refPos + len - 1, to) - l + 1);
                for (int i = 0; i < n; i++) {
                    int k = readPos + l - refPos + i;
                    bases[size + i] = corrected(b[k], window[l - from + i], l + i, support);
                    quals[size + i] = q[k];
                }
                size += n;
                n = 0;
            } else if (op == 'I' && refPos - 1 >= from && refPos - 1 < to) {
                lo = readPos;
                n = len;
            }
            if (n > 0) {
                System.arraycopy(b, lo, bases, size, n);
                System.arraycopy(q, lo, quals, size, n);
                size += n;
            }
            if (AlignedRead.consumesReference(op)) {
                refPos += len;
            }
            if (AlignedRead.consumesRead(op)) {
                readPos += len;
            }
        }
        return new byte[][] {Arrays.copyOf(bases, size), Arrays.copyOf(quals, size)};
    }

    /** A read's base at {@code position}: the reference's when it differs and too few reads carry it. */
    private static byte corrected(byte base, int position, RefWindow ref, Support support) {
        return corrected(base, ref.base(position), position, support);
    }

    /** As {@link #corrected(byte, int, RefWindow, Support)} with the reference base at {@code position} given. */
    private static byte corrected(byte base, byte reference, int position, Support support) {
        return base != reference && reference != 'N' && !support.supported(position, base) ? reference : base;
    }

    /** Within reads clipped at one place, a base only one read shows where two or more agree becomes theirs. */
    private static void consensus(List<Clip> group, List<byte[][]> segments) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (Clip c : group) {
            lo = Math.min(lo, c.position());
            hi = Math.max(hi, c.position() + c.length() - 1);
        }
        int[][] counts = new int[hi - lo + 1][4];
        for (Clip c : group) {
            byte[] bases = segments.get(c.segment())[0];
            for (int i = 0; i < c.length(); i++) {
                int code = Nucleotides.code(bases[c.offset() + i]);
                if (code >= 0) {
                    counts[c.position() - lo + i][code]++;
                }
            }
        }
        for (Clip c : group) {
            byte[] bases = segments.get(c.segment())[0];
            for (int i = 0; i < c.length(); i++) {
                int[] here = counts[c.position() - lo + i];
                int code = Nucleotides.code(bases[c.offset() + i]);
                int major = 0;
                for (int x = 1; x < 4; x++) {
                    major = here[x] > here[major] ? x : major;
                }
                if (code >= 0 && here[code] == 1 && here[major] >= 2) {
                    bases[c.offset() + i] = (byte) "ACGT".charAt(major);
                }
            }
        }
    }

}
