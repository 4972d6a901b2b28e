package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer on data whose trees are worked out by hand; its determinism; the evaluator against its trees. */
class TreeTrainerTest {
    @Test
    void oneNewtonStepOnSeparableRowsGivesTheWorkedLeaves() {
        // base log(0.5/0.5) = 0, p = 0.5: g = p - y = +0.5, +0.5, -0.5, -0.5; h = 0.25 each. The split between
        // 0 and 1 (at 0.5) is the only one; leaves -G/(H + λ) with λ = 0: -1/0.5 = -2 and +1/0.5 = +2.
        TreeTrainer t = new TreeTrainer(new TreeTrainer.Params(1, 1, 1.0, 0.0, 0.1));
        BoostedTrees m = t.train(List.of("x"), new double[][] {{0}, {0}, {1}, {1}}, new boolean[] {false, false,
            true, true});
        assertEquals(0, m.base(), 1e-15);
        assertEquals(0.5, m.trees().get(0).threshold()[0], 0.0);
        assertEquals(-2, m.logOdds(new double[] {0}), 1e-12);
        assertEquals(2, m.logOdds(new double[] {1}), 1e-12);
    }

    @Test
    void missingValuesGoToTheSideThatGainsMore() {
        // rows with x missing are all true: they belong with the high (true) values
        TreeTrainer t = new TreeTrainer(new TreeTrainer.Params(1, 1, 1.0, 0.0, 0.1));
        BoostedTrees m = t.train(List.of("x"), new double[][] {{0}, {0}, {1}, {1}, {Double.NaN}, {Double.NaN}},
                new boolean[] {false, false, true, true, true, true});
        assertTrue(m.logOdds(new double[] {Double.NaN}) > 0);
        assertEquals(m.logOdds(new double[] {1}), m.logOdds(new double[] {Double.NaN}), 0.0);
    }

    @Test
    void trainingTwiceGivesTheSameModelToTheByte() {
        Rows r = rows(400, 7);
        String first = new TreeTrainer(TreeTrainer.Params.DEFAULT).train(r.names, r.x, r.y).write();
        String second = new TreeTrainer(TreeTrainer.Params.DEFAULT).train(r.names, r.x, r.y).write();
        assertEquals(first, second);
    }

    @Test
    void theWrittenModelPredictsWhatTheTrainedOneDoesAndLearnsTheSignal() {
        Rows r = rows(600, 11);
        BoostedTrees m = new TreeTrainer(TreeTrainer.Params.DEFAULT).train(r.names, r.x, r.y);
        BoostedTrees read = BoostedTrees.parse(m.write());
        int right = 0;
        for (int i = 0; i < r.x.length; i++) {
            assertEquals(m.logOdds(r.x[i]), read.logOdds(r.x[i]), 0.0);
            right += (m.probability(r.x[i]) > 0.5) == r.y[i] ? 1 : 0;
        }
        // the label is x0 + x1 > 1 with 5% of labels flipped: a boosted model gets most rows right
        assertTrue(right > 0.9 * r.x.length, right + " of " + r.x.length);
    }

    private record Rows(List<String> names, double[][] x, boolean[] y) {}

    private static Rows rows(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble();
            x[i][1] = random.nextDouble();
            x[i][2] = i % 10 == 0 ? Double.NaN : random.nextGaussian();
            y[i] = (x[i][0] + x[i][1] > 1) != (random.nextDouble() < 0.05);
        }
        return new Rows(List.of("a", "b", "noise"), x, y);
    }
}
