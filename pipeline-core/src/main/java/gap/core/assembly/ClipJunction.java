package gap.core.assembly;

import gap.core.model.RefWindow;

/**
 * Takes a read's soft clip and the reference around it, gives where the clipped bases lie in the reference within a
 * given distance: the far side of the junction the read crosses (a deletion's other breakpoint, a duplication's
 * start), or none. The clipped bases nearest the junction are compared with the reference at every offset, the first
 * few of them optionally going on along the reference (aligners clip at an error next to a junction), each base
 * weighing its own quality (a match of a base with error e is 4(1-e) times likelier from there than from random
 * sequence, a mismatch 4e/3 times), so a Q20 clip with an error or two is placed as surely as a clean Q37 one and a
 * clip of poor bases is not placed at all. A placement is kept when it beats chance after testing every offset and
 * split, beats the runner-up by the same odds (so no placement in a repeat), and beats the clip going on along the
 * reference where it is (a clip that continues the reference is read errors, not a junction).
 */
final class ClipJunction {
    /** Clipped bases compared, nearest the junction (as many as weigh a clip's evidence). */
    static final int BASES = ActivityProfile.CLIP_BASES;
    /** The odds (log10) a placement needs over chance, over all offsets tested, and over the runner-up. */
    static final double MIN_LOG10_ODDS = 2;
    /** Slack for the order of floating-point sums when a bound is compared with a score summed another way. */
    private static final double ROUNDING = 1e-9;
    private static final double[] MATCH = new double[128];
    private static final double[] MISMATCH = new double[128];

    static {
        for (int q = 0; q < 128; q++) {
            double e = Math.min(0.75, StrictMath.pow(10, -q / 10.0)); // a Q0-1 base says nothing either way
            MATCH[q] = StrictMath.log10(4 * (1 - e));
            MISMATCH[q] = StrictMath.log10(4 * e / 3);
        }
    }

    /**
     * A placed clip: its first {@code continuing} bases from the aligned ones go on along the reference where they
     * are (the aligner clipped a few bases early, at an error or a SNV next to the junction), the next one lies at
     * {@code position}, and those after it run on from there away from the aligned bases.
     */
    record Placement(int continuing, int position) {
        /** The reference position of the clip's base {@code i} counted from the aligned bases (0 next to them). */
        int at(int i, int anchor, boolean trailing) {
            int dir = trailing ? 1 : -1;
            return i < continuing ? anchor + dir * (1 + i) : position + dir * (i - continuing);
        }
    }

    private ClipJunction() {}

    /**
     * Where a clip lies, within {@code maxDistance} of where it would continue the reference, or null. {@code bases}
     * and {@code quals} are the read's, the clip is {@code [from, from + length)} of them, after the aligned base at
     * {@code anchor} when {@code trailing}, else before it.
     */
    static Placement place(byte[] bases, byte[] quals, int from, int length, boolean trailing, int anchor,
                           RefWindow ref, int maxDistance) {
        int m = Math.min(length, BASES);
        double tests = StrictMath.log10((2.0 * maxDistance + 1) * m); // once: StrictMath.log10 is a native call
        if (m * MATCH[MATCH.length - 1] < tests + MIN_LOG10_ODDS) {
            return null; // too few bases to be placed even if all of them matched (the many short clips of noisy reads)
        }
        int dir = trailing ? 1 : -1;
        // every reference base a placement can meet, read once (base i of offset z is at z + dir * i), as codes
        // into their distinct bytes, and each clip base's score against each: the scoring loop is then look-ups,
        // not a branch on random base pairs
        int lo = anchor + dir - maxDistance - (m - 1);
        Codes codes = Codes.of(ref, lo, 2 * maxDistance + 2 * m - 1);
        int[] reference = codes.at();
        byte[] distinct = codes.distinct();
        int k = distinct.length;
        double[] table = scores(bases, quals, from, length, trailing, m, distinct);
        double[] here = new double[m + 1]; // here[t]: the first t bases, continuing the reference
        for (int i = 0; i < m; i++) {
            here[i + 1] = here[i] + table[i * k + reference[anchor + dir * (1 + i) - lo]];
        }
        double[] reach = reach(table, k, here, m);
        double[] there = new double[m + 1];
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        int bestZ = 0;
        int bestSplit = 0;
        double bestThere = 0;
        for (int z = anchor + dir - maxDistance; z <= anchor + dir + maxDistance; z++) {
            // z: where base 0 would lie; bases from t on are placed from z + dir * t. Splits are scored from the far
            // end in, and an offset is dropped as soon as even its best case cannot reach the runner-up: it could
            // change neither the best nor the runner-up, so the result is the full search's, most offsets after a
            // few bases (random sequence mismatches three bases in four)
            there[m] = 0;
            double top = Double.NEGATIVE_INFINITY;
            int split = -1;
            for (int i = m - 1; i >= 0; i--) {
                there[i] = there[i + 1] + table[i * k + reference[z + dir * i - lo]];
                if (here[i] + there[i] >= top) { // >=: the smallest split of equal scores, as a forward scan's >
                    top = here[i] + there[i];
                    split = i;
                }
                if (Math.max(top, there[i] + reach[i]) < second - ROUNDING) {
                    top = Double.NEGATIVE_INFINITY;
                    break;
                }
            }
            if (top > best) {
                second = best;
                best = top;
                bestZ = z;
                bestSplit = split;
                bestThere = there[split];
            } else if (top > second) {
                second = top;
            }
        }
        // only the best placement can be returned, so only it is tested
        if (best - second < MIN_LOG10_ODDS || !significant(bestThere, here[m] - here[bestSplit], tests)) {
            return null;
        }
        return new Placement(bestSplit, bestZ + dir * bestSplit);
    }

    /**
     * Whether placed bases scoring {@code there} beat chance over every offset and split tested ({@code tests}, log10
     * of their number), and beat going on along the reference ({@code here}) by the same odds.
     */
    private static boolean significant(double there, double here, double tests) {
        return there >= tests + MIN_LOG10_ODDS && there - here >= MIN_LOG10_ODDS;
    }

    /**
     * {@code reach[i]}: the most {@code here[t] + there[t] - there[i]} can be for any split {@code t < i} at any
     * offset, each base from t to i - 1 scoring its best against any reference base (-infinity for i = 0).
     */
    private static double[] reach(double[] table, int k, double[] here, int m) {
        double[] reach = new double[m];
        double prefix = 0; // the best scores of bases 0 .. i - 1
        double most = Double.NEGATIVE_INFINITY; // max over t < i of here[t] - (the best scores of bases 0 .. t - 1)
        for (int i = 0; i < m; i++) {
            reach[i] = most + prefix;
            most = Math.max(most, here[i] - prefix);
            double top = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                top = Math.max(top, table[i * k + c]);
            }
            prefix += top;
        }
        return reach;
    }

    /** The score of the clip's base i (from the aligned ones) against reference byte c, at {@code i * k + c}. */
    private static double[] scores(byte[] bases, byte[] quals, int from, int length, boolean trailing, int m,
                                   byte[] distinct) {
        int k = distinct.length;
        double[] table = new double[m * k];
        for (int i = 0; i < m; i++) {
            int read = index(from, length, trailing, i);
            int q = Math.max(0, Math.min(127, quals[read]));
            for (int c = 0; c < k; c++) {
                table[i * k + c] = score(bases[read], q, distinct[c]);
            }
        }
        return table;
    }

    /** Reference bases as codes ({@code at}) into their distinct bytes ({@code distinct}, in order of first sight). */
    private record Codes(int[] at, byte[] distinct) {
        static Codes of(RefWindow ref, int lo, int n) {
            int[] codeOf = new int[256];
            java.util.Arrays.fill(codeOf, -1);
            byte[] seen = new byte[256];
            byte[] bases = ref.slice(lo, n);
            int[] at = new int[n];
            int k = 0;
            for (int x = 0; x < n; x++) {
                byte r = bases[x];
                int c = codeOf[r & 0xff];
                if (c < 0) {
                    c = k++;
                    codeOf[r & 0xff] = c;
                    seen[c] = r;
                }
                at[x] = c;
            }
            return new Codes(at, java.util.Arrays.copyOf(seen, k));
        }
    }

    /** The read index of the clip's base {@code i} counted from the aligned bases. */
    private static int index(int from, int length, boolean trailing, int i) {
        return trailing ? from + i : from + length - 1 - i;
    }

    /** log10 odds that read base {@code b} of quality {@code q} is reference base {@code r}, not chance. */
    private static double score(byte b, int q, byte r) {
        if (r == 'N' || b == 'N') {
            return 0;
        }
        return b == r ? MATCH[q] : MISMATCH[q];
    }
}
