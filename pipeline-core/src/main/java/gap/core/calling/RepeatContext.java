package gap.core.calling;

import gap.core.model.Indel;
import gap.core.model.RefWindow;

/**
 * Takes an indel and the reference, gives the tandem repeat it sits in: the indel sequence's primitive unit
 * ({@code period} bases) and how many whole copies of it the reference holds right after the anchor. Indel error
 * rates rise with both, as DRAGstr models them.
 */
record RepeatContext(int period, int units) {
    /** Tandem repeat units longer than this are not looked for (GATK's STR units reach 8). */
    static final int MAX_UNIT = 8;
    /** A stretch is a repeat tract when it holds at least two units and this many bases. */
    static final int MIN_TRACT = 6;

    /** A stretch of reference, 1-based inclusive. */
    record Tract(int start, int end) {}

    /**
     * The longest tandem repeat (unit of 1 to {@value #MAX_UNIT} bases, at least two units and {@value #MIN_TRACT}
     * bases) that overlaps {@code [from, to]}, reaching at most {@code maxSpan} bases beyond it; {@code [from, to]}
     * itself when none does. Reads are aligned over the whole tract: cut inside it, an indel and a substitution can
     * explain them equally.
     */
    static Tract tract(RefWindow ref, int from, int to, int maxSpan) {
        int bestStart = from;
        int bestEnd = to;
        int bestLength = 0;
        for (int u = 1; u <= MAX_UNIT; u++) {
            for (int p = from - u; p <= to; p++) {
                if (!periodic(ref, p, u)) {
                    continue;
                }
                int s = p;
                while (s > from - maxSpan && periodic(ref, s - 1, u)) {
                    s--;
                }
                int e = p;
                while (e < to + maxSpan && periodic(ref, e + 1, u)) {
                    e++;
                }
                int length = e + u - s + 1; // bases s..e+u repeat with period u
                if (length >= 2 * u && length >= MIN_TRACT && length > bestLength && e + u >= from && s <= to) {
                    bestStart = s;
                    bestEnd = e + u;
                    bestLength = length;
                }
                p = e + 1;
            }
        }
        return new Tract(Math.min(bestStart, from), Math.max(bestEnd, to));
    }

    /** The unit length of a tract {@link #tract} found (its shortest period), or 0 when it is no repeat. */
    static int tractPeriod(RefWindow ref, Tract t) {
        int length = t.end() - t.start() + 1;
        for (int u = 1; u <= MAX_UNIT && 2 * u <= length; u++) {
            boolean all = length >= MIN_TRACT;
            for (int p = t.start(); p + u <= t.end() && all; p++) {
                all = periodic(ref, p, u);
            }
            if (all) {
                return u;
            }
        }
        return 0;
    }

    private static boolean periodic(RefWindow ref, int p, int u) {
        byte b = ref.base(p);
        return b != 'N' && b == ref.base(p + u);
    }

    static RepeatContext of(RefWindow ref, int anchor, String indelSequence, int maxSpan) {
        int period = primitivePeriod(indelSequence);
        int run = 0;
        while (run < maxSpan && ref.base(anchor + 1 + run) == indelSequence.charAt(run % period)) {
            run++;
        }
        return new RepeatContext(period, run / period);
    }

    /** Smallest p such that the sequence is its first p bases repeated. */
    static int primitivePeriod(String s) {
        for (int p = 1; p < s.length(); p++) {
            if (s.length() % p != 0) {
                continue;
            }
            boolean periodic = true;
            for (int i = p; i < s.length() && periodic; i++) {
                periodic = s.charAt(i) == s.charAt(i - p);
            }
            if (periodic) {
                return p;
            }
        }
        return s.length();
    }

    /**
     * The last reference position any equivalent placement of the (left-normalised) indel touches: a deletion or
     * insertion slides right while the base it uncovers equals the one it covers, at most {@code maxSpan} bases, so
     * the answer never depends on how much reference a shard happens to hold.
     */
    static int lastPlacement(RefWindow ref, int anchor, Indel indel, int maxSpan) {
        int shift = 0;
        if (indel.deleted() > 0) {
            int l = indel.deleted();
            while (shift < maxSpan && ref.base(anchor + 1 + shift) == ref.base(anchor + 1 + l + shift)
                    && ref.base(anchor + 1 + shift) != 'N') {
                shift++;
            }
            return anchor + l + shift;
        }
        String s = indel.inserted();
        while (shift < maxSpan && ref.base(anchor + 1 + shift) == s.charAt(shift % s.length())) {
            shift++;
        }
        return anchor + shift;
    }
}
