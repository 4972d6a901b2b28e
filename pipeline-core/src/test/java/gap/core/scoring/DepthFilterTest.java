package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The depth filter on hand-made depths whose median and threshold are worked out here. */
class DepthFilterTest {
    private static VariantCall call(String contig, int pos, int dp) {
        return new VariantCall(contig, pos, List.of("C", "T"), 300, Filters.PASS, Map.of("DP", dp, "QD", 15.0),
                new Genotype(0, 1, 99, List.of(100, 0, 100), List.of(dp / 2, dp / 2), dp));
    }

    @Test
    void theThresholdIsTheMedianPlusKRootMedianOfTheNuclearCalls() {
        // nuclear DPs 16, 16, 16, 25, 40 (median 16: 16 + 4 * 4 = 32); chrM's 3000 does not move the median
        List<VariantCall> calls = List.of(call("chr1", 1, 16), call("chr1", 2, 25), call("chr1", 3, 16),
                call("chr1", 4, 40), call("chr1", 5, 16), call("chrM", 6, 3000), call("chrM", 7, 3000));
        DepthFilter f = DepthFilter.of(calls, 4);
        assertEquals(16, f.median());
        assertEquals(32, f.maxDepth(), 1e-12);
        assertTrue(f.fails(calls.get(3)), "40 > 32");
        assertFalse(f.fails(calls.get(1)), "25 <= 32");
        assertFalse(f.fails(calls.get(5)), "chrM is exempt");
        assertFalse(DepthFilter.of(calls, 0).fails(calls.get(3)), "k = 0 turns it off");
    }

    @Test
    void theScorerNamesItAndScalesItWithTheSample() {
        // the same shape at 4x the depth: the threshold follows (64 + 4 * 8 = 96)
        List<VariantCall> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(call("chr1", 100 + i, 64));
        }
        calls.add(call("chr1", 500, 97));
        calls.add(call("chr1", 501, 96));
        // HighDepth is one of the hard filters (the trained model has depth over the median among its features)
        VariantScorer.Result r = new VariantScorer(ScoringParameters.load(Map.of("score.model", "hard")))
                .score(calls, null);
        assertEquals("HighDepth", r.calls().get(20).filter().toString());
        assertEquals(Filters.PASS, r.calls().get(21).filter());
        assertTrue(r.headerLines().stream().anyMatch(l -> l.toString().contains("ID=HighDepth")
                && l.toString().contains("DP > 96.0")), r.headerLines().toString());
    }
}
