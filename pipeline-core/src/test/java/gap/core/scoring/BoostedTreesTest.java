package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree evaluator on hand-made trees whose answers are worked out here, and its text form. */
class BoostedTreesTest {
    /** Root: x0 < 1.5 (missing: left) → leaf 0.5; else x1 < 0 (missing: right) → leaf −1, else leaf 2. */
    static BoostedTrees.Tree handMade() {
        return new BoostedTrees.Tree(new int[] {0, -1, 1, -1, -1}, new double[] {1.5, 0, 0, 0, 0},
                new boolean[] {true, false, false, false, false}, new int[] {1, 0, 3, 0, 0}, new int[] {2, 0, 4, 0, 0},
                new double[] {0, 0.5, 0, -1, 2});
    }

    /** One node: a leaf of 0.25 whatever the vector. */
    static BoostedTrees.Tree stump() {
        return new BoostedTrees.Tree(new int[] {-1}, new double[] {0}, new boolean[] {false}, new int[] {0},
                new int[] {0}, new double[] {0.25});
    }

    private static final BoostedTrees MODEL = new BoostedTrees(List.of("a", "b"), 0.1, List.of(handMade(), stump()));

    @Test
    void eachVectorEndsInTheLeafItsValuesLeadTo() {
        assertEquals(0.1 + 0.5 + 0.25, MODEL.logOdds(new double[] {1, 5}), 1e-15); // 1 < 1.5: left
        assertEquals(0.1 - 1 + 0.25, MODEL.logOdds(new double[] {2, -1}), 1e-15); // right, -1 < 0: left
        assertEquals(0.1 + 2 + 0.25, MODEL.logOdds(new double[] {2, 0}), 1e-15); // 0 is not < 0: right
        assertEquals(0.1 + 2 + 0.25, MODEL.logOdds(new double[] {1.5, 7}), 1e-15); // the threshold goes right
    }

    @Test
    void aMissingValueGoesTheWayItsNodeSays() {
        assertEquals(0.85, MODEL.logOdds(new double[] {Double.NaN, -9}), 1e-15); // root: missing left
        assertEquals(2.35, MODEL.logOdds(new double[] {3, Double.NaN}), 1e-15); // second node: missing right
    }

    @Test
    void theProbabilityIsTheLogisticOfTheSum() {
        assertEquals(1 / (1 + Math.exp(-0.85)), MODEL.probability(new double[] {0, 0}), 1e-15);
        // GAPSCORE: P(false) = 1 - logistic(2.35) = 0.0870...; -10 log10 = 10.6, rounded to 2 decimals
        assertEquals(10.6, TrainedModel.score(MODEL, new double[] {2, 0}), 0.005);
    }

    @Test
    void theTextFormReadsBackToTheSameModelExactly() {
        BoostedTrees odd = new BoostedTrees(List.of("a", "b"), 0.1 + 0.2, List.of(handMade(), stump()));
        BoostedTrees back = BoostedTrees.parse(odd.write());
        assertEquals(odd.write(), back.write());
        for (double[] x : new double[][] {{1, 5}, {2, -1}, {Double.NaN, 0}, {3, Double.NaN}}) {
            assertEquals(odd.logOdds(x), back.logOdds(x), 0.0);
        }
    }

    @Test
    void aMalformedModelSaysSo() {
        assertThrows(IllegalArgumentException.class, () -> BoostedTrees.parse("not a model"));
        String text = MODEL.write().replace("N\t1\t0.0\tR\t3\t4", "N\t1\t0.0\tR\t3\t9");
        assertThrows(IllegalArgumentException.class, () -> BoostedTrees.parse(text));
    }
}
