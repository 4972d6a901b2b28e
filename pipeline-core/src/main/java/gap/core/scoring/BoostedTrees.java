package gap.core.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes a feature vector, gives the probability that the call is true under an ensemble of regression trees whose
 * summed leaves are the log-odds (gradient boosting with logistic loss). Plain Java, no native library; the text
 * form ({@link #write}, {@link #parse}) holds every number exactly (Java's shortest round-trip decimal), so the
 * file a training writes predicts, once read, exactly what the trainer's trees did.
 *
 * <p>A node sends x to its left child when {@code x[feature] < threshold}, to the right when not, and a missing
 * value (NaN) the way the training found best for missing values at that node.
 *
 * @param features the feature names, in vector order
 * @param base     the log-odds every sum starts from
 * @param trees    the trees
 */
public record BoostedTrees(List<String> features, double base, List<Tree> trees) {
    static final String MAGIC = "gap-boosted-trees 1";

    public BoostedTrees {
        features = List.copyOf(features);
        trees = List.copyOf(trees);
    }

    /**
     * One tree as parallel arrays over its nodes, root at 0; a leaf has {@code feature[i] == -1} and its value in
     * {@code value[i]}.
     */
    public record Tree(int[] feature, double[] threshold, boolean[] missingLeft, int[] left, int[] right,
                       double[] value) {
        public double predict(double[] x) {
            int i = 0;
            while (feature[i] >= 0) {
                double v = x[feature[i]];
                boolean goLeft = Double.isNaN(v) ? missingLeft[i] : v < threshold[i];
                i = goLeft ? left[i] : right[i];
            }
            return value[i];
        }
    }

    /** The summed log-odds: the base plus each tree's leaf, added in tree order. */
    public double logOdds(double[] x) {
        double sum = base;
        for (Tree t : trees) {
            sum += t.predict(x);
        }
        return sum;
    }

    /** P(true) = the logistic of {@link #logOdds}. */
    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-logOdds(x)));
    }

    /** The text form: a magic line, the features, the base, then per tree its node count and one line a node. */
    public String write() {
        StringBuilder s = new StringBuilder(MAGIC).append('\n');
        s.append("features\t").append(String.join("\t", features)).append('\n');
        s.append("base\t").append(base).append('\n');
        for (Tree t : trees) {
            s.append("tree\t").append(t.feature().length).append('\n');
            for (int i = 0; i < t.feature().length; i++) {
                if (t.feature()[i] < 0) {
                    s.append("L\t").append(t.value()[i]).append('\n');
                } else {
                    s.append("N\t").append(t.feature()[i]).append('\t').append(t.threshold()[i]).append('\t')
                            .append(t.missingLeft()[i] ? 'L' : 'R').append('\t').append(t.left()[i]).append('\t')
                            .append(t.right()[i]).append('\n');
                }
            }
        }
        return s.toString();
    }

    /** Reads {@link #write}'s form; a malformed text throws IllegalArgumentException saying where. */
    public static BoostedTrees parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 3 || !lines[0].equals(MAGIC) || !lines[1].startsWith("features\t")
                || !lines[2].startsWith("base\t")) {
            throw new IllegalArgumentException("not a gap boosted-trees model");
        }
        List<String> features = List.of(lines[1].substring("features\t".length()).split("\t"));
        double base = Double.parseDouble(lines[2].substring("base\t".length()));
        List<Tree> trees = new ArrayList<>();
        int line = 3;
        try {
            while (line < lines.length) {
                int n = Integer.parseInt(field(lines[line++], "tree", 2)[1]);
                Tree t = new Tree(new int[n], new double[n], new boolean[n], new int[n], new int[n], new double[n]);
                for (int i = 0; i < n; i++) {
                    readNode(lines[line++], t, i, n, features.size());
                }
                trees.add(t);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("model line " + line + " is malformed", e);
        }
        return new BoostedTrees(features, base, trees);
    }

    private static void readNode(String text, Tree t, int i, int n, int featureCount) {
        String[] f = text.split("\t");
        if (f[0].equals("L") && f.length == 2) {
            t.feature()[i] = -1;
            t.value()[i] = Double.parseDouble(f[1]);
            return;
        }
        field(text, "N", 6);
        t.feature()[i] = Integer.parseInt(f[1]);
        t.threshold()[i] = Double.parseDouble(f[2]);
        t.missingLeft()[i] = f[3].equals("L");
        t.left()[i] = Integer.parseInt(f[4]);
        t.right()[i] = Integer.parseInt(f[5]);
        if (t.feature()[i] >= featureCount || t.left()[i] <= i || t.right()[i] <= i || t.left()[i] >= n
                || t.right()[i] >= n) {
            throw new IllegalArgumentException("node " + i + " points outside its tree");
        }
    }

    private static String[] field(String text, String kind, int count) {
        String[] f = text.split("\t");
        if (!f[0].equals(kind) || f.length != count) {
            throw new IllegalArgumentException("expected " + kind);
        }
        return f;
    }
}
