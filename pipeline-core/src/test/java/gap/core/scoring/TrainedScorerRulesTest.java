package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cutoff rule, the neighbour and carrier features on hand-made calls, and the model shipped in the jar. */
class TrainedScorerRulesTest {
    @Test
    void theCutoffIsTheScoreTheStatedShareOfTrueCallsReach() {
        double[] scores = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertEquals(2, ScorerTraining.cutoff(scores, 90), 0.0); // 9 of 10 score >= 2
        assertEquals(3, ScorerTraining.cutoff(scores, 80), 0.0); // 8 of 10 score >= 3
        assertEquals(1, ScorerTraining.cutoff(scores, 95), 0.0); // floor(0.5) = 0 below: all pass
        assertEquals(1, ScorerTraining.cutoff(scores, 100), 0.0);
        assertEquals(0, ScorerTraining.cutoff(new double[0], 99), 0.0);
    }

    @Test
    void metricsAreCountedFromTrueFalseAndMissedCalls() {
        // tp 8, fp 2, fn 2: P 0.8, R 0.8, F1 0.8
        assertEquals("0.8000\t0.8000\t0.8000", ScorerTraining.metrics(8, 2, 2));
    }

    private static VariantCall call(int pos, int ref, int alt, int a1, int a2) {
        return new VariantCall("chr1", pos, List.of("C", "T"), 100, Filters.PASS, Map.of("DP", ref + alt),
                new Genotype(a1, a2, 40, List.of(0, 0, 0), List.of(ref, alt), ref + alt));
    }

    @Test
    void neighboursAreCountedWithinThirtyAndSixtyBases() {
        List<VariantCall> calls = List.of(call(100, 5, 5, 0, 1), call(120, 5, 5, 0, 1), call(150, 5, 5, 0, 1),
                call(2000, 5, 5, 0, 1));
        assertArrayEquals(new int[] {1, 2, 20}, CallFeatures.neighbours(calls, 0)); // 120 (20 bp), 150 (50 bp)
        assertArrayEquals(new int[] {2, 2, 20}, CallFeatures.neighbours(calls, 1)); // 100 and 150 (30 bp)
        assertArrayEquals(new int[] {0, 0, 1000}, CallFeatures.neighbours(calls, 3)); // alone: capped
    }

    @Test
    void theAlleleFractionIsTheCarriersAltReadsOverTheirReads() {
        assertArrayEquals(new double[] {0.25, 0, 40}, CallFeatures.carriers(call(1, 6, 2, 0, 1)), 1e-12);
        assertArrayEquals(new double[] {1, 1, 40}, CallFeatures.carriers(call(1, 0, 9, 1, 1)), 1e-12);
    }

    @Test
    void theLowMapqFractionsAreFeaturesAndMissingWhereAVcfLacksThem() {
        VariantCall plain = call(100, 15, 15, 0, 1);
        java.util.Map<String, Object> info = new java.util.HashMap<>(plain.info());
        info.put("MQ0F", 0.125);
        info.put("LMQF", 0.25);
        double[] f = CallFeatures.of(List.of(plain.withInfo(info)))[0];
        assertEquals(0.125, f[CallFeatures.NAMES.indexOf("MQ0F")]);
        assertEquals(0.25, f[CallFeatures.NAMES.indexOf("LMQF")]);
        double[] old = CallFeatures.of(List.of(plain))[0];
        assertTrue(Double.isNaN(old[CallFeatures.NAMES.indexOf("MQ0F")]));
        assertTrue(Double.isNaN(old[CallFeatures.NAMES.indexOf("LMQF")]));
    }

    @Test
    void theShippedModelReadsAndNamesItsFilters() {
        TrainedModel m = TrainedModel.shipped();
        // features are only appended: a model trained before the last ones reads the leading ones
        assertEquals(CallFeatures.NAMES.subList(0, m.trees().features().size()), m.trees().features());
        assertTrue(m.version().startsWith("gap-scorer-1-"));
        assertTrue(m.filterName(VariantType.SNV).startsWith("GapScoreSNV"), m.filterName(VariantType.SNV));
        double[] features = CallFeatures.of(List.of(call(100, 15, 15, 0, 1))).clone()[0];
        double score = m.score(features);
        assertTrue(score >= 0 && score <= TrainedModel.MAX_SCORE);
    }
}
