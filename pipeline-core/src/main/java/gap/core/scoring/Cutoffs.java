package gap.core.scoring;

import java.util.List;
import java.util.TreeSet;

/**
 * Takes labelled sets with their calls' out-of-fold scores and a rule, gives per class the GAPSCORE cutoff and the
 * share (percent) of the sets' true calls of that class that reach it. The F1 rule maximises the mean over sets of
 * the class's PASS F1 (recall counting the truth no call matched): every set weighs the same, so a clean set's lost
 * true calls count as much as an artefact set's removed false ones; ties go to the lowest cutoff (filter less).
 *
 * @param cutoff      per class (by ordinal), the score a call must reach
 * @param sensitivity per class, the percent of true calls at or above it
 */
record Cutoffs(double[] cutoff, double[] sensitivity) {

    static Cutoffs choose(List<TrainingSet> sets, double[][] scores, boolean[] included,
                          ScorerTraining.Sensitivity rule) {
        int n = VariantType.values().length;
        double[] cut = new double[n];
        double[] kept = new double[n];
        for (VariantType t : VariantType.values()) {
            double c = switch (rule.rule()) {
                case F1 -> bestF1(sets, scores, included, t, rule.minGain(), false);
                case F1_NO_SET_WORSE -> bestF1(sets, scores, included, t, rule.minGain(), true);
                case SENSITIVITY -> ScorerTraining.cutoff(trueScores(sets, scores, included, t), rule.of(t));
                case ODDS -> ScorerTraining.Rule.EVEN_ODDS;
            };
            cut[t.ordinal()] = Math.min(rule.maxCutoff(), c);
            kept[t.ordinal()] = share(trueScores(sets, scores, included, t), cut[t.ordinal()]);
        }
        return new Cutoffs(cut, kept);
    }

    /**
     * The candidate (0 or a score of the class) with the highest mean per-set F1, the lowest of equals; with
     * {@code noSetWorse}, only candidates at which every set's F1 is at least its F1 at 0; 0 when the best mean is less
     * than {@code minGain} above the mean at 0.
     */
    static double bestF1(List<TrainingSet> sets, double[][] scores, boolean[] included, VariantType t,
                         double minGain, boolean noSetWorse) {
        TreeSet<Double> candidates = new TreeSet<>();
        candidates.add(0.0);
        for (int k = 0; k < sets.size(); k++) {
            for (int i = 0; included[k] && i < sets.get(k).size(); i++) {
                if (sets.get(k).type()[i] == t) {
                    candidates.add(scores[k][i]);
                }
            }
        }
        double best = 0;
        double bestF1 = Double.NEGATIVE_INFINITY;
        double[] unfiltered = perSetF1(sets, scores, included, t, 0.0);
        for (double c : candidates) {
            double[] perSet = perSetF1(sets, scores, included, t, c);
            if (noSetWorse && anyBelow(perSet, unfiltered)) {
                continue;
            }
            double f1 = mean(perSet);
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                best = c;
            }
        }
        return bestF1 >= mean(unfiltered) + minGain - 1e-12 ? best : 0.0;
    }

    /** The mean over the included sets holding truth of class {@code t} of their PASS F1 at cutoff {@code c}. */
    static double meanF1(List<TrainingSet> sets, double[][] scores, boolean[] included, VariantType t, double c) {
        return mean(perSetF1(sets, scores, included, t, c));
    }

    /** The mean of the sets' F1 in {@code perSet}, those without the class (NaN) left out; 0 when none has it. */
    private static double mean(double[] perSet) {
        double sum = 0;
        int counted = 0;
        for (double f1 : perSet) {
            if (!Double.isNaN(f1)) {
                sum += f1;
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** Whether any set's F1 in {@code f1} is below its F1 in {@code floor} (NaN: a set without the class). */
    private static boolean anyBelow(double[] f1, double[] floor) {
        for (int k = 0; k < f1.length; k++) {
            if (f1[k] < floor[k] - 1e-12) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each set's PASS F1 of class {@code t} at cutoff {@code c} (recall counting the truth no call matched); NaN for
     * a set not included or holding no truth of the class.
     */
    static double[] perSetF1(List<TrainingSet> sets, double[][] scores, boolean[] included, VariantType t,
                             double c) {
        double[] f1 = new double[sets.size()];
        java.util.Arrays.fill(f1, Double.NaN);
        for (int k = 0; k < sets.size(); k++) {
            if (!included[k]) {
                continue;
            }
            TrainingSet s = sets.get(k);
            int tp = 0;
            int fp = 0;
            int fn = s.missed().get(t);
            for (int i = 0; i < s.size(); i++) {
                if (s.type()[i] != t) {
                    continue;
                }
                boolean pass = scores[k][i] >= c;
                if (s.truth()[i]) {
                    tp += pass ? 1 : 0;
                    fn += pass ? 0 : 1;
                } else {
                    fp += pass ? 1 : 0;
                }
            }
            if (tp + fn > 0) {
                f1[k] = 2.0 * tp / (2.0 * tp + fp + fn);
            }
        }
        return f1;
    }

    private static double[] trueScores(List<TrainingSet> sets, double[][] scores, boolean[] included,
                                       VariantType t) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            for (int i = 0; included[k] && i < sets.get(k).size(); i++) {
                if (sets.get(k).type()[i] == t && sets.get(k).truth()[i]) {
                    out.add(scores[k][i]);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Percent of {@code trueScores} at or above {@code cutoff}, one decimal, rounded down (never overstated). */
    private static double share(double[] trueScores, double cutoff) {
        if (trueScores.length == 0) {
            return 100;
        }
        long at = java.util.Arrays.stream(trueScores).filter(v -> v >= cutoff).count();
        return Math.floor(1000.0 * at / trueScores.length) / 10;
    }
}
