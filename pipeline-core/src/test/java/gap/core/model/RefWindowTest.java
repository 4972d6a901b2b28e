package gap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A stretch of reference copied at once (slice, and substring built on it) reads as base reads it, N outside. */
class RefWindowTest {
    private static final RefWindow REF = RefWindow.of("c", 5, "ACGT"); // positions 5..8

    private static String slice(int lo, int n) {
        return new String(REF.slice(lo, n), StandardCharsets.US_ASCII);
    }

    @Test
    void insideAcrossBothEndsAndOutside() {
        assertEquals("CG", slice(6, 2));
        assertEquals("NNACGTNN", slice(3, 8));
        assertEquals("NNAC", slice(3, 4));
        assertEquals("TNN", slice(8, 3));
        assertEquals("NNN", slice(9, 3));
        assertEquals("NN", slice(-1, 2));
        assertEquals("", slice(6, 0));
    }

    @Test
    void everyStretchEqualsBaseByBase() {
        for (int lo = -3; lo < 12; lo++) {
            for (int n = 0; n < 12; n++) {
                StringBuilder expected = new StringBuilder();
                for (int p = lo; p < lo + n; p++) {
                    expected.append((char) REF.base(p));
                }
                assertEquals(expected.toString(), slice(lo, n), lo + "+" + n);
                assertEquals(expected.toString(), REF.substring(lo, lo + n - 1), lo + "+" + n);
            }
        }
    }
}
