package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The het allele-balance tail on hand-made reads counts; the answers are sums of binomial coefficients over 2^n. */
class HetBalanceTest {
    private static Genotype g(int a1, int a2, Integer... ad) {
        return new Genotype(a1, a2, 99, List.of(), Arrays.asList(ad), 0);
    }

    private static VariantCall call(Genotype... gs) {
        return new VariantCall("chr1", 100, List.of("CT", "C", "CTT"), 50, Filters.PASS, Map.of(), List.of(gs));
    }

    @Test
    void tailsWorkedByHand() {
        // P(X <= 2 | 8, 1/2) = (1 + 8 + 28) / 256 = 37/256: -10 log10 = 8.4004
        assertEquals(8.4004, HetBalance.phred(2, 8), 1e-4);
        // (1 + 24 + 276 + 2024 + 10626 + 42504 + 134596) / 2^24 = 190051/16777216: 19.4585
        assertEquals(19.4585, HetBalance.phred(6, 24), 1e-4);
        // no ALT read of 4: 1/16, 12.0412; one of two: 3/4, 1.2494
        assertEquals(12.0412, HetBalance.phred(0, 4), 1e-4);
        assertEquals(1.2494, HetBalance.phred(1, 2), 1e-4);
        // half or more of the reads ALT: the tail is at least 1/2, and all of them: exactly 0
        assertEquals(0.0, HetBalance.phred(5, 5), 0);
        assertTrue(HetBalance.phred(5, 10) < 3.011);
    }

    @Test
    void deepSitesStayFinite() {
        // 50 of 200: log10 of 674353227563459664641213586620598732169971625732 / 2^200 = -12.3771
        assertEquals(123.7711, HetBalance.phred(50, 200), 1e-3);
        double deep = HetBalance.phred(100, 5000);
        assertTrue(deep > 1000 && Double.isFinite(deep), "deep " + deep);
    }

    @Test
    void sameFractionIsStrongerEvidenceAtMoreDepth() {
        // a quarter of the reads ALT: ordinary for a het at 8x, rare at 24x, all but impossible at 100x
        assertTrue(HetBalance.phred(2, 8) < HetBalance.phred(6, 24));
        assertTrue(HetBalance.phred(6, 24) < HetBalance.phred(25, 100));
    }

    @Test
    void pooledOverHetCarriersOnly() {
        // 0/1 with AD 17,4 (4 of 21: 7547/2^21, 24.4386); the hom-alt and hom-ref samples add nothing
        assertEquals(24.4386, HetBalance.of(call(g(0, 1, 17, 4, 0), g(1, 1, 0, 20, 0), g(0, 0, 30, 0, 0))), 1e-4);
        // two hets 0/1 (3,1) and (5,1): pooled 2 of 10, (1 + 10 + 45)/1024, 12.6211
        assertEquals(12.6211, HetBalance.of(call(g(0, 1, 3, 1, 0), g(0, 1, 5, 1, 0))), 1e-4);
        // 0/2 reads its own ALT's count, not the other ALT's: AD 6,9,2 -> 2 of 8, 8.4004
        assertEquals(8.4004, HetBalance.of(call(g(0, 2, 6, 9, 2))), 1e-4);
    }

    @Test
    void noHetWithRefOrNoReadsIsMissing() {
        assertTrue(Double.isNaN(HetBalance.of(call(g(1, 2, 0, 9, 8)))));
        assertTrue(Double.isNaN(HetBalance.of(call(g(1, 1, 0, 20, 0)))));
        assertTrue(Double.isNaN(HetBalance.of(call(g(0, 1, 0, 0, 0)))));
        assertTrue(Double.isNaN(HetBalance.of(call(g(0, 1)))));
        assertTrue(Double.isNaN(HetBalance.of(call(g(0, 1, -1, -1)))));
    }
}
