package gap.core.assembly;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes a haplotype and the reference window it was assembled over (both begin and end on the same reference
 * k-mers), gives the events that turn one into the other: an affine-gap global alignment (Gotoh) with GATK's
 * haplotype-to-reference Smith-Waterman weights (match 200, mismatch -150, gap open -260, extension -11), which
 * prefer one long gap to a run of mismatches, then each mismatch as an SNV and each gap as an indel anchored on the
 * reference base before it. Coordinates are 0-based offsets into the reference window.
 */
final class HaplotypeAligner {
    static final int MATCH = 200;
    static final int MISMATCH = -150;
    static final int GAP_OPEN = -260;
    static final int GAP_EXTEND = -11;
    private static final int NEG = Integer.MIN_VALUE / 4;

    /*
     * Traceback moves, packed per cell: bits 0-1 the state a match came from, bits 2-3 the state a deletion came
     * from, bits 4-5 the state an insertion came from (0 match, 1 deletion, 2 insertion). Scores then need only two
     * rows; the moves are the same comparisons the full score matrices would answer during the traceback.
     */
    private static final int DEL_SHIFT = 2;
    private static final int INS_SHIFT = 4;
    /** One move buffer per thread, grown as needed: regions are a few hundred bases, assembled thousands of times. */
    private static final ThreadLocal<byte[]> MOVES = ThreadLocal.withInitial(() -> new byte[0]);

    /** One event: at reference offset {@code offset}, {@code refBases} become {@code altBases} (VCF-style, anchored). */
    record Event(int offset, String refBases, String altBases) {}

    private HaplotypeAligner() {}

    static List<Event> events(String reference, String haplotype) {
        if (reference.equals(haplotype)) {
            return List.of(); // the all-match path outscores any other, so it is the alignment
        }
        int n = reference.length();
        int m = haplotype.length();
        byte[] moves = moves(n, m);
        fill(reference, haplotype, moves);
        return toEvents(reference, haplotype, traceback(n, m, moves));
    }

    private static byte[] moves(int n, int m) {
        int size = (n + 1) * (m + 1);
        byte[] moves = MOVES.get();
        if (moves.length < size) {
            moves = new byte[size];
            MOVES.set(moves);
        }
        return moves;
    }

    /** The Gotoh recurrences over rolling rows, recording every cell's traceback moves; gives the final state. */
    private static void fill(String reference, String haplotype, byte[] moves) {
        int n = reference.length();
        int m = haplotype.length();
        int w = m + 1;
        int[] matchPrev = new int[w];
        int[] delPrev = new int[w];
        int[] insPrev = new int[w];
        int[] matchCur = new int[w];
        int[] delCur = new int[w];
        int[] insCur = new int[w];
        // row 0: only insertions reach it
        matchPrev[0] = 0;
        delPrev[0] = NEG;
        insPrev[0] = NEG;
        for (int j = 1; j <= m; j++) {
            matchPrev[j] = NEG;
            delPrev[j] = NEG;
            insPrev[j] = GAP_OPEN + (j - 1) * GAP_EXTEND;
            moves[j] = (byte) (insMove(insPrev[j], insPrev[j - 1], matchPrev[j - 1], delPrev[j - 1], j) << INS_SHIFT);
        }
        for (int i = 1; i <= n; i++) {
            char r = reference.charAt(i - 1);
            int row = i * w;
            matchCur[0] = NEG;
            insCur[0] = NEG;
            delCur[0] = GAP_OPEN + (i - 1) * GAP_EXTEND;
            moves[row] = (byte) (delMove(delCur[0], delPrev[0], matchPrev[0], insPrev[0], i) << DEL_SHIFT);
            for (int j = 1; j <= m; j++) {
                int s = r == haplotype.charAt(j - 1) ? MATCH : MISMATCH;
                int dm = matchPrev[j - 1];
                int dd = delPrev[j - 1];
                int di = insPrev[j - 1];
                int from = best(dm, dd, di);
                matchCur[j] = s + (from == 0 ? dm : from == 1 ? dd : di);
                int del = Math.max(Math.max(matchPrev[j], insPrev[j]) + GAP_OPEN, delPrev[j] + GAP_EXTEND);
                delCur[j] = del;
                int ins = Math.max(Math.max(matchCur[j - 1], delCur[j - 1]) + GAP_OPEN, insCur[j - 1] + GAP_EXTEND);
                insCur[j] = ins;
                moves[row + j] = (byte) (from
                        | delMove(del, delPrev[j], matchPrev[j], insPrev[j], i) << DEL_SHIFT
                        | insMove(ins, insCur[j - 1], matchCur[j - 1], delCur[j - 1], j) << INS_SHIFT);
            }
            int[] t = matchPrev; matchPrev = matchCur; matchCur = t;
            t = delPrev; delPrev = delCur; delCur = t;
            t = insPrev; insPrev = insCur; insCur = t;
        }
        // the traceback starts in the state holding the best final score; kept in the corner's spare bits
        moves[n * w + m] |= (byte) (best(matchPrev[m], delPrev[m], insPrev[m]) << 6);
    }

    /** Where a deletion at row {@code i} came from: extended from the row above, or opened from a match/insertion. */
    private static int delMove(int del, int delAbove, int matchAbove, int insAbove, int i) {
        return del == delAbove + GAP_EXTEND && i > 1 ? 1 : (matchAbove >= insAbove ? 0 : 2);
    }

    /** Where an insertion at column {@code j} came from: extended from the left, or opened from a match/deletion. */
    private static int insMove(int ins, int insLeft, int matchLeft, int delLeft, int j) {
        return ins == insLeft + GAP_EXTEND && j > 1 ? 2 : (matchLeft >= delLeft ? 0 : 1);
    }

    /** The operations M, D, I of the alignment, first to last. */
    private static byte[] traceback(int n, int m, byte[] moves) {
        int w = m + 1;
        byte[] ops = new byte[n + m];
        int k = ops.length;
        int i = n;
        int j = m;
        int state = (moves[n * w + m] >> 6) & 3;
        while (i > 0 || j > 0) {
            int cell = moves[i * w + j];
            if (state == 0) {
                ops[--k] = 'M';
                state = cell & 3;
                i--;
                j--;
            } else if (state == 1) {
                ops[--k] = 'D';
                state = (cell >> DEL_SHIFT) & 3;
                i--;
            } else {
                ops[--k] = 'I';
                state = (cell >> INS_SHIFT) & 3;
                j--;
            }
            if (i == 0 && j > 0) {
                state = 2;
            } else if (j == 0 && i > 0) {
                state = 1;
            }
        }
        return java.util.Arrays.copyOfRange(ops, k, ops.length);
    }

    private static List<Event> toEvents(String reference, String haplotype, byte[] ops) {
        List<Event> events = new ArrayList<>();
        int r = 0;
        int h = 0;
        for (int k = 0; k < ops.length; ) {
            byte op = ops[k];
            int run = 0;
            while (k + run < ops.length && ops[k + run] == op) {
                run++;
            }
            if (op == 'M') {
                for (int x = 0; x < run; x++) {
                    if (reference.charAt(r + x) != haplotype.charAt(h + x)) {
                        events.add(new Event(r + x, String.valueOf(reference.charAt(r + x)),
                                String.valueOf(haplotype.charAt(h + x))));
                    }
                }
                r += run;
                h += run;
            } else if (op == 'D') {
                if (r > 0) {
                    events.add(new Event(r - 1, reference.substring(r - 1, r + run), reference.substring(r - 1, r)));
                }
                r += run;
            } else {
                if (r > 0) {
                    events.add(new Event(r - 1, reference.substring(r - 1, r),
                            reference.charAt(r - 1) + haplotype.substring(h, h + run)));
                }
                h += run;
            }
            k += run;
        }
        return events;
    }

    /** The state holding the largest score: 0 match, 1 deletion, 2 insertion (match first on ties). */
    private static int best(int m, int d, int in) {
        if (m >= d && m >= in) {
            return 0;
        }
        return d >= in ? 1 : 2;
    }
}
