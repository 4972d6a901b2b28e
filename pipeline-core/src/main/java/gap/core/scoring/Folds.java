package gap.core.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes labelled sets with their groups and the trainer's hyper-parameters, gives models trained without one or two
 * groups and the out-of-fold scores they give: each set scored by a model that saw neither its own group nor the
 * group held out for validation. A model is trained once per pair of left-out groups and reused.
 */
final class Folds {
    private final List<TrainingSet> sets;
    private final int[] group;
    private final TreeTrainer.Params params;
    private final Map<Long, BoostedTrees> trained = new HashMap<>();

    Folds(List<TrainingSet> sets, int[] group, TreeTrainer.Params params) {
        this.sets = sets;
        this.group = group.clone();
        this.params = params;
    }

    int[] group() {
        return group.clone();
    }

    /** The model trained on every set outside groups {@code a} and {@code b} (-1: none). */
    BoostedTrees train(int a, int b) {
        long key = (long) Math.min(a, b) << 32 | (Math.max(a, b) & 0xffffffffL);
        BoostedTrees t = trained.get(key);
        if (t == null) {
            t = fit(a, b);
            trained.put(key, t);
        }
        return t;
    }

    private BoostedTrees fit(int a, int b) {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            if (group[k] == a || group[k] == b) {
                continue;
            }
            TrainingSet s = sets.get(k);
            for (int i = 0; i < s.size(); i++) {
                x.add(s.features()[i]);
                y.add(s.truth()[i]);
            }
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        return new TreeTrainer(params).train(CallFeatures.NAMES, x.toArray(double[][]::new), labels);
    }

    /**
     * Per set outside group {@code excluded} (-1: none), its calls' GAPSCOREs under the model trained without its
     * group and {@code excluded}; null for the sets of {@code excluded}.
     */
    double[][] outOfFold(int excluded) {
        double[][] scores = new double[sets.size()][];
        for (int k = 0; k < sets.size(); k++) {
            if (group[k] == excluded) {
                continue;
            }
            BoostedTrees trees = train(excluded, group[k]);
            TrainingSet s = sets.get(k);
            scores[k] = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                scores[k][i] = TrainedModel.score(trees, s.features()[i]);
            }
        }
        return scores;
    }

    /** Which sets lie outside group {@code excluded} (-1: all). */
    boolean[] included(int excluded) {
        boolean[] in = new boolean[sets.size()];
        for (int k = 0; k < in.length; k++) {
            in[k] = group[k] != excluded;
        }
        return in;
    }
}
