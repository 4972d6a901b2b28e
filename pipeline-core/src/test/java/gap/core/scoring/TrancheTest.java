package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tranche cutoff: at least the truth sensitivity of the training calls at or above it. */
class TrancheTest {
    private static double[] oneTo(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[n - 1 - i] = i + 1; // any order
        }
        return v;
    }

    @Test
    void ninetyNinePointSevenOfAThousandLeavesThreeOut() {
        Tranche t = Tranche.of(VariantType.SNV, oneTo(1000), 99.7);
        assertEquals(4, t.cutoff(), 0); // 1, 2, 3 fall below; 997 of 1000 pass
        assertTrue(t.passes(4));
        assertFalse(t.passes(3.9999));
        assertEquals("VQSRTrancheSNP99.70to100.00", t.filterName());
    }

    @Test
    void fewerCallsThanOneInTheTailKeepThemAll() {
        assertEquals(1, Tranche.of(VariantType.SNV, oneTo(300), 99.7).cutoff(), 0); // 0.9 calls: none out
        assertEquals(2, Tranche.of(VariantType.INDEL, oneTo(123), 99.0).cutoff(), 0); // 1.23: one out
        assertEquals(1, Tranche.of(VariantType.INDEL, oneTo(50), 100).cutoff(), 0);
        assertEquals("VQSRTrancheINDEL99.00to100.00", Tranche.of(VariantType.INDEL, oneTo(5), 99).filterName());
    }

    @Test
    void tiesWithTheCutoffPass() {
        Tranche t = Tranche.of(VariantType.SNV, new double[] {1, 2, 2, 2, 3, 4, 5, 6, 7, 8}, 90);
        assertEquals(2, t.cutoff(), 0); // one (the 1) may fall below; the three 2s all pass
    }
}
