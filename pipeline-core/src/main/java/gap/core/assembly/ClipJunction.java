package gap.core.assembly;

import gap.core.model.RefWindow;

/**
 * Takes a read's soft clip and the reference around it, gives where the clipped bases lie in the reference within a
 * given distance: the far side of the junction the read crosses (a deletion's other breakpoint, a duplication's
 * start), or none. The clipped bases nearest the junction are compared with the reference at every offset, each base
 * weighing its own quality (a match of a base with error e is 4(1-e) times likelier from there than from random
 * sequence, a mismatch 4e/3 times), so a Q20 clip with an error or two is placed as surely as a clean Q37 one and a
 * clip of poor bases is not placed at all. A placement is kept when it beats chance after testing every offset and
 * beats the runner-up by the same odds (so no placement in a repeat), and is not where the clip already is (a clip
 * that continues the reference is read errors, not a junction).
 */
final class ClipJunction {
    /** Returned when the clip is not placed. */
    static final int NONE = Integer.MIN_VALUE;
    /** Clipped bases compared, nearest the junction (as many as weigh a clip's evidence). */
    static final int BASES = ActivityProfile.CLIP_BASES;
    /** The odds (log10) a placement needs over chance, over all offsets tested, and over the runner-up. */
    static final double MIN_LOG10_ODDS = 2;
    private static final double[] MATCH = new double[128];
    private static final double[] MISMATCH = new double[128];

    static {
        for (int q = 0; q < 128; q++) {
            double e = Math.min(0.75, StrictMath.pow(10, -q / 10.0)); // a Q0-1 base says nothing either way
            MATCH[q] = StrictMath.log10(4 * (1 - e));
            MISMATCH[q] = StrictMath.log10(4 * e / 3);
        }
    }

    private ClipJunction() {}

    /**
     * Where a clip lies, within {@code maxDistance} of where it would continue the reference. {@code bases} and
     * {@code quals} are the read's, the clip is {@code [from, from + length)} of them; a trailing clip follows the
     * aligned base at {@code anchor} and the answer is the reference position of its first base; a leading clip
     * precedes the aligned base at {@code anchor} and the answer is the position of its last base.
     */
    static int place(byte[] bases, byte[] quals, int from, int length, boolean trailing, int anchor, RefWindow ref,
                     int maxDistance) {
        int m = Math.min(length, BASES);
        int first = trailing ? from : from + length - m; // the compared bases, the m nearest the junction
        int stay = trailing ? anchor + 1 : anchor - m; // reference position of the compared bases' first, unmoved
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        int bestAt = NONE;
        for (int x = stay - maxDistance; x <= stay + maxDistance; x++) {
            double s = score(bases, quals, first, m, ref, x);
            if (s > best) {
                second = best;
                best = s;
                bestAt = x;
            } else if (s > second) {
                second = s;
            }
        }
        double tests = StrictMath.log10(2.0 * maxDistance + 1);
        if (bestAt == stay || best < tests + MIN_LOG10_ODDS || best - second < MIN_LOG10_ODDS) {
            return NONE;
        }
        return trailing ? bestAt : bestAt + m - 1;
    }

    /** log10 odds that {@code m} read bases from {@code first} are the reference from {@code x} on, not chance. */
    private static double score(byte[] bases, byte[] quals, int first, int m, RefWindow ref, int x) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            byte r = ref.base(x + i);
            byte b = bases[first + i];
            if (r == 'N' || b == 'N') {
                continue;
            }
            int q = Math.max(0, Math.min(127, quals[first + i]));
            s += b == r ? MATCH[q] : MISMATCH[q];
        }
        return s;
    }
}
