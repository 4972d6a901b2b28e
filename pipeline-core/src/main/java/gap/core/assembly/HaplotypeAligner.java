package gap.core.assembly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes haplotypes and the reference window they were assembled over (all begin and end on the same reference
 * k-mers), gives the events that turn the reference into each: an affine-gap global alignment (Gotoh) with GATK's
 * haplotype-to-reference Smith-Waterman weights (match 200, mismatch -150, gap open -260, extension -11), which
 * prefer one long gap to a run of mismatches, then each mismatch as an SNV and each gap as an indel anchored on the
 * reference base before it. Coordinates are 0-based offsets into the reference window.
 *
 * <p>The matrices are filled a haplotype column at a time. A column depends only on the haplotype's bases up to it,
 * so haplotypes taken in sorted order recompute only the columns after the prefix they share with the one before
 * (as for the pair-HMM); every cell is the same arithmetic, so each alignment is the one it would be alone.
 */
final class HaplotypeAligner {
    static final int MATCH = 200;
    static final int MISMATCH = -150;
    static final int GAP_OPEN = -260;
    static final int GAP_EXTEND = -11;
    private static final int NEG = Integer.MIN_VALUE / 4;
    /** Shared bases kept either side of where a haplotype differs, so no gap can be placed at the alignment's edge. */
    static final int CONTEXT = 50;

    /*
     * Traceback moves, packed per cell: bits 0-1 the state a match came from, bits 2-3 the state a deletion came
     * from, bits 4-5 the state an insertion came from (0 match, 1 deletion, 2 insertion): the comparisons the
     * traceback would make on the score matrices, made once when the cell is filled.
     */
    private static final int DEL_SHIFT = 2;
    private static final int INS_SHIFT = 4;

    /** One event: at reference offset {@code offset}, {@code refBases} become {@code altBases} (VCF-style, anchored). */
    record Event(int offset, String refBases, String altBases) {}

    /** One aligner per thread: its matrices (a few hundred bases squared) are reused from region to region. */
    private static final ThreadLocal<HaplotypeAligner> ALIGNERS = ThreadLocal.withInitial(HaplotypeAligner::new);

    private String reference;
    private byte[] refBases;
    private int n;
    private int[] match = new int[0];
    private int[] del = new int[0];
    private int[] ins = new int[0];
    private byte[] moves = new byte[0];

    private HaplotypeAligner() {}

    static List<Event> events(String reference, String haplotype) {
        return events(reference, List.of(haplotype)).get(0);
    }

    /** The events of each haplotype, in the order given. */
    static List<List<Event>> events(String reference, List<String> haplotypes) {
        List<List<Event>> out = new ArrayList<>(java.util.Collections.nCopies(haplotypes.size(), List.of()));
        Integer[] order = new Integer[haplotypes.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> haplotypes.get(x).compareTo(haplotypes.get(y)));
        HaplotypeAligner aligner = ALIGNERS.get();
        aligner.reference = reference;
        aligner.n = reference.length();
        aligner.refBases = reference.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String previous = null; // the haplotype whose columns the matrices hold
        for (int k : order) {
            String hap = haplotypes.get(k);
            if (hap.equals(reference)) {
                out.set(k, List.of()); // the all-match path outscores any other, so it is the alignment
                continue;
            }
            int shared = previous == null ? 0 : sharedPrefix(previous, hap);
            aligner.fill(hap, previous == null ? 0 : shared + 1);
            out.set(k, aligner.toEvents(hap, aligner.traceback(hap)));
            previous = hap;
        }
        return out;
    }

    /**
     * The events of each haplotype, each aligned to the reference only over the stretch where they differ and
     * {@value #CONTEXT} shared bases either side (the rest of their shared prefix and suffix trimmed): the same events
     * once indels are left-aligned, at the cost of that stretch instead of the whole window.
     */
    static List<List<Event>> trimmedEvents(String reference, List<String> haplotypes) {
        List<List<Event>> out = new ArrayList<>();
        for (String hap : haplotypes) {
            int p = sharedPrefix(reference, hap);
            if (p == reference.length() && p == hap.length()) {
                out.add(List.of());
                continue;
            }
            int shorter = Math.min(reference.length(), hap.length());
            // an indel in a tandem repeat (a duplication) can sit anywhere along it: the shared prefix runs past its
            // leftmost place by up to the repeat's length, and context counted from there could leave it no anchor
            p = Math.min(p, shorter - sharedSuffix(reference, hap, shorter));
            int s = sharedSuffix(reference, hap, shorter - p);
            // keep some shared bases either side: with one only, an alignment could put a gap before its anchor
            int a = Math.max(0, p - CONTEXT);
            s = Math.max(0, s - CONTEXT);
            List<Event> events = new ArrayList<>();
            for (Event e : events(reference.substring(a, reference.length() - s), hap.substring(a, hap.length() - s))) {
                events.add(new Event(e.offset() + a, e.refBases(), e.altBases()));
            }
            out.add(events);
        }
        return out;
    }

    /** How many bases, at most {@code limit}, {@code a} and {@code b} share at their ends. */
    private static int sharedSuffix(String a, String b, int limit) {
        int s = 0;
        while (s < limit && a.charAt(a.length() - 1 - s) == b.charAt(b.length() - 1 - s)) {
            s++;
        }
        return s;
    }

    private static int sharedPrefix(String a, String b) {
        int limit = Math.min(a.length(), b.length());
        int p = 0;
        while (p < limit && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        return p;
    }

    /** Fills the columns {@code from..hap.length()} (column 0 too when {@code from} is 0), with their moves. */
    private void fill(String hap, int from) {
        int h = n + 1; // column height; cell (i, j) is at j * h + i
        grow((hap.length() + 1) * h);
        if (from == 0) {
            firstColumn();
            from = 1;
        }
        for (int j = from; j <= hap.length(); j++) {
            column(j, (byte) hap.charAt(j - 1));
        }
    }

    /** Room for {@code size} cells in every matrix, doubling so that a run of haplotypes reallocates rarely. */
    private void grow(int size) {
        if (match.length < size) {
            int grown = Math.max(size, match.length * 2);
            match = Arrays.copyOf(match, grown);
            del = Arrays.copyOf(del, grown);
            ins = Arrays.copyOf(ins, grown);
            moves = Arrays.copyOf(moves, grown);
        }
    }

    /** Column 0, before any haplotype base: only deletions reach its rows. */
    private void firstColumn() {
        match[0] = 0;
        del[0] = NEG;
        ins[0] = NEG;
        for (int i = 1; i <= n; i++) {
            match[i] = NEG;
            ins[i] = NEG;
            del[i] = GAP_OPEN + (i - 1) * GAP_EXTEND;
            moves[i] = (byte) (delMove(del[i], del[i - 1], match[i - 1], ins[i - 1], i) << DEL_SHIFT);
        }
    }

    /**
     * Column {@code j}, haplotype base {@code c}, from column {@code j - 1}. One loop over the rows, the cell above
     * carried in locals: a call per column costs nothing beside the {@code n} cells it fills.
     */
    private void column(int j, byte c) {
        byte[] r = refBases;
        int h = n + 1;
        int col = j * h;
        int left = col - h;
        // row 0: only insertions reach it
        match[col] = NEG;
        del[col] = NEG;
        ins[col] = GAP_OPEN + (j - 1) * GAP_EXTEND;
        moves[col] = (byte) (insMove(ins[col], ins[left], match[left], del[left], j) << INS_SHIFT);
        // the cell above, carried in locals: the deletion state is a chain down the column
        int mUp = NEG;
        int dUp = NEG;
        int iUp = ins[col];
        // column 1's insertions cannot extend (there is no insertion before the first haplotype base): a score no
        // cell reaches, rather than a test of j inside the loop, which C2 hoisted out of it on the profile's word
        // (rare column-1 calls) and which then failed (profile_predicate traps, a recompile each)
        int noExtend = j > 1 ? 0 : Integer.MAX_VALUE / 2;
        for (int i = 1; i <= n; i++) {
            int dm = match[left + i - 1];
            int dd = del[left + i - 1];
            int di = ins[left + i - 1];
            // best(dm, dd, di) and its score
            int gapBest = dd >= di ? dd : di;
            int gapFrom = dd >= di ? 1 : 2;
            boolean fromMatch = dm >= gapBest;
            int mCell = (r[i - 1] == c ? MATCH : MISMATCH) + (fromMatch ? dm : gapBest);
            int opened = Math.max(mUp, iUp) + GAP_OPEN;
            int extended = dUp + GAP_EXTEND;
            int dCell = Math.max(opened, extended);
            int mLeft = match[left + i];
            int dLeft = del[left + i];
            int iLeft = ins[left + i];
            int iOpened = Math.max(mLeft, dLeft) + GAP_OPEN;
            int iExtended = iLeft + GAP_EXTEND;
            int iCell = Math.max(iOpened, iExtended);
            // a gap state extends when extending scores at least as well as opening (the cell equals it):
            // the answers delMove() and insMove() give
            int delFrom = extended >= opened && i > 1 ? 1 : (mUp >= iUp ? 0 : 2);
            int insFrom = iExtended >= iOpened + noExtend ? 2 : (mLeft >= dLeft ? 0 : 1);
            match[col + i] = mCell;
            del[col + i] = dCell;
            ins[col + i] = iCell;
            moves[col + i] = (byte) ((fromMatch ? 0 : gapFrom) | delFrom << DEL_SHIFT | insFrom << INS_SHIFT);
            mUp = mCell;
            dUp = dCell;
            iUp = iCell;
        }
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
    private byte[] traceback(String hap) {
        int h = n + 1;
        int m = hap.length();
        byte[] ops = new byte[n + m];
        int k = ops.length;
        int i = n;
        int j = m;
        int corner = m * h + n;
        int state = best(match[corner], del[corner], ins[corner]);
        while (i > 0 || j > 0) {
            int cell = moves[j * h + i];
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
        return Arrays.copyOfRange(ops, k, ops.length);
    }

    private List<Event> toEvents(String haplotype, byte[] ops) {
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
