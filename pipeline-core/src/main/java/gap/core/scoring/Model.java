package gap.core.scoring;

import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a class's calls, which of them train, and the annotations to use, gives the trained VQSR-style model's
 * verdicts: each call's VQSLOD and the tranche; or why no model could be trained. Annotations absent from every
 * training call, or near-constant over them (MQ at 60 everywhere, MQRankSum at 0), are dropped and logged: a
 * Gaussian cannot describe a spike, and the spike says nothing about which calls are good.
 */
final class Model implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LogManager.getLogger(Model.class);
    private static final double LN10 = StrictMath.log(10);
    /** Smallest share of the training calls a component of the positive model may describe. */
    static final double MIN_POSITIVE_WEIGHT = 0.05;
    /** Every this-many-th training call (in genome order) is held out of the fit to set the tranche cutoff on. */
    static final int HOLD_OUT_EVERY = 5;
    /** An annotation is a spike when its most common value holds at least this share of the training values. */
    static final double SPIKE_SHARE = 0.5;
    /** Floor of a component's variance in each annotation, in normalised units (see MixtureFitter#fitBest). */
    static final double MIN_VARIANCE = 0.1;

    private final String failure;
    private final List<String> annotations;
    private final Scale scale;
    private final GaussianMixture positive;
    private final GaussianMixture negative;
    private final Tranche tranche;
    private final int trainingCount;
    private final int negativeCount;

    private Model(String failure, List<String> annotations, Scale scale, GaussianMixture positive,
                  GaussianMixture negative, Tranche tranche, int trainingCount, int negativeCount) {
        this.failure = failure;
        this.annotations = annotations;
        this.scale = scale;
        this.positive = positive;
        this.negative = negative;
        this.tranche = tranche;
        this.trainingCount = trainingCount;
        this.negativeCount = negativeCount;
    }

    private static Model failed(String why) {
        return new Model(why, List.of(), null, null, null, null, 0, 0);
    }

    /** The annotations kept for a model, by index into the keys, with their training mean and standard deviation. */
    private record Scale(List<Integer> kept, double[] mean, double[] sd) implements java.io.Serializable {
        /** The call's annotations in standard deviations from the training mean; NaN (missing) stays NaN. */
        double[] point(double[] raw) {
            double[] p = new double[kept.size()];
            for (int k = 0; k < kept.size(); k++) {
                int a = kept.get(k);
                p[k] = (raw[a] - mean[a]) / sd[a];
            }
            return p;
        }
    }

    /** A call's values of {@code keys}, NaN where it has none: the model's view of a call. */
    static double[] raw(VariantCall call, List<String> keys) {
        double[] r = new double[keys.size()];
        for (int a = 0; a < keys.size(); a++) {
            Double v = VariantScorer.value(call, keys.get(a));
            r[a] = v == null ? Double.NaN : v;
        }
        return r;
    }

    /**
     * @param raw      the class's calls' values of {@code keys} ({@link #raw}), in genome order: all of its nuclear
     *                 calls, or the run's {@link TrainingSample} of them
     * @param known    whether each is at a known site (the training calls)
     * @param keys     annotations to model
     */
    static Model train(VariantType type, double[][] raw, boolean[] known, List<String> keys,
                       ScoringParameters params) {
        List<Integer> fitting = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        int t = 0;
        for (int m = 0; m < raw.length; m++) {
            if (known[m]) {
                (t % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 ? heldOut : fitting).add(m);
                t++;
            }
        }
        Scale scale = scale(type, fitting.stream().map(m -> raw[m]).toList(), keys);
        if (scale.kept().isEmpty()) {
            return failed("no annotation varies over the calls at known sites");
        }
        double[][] points = new double[raw.length][];
        for (int m = 0; m < raw.length; m++) {
            points[m] = scale.point(raw[m]);
        }
        MixtureFitter.Fit positive = MixtureFitter.fitBest(positives(type, fitting, points),
                params.maxGaussians(), MIN_POSITIVE_WEIGHT, MIN_VARIANCE);
        logSingular(type, "positive", positive);
        double[] positiveLog10 = new double[raw.length];
        for (int m = 0; m < raw.length; m++) {
            positiveLog10[m] = positive.mixture().logDensity(points[m]) / LN10;
        }
        double[][] negatives = negatives(positiveLog10, points, params);
        if (negatives.length < 4) {
            return failed("only " + negatives.length + " calls to fit a negative model to");
        }
        MixtureFitter.Fit negative = MixtureFitter.fitBest(negatives, params.maxNegativeGaussians(), 0, MIN_VARIANCE);
        logSingular(type, "negative", negative);
        Model model = new Model(null, List.copyOf(scale.kept().stream().map(keys::get).toList()), scale, positive.mixture(),
                negative.mixture(), null, fitting.size(), negatives.length);
        // The cutoff is set on known calls the model did not see: on the fitted ones it would promise more
        // sensitivity than new true calls get.
        double[] heldOutLod = heldOut.stream().mapToDouble(m -> model.lod(points[m])).toArray();
        double ts = type == VariantType.SNV ? params.snvTruthSensitivity() : params.indelTruthSensitivity();
        return new Model(null, model.annotations, scale, positive.mixture(), negative.mixture(),
                Tranche.of(type, heldOutLod, ts), fitting.size(), negatives.length);
    }

    /** The VQSLOD of a call's values of the keys ({@link #raw}), as written (the tranche is set on these values). */
    double vqslod(double[] raw) {
        return lod(scale.point(raw));
    }

    private double lod(double[] point) {
        double positiveLog10 = positive.logDensity(point) / LN10;
        return InfoField.VQSLOD.round(positiveLog10 - negative.logDensity(point) / LN10);
    }

    /**
     * The annotations that can be modelled, with the training calls' mean and standard deviation of each; the others
     * are logged with why.
     */
    private static Scale scale(VariantType type, List<double[]> training, List<String> keys) {
        List<Integer> kept = new ArrayList<>();
        double[] mean = new double[keys.size()];
        double[] sd = new double[keys.size()];
        for (int a = 0; a < keys.size(); a++) {
            List<Double> values = new ArrayList<>();
            for (double[] t : training) {
                if (!Double.isNaN(t[a])) {
                    values.add(t[a]);
                }
            }
            String drop = dropReason(values);
            if (drop != null) {
                LOG.info("Scoring {}: {} left out of the model ({})", type, keys.get(a), drop);
                continue;
            }
            double[] mode = mode(values);
            if (mode[1] >= SPIKE_SHARE) {
                // A spike (MQ 60): centred on it, scaled by how far the other values lie from it, so a call off the
                // spike is as far out as it is unusual among the calls off the spike, not by the spike's own width.
                double squares = 0;
                int off = 0;
                for (double v : values) {
                    if (v != mode[0]) {
                        squares += (v - mode[0]) * (v - mode[0]);
                        off++;
                    }
                }
                mean[a] = mode[0];
                sd[a] = StrictMath.sqrt(squares / off);
                LOG.info(String.format(Locale.ROOT, "Scoring %s: %s is a spike (%.0f%% of %d training values are"
                        + " %.3f), scaled by the spread of the others", type, keys.get(a), 100 * mode[1],
                        values.size(), mode[0] + 0.0));
            } else {
                double sum = 0;
                for (double v : values) {
                    sum += v;
                }
                mean[a] = sum / values.size();
                double squares = 0;
                for (double v : values) {
                    squares += (v - mean[a]) * (v - mean[a]);
                }
                sd[a] = StrictMath.sqrt(squares / (values.size() - 1));
            }
            kept.add(a);
        }
        return new Scale(kept, mean, sd);
    }

    /** The training calls' points within range of every annotation: VQSR leaves outliers out of the fit. */
    private static double[][] positives(VariantType type, List<Integer> training, double[][] points) {
        List<double[]> positives = new ArrayList<>();
        int outliers = 0;
        for (int t : training) {
            double[] p = points[t];
            if (withinRange(p)) {
                positives.add(p);
            } else {
                outliers++;
            }
        }
        if (outliers > 0) {
            LOG.info("Scoring {}: {} training call(s) beyond {} standard deviations in an annotation left out of the"
                    + " positive model", type, outliers, (int) VariantScorer.MAX_TRAINING_Z);
        }
        return positives.toArray(double[][]::new);
    }

    /**
     * The points of the calls the positive model finds unlikely: every call whose log10 density under it is below
     * {@code score.badLodCutoff} (GATK's rule), whether at known sites or not; when fewer than
     * {@code score.minNegativeCalls} are, the worst-scoring calls up to that count (ties in genome order). A share
     * of the class would take true calls as negatives on a clean call set and artefacts only on a noisy one.
     */
    static double[][] negatives(double[] positiveLog10, double[][] points, ScoringParameters params) {
        List<Integer> candidates = new ArrayList<>();
        for (int m = 0; m < positiveLog10.length; m++) {
            candidates.add(m);
        }
        candidates.sort(Comparator.comparingDouble((Integer m) -> positiveLog10[m]).thenComparingInt(m -> m));
        int below = 0;
        while (below < candidates.size() && positiveLog10[candidates.get(below)] < params.badLodCutoff()) {
            below++;
        }
        int wanted = Math.min(candidates.size(), Math.max(below, params.minNegativeCalls()));
        double[][] negatives = new double[wanted][];
        for (int c = 0; c < wanted; c++) {
            negatives[c] = points[candidates.get(c)];
        }
        return negatives;
    }

    /** Why an annotation cannot be modelled from these training values, or null. */
    static String dropReason(List<Double> values) {
        if (values.size() < 2) {
            return "absent from the calls at known sites";
        }
        double[] top = mode(values);
        double mode = top[0];
        double share = top[1];
        if (share >= VariantScorer.NEAR_CONSTANT_SHARE) {
            return String.format(Locale.ROOT, "near-constant: %.0f%% of %d training values are %.3f", 100 * share,
                    values.size(), mode + 0.0); // + 0.0: never "-0.000"
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        if (StrictMath.sqrt(squares / (values.size() - 1)) < VariantScorer.MIN_SD) {
            return "near-constant: standard deviation below " + VariantScorer.MIN_SD;
        }
        return null;
    }

    /** The most common value (the smallest among equally common ones) and the share of the values it holds. */
    static double[] mode(List<Double> values) {
        Map<Double, Integer> counts = new HashMap<>();
        int top = 0;
        double mode = 0;
        for (double v : values) {
            int c = counts.merge(v, 1, Integer::sum);
            if (c > top || (c == top && v < mode)) {
                top = c;
                mode = v;
            }
        }
        return new double[] {mode, top / (double) values.size()};
    }

    private static boolean withinRange(double[] p) {
        for (double v : p) {
            if (Math.abs(v) > VariantScorer.MAX_TRAINING_Z) {
                return false;
            }
        }
        return true;
    }

    private static void logSingular(VariantType type, String which, MixtureFitter.Fit fit) {
        if (!fit.singular().isEmpty()) {
            LOG.info("Scoring {}: the {} model's component(s) {} of {} had a singular covariance; shrinkage towards"
                    + " the identity keeps them invertible", type, which, fit.singular(), fit.mixture().components());
        }
    }

    String failure() {
        return failure;
    }

    List<String> annotations() {
        return annotations;
    }


    Tranche tranche() {
        return tranche;
    }

    int positiveComponents() {
        return positive.components();
    }

    int negativeComponents() {
        return negative.components();
    }

    int trainingCount() {
        return trainingCount;
    }

    int negativeCount() {
        return negativeCount;
    }
}
