package gap.core.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** 40 aligned bases ending at 300, then {@code clip} (trailing): where the clip is placed. */
    private static int trailing(String clip, byte[] clipQuals) {
        byte[] bases = (SEQ.substring(260, 300) + clip).getBytes(StandardCharsets.US_ASCII);
        byte[] q = quals(bases.length, 30);
        System.arraycopy(clipQuals, 0, q, 40, clipQuals.length);
        return ClipJunction.place(bases, q, 40, clip.length(), true, 300, REF, 300);
    }

    @Test
    void aTrailingClipIsPlacedAtTheFarBreakpointOnNoisyAndCleanReads() {
        char[] noisy = SEQ.substring(500, 520).toCharArray();
        byte[] q20 = quals(20, 20);
        for (int e : new int[] {4, 13}) { // two errors among 20 bases, at Q10 and at Q20
            noisy[e] = noisy[e] == 'A' ? 'C' : 'A';
        }
        q20[4] = 10;
        assertEquals(501, trailing(new String(noisy), q20));
        assertEquals(501, trailing(SEQ.substring(500, 520), quals(20, 37)));
        assertEquals(501, trailing(SEQ.substring(500, 530), quals(30, 37)), "only the 20 nearest bases are compared");
    }

    @Test
    void aLeadingClipIsPlacedAtTheNearBreakpoint() {
        // aligned from 501, its first 20 bases clipped: they are the reference up to 300
        byte[] bases = (SEQ.substring(280, 300) + SEQ.substring(500, 560)).getBytes(StandardCharsets.US_ASCII);
        assertEquals(300, ClipJunction.place(bases, quals(80, 20), 0, 20, false, 501, REF, 300));
    }

    @Test
    void aClipOfPoorBasesOrTooFewBasesIsNotPlaced() {
        assertEquals(ClipJunction.NONE, trailing(SEQ.substring(500, 520), quals(20, 2)));
        assertEquals(ClipJunction.NONE, trailing(SEQ.substring(500, 505), quals(5, 37)));
    }

    @Test
    void aClipThatContinuesTheReferenceIsNotAJunction() {
        assertEquals(ClipJunction.NONE, trailing(SEQ.substring(300, 320), quals(20, 30)));
    }

    @Test
    void aClipWhoseBasesOccurTwiceNearbyIsNotPlaced() {
        // the 20 bases after 500 also follow 420: no one place for them
        String twice = SEQ.substring(0, 420) + SEQ.substring(500, 520) + SEQ.substring(440);
        RefWindow ref = RefWindow.of("c", 1, twice);
        byte[] bases = (twice.substring(260, 300) + twice.substring(500, 520)).getBytes(StandardCharsets.US_ASCII);
        assertEquals(ClipJunction.NONE, ClipJunction.place(bases, quals(60, 30), 40, 20, true, 300, ref, 300));
    }
}
