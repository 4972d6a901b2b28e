package gap.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Takes feature vectors with true/false labels and hyper-parameters, gives {@link BoostedTrees}: gradient boosting
 * with logistic loss and second-order (Newton) leaves and split gains, as XGBoost's exact greedy algorithm
 * does (gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ); leaf −G/(H+λ) times the learning rate; a missing value goes the
 * side that gains more). Deterministic by construction: one thread, no sampling, every sum taken in a fixed order
 * (rows sorted by value, ties by row), ties between splits to the first feature and lowest threshold; so the same
 * rows give the same trees to the last bit.
 */
public final class TreeTrainer {
    /** The hyper-parameters; the manifest records them. */
    public record Params(int trees, int maxDepth, double learningRate, double lambda, double minChildWeight) {
        public static final Params DEFAULT = new Params(150, 3, 0.1, 1.0, 2.0);

        public String describe() {
            return String.format(Locale.ROOT, "trees=%d maxDepth=%d learningRate=%s lambda=%s minChildWeight=%s",
                    trees, maxDepth, learningRate, lambda, minChildWeight);
        }
    }

    private final Params params;

    public TreeTrainer(Params params) {
        this.params = params;
    }

    public BoostedTrees train(List<String> features, double[][] x, boolean[] y) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("training needs rows, one label each");
        }
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double mean = Math.min(Math.max((double) positives / n, 1e-6), 1 - 1e-6);
        double base = Math.log(mean / (1 - mean));
        int[][] order = sortedRows(x, features.size());
        double[] margin = new double[n];
        Arrays.fill(margin, base);
        double[] g = new double[n];
        double[] h = new double[n];
        List<BoostedTrees.Tree> trees = new ArrayList<>();
        for (int t = 0; t < params.trees(); t++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-margin[i]));
                g[i] = p - (y[i] ? 1 : 0);
                h[i] = Math.max(p * (1 - p), 1e-16);
            }
            BoostedTrees.Tree tree = new TreeGrower(x, g, h, order, params).grow();
            trees.add(tree);
            for (int i = 0; i < n; i++) {
                margin[i] += tree.predict(x[i]);
            }
        }
        return new BoostedTrees(features, base, trees);
    }

    /** Per feature, the rows with a value, sorted by value then row. */
    private static int[][] sortedRows(double[][] x, int features) {
        int[][] order = new int[features][];
        for (int f = 0; f < features; f++) {
            final int ff = f;
            order[f] = java.util.stream.IntStream.range(0, x.length).filter(i -> !Double.isNaN(x[i][ff])).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> x[i][ff]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
        }
        return order;
    }
}
