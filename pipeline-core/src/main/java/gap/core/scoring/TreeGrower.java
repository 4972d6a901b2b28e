package gap.core.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes rows' gradients and hessians, gives one regression tree grown level by level to the maximum depth by the
 * exact greedy split search of {@link TreeTrainer}. Each level scans every feature's sorted rows once, routing each
 * row to the accumulators of the node it sits in.
 */
final class TreeGrower {
    private final double[][] x;
    private final double[] g;
    private final double[] h;
    private final int[][] order;
    private final TreeTrainer.Params params;
    /** Each row's node, or -1 once its node is a leaf. */
    private final int[] nodeOf;

    private final List<Integer> feature = new ArrayList<>();
    private final List<Double> threshold = new ArrayList<>();
    private final List<Boolean> missingLeft = new ArrayList<>();
    private final List<Integer> left = new ArrayList<>();
    private final List<Integer> right = new ArrayList<>();
    private final List<Double> value = new ArrayList<>();

    TreeGrower(double[][] x, double[] g, double[] h, int[][] order, TreeTrainer.Params params) {
        this.x = x;
        this.g = g;
        this.h = h;
        this.order = order;
        this.params = params;
        this.nodeOf = new int[x.length];
    }

    /** A split candidate of one node: its gain, feature, threshold and where missing values go. */
    private static final class Best {
        double gain = 1e-9; // a split must gain something
        int feature = -1;
        double threshold;
        boolean missingLeft;
    }

    BoostedTrees.Tree grow() {
        addNode();
        List<Integer> frontier = List.of(0);
        for (int depth = 0; depth < params.maxDepth() && !frontier.isEmpty(); depth++) {
            frontier = splitLevel(frontier);
        }
        for (int node : frontier) {
            makeLeaf(node);
        }
        int n = feature.size();
        BoostedTrees.Tree t = new BoostedTrees.Tree(new int[n], new double[n], new boolean[n], new int[n],
                new int[n], new double[n]);
        for (int i = 0; i < n; i++) {
            t.feature()[i] = feature.get(i);
            t.threshold()[i] = threshold.get(i);
            t.missingLeft()[i] = missingLeft.get(i);
            t.left()[i] = left.get(i);
            t.right()[i] = right.get(i);
            t.value()[i] = value.get(i);
        }
        return t;
    }

    /** Finds each frontier node's best split, applies those that gain, leaves the rest; gives the next frontier. */
    private List<Integer> splitLevel(List<Integer> frontier) {
        int nodes = feature.size();
        int[] slot = new int[nodes];
        java.util.Arrays.fill(slot, -1);
        for (int k = 0; k < frontier.size(); k++) {
            slot[frontier.get(k)] = k;
        }
        int m = frontier.size();
        double[] gTotal = new double[m];
        double[] hTotal = new double[m];
        for (int i = 0; i < x.length; i++) {
            if (nodeOf[i] >= 0 && slot[nodeOf[i]] >= 0) {
                gTotal[slot[nodeOf[i]]] += g[i];
                hTotal[slot[nodeOf[i]]] += h[i];
            }
        }
        Best[] best = new Best[m];
        for (int k = 0; k < m; k++) {
            best[k] = new Best();
        }
        for (int f = 0; f < order.length; f++) {
            scanFeature(f, slot, gTotal, hTotal, best);
        }
        List<Integer> next = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            int node = frontier.get(k);
            if (best[k].feature < 0) {
                makeLeaf(node);
                continue;
            }
            feature.set(node, best[k].feature);
            threshold.set(node, best[k].threshold);
            missingLeft.set(node, best[k].missingLeft);
            left.set(node, addNode());
            right.set(node, addNode());
            next.add(left.get(node));
            next.add(right.get(node));
        }
        for (int i = 0; i < x.length; i++) {
            int node = nodeOf[i];
            if (node >= 0 && slot[node] >= 0) {
                int k = slot[node];
                if (best[k].feature < 0) {
                    nodeOf[i] = -1;
                } else {
                    double v = x[i][best[k].feature];
                    boolean goLeft = Double.isNaN(v) ? best[k].missingLeft : v < best[k].threshold;
                    nodeOf[i] = goLeft ? left.get(node) : right.get(node);
                }
            }
        }
        return next;
    }

    /** Scans feature f's rows in value order, scoring every boundary between distinct values of each node. */
    private void scanFeature(int f, int[] slot, double[] gTotal, double[] hTotal, Best[] best) {
        int m = gTotal.length;
        double[] gLeft = new double[m];
        double[] hLeft = new double[m];
        double[] gPresent = new double[m];
        double[] hPresent = new double[m];
        double[] previous = new double[m];
        java.util.Arrays.fill(previous, Double.NaN);
        for (int i : order[f]) {
            int k = nodeOf[i] >= 0 ? slot[nodeOf[i]] : -1;
            if (k >= 0) {
                gPresent[k] += g[i];
                hPresent[k] += h[i];
            }
        }
        for (int i : order[f]) {
            int k = nodeOf[i] >= 0 ? slot[nodeOf[i]] : -1;
            if (k < 0) {
                continue;
            }
            double v = x[i][f];
            if (!Double.isNaN(previous[k]) && v > previous[k]) {
                double mid = previous[k] + (v - previous[k]) / 2;
                consider(best[k], f, mid > previous[k] ? mid : v, gLeft[k], hLeft[k], gPresent[k], hPresent[k],
                        gTotal[k], hTotal[k]);
            }
            gLeft[k] += g[i];
            hLeft[k] += h[i];
            previous[k] = v;
        }
    }

    private void consider(Best best, int f, double cut, double gl, double hl, double gPresent, double hPresent,
                          double gTotal, double hTotal) {
        double gMissing = gTotal - gPresent;
        double hMissing = hTotal - hPresent;
        double parent = score(gTotal, hTotal);
        for (boolean missingToLeft : new boolean[] {true, false}) {
            double gL = gl + (missingToLeft ? gMissing : 0);
            double hL = hl + (missingToLeft ? hMissing : 0);
            double gR = gTotal - gL;
            double hR = hTotal - hL;
            if (hL < params.minChildWeight() || hR < params.minChildWeight()) {
                continue;
            }
            double gain = score(gL, hL) + score(gR, hR) - parent;
            if (gain > best.gain) {
                best.gain = gain;
                best.feature = f;
                best.threshold = cut;
                best.missingLeft = missingToLeft;
            }
        }
    }

    private double score(double gSum, double hSum) {
        return gSum * gSum / (hSum + params.lambda());
    }

    private int addNode() {
        feature.add(-1);
        threshold.add(0.0);
        missingLeft.add(false);
        left.add(0);
        right.add(0);
        value.add(0.0);
        return feature.size() - 1;
    }

    private void makeLeaf(int node) {
        double gSum = 0;
        double hSum = 0;
        for (int i = 0; i < x.length; i++) {
            if (nodeOf[i] == node) {
                gSum += g[i];
                hSum += h[i];
            }
        }
        feature.set(node, -1);
        value.set(node, -gSum / (hSum + params.lambda()) * params.learningRate());
        for (int i = 0; i < x.length; i++) {
            if (nodeOf[i] == node) {
                nodeOf[i] = -1;
            }
        }
    }
}
