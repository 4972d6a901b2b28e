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
 * sensitivity it keeps, and leave-one-group-out metrics: for each group of sets (one genome at its depths), a model
 * trained on the other groups, its cutoffs chosen the same way on those groups alone, scored on the group it never
 * saw, all calls against PASS). Cutoffs are chosen on out-of-fold scores, each set scored by a model that never saw
 * its group: a model's scores of its own training calls are higher than of new data, so a cutoff set on them filters
 * more true calls on new data than it claims. Same inputs, same bytes.
 */
public final class ScorerTraining {
    private static final Logger LOG = LogManager.getLogger(ScorerTraining.class);

    /** How a class's cutoff is chosen on out-of-fold scores. */
    public enum Rule {
        /** The cutoff with the highest mean over sets of the class's PASS F1 (ties: the lowest cutoff). */
        F1,
        /**
         * As F1, among only the cutoffs at which no set's PASS F1 of the class falls below its F1 with every call
         * passing: filtering may not cost any set more than it gains it, on held-out scores (0 when no cutoff
         * holds). A clean set has few false calls to remove, so its lost true calls bound the cutoff.
         */
        F1_NO_SET_WORSE,
        /** The highest cutoff that the stated share of true calls reach. */
        SENSITIVITY,
        /**
         * GAPSCORE {@value #EVEN_ODDS}, P(false) = 1/2: filter only the calls the model finds more likely false than
         * true. For calibrated probabilities this is where F1 is best when F1 is near 1 (the F1-optimal threshold on
         * P(true) is half the best F1), and it is fitted to no set, so no held-out group choice is needed.
         */
        ODDS;

        /** GAPSCORE at P(false) = 1/2, as GAPSCORE is written (two decimals): −10·log10(1/2) = 3.0103. */
        public static final double EVEN_ODDS = 3.01;
    }

    /**
     * The rule, the share of true calls per class a SENSITIVITY cutoff keeps (percent), the highest cutoff
     * allowed: a call scoring above {@code maxCutoff} passes whatever the rule (GAPSCORE 3.01 is P(false) = 0.5), and
     * for the F1 rule the least rise of the mean per-set F1 over no cutoff that a cutoff must bring ({@code minGain}):
     * below it the class gets no cutoff, since a rise of less than about one call per set is within what the
     * out-of-fold scores of another draw of the same sets would move, and new data pays for it in lost true calls.
     */
    public record Sensitivity(Rule rule, double snv, double indel, double maxCutoff, double minGain) {
        public Sensitivity(double snv, double indel) {
            this(Rule.SENSITIVITY, snv, indel, Double.POSITIVE_INFINITY, 0);
        }

        /** Any rise of the mean per-set F1 is taken. */
        public Sensitivity(Rule rule, double snv, double indel, double maxCutoff) {
            this(rule, snv, indel, maxCutoff, 0);
        }

        double of(VariantType t) {
            return t == VariantType.SNV ? snv : indel;
        }

        String describe() {
            if (rule == Rule.ODDS) {
                return "per class, GAPSCORE " + Rule.EVEN_ODDS + " (the model's P(false) = 1/2), at most "
                        + maxCutoff;
            }
            String how = rule == Rule.SENSITIVITY ? "the GAPSCORE that the stated share of true calls reach"
                    : "the cutoff with the highest mean per-set F1 of the class"
                    + (rule == Rule.F1_NO_SET_WORSE ? " among those at which no set's F1 falls below its F1 with"
                            + " every call passing" : "")
                    + (minGain > 0 ? " if it is at least " + minGain + " above no cutoff's (else none)" : "");
            return "per class, " + how + ", on out-of-fold scores (each set scored by the model trained without its"
                    + " group), at most " + maxCutoff;
        }
    }

    private ScorerTraining() {}

    public static void run(List<TrainingSet.Inputs> inputs, TreeTrainer.Params params, Sensitivity sensitivity,
                           Path outputDir) {
        run(inputs, params, sensitivity, List.of(), outputDir);
    }

    /**
     * As above, with the features named in {@code unused} withheld from training (their values read as missing, so
     * no tree splits on them): to measure what a feature adds, held out, without changing the model file's form.
     */
    public static void run(List<TrainingSet.Inputs> inputs, TreeTrainer.Params params, Sensitivity sensitivity,
                           List<String> unused, Path outputDir) {
        List<String> groupNames = inputs.stream().map(TrainingSet.Inputs::group).distinct().toList();
        if (groupNames.size() < 3) {
            throw new UserException("training needs at least three groups of sets (one is held out in turn, and its"
                    + " cutoffs are chosen on the others held out in turn)");
        }
        List<TrainingSet> sets = new ArrayList<>();
        int[] group = new int[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            TrainingSet s = withheld(TrainingSet.label(inputs.get(k)), unused);
            group[k] = groupNames.indexOf(inputs.get(k).group());
            LOG.info("Set {}: {} labelled calls, {} false", s.name(), s.size(), count(s.truth(), false));
            sets.add(s);
        }
        Folds folds = new Folds(sets, group, params);
        BoostedTrees trees = folds.train(-1, -1);
        double[][] outOfFold = folds.outOfFold(-1);
        Cutoffs chosen = Cutoffs.choose(sets, outOfFold, folds.included(-1), sensitivity);
        String treesText = trees.write();
        StringBuilder cutoffs = new StringBuilder();
        for (VariantType t : VariantType.values()) {
            cutoffs.append("cutoff.").append(t.name()).append('\t').append(chosen.cutoff()[t.ordinal()]).append('\n');
            cutoffs.append("sensitivity.").append(t.name()).append('\t').append(chosen.sensitivity()[t.ordinal()])
                    .append('\n');
        }
        // the version names the decisions: the trees and the cutoffs
        String version = "gap-scorer-1-" + sha256((treesText + cutoffs).getBytes(StandardCharsets.UTF_8))
                .substring(0, 12);
        StringBuilder manifest = new StringBuilder();
        manifest.append("version\t").append(version).append('\n');
        manifest.append("trees_sha256\t").append(sha256(treesText.getBytes(StandardCharsets.UTF_8))).append('\n');
        manifest.append("features\t").append(String.join(",", CallFeatures.NAMES)).append('\n');
        manifest.append("hyperparameters\t").append(params.describe()).append('\n');
        if (!unused.isEmpty()) {
            manifest.append("features_withheld\t").append(String.join(",", unused)).append('\n');
        }
        manifest.append("cutoff_rule\t").append(sensitivity.describe()).append('\n');
        manifest.append(cutoffs);
        manifest.append("#set\tname\tgroup\tcalls_sha256\ttruth_sha256\ttrue_calls\tfalse_calls\n");
        for (int k = 0; k < sets.size(); k++) {
            manifest.append("set\t").append(inputs.get(k).name()).append('\t').append(inputs.get(k).group())
                    .append('\t').append(sha256(inputs.get(k).calls())).append('\t')
                    .append(sha256(inputs.get(k).truth())).append('\t').append(count(sets.get(k).truth(), true))
                    .append('\t').append(count(sets.get(k).truth(), false)).append('\n');
        }
        StringBuilder heldOutCalls = new StringBuilder("set\tcontig\tposition\tclass\ttrue\tscore\tcutoff\tpass\n");
        manifest.append(heldOut(sets, folds, outOfFold, sensitivity, groupNames, heldOutCalls));
        write(outputDir.resolve("gap-scorer.trees"), treesText);
        write(outputDir.resolve("gap-scorer.manifest.tsv"), manifest.toString());
        // per call, as the held-out rows count them: to ask which calls a held-out model filters (e.g. how many at a
        // set's artefact positions); beside the model, not shipped with it
        write(outputDir.resolve("gap-scorer.heldout-calls.tsv"), heldOutCalls.toString());
        LOG.info("Wrote model {}", version);
    }

    private static TrainingSet withheld(TrainingSet s, List<String> unused) {
        for (String name : unused) {
            int j = CallFeatures.NAMES.indexOf(name);
            if (j < 0) {
                throw new UserException("no feature is called " + name + "; the features are " + CallFeatures.NAMES);
            }
            for (double[] x : s.features()) {
                x[j] = Double.NaN;
            }
        }
        return s;
    }

    /**
     * The leave-one-group-out rows: each group scored by the model trained without it (its out-of-fold scores),
     * against cutoffs chosen by the same rule on the other groups' out-of-fold scores from models that saw neither.
     */
    private static String heldOut(List<TrainingSet> sets, Folds folds, double[][] outOfFold, Sensitivity sensitivity,
                                  List<String> groupNames, StringBuilder calls) {
        StringBuilder rows = new StringBuilder("#heldout\tset\tclass\tcalls\tall_P\tall_R\tall_F1\tPASS_P\tPASS_R"
                + "\tPASS_F1\tfalse_filtered\ttrue_filtered\tcutoff\n");
        for (int g = 0; g < groupNames.size(); g++) {
            // ODDS needs no scores: the nested models are trained only for the rules that choose on them
            double[][] innerScores = sensitivity.rule() == Rule.ODDS ? outOfFold : folds.outOfFold(g);
            Cutoffs inner = Cutoffs.choose(sets, innerScores, folds.included(g), sensitivity);
            for (int k = 0; k < sets.size(); k++) {
                if (folds.group()[k] != g) {
                    continue;
                }
                for (VariantType t : VariantType.values()) {
                    rows.append(heldOutRow(sets.get(k), outOfFold[k], inner.cutoff()[t.ordinal()], t)).append('\n');
                }
                heldOutCalls(sets.get(k), outOfFold[k], inner.cutoff(), calls);
            }
            LOG.info("Held out {}: done", groupNames.get(g));
        }
        return rows.toString();
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

    /** One line per labelled call of a held-out set: where, class, label, held-out score, cutoff, PASS or not. */
    private static void heldOutCalls(TrainingSet s, double[] scores, double[] cutoff, StringBuilder out) {
        for (int i = 0; i < s.size(); i++) {
            double c = cutoff[s.type()[i].ordinal()];
            out.append(String.format(Locale.ROOT, "%s\t%s\t%s\t%b\t%.4f\t%s\t%b\n", s.name(), s.sites()[i],
                    s.type()[i].name(), s.truth()[i], scores[i], c, scores[i] >= c));
        }
    }

    private static String heldOutRow(TrainingSet s, double[] scores, double cutoff, VariantType t) {
        int tp = 0;
        int fp = 0;
        int tpPass = 0;
        int fpPass = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.type()[i] != t) {
                continue;
            }
            boolean pass = scores[i] >= cutoff;
            if (s.truth()[i]) {
                tp++;
                tpPass += pass ? 1 : 0;
            } else {
                fp++;
                fpPass += pass ? 1 : 0;
            }
        }
        int fn = s.missed().get(t);
        return String.format(Locale.ROOT, "heldout\t%s\t%s\t%d\t%s\t%s\t%d\t%d\t%s", s.name(), t.name(), tp + fp,
                metrics(tp, fp, fn), metrics(tpPass, fpPass, fn + tp - tpPass), fp - fpPass, tp - tpPass, cutoff);
    }

    /** Precision, recall and F1 of true and false calls against the truth's total, four decimals. */
    static String metrics(int tp, int fp, int fn) {
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format(Locale.ROOT, "%.4f\t%.4f\t%.4f", p, r, f1);
    }

    static int count(boolean[] labels, boolean value) {
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
