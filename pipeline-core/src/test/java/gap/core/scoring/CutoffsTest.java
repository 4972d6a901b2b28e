package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cutoff rules on hand-made out-of-fold scores, each answer worked out by hand. */
class CutoffsTest {
    /** A set of SNV calls: {@code truth[i]} with score {@code scores[i]}, no truth missed. */
    private static TrainingSet set(String name, boolean[] truth) {
        VariantType[] types = new VariantType[truth.length];
        Arrays.fill(types, VariantType.SNV);
        return new TrainingSet(name, new double[truth.length][0], truth, types,
                Map.of(VariantType.SNV, 0, VariantType.INDEL, 0));
    }

    private static final boolean T = true;
    private static final boolean F = false;
    /** Clean: true calls at 5, 6, 7, 8. Artefacts: true at 4 and 9, false at 1 and 2. */
    private static final List<TrainingSet> SETS = List.of(set("clean", new boolean[] {T, T, T, T}),
            set("artefacts", new boolean[] {T, T, F, F}));
    private static final double[][] SCORES = {{5, 6, 7, 8}, {4, 9, 1, 2}};
    private static final boolean[] BOTH = {true, true};

    @Test
    void theF1RuleTakesTheCutoffWithTheBestMeanPerSetF1() {
        // cutoff 0: clean F1 1, artefacts 2·2/(4+2) = 0.667, mean 0.833; cutoff 2: artefacts 4/5, mean 0.9;
        // cutoff 4: both 1; cutoff 5: artefacts loses its true call at 4 (2/3), mean 0.833
        assertEquals(0.8333, Cutoffs.meanF1(SETS, SCORES, BOTH, VariantType.SNV, 0), 1e-4);
        assertEquals(0.9, Cutoffs.meanF1(SETS, SCORES, BOTH, VariantType.SNV, 2), 1e-12);
        assertEquals(4, Cutoffs.bestF1(SETS, SCORES, BOTH, VariantType.SNV, 0, false), 0.0);
        Cutoffs c = Cutoffs.choose(SETS, SCORES, BOTH, new ScorerTraining.Sensitivity(ScorerTraining.Rule.F1, 0, 0,
                Double.POSITIVE_INFINITY));
        assertEquals(4, c.cutoff()[VariantType.SNV.ordinal()], 0.0);
        assertEquals(100, c.sensitivity()[VariantType.SNV.ordinal()], 0.0); // every true call scores 4 or more
    }

    @Test
    void aCutoffMustRaiseTheMeanF1ByTheLeastGainElseNone() {
        // the best, cutoff 4, has mean F1 1 against 0.8333 at 0: a rise of 1/6 = 0.1667
        assertEquals(4, Cutoffs.bestF1(SETS, SCORES, BOTH, VariantType.SNV, 0.16, false), 0.0);
        assertEquals(0, Cutoffs.bestF1(SETS, SCORES, BOTH, VariantType.SNV, 0.17, false), 0.0);
        Cutoffs c = Cutoffs.choose(SETS, SCORES, BOTH, new ScorerTraining.Sensitivity(ScorerTraining.Rule.F1, 0, 0,
                Double.POSITIVE_INFINITY, 0.17));
        assertEquals(0, c.cutoff()[VariantType.SNV.ordinal()], 0.0);
        assertEquals(100, c.sensitivity()[VariantType.SNV.ordinal()], 0.0);
    }

    @Test
    void onCleanSetsAloneTheF1RuleFiltersNothing() {
        // any cutoff above the lowest true score loses a true call and removes no false one
        assertEquals(0, Cutoffs.bestF1(SETS, SCORES, new boolean[] {true, false}, VariantType.SNV, 0, false), 0.0);
    }

    @Test
    void noSetWorseKeepsTheCleanSetsTrueCallThatTheF1RuleGivesUp() {
        // clean: true at 1.5, 6, 7, 8; artefacts: true at 9 and 9.5, false at 1, 2 and 3.
        // cutoff 0 (or 1): clean 1, artefacts 2·2/(4+3) = 0.571, mean 0.786; 1.5: clean 1, artefacts 4/6 = 0.667,
        // mean 0.833; 2: clean loses 1.5, 6/7 = 0.857, artefacts 0.667, mean 0.762; 3: 0.857 and 4/5, mean 0.829;
        // 6: 0.857 and 1, mean 0.929, the best; 7: 4/6 and 1, mean 0.833. The F1 rule takes 6 and makes the clean
        // set worse (0.857 < 1); with no set worse, only cutoffs up to 1.5 qualify, and 1.5 is their best.
        List<TrainingSet> sets = List.of(set("clean", new boolean[] {T, T, T, T}),
                set("artefacts", new boolean[] {T, T, F, F, F}));
        double[][] scores = {{1.5, 6, 7, 8}, {9, 9.5, 1, 2, 3}};
        assertEquals(6, Cutoffs.bestF1(sets, scores, BOTH, VariantType.SNV, 0, false), 0.0);
        assertEquals(1.5, Cutoffs.bestF1(sets, scores, BOTH, VariantType.SNV, 0, true), 0.0);
        Cutoffs c = Cutoffs.choose(sets, scores, BOTH, new ScorerTraining.Sensitivity(
                ScorerTraining.Rule.F1_NO_SET_WORSE, 0, 0, Double.POSITIVE_INFINITY));
        assertEquals(1.5, c.cutoff()[VariantType.SNV.ordinal()], 0.0);
        assertEquals(100, c.sensitivity()[VariantType.SNV.ordinal()], 0.0);
    }

    @Test
    void noSetWorseFiltersNothingWhenEveryCutoffCostsSomeSet() {
        // clean: true at 0.5 and 6; artefacts: true at 9, false at 1 and 2. Cutoff 0: clean 1, artefacts 2/4, mean
        // 0.75; 2: clean 2/3, artefacts 2/3; 6: clean 2/3, artefacts 1, mean 0.833, the F1 rule's. The clean set's
        // 0.5 lies below every false call, so no cutoff that removes one keeps it: nothing is filtered
        List<TrainingSet> sets = List.of(set("clean", new boolean[] {T, T}),
                set("artefacts", new boolean[] {T, F, F}));
        double[][] scores = {{0.5, 6}, {9, 1, 2}};
        assertEquals(6, Cutoffs.bestF1(sets, scores, BOTH, VariantType.SNV, 0, false), 0.0);
        assertEquals(0, Cutoffs.bestF1(sets, scores, BOTH, VariantType.SNV, 0, true), 0.0);
    }

    @Test
    void theOddsRuleIsEvenOddsWhateverTheScores() {
        // P(false) = 1/2 is GAPSCORE −10·log10(1/2) = 3.0103, written 3.01; the true scores 4..9 all reach it
        Cutoffs c = Cutoffs.choose(SETS, SCORES, BOTH, new ScorerTraining.Sensitivity(ScorerTraining.Rule.ODDS, 0, 0,
                Double.POSITIVE_INFINITY));
        assertEquals(3.01, c.cutoff()[VariantType.SNV.ordinal()], 0.0);
        assertEquals(100, c.sensitivity()[VariantType.SNV.ordinal()], 0.0);
    }

    @Test
    void theSensitivityRuleAndTheCapOnTheSameScores() {
        // true scores 4..9 (six): 80 % keep the five from index floor(6·0.2) = 1 up, cutoff 5; share 5/6 = 83.3 %
        Cutoffs c = Cutoffs.choose(SETS, SCORES, BOTH, new ScorerTraining.Sensitivity(ScorerTraining.Rule.SENSITIVITY,
                80, 80, Double.POSITIVE_INFINITY));
        assertEquals(5, c.cutoff()[VariantType.SNV.ordinal()], 0.0);
        assertEquals(83.3, c.sensitivity()[VariantType.SNV.ordinal()], 0.0);
        Cutoffs capped = Cutoffs.choose(SETS, SCORES, BOTH, new ScorerTraining.Sensitivity(
                ScorerTraining.Rule.SENSITIVITY, 80, 80, 3.01));
        assertEquals(3.01, capped.cutoff()[VariantType.SNV.ordinal()], 0.0);
    }
}
