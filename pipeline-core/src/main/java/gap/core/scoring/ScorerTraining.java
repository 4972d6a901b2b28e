package gap.core.scoring;

import gap.core.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes labelled training sets and hyper-parameters, gives the trained scorer's two files: the trees and a manifest
 * (the training sets with their files' sha256, the features, the hyper-parameters, per class the cutoff and the
 * sensitivity it keeps, and leave-one-set-out metrics: for each set, a model trained on the others, its cutoffs set
 * the same way, scored on the set it never saw, all calls against PASS). Same inputs, same bytes.
 */
public final class ScorerTraining {
    private static final Logger LOG = LogManager.getLogger(ScorerTraining.class);

    /**
     * The share of training true calls per class a cutoff keeps (percent), and the highest cutoff allowed: a call
     * scoring above {@code maxCutoff} passes whatever the share (GAPSCORE 3.01 is P(false) = 0.5: a cap there
     * filters only calls the model finds more likely false than true).
     */
    public record Sensitivity(double snv, double indel, double maxCutoff) {
        public Sensitivity(double snv, double indel) {
            this(snv, indel, Double.POSITIVE_INFINITY);
        }

        double of(VariantType t) {
            return t == VariantType.SNV ? snv : indel;
        }
    }

    private ScorerTraining() {}

    public static void run(List<TrainingSet.Inputs> inputs, TreeTrainer.Params params, Sensitivity sensitivity,
                           Path outputDir) {
        if (inputs.size() < 2) {
            throw new UserException("training needs at least two sets (one is held out in turn)");
        }
        List<TrainingSet> sets = new ArrayList<>();
        for (TrainingSet.Inputs in : inputs) {
            TrainingSet s = TrainingSet.label(in);
            LOG.info("Set {}: {} labelled calls, {} false", in.name(), s.size(), count(s.truth(), false));
            sets.add(s);
        }
        StringBuilder manifest = new StringBuilder();
        Fit all = fit(sets, -1, params, sensitivity);
        String trees = all.trees().write();
        StringBuilder cutoffs = new StringBuilder();
        for (VariantType t : VariantType.values()) {
            cutoffs.append("cutoff.").append(t.name()).append('\t').append(all.cutoffs()[t.ordinal()]).append('\n');
            cutoffs.append("sensitivity.").append(t.name()).append('\t').append(sensitivity.of(t)).append('\n');
        }
        // the version names the decisions: the trees and the cutoffs
        String version = "gap-scorer-1-" + sha256((trees + cutoffs).getBytes(StandardCharsets.UTF_8))
                .substring(0, 12);
        manifest.append("version\t").append(version).append('\n');
        manifest.append("trees_sha256\t").append(sha256(trees.getBytes(StandardCharsets.UTF_8))).append('\n');
        manifest.append("features\t").append(String.join(",", CallFeatures.NAMES)).append('\n');
        manifest.append("hyperparameters\t").append(params.describe()).append('\n');
        manifest.append("cutoff_rule\tper class, the GAPSCORE that the stated share of the training sets' true calls"
                + " reach, on the trained model's own scores of them, at most ").append(sensitivity.maxCutoff())
                .append('\n');
        manifest.append(cutoffs);
        manifest.append("#set\tname\tcalls_sha256\ttruth_sha256\ttrue_calls\tfalse_calls\n");
        for (int k = 0; k < sets.size(); k++) {
            manifest.append("set\t").append(inputs.get(k).name()).append('\t').append(sha256(inputs.get(k).calls()))
                    .append('\t').append(sha256(inputs.get(k).truth())).append('\t')
                    .append(count(sets.get(k).truth(), true)).append('\t').append(count(sets.get(k).truth(), false))
                    .append('\n');
        }
        manifest.append("#heldout\tset\tclass\tcalls\tall_P\tall_R\tall_F1\tPASS_P\tPASS_R\tPASS_F1\tfalse_filtered"
                + "\ttrue_filtered\n");
        for (int k = 0; k < sets.size(); k++) {
            Fit fold = fit(sets, k, params, sensitivity);
            for (VariantType t : VariantType.values()) {
                manifest.append(heldOutRow(sets.get(k), fold, t)).append('\n');
            }
            LOG.info("Held out {}: done", sets.get(k).name());
        }
        write(outputDir.resolve("gap-scorer.trees"), trees);
        write(outputDir.resolve("gap-scorer.manifest.tsv"), manifest.toString());
        LOG.info("Wrote model {}", version);
    }

    /** A model and its per-class cutoffs. */
    record Fit(BoostedTrees trees, double[] cutoffs) {}

    /** Trains on every set but {@code heldOut} (-1: all), and sets each class's cutoff on the training truth. */
    static Fit fit(List<TrainingSet> sets, int heldOut, TreeTrainer.Params params, Sensitivity sensitivity) {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        List<VariantType> types = new ArrayList<>();
        for (int k = 0; k < sets.size(); k++) {
            if (k == heldOut) {
                continue;
            }
            TrainingSet s = sets.get(k);
            for (int i = 0; i < s.size(); i++) {
                x.add(s.features()[i]);
                y.add(s.truth()[i]);
                types.add(s.type()[i]);
            }
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        BoostedTrees trees = new TreeTrainer(params).train(CallFeatures.NAMES, x.toArray(double[][]::new), labels);
        double[] cutoffs = new double[VariantType.values().length];
        for (VariantType t : VariantType.values()) {
            List<Double> scores = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] && types.get(i) == t) {
                    scores.add(TrainedModel.score(trees, x.get(i)));
                }
            }
            cutoffs[t.ordinal()] = Math.min(sensitivity.maxCutoff(),
                    cutoff(scores.stream().mapToDouble(Double::doubleValue).toArray(), sensitivity.of(t)));
        }
        return new Fit(trees, cutoffs);
    }

    /**
     * The highest score that at least {@code sensitivity} percent of {@code trueScores} reach: with n scores sorted
     * ascending, the one at index floor(n·(1 − s/100)); 0 (everything passes) when there are none.
     */
    static double cutoff(double[] trueScores, double sensitivity) {
        if (trueScores.length == 0) {
            return 0;
        }
        double[] sorted = trueScores.clone();
        Arrays.sort(sorted);
        int below = (int) Math.floor(sorted.length * (1 - sensitivity / 100) + 1e-9);
        return sorted[Math.min(below, sorted.length - 1)];
    }

    private static String heldOutRow(TrainingSet s, Fit fit, VariantType t) {
        int tp = 0;
        int fp = 0;
        int tpPass = 0;
        int fpPass = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.type()[i] != t) {
                continue;
            }
            boolean pass = TrainedModel.score(fit.trees(), s.features()[i]) >= fit.cutoffs()[t.ordinal()];
            if (s.truth()[i]) {
                tp++;
                tpPass += pass ? 1 : 0;
            } else {
                fp++;
                fpPass += pass ? 1 : 0;
            }
        }
        int fn = s.missed().get(t);
        return String.format(Locale.ROOT, "heldout\t%s\t%s\t%d\t%s\t%s\t%d\t%d", s.name(), t.name(), tp + fp,
                metrics(tp, fp, fn), metrics(tpPass, fpPass, fn + tp - tpPass), fp - fpPass, tp - tpPass);
    }

    /** Precision, recall and F1 of true and false calls against the truth's total, four decimals. */
    static String metrics(int tp, int fp, int fn) {
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format(Locale.ROOT, "%.4f\t%.4f\t%.4f", p, r, f1);
    }

    private static int count(boolean[] labels, boolean value) {
        int n = 0;
        for (boolean b : labels) {
            n += b == value ? 1 : 0;
        }
        return n;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static String sha256(Path file) {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UserException("could not read a training file (" + e.getClass().getSimpleName() + ")", e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path target, String text) {
        try {
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserException("could not write the model (" + e.getClass().getSimpleName() + "): check that"
                    + " the output folder is writable", e);
        }
    }
}
