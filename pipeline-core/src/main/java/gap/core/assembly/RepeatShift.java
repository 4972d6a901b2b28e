package gap.core.assembly;

import gap.core.model.RefWindow;

/**
 * Takes a reference position and an alternate base, gives whether that base is what a read shifted by whole units of
 * a tandem repeat shows there: a copy-number change that an ungapped alignment wrote as a mismatch.
 *
 * <p>A read that carries one unit more (or less) of a tract, aligned without a gap, matches the reference shifted by
 * one period past the change: where the tract's copies differ (an imperfect copy, or the tract's end) it shows the
 * base one period before (after) instead, and nowhere else. So the rule: for some period p, the alternate base is
 * the reference base p away, and the reference with that base in place repeats with period p over at least two units
 * and {@value #MIN_TRACT} bases around the pair. Inside a perfect tract no error qualifies (its base p away is the
 * reference base itself); in random sequence a period-p match over {@value #MIN_TRACT} bases is rare (4^-10 for a
 * dinucleotide), so the rule picks out the imperfect copies and the ends of tracts, where such hidden changes lie.
 */
final class RepeatShift {
    /** Shortest period tested (a homopolymer's length change shows as a CIGAR indel or a clip at its end). */
    static final int MIN_PERIOD = 2;
    /** Longest period tested: local assembly's largest k-mer (85) still spans more than one unit and its flanks. */
    static final int MAX_PERIOD = 50;
    /** Fewest bases of the tract (with the alternate base in place): six dinucleotide units, four trinucleotide. */
    static final int MIN_TRACT = 12;
    /** Farthest a shift's extent is followed either way: past a read's length, every read fits or none does. */
    static final int MAX_EXTENT = 300;

    private RepeatShift() {}

    /** Whether {@code alt} at {@code pos} is the reference shifted by one unit of a tandem repeat there. */
    static boolean explains(RefWindow ref, int pos, byte alt) {
        return find(ref, pos, alt) != null;
    }

    /**
     * A unit's shift that shows {@code alt} at a position, by its period, and the reference's extent of that period
     * around the position: where the reference equals itself {@code period} away (before or after, as the shift
     * goes) without a break, {@code [left, pos)} and {@code (pos, right]}. A read shifted past a copy-number change
     * matches the reference only there, so it ends by {@code right} (aligned from its start) or begins at
     * {@code left} or after (aligned from its end); a read that reaches past both carries the base as a substitution.
     */
    record Shift(int period, int left, int right) {
        /** Whether a read aligned over {@code [start, end]} can be a shifted one (give or take {@code slack} bases). */
        boolean fits(int start, int end, int slack) {
            return end <= right + slack || start >= left - slack;
        }
    }

    /** The shift of the shortest period that shows {@code alt} at {@code pos}, or null. */
    static Shift find(RefWindow ref, int pos, byte alt) {
        if (alt == 'N' || ref.base(pos) == 'N' || alt == ref.base(pos)) {
            return null;
        }
        for (int period = MIN_PERIOD; period <= MAX_PERIOD; period++) {
            if (ref.base(pos - period) == alt && periodic(ref, pos, alt, pos - period, period)) {
                return extent(ref, pos, -period);
            }
            if (ref.base(pos + period) == alt && periodic(ref, pos, alt, pos, period)) {
                return extent(ref, pos, period);
            }
        }
        return null;
    }

    /** Where the reference equals itself {@code offset} away without a break, either side of {@code pos}. */
    private static Shift extent(RefWindow ref, int pos, int offset) {
        int left = pos;
        while (left - 1 > pos - MAX_EXTENT && ref.base(left - 1) == ref.base(left - 1 + offset)
                && ref.base(left - 1) != 'N') {
            left--;
        }
        int right = pos;
        while (right + 1 < pos + MAX_EXTENT && ref.base(right + 1) == ref.base(right + 1 + offset)
                && ref.base(right + 1) != 'N') {
            right++;
        }
        return new Shift(Math.abs(offset), left, right);
    }

    /**
     * Whether the reference with {@code alt} at {@code pos} has a run of bases equal to the base {@code period}
     * further through {@code first} (where that holds by construction) that makes a tract of two units and
     * {@value #MIN_TRACT} bases (a run of r such bases is a tract of r + period). Bounded: it stops once the run is
     * long enough.
     */
    private static boolean periodic(RefWindow ref, int pos, byte alt, int first, int period) {
        int needed = Math.max(period, MIN_TRACT - period);
        int run = 1;
        for (int i = first - 1; run < needed && same(ref, pos, alt, i, period); i--) {
            run++;
        }
        for (int i = first + 1; run < needed && same(ref, pos, alt, i, period); i++) {
            run++;
        }
        return run >= needed;
    }

    private static boolean same(RefWindow ref, int pos, byte alt, int i, int period) {
        byte a = i == pos ? alt : ref.base(i);
        byte b = i + period == pos ? alt : ref.base(i + period);
        return a == b && a != 'N';
    }
}
