package gap.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PseudonymiserTest {
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
        }
    }

    @Test
    void matchesAnIndependentHmac() {
        // Python: hmac.new(bytes(range(32)), b"SAMPLE\0trio1_child", sha256), first 60 bits in Crockford base32.
        Pseudonymiser p = new Pseudonymiser(KEY);
        assertEquals("GAP-7E2GHEH47PTW", p.sample("trio1_child"));
        assertEquals("GAP-TK5KN04BXCY4", p.patient("25.03.18-062.17"));
        assertEquals("GAP-FYSM57CJ3E5B", p.sample("25.03.18-062.17"), "the kind is part of what is hashed");
    }

    @Test
    void sameKeySamePseudonymOtherKeyUnrelated() {
        byte[] other = KEY.clone();
        other[0] = 1;
        assertEquals(new Pseudonymiser(KEY).patient("x"), new Pseudonymiser(KEY.clone()).patient("x"));
        assertNotEquals(new Pseudonymiser(KEY).patient("x"), new Pseudonymiser(other).patient("x"));
    }

    @Test
    void shortAndUnambiguous() {
        String p = new Pseudonymiser(KEY).family("trio1");
        assertTrue(p.matches("GAP-[0-9A-HJKMNP-TV-Z]{12}"), p);
    }
}
