package gap.core.calling;

import gap.core.model.Indel;
import gap.core.model.RefWindow;

/**
 * Takes an indel and the reference, gives the tandem repeat it sits in: the indel sequence's primitive unit
 * ({@code period} bases) and how many whole copies of it the reference holds right after the anchor. Indel error
 * rates rise with both, as DRAGstr models them.
 */
record RepeatContext(int period, int units) {

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
