package gap.core.scoring;

import gap.core.model.Contigs;
import gap.core.model.Filters;
import gap.core.model.VariantCall;
import gap.core.vcf.FilterFields;
import gap.core.vcf.InfoField;
import htsjdk.variant.vcf.VCFFilterHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes one sample's calls in genome order and which of them are at known sites, gives them scored and filtered,
 * with the VCF header lines that say how. Per class (SNV, INDEL), as GATK's VQSR does: a Gaussian mixture over the
 * normalised annotations is fitted to the calls at known sites (the positive model); a second one to the calls that
 * model finds least likely, whichever they are (the negative model); each call's VQSLOD is the log10 ratio of the
 * two densities, and calls below the tranche cutoff get the tranche FILTER. A class with too few calls at known
 * sites, or a run without known sites, gets GATK's recommended hard filters instead, and the header says so.
 *
 * <p>Known-site membership only chooses training examples: it is never a feature, a prior or a filter, so a de
 * novo variant, in no list, is scored on its annotations alone.
 *
 * <p>A model is trained only on a whole genome's worth of calls at known sites ({@code score.minTrainingCalls});
 * every fifth of them (in genome order) is held out of the fit, and the tranche cutoff is set on those, so the
 * truth sensitivity is what unseen true calls get. LowQual (QUAL below the caller's threshold, call.lowQual) applies
 * to the VQSR model and the hard filters: no call below it passes there. The trained model weighs QUAL itself and
 * applies LowQual only below the emission floor (call.minQual). Calls on chrM are scored apart, by the hard filters, never by the nuclear model.
 *
 * <p>Deterministic: training examples are taken in genome order, the fit is seeded, and the cutoff is set on the
 * VQSLODs as written (four decimals), so scoring a VCF reproduces the decisions of the run that wrote it.
 */
public final class VariantScorer {
    private static final Logger LOG = LogManager.getLogger(VariantScorer.class);
    /** VQSR leaves training points this many standard deviations out of any annotation out of the fit. */
    static final double MAX_TRAINING_Z = 10;
    /** An annotation is near-constant in training when this share of its values is one value. */
    static final double NEAR_CONSTANT_SHARE = 0.99;
    /** ... or when its standard deviation is below this. */
    static final double MIN_SD = 1e-3;

    /** The scored calls, in the order given, and the header lines (FILTERs and one "scoring" line per class). */
    public record Result(List<VariantCall> calls, List<VCFHeaderLine> headerLines) {}

    private final ScoringParameters params;
    private double[][] features;
    private List<VariantCall> featuresOf;
    /** Whether each class's outcome is logged: not when a run is scored in chunks. */
    private boolean logged = true;

    public VariantScorer(ScoringParameters params) {
        this.params = params;
    }

    /**
     * What scoring learnt of a whole run before any call is scored: per class, the VQSR-style model trained on the
     * run's {@link TrainingSample}, or why none was (then the class gets the hard filters or the shipped model).
     * Serializable, so that it can travel to where calls are scored (a Spark executor); safe to share between threads.
     */
    public static final class Prepared implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Map<VariantType, Model> models = new java.util.EnumMap<>(VariantType.class);
        private final Map<VariantType, String> why = new java.util.EnumMap<>(VariantType.class);
    }

    /**
     * Scores {@code calls}; {@code known[i]} says whether call i is at a known site, {@code known} null means no
     * known sites were given (hard filters for every class).
     */
    public Result score(List<VariantCall> calls, boolean[] known) {
        return score(calls, known, DepthFilter.of(calls, params.maxDepthSds()), true);
    }

    /**
     * As {@link #score(List, boolean[])}, with the depth filter (its median also the depth feature's yardstick) of a
     * whole run that {@code calls} are a part of, logging each class's outcome or not: the calls are the whole
     * training sample here.
     */
    public Result score(List<VariantCall> calls, boolean[] known, DepthFilter depth, boolean log) {
        if (known != null && known.length != calls.size()) {
            throw new IllegalArgumentException("one known-site flag per call");
        }
        Prepared prepared = known == null ? prepare(null)
                : prepare(TrainingSample.of(calls, known, TrainingSample.Spec.of(params, Integer.MAX_VALUE)));
        return score(calls, prepared, depth, log);
    }

    /**
     * Trains each class's model on {@code sample} (null: no known sites were given). Log lines about the training
     * are written here, once per run.
     */
    public Prepared prepare(TrainingSample sample) {
        Prepared prepared = new Prepared();
        for (VariantType type : VariantType.values()) {
            if (sample == null) {
                prepared.why.put(type, "no known sites were given");
                continue;
            }
            double[][] raw = sample.raw(type);
            boolean[] known = sample.known(type);
            int training = 0;
            for (boolean k : known) {
                training += k ? 1 : 0;
            }
            if (training < params.minTrainingCalls()) {
                prepared.why.put(type, training + " calls at known sites, fewer than the " + params.minTrainingCalls()
                        + " a model needs (score.minTrainingCalls)"
                        + (training == 0 && raw.length > 0 ? "; do the known sites use the reference's contig"
                        + " names?" : ""));
                continue;
            }
            Model model = Model.train(type, raw, known, annotations(type), params);
            if (model.failure() == null) {
                prepared.models.put(type, model);
            } else {
                prepared.why.put(type, model.failure());
            }
        }
        return prepared;
    }

    /**
     * Scores {@code calls} (in genome order; the whole run or a part of it) by what was {@code prepared} from the
     * run, with the run's depth filter. A call's score depends only on it, its neighbours within 1000 bp, that
     * median and the prepared models, so a run scored in chunks that split only where calls are further apart gets
     * the same calls as scored whole.
     */
    public Result score(List<VariantCall> calls, Prepared prepared, DepthFilter depth, boolean log) {
        this.logged = log;
        VariantCall[] out = new VariantCall[calls.size()];
        Set<VCFHeaderLine> header = new LinkedHashSet<>();
        for (VariantType type : VariantType.values()) {
            List<Integer> members = new ArrayList<>();
            List<Integer> mitochondrial = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                if (VariantType.of(calls.get(i)) == type) {
                    (Contigs.isMitochondrial(calls.get(i).contig()) ? mitochondrial : members).add(i);
                }
            }
            scoreClass(type, calls, members, mitochondrial, prepared, depth, out, header);
        }
        return new Result(Arrays.asList(out), List.copyOf(header));
    }

    /** Scores a class's nuclear {@code members} by its model when one was trained, else with its chrM calls. */
    private void scoreClass(VariantType type, List<VariantCall> calls, List<Integer> members,
                            List<Integer> mitochondrial, Prepared prepared, DepthFilter depth, VariantCall[] out,
                            Set<VCFHeaderLine> header) {
        Model model = prepared.models.get(type);
        if (model != null) {
            applyModel(type, calls, members, model, out, header);
            if (!mitochondrial.isEmpty()) {
                // Heteroplasmy, copy number and depth make chrM calls unlike nuclear ones: the nuclear model
                // would judge them by the wrong yardstick, so they get the hard filters alone.
                applyHardFilters(type, type.name() + " on chrM", calls, mitochondrial,
                        "the mitochondrial genome is scored apart from the nuclear model", depth, out, header);
            }
            return;
        }
        String why = prepared.why.get(type);
        if (params.trainedModel()) {
            applyTrained(type, calls, members, why, depth, out, header);
            if (!mitochondrial.isEmpty()) {
                // The model learnt nuclear calls (depth against the nuclear median among its features).
                applyHardFilters(type, type.name() + " on chrM", calls, mitochondrial,
                        "the mitochondrial genome is scored apart from the trained model", depth, out, header);
            }
            return;
        }
        List<Integer> all = new ArrayList<>(members);
        all.addAll(mitochondrial);
        all.sort(null);
        applyHardFilters(type, type.name(), calls, all, why, depth, out, header);
    }

    /** Scores a class's nuclear calls by the trained model shipped in the jar: GAPSCORE, its FILTER, LowQual. */
    private void applyTrained(VariantType type, List<VariantCall> calls, List<Integer> members, String why,
                              DepthFilter depth,
                              VariantCall[] out, Set<VCFHeaderLine> header) {
        TrainedModel model = params.model().equals(ScoringParameters.SITES) ? Shipped.SITES : Shipped.MODEL;
        double[][] features = features(calls, depth.median());
        int filtered = 0;
        for (int i : members) {
            VariantCall call = calls.get(i);
            double score = model.score(features[i]);
            List<String> failed = new ArrayList<>();
            // QUAL is among what the model weighs (QD, GQ), so above the caller's emission floor its decision
            // stands alone: a QUAL 10-20 call is a variant with 90-99% odds, and filtering those by QUAL lowered
            // PASS F1 on every evaluation set (bench/scoring/RESULTS.md). Only a call below the floor, which gap
            // call never writes but another VCF may hold, is LowQual here.
            if (call.qual() < params.minQual()) {
                failed.add(FilterFields.LOW_QUAL);
            }
            if (!model.passes(type, score)) {
                failed.add(model.filterName(type));
            }
            Filters filter = Filters.failed(failed);
            if (!filter.isPass()) {
                filtered++;
            }
            Map<String, Object> info = new LinkedHashMap<>(call.info());
            info.remove(InfoField.VQSLOD.key());
            info.put(InfoField.GAPSCORE.key(), score);
            out[i] = call.withFilter(filter, info);
        }
        header.add(new VCFFilterHeaderLine(model.filterName(type), model.filterDescription(type)));
        header.add(new VCFHeaderLine("scoringModel", model.version()));
        String method = String.format(Locale.ROOT, "%s: trained model %s (gradient-boosted trees over evidence"
                        + " features, never known sites); FILTER %s below GAPSCORE %.2f (%.1f%% of the training sets'"
                        + " true calls pass), %s below QUAL %s, because %s", type.name(), model.version(),
                model.filterName(type), model.cutoffs().get(type), model.sensitivity().get(type),
                FilterFields.LOW_QUAL, FilterFields.number(params.minQual()), why);
        header.add(new VCFHeaderLine("scoring", method));
        log("Scoring {}: {}; {} of {} calls not PASS", type, method.substring(type.name().length() + 2),
                filtered, members.size());
    }

    /** The features of every call, computed once per scoring (neighbours need the whole list). */
    private double[][] features(List<VariantCall> calls, double medianDepth) {
        if (features == null || featuresOf != calls) {
            features = CallFeatures.of(calls, medianDepth);
            featuresOf = calls;
        }
        return features;
    }

    /** The shipped models, read once per JVM. */
    private static final class Shipped {
        static final TrainedModel MODEL = TrainedModel.shipped();
        static final TrainedModel SITES = TrainedModel.shippedSites();
    }

    private void applyModel(VariantType type, List<VariantCall> calls, List<Integer> members, Model model,
                            VariantCall[] out, Set<VCFHeaderLine> header) {
        Tranche tranche = model.tranche();
        int filtered = 0;
        List<String> keys = annotations(type);
        for (int i : members) {
            VariantCall call = calls.get(i);
            double lod = model.vqslod(Model.raw(call, keys));
            List<String> failed = new ArrayList<>();
            if (isLowQual(call)) {
                failed.add(FilterFields.LOW_QUAL);
            }
            if (!tranche.passes(lod)) {
                failed.add(tranche.filterName());
            }
            Filters filter = Filters.failed(failed);
            if (!filter.isPass()) {
                filtered++;
            }
            Map<String, Object> info = new LinkedHashMap<>(call.info());
            info.put(InfoField.VQSLOD.key(), lod); // as written: the model rounds it
            info.remove(InfoField.GAPSCORE.key());
            out[i] = call.withFilter(filter, info);
        }
        header.add(new VCFFilterHeaderLine(tranche.filterName(), tranche.filterDescription()));
        String method = String.format(Locale.ROOT, "%s: VQSR-style Gaussian mixtures over %s; positive %d"
                        + " Gaussian(s) on %d calls at known sites, negative %d on the %d calls below log10 density %s"
                        + " under it (at least %d); FILTER %s below VQSLOD %.4f (truth sensitivity %.2f%% of %d"
                        + " held-out calls at known sites), %s below QUAL %s",
                type.name(),
                String.join(",", model.annotations()), model.positiveComponents(), model.trainingCount(),
                model.negativeComponents(), model.negativeCount(), FilterFields.number(params.badLodCutoff()),
                params.minNegativeCalls(), tranche.filterName(), tranche.cutoff(), tranche.truthSensitivity(),
                tranche.trainingCalls(), FilterFields.LOW_QUAL, FilterFields.number(params.lowQual()));
        header.add(new VCFHeaderLine("scoring", method));
        log("Scoring {}: {}; {} of {} calls not PASS", type, method.substring(type.name().length() + 2),
                filtered, members.size());
    }

    private void applyHardFilters(VariantType type, String label, List<VariantCall> calls, List<Integer> members,
                                  String why, DepthFilter depth, VariantCall[] out, Set<VCFHeaderLine> header) {
        List<HardFilter> filters = type == VariantType.SNV ? params.snvHardFilters() : params.indelHardFilters();
        int filtered = 0;
        for (int i : members) {
            VariantCall call = calls.get(i);
            List<String> failed = new ArrayList<>();
            if (isLowQual(call)) {
                failed.add(FilterFields.LOW_QUAL);
            }
            for (HardFilter f : filters) {
                if (f.fails(value(call, f.annotation()))) {
                    failed.add(f.name());
                }
            }
            if (depth.fails(call)) {
                failed.add(DepthFilter.NAME);
            }
            Filters filter = Filters.failed(failed);
            if (!filter.isPass()) {
                filtered++;
            }
            Map<String, Object> info = new LinkedHashMap<>(call.info());
            info.remove(InfoField.VQSLOD.key());
            info.remove(InfoField.GAPSCORE.key());
            out[i] = call.withFilter(filter, info);
        }
        List<String> described = new ArrayList<>();
        for (HardFilter f : filters) {
            header.add(new VCFFilterHeaderLine(f.name(), "Hard filter (GATK's recommended threshold): "
                    + f.description()));
            described.add(f.description());
        }
        if (depth.active() && members.stream().anyMatch(i -> !Contigs.isMitochondrial(calls.get(i).contig()))) {
            header.add(new VCFFilterHeaderLine(DepthFilter.NAME, depth.description()));
            described.add(String.format(Locale.ROOT, "DP > %.1f (%s)", depth.maxDepth(), DepthFilter.NAME));
        }
        String method = label + ": hard filters (GATK's recommended thresholds) QUAL < "
                + FilterFields.number(params.lowQual()) + " (" + FilterFields.LOW_QUAL + "), "
                + String.join(", ", described) + ", because " + why;
        header.add(new VCFHeaderLine("scoring", method));
        log("Scoring {}: {}; {} of {} calls not PASS", label, method.substring(label.length() + 2),
                filtered, members.size());
    }

    private void log(String message, Object... args) {
        if (logged) {
            LOG.info(message, args);
        }
    }

    private List<String> annotations(VariantType type) {
        return type == VariantType.SNV ? params.snvAnnotations() : params.indelAnnotations();
    }

    /** The caller's own filter, recomputed from QUAL so that rescoring a scored VCF starts from the same place. */
    boolean isLowQual(VariantCall call) {
        return call.qual() < params.lowQual();
    }

    /** An annotation of a call as a number; null when the call has none, or a value that is not one number. */
    static Double value(VariantCall call, String key) {
        return call.info().get(key) instanceof Number n ? n.doubleValue() : null;
    }
}
