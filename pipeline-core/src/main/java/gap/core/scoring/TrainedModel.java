package gap.core.scoring;

import gap.core.vcf.InfoField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes the trees and the manifest shipped in the jar (or written by {@code gap train-scorer}), gives a call's
 * GAPSCORE and whether it passes: the phred-scaled chance that the call is false, and per class (SNV, INDEL) the
 * score below which it is filtered, chosen by training so that a stated share of the training sets' true calls of
 * that class score at or above it.
 *
 * @param version   the model's name and the first 12 hex digits of the sha256 of its trees and cutoffs
 * @param trees     the trees
 * @param cutoffs   per class, the GAPSCORE a call must reach
 * @param sensitivity per class, the share (percent) of training true calls at or above the cutoff
 */
public record TrainedModel(String version, BoostedTrees trees, Map<VariantType, Double> cutoffs,
                           Map<VariantType, Double> sensitivity) {
    public static final String RESOURCE = "/gap/scoring/gap-scorer.trees";
    public static final String MANIFEST = "/gap/scoring/gap-scorer.manifest.tsv";
    /** The model of site annotations alone (its features the leading ones), for calls without read evidence. */
    public static final String SITES_RESOURCE = "/gap/scoring/gap-scorer-sites.trees";
    public static final String SITES_MANIFEST = "/gap/scoring/gap-scorer-sites.manifest.tsv";
    /** A score's ceiling: 99 means P(false) below 10^-9.9, beyond what any training set can attest. */
    static final double MAX_SCORE = 99;

    public TrainedModel {
        // features are only ever appended: a model trained before a feature was added reads the same leading ones
        List<String> names = CallFeatures.NAMES;
        if (trees.features().size() > names.size()
                || !trees.features().equals(names.subList(0, trees.features().size()))) {
            throw new IllegalArgumentException("the model's features " + trees.features() + " are not gap's "
                    + names);
        }
        cutoffs = Map.copyOf(cutoffs);
        sensitivity = Map.copyOf(sensitivity);
    }

    /** The model shipped in the jar. */
    public static TrainedModel shipped() {
        return parse(resource(RESOURCE), resource(MANIFEST));
    }

    /** The model of site annotations alone shipped in the jar ({@code score.model=sites}). */
    public static TrainedModel shippedSites() {
        return parse(resource(SITES_RESOURCE), resource(SITES_MANIFEST));
    }

    /** Reads trees and the manifest's {@code version}, {@code cutoff.CLASS} and {@code sensitivity.CLASS} rows. */
    public static TrainedModel parse(String treesText, String manifestText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : manifestText.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                m.putIfAbsent(f[0], f[1]);
            }
        }
        Map<VariantType, Double> cut = new LinkedHashMap<>();
        Map<VariantType, Double> sens = new LinkedHashMap<>();
        for (VariantType t : VariantType.values()) {
            cut.put(t, Double.parseDouble(required(m, "cutoff." + t.name())));
            sens.put(t, Double.parseDouble(required(m, "sensitivity." + t.name())));
        }
        return new TrainedModel(required(m, "version"), BoostedTrees.parse(treesText), cut, sens);
    }

    /** GAPSCORE, rounded as written, so rescoring a written VCF takes the same decisions. */
    public double score(double[] features) {
        return score(trees, features);
    }

    static double score(BoostedTrees trees, double[] features) {
        double pFalse = 1 - trees.probability(features);
        double phred = pFalse <= 0 ? MAX_SCORE : Math.min(MAX_SCORE, -10 * Math.log10(pFalse));
        return InfoField.GAPSCORE.round(Math.max(0, phred));
    }

    public boolean passes(VariantType type, double score) {
        return score >= cutoffs.get(type);
    }

    /** The FILTER a class's low-scoring calls get: the class and the training sensitivity its cutoff keeps. */
    public String filterName(VariantType type) {
        return String.format(Locale.ROOT, "GapScore%s%.1f", type.name(), sensitivity.get(type));
    }

    public String filterDescription(VariantType type) {
        return String.format(Locale.ROOT, "GAPSCORE below %.2f, the cutoff at which %.1f%% of the training sets'"
                + " true %s calls pass (model %s)", cutoffs.get(type), sensitivity.get(type), type.name(), version);
    }

    private static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the scoring model's manifest lacks " + key);
        }
        return v;
    }

    private static String resource(String name) {
        try (InputStream in = TrainedModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the scoring model " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
