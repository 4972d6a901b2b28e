package gap.core.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gap.core.model.RefWindow;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Soft clips placed in the reference: a deletion's far breakpoint found from either side, on Q20 clips with errors
 * and on clean Q37 clips alike; nothing for poor bases, a clip that continues the reference, or a repeat.
 */
class ClipJunctionTest {
    /** 1000 random bases from position 1; a deletion of 301-500 (200 bases after 300) is the junction read here. */
    private static final String SEQ = random(1000, 3);
    private static final RefWindow REF = RefWindow.of("c", 1, SEQ);

    private static String random(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("ACGT".charAt(r.nextInt(4)));
        }
        return sb.toString();
    }

    private static byte[] quals(int n, int q) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) q);
        return out;
    }

    /** 40 aligned bases ending at 300, then {@code clip} (trailing): where the clip is placed, or null. */
    private static ClipJunction.Placement trailing(String clip, byte[] clipQuals) {
        byte[] bases = (SEQ.substring(260, 300) + clip).getBytes(StandardCharsets.US_ASCII);
        byte[] q = quals(bases.length, 30);
        System.arraycopy(clipQuals, 0, q, 40, clipQuals.length);
        return ClipJunction.place(bases, q, 40, clip.length(), true, 300, REF, 300);
    }

    private static final ClipJunction.Placement AT_501 = new ClipJunction.Placement(0, 501);

    @Test
    void aTrailingClipIsPlacedAtTheFarBreakpointOnNoisyAndCleanReads() {
        char[] noisy = SEQ.substring(500, 520).toCharArray();
        byte[] q20 = quals(20, 20);
        for (int e : new int[] {4, 13}) { // two errors among 20 bases, at Q10 and at Q20
            noisy[e] = noisy[e] == 'A' ? 'C' : 'A';
        }
        q20[4] = 10;
        assertEquals(AT_501, trailing(new String(noisy), q20));
        assertEquals(AT_501, trailing(SEQ.substring(500, 520), quals(20, 37)));
        assertEquals(AT_501, trailing(SEQ.substring(500, 530), quals(30, 37)), "only the 20 nearest bases are compared");
    }

    @Test
    void aClipThatBeginsBeforeTheJunctionIsSplitWhereTheReferenceStopsMatching() {
        // the aligner clipped 4 bases early, at an error in the third: bases 301-304 (one wrong), then 501 on
        char[] early = (SEQ.substring(300, 304) + SEQ.substring(500, 520)).toCharArray();
        early[2] = early[2] == 'A' ? 'C' : 'A';
        ClipJunction.Placement p = trailing(new String(early), quals(24, 30));
        assertEquals(new ClipJunction.Placement(4, 501), p);
        assertEquals(303, p.at(2, 300, true));
        assertEquals(505, p.at(8, 300, true));
    }

    @Test
    void aLeadingClipIsPlacedAtTheNearBreakpoint() {
        // aligned from 501, its first 20 bases clipped: they are the reference up to 300
        byte[] bases = (SEQ.substring(280, 300) + SEQ.substring(500, 560)).getBytes(StandardCharsets.US_ASCII);
        ClipJunction.Placement p = ClipJunction.place(bases, quals(80, 20), 0, 20, false, 501, REF, 300);
        assertEquals(new ClipJunction.Placement(0, 300), p);
        assertEquals(281, p.at(19, 501, false), "the clip's first base");
    }

    @Test
    void aClipOfPoorBasesOrTooFewBasesIsNotPlaced() {
        assertNull(trailing(SEQ.substring(500, 520), quals(20, 2)));
        assertNull(trailing(SEQ.substring(500, 505), quals(5, 37)));
    }

    @Test
    void aClipThatContinuesTheReferenceIsNotAJunction() {
        assertNull(trailing(SEQ.substring(300, 320), quals(20, 30)));
    }

    @Test
    void aClipWhoseBasesOccurTwiceNearbyIsNotPlaced() {
        // the 20 bases after 500 also follow 420: no one place for them
        String twice = SEQ.substring(0, 420) + SEQ.substring(500, 520) + SEQ.substring(440);
        RefWindow ref = RefWindow.of("c", 1, twice);
        byte[] bases = (twice.substring(260, 300) + twice.substring(500, 520)).getBytes(StandardCharsets.US_ASCII);
        assertNull(ClipJunction.place(bases, quals(60, 30), 40, 20, true, 300, ref, 300));
    }

    @Test
    void placesEveryClipAsTestingEveryOffsetInFullDoes() {
        // clips copied from the reference at random offsets with errors and Ns (placed), some of them going on along
        // the reference for their first bases (split) or ending in noise, random ones (not placed), short ones, both
        // directions, anchors near the window's ends (bases outside read as N), a small repeat with IUPAC bytes
        java.util.Random random = new java.util.Random(16);
        RefWindow ref = RefWindow.of("c", 101, SEQ.substring(0, 400) + "ACACACACACACRYRYACACACAC" + SEQ.substring(424));
        int placed = 0;
        for (int trial = 0; trial < 1000; trial++) {
            int anchor = 101 + random.nextInt(1000);
            boolean trailing = random.nextBoolean();
            int length = 1 + random.nextInt(30);
            int source = anchor + random.nextInt(401) - 200;
            byte[] clip = new byte[length];
            for (int i = 0; i < length; i++) {
                clip[i] = random.nextInt(8) == 0 ? (byte) "ACGTN".charAt(random.nextInt(5))
                        : ref.base(trailing ? source + i : source - length + 1 + i);
            }
            int junk = random.nextInt(4) == 0 ? length / 3 + random.nextInt(length / 3 + 1) : 0;
            for (int i = length - junk; i < length; i++) { // the far bases are noise (a read's end, an adapter)
                clip[trailing ? i : length - 1 - i] = (byte) "ACGT".charAt(random.nextInt(4));
            }
            int continuing = random.nextInt(4) == 0 ? Math.min(length, 1 + random.nextInt(5)) : 0;
            for (int i = 0; i < continuing; i++) { // the first bases go on along the reference: a split placement
                clip[trailing ? i : length - 1 - i] = ref.base(trailing ? anchor + 1 + i : anchor - 1 - i);
            }
            byte[] bases = new byte[length + 10];
            byte[] q = new byte[bases.length];
            for (int i = 0; i < bases.length; i++) {
                q[i] = (byte) (random.nextInt(45) - 2);
                bases[i] = (byte) "ACGT".charAt(random.nextInt(4));
            }
            int from = trailing ? 10 : 0;
            System.arraycopy(clip, 0, bases, from, length);
            int distance = random.nextInt(3) == 0 ? random.nextInt(20) : 300;
            ClipJunction.Placement fast = ClipJunction.place(bases, q, from, length, trailing, anchor, ref, distance);
            ClipJunction.Placement full = everyOffset(bases, q, from, length, trailing, anchor, ref, distance);
            assertEquals(full, fast, "trial " + trial);
            placed += fast == null ? 0 : 1;
        }
        org.junit.jupiter.api.Assertions.assertTrue(placed > 100, "some clips placed: " + placed);
    }

    /** The placement as first written: every offset scored from the window, each new best tested at once. */
    private static ClipJunction.Placement everyOffset(byte[] bases, byte[] quals, int from, int length,
                                                      boolean trailing, int anchor, RefWindow ref, int maxDistance) {
        int m = Math.min(length, ClipJunction.BASES);
        double tests = StrictMath.log10((2.0 * maxDistance + 1) * m);
        if (m * StrictMath.log10(4 * (1 - StrictMath.pow(10, -127 / 10.0))) < tests + 2) {
            return null;
        }
        int dir = trailing ? 1 : -1;
        double[] here = new double[m + 1];
        for (int i = 0; i < m; i++) {
            here[i + 1] = here[i] + score(bases, quals, trailing ? from + i : from + length - 1 - i, ref,
                    anchor + dir * (1 + i));
        }
        double[] there = new double[m + 1];
        double best = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        ClipJunction.Placement placed = null;
        for (int z = anchor + dir - maxDistance; z <= anchor + dir + maxDistance; z++) {
            for (int i = m - 1; i >= 0; i--) {
                there[i] = there[i + 1] + score(bases, quals, trailing ? from + i : from + length - 1 - i, ref,
                        z + dir * i);
            }
            double top = Double.NEGATIVE_INFINITY;
            int split = -1;
            for (int t = 0; t < m; t++) {
                if (here[t] + there[t] > top) {
                    top = here[t] + there[t];
                    split = t;
                }
            }
            if (top > best) {
                second = best;
                best = top;
                boolean significant = there[split] >= tests + 2 && there[split] - (here[m] - here[split]) >= 2;
                placed = significant ? new ClipJunction.Placement(split, z + dir * split) : null;
            } else if (top > second) {
                second = top;
            }
        }
        return best - second < 2 ? null : placed;
    }

    private static double score(byte[] bases, byte[] quals, int k, RefWindow ref, int x) {
        byte r = ref.base(x);
        byte b = bases[k];
        if (r == 'N' || b == 'N') {
            return 0;
        }
        double e = Math.min(0.75, StrictMath.pow(10, -Math.max(0, Math.min(127, quals[k])) / 10.0));
        return b == r ? StrictMath.log10(4 * (1 - e)) : StrictMath.log10(4 * e / 3);
    }
}
