package gap.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static final AlleleKey KEY = new AlleleKey("chrM", 72, 73, "A", "G");
    private static final Suppression DEFAULT = new Suppression(5, 0);

    private static boolean suppressed(Suppression s, long ac, long an, long homAlt, long called) {
        return s.apply(KEY, new AlleleCounts(ac, an, homAlt, called)).suppressed();
    }

    @Test
    void aRowIsReleasedOnlyWhenNoCountSinglesOutFewerThanMinCount() {
        assertFalse(suppressed(DEFAULT, 5, 20, 0, 10));
        assertTrue(suppressed(DEFAULT, 4, 20, 0, 10), "AC below min-count");
        assertTrue(suppressed(DEFAULT, 17, 20, 5, 10), "3 other alleles: the minor allele is the reference");
        assertFalse(suppressed(DEFAULT, 20, 20, 10, 10), "no other allele at all");
        assertTrue(suppressed(DEFAULT, 8, 8, 4, 4), "four samples behind the frequency");
        assertTrue(suppressed(new Suppression(5, 40), 10, 20, 0, 10), "AN below min-an");
        assertFalse(suppressed(new Suppression(5, 20), 10, 20, 0, 10));
        assertTrue(suppressed(DEFAULT, 0, 20, 0, 10), "an allele none carries is no release either");
    }

    @Test
    void aSuppressedRowKeepsItsKeyAndFlagAndNoCount() {
        SummaryRow r = DEFAULT.apply(KEY, new AlleleCounts(1, 20, 0, 10));
        assertEquals(SummaryRow.suppressed(KEY), r);
        assertNull(r.alleleCount());
        assertNull(r.alleleFrequency());
    }

    @Test
    void aSmallHomAltCountIsWithheldAloneAndMinCountZeroReleasesEverything() {
        SummaryRow r = DEFAULT.apply(KEY, new AlleleCounts(12, 40, 2, 20));
        assertEquals(new SummaryRow(KEY, false, 12L, 40L, null, 20L), r);
        assertEquals(0.3, r.alleleFrequency());
        assertEquals(new SummaryRow(KEY, false, 35L, 40L, null, 20L), DEFAULT.apply(KEY, new AlleleCounts(35, 40, 17, 20)),
                "3 samples not hom-alt");
        assertEquals(SummaryRow.exact(KEY, new AlleleCounts(1, 2, 0, 1)),
                new Suppression(0, 0).apply(KEY, new AlleleCounts(1, 2, 0, 1)));
    }

    @Test
    void noReleasedRowCarriesACountBetweenOneAndMinCountDerivedOnesIncluded() {
        Random rnd = new Random(10);
        for (int i = 0; i < 100_000; i++) {
            long called = rnd.nextInt(30);
            long an = called * 2 - (called > 0 ? rnd.nextInt((int) called + 1) : 0);
            long ac = an == 0 ? 0 : rnd.nextInt((int) an + 1);
            long homAlt = Math.min(ac / 2, called) == 0 ? 0 : rnd.nextInt((int) Math.min(ac / 2, called) + 1);
            long minCount = 1 + rnd.nextInt(6);
            SummaryRow r = new Suppression(minCount, 0).apply(KEY, new AlleleCounts(ac, an, homAlt, called));
            if (r.suppressed()) {
                continue;
            }
            for (Long n : new Long[] {r.alleleCount(), r.alleleNumber(), r.alleleNumber() - r.alleleCount(),
                    r.calledSamples(), r.homAltCount(), r.homAltCount() == null ? null : called - homAlt}) {
                assertTrue(n == null || n == 0 || n >= minCount, r + " min-count " + minCount);
            }
            assertTrue(r.alleleCount() >= minCount);
        }
    }
}
