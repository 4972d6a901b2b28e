package gap.core.scoring;

import gap.core.concordance.AtomicAllele;
import gap.core.concordance.ClassCounts;
import gap.core.concordance.Concordance;
import gap.core.concordance.ReferenceBases;
import gap.core.concordance.VariantClass;
import gap.core.concordance.VariantNormalizer;
import gap.core.io.VcfCalls;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a call VCF of {@code gap call}, its truth VCF, reference and confident regions, gives the calls of one
 * sample labelled true or false as {@code gap concordance --include-filtered} matches them (haplotype matching),
 * with their features: a call is true when every allele it carries inside the confident regions matches the truth,
 * false when one does not; calls with no allele inside are left out.
 *
 * @param name      the set's name (the manifest's)
 * @param features  one vector per labelled call
 * @param truth     its label
 * @param type      its class
 * @param missed    per class, the truth alleles no call matched (for recall)
 * @param sites     where each call is ("contig\tposition"): for the held-out calls file only, never a feature
 */
public record TrainingSet(String name, double[][] features, boolean[] truth, VariantType[] type,
                          Map<VariantType, Integer> missed, String[] sites) {

    /** A set whose calls' places are not known (blank). */
    public TrainingSet(String name, double[][] features, boolean[] truth, VariantType[] type,
                       Map<VariantType, Integer> missed) {
        this(name, features, truth, type, missed, blank(truth.length));
    }

    private static String[] blank(int n) {
        String[] s = new String[n];
        Arrays.fill(s, "");
        return s;
    }

    /**
     * The inputs of one set; {@code sample} the calls VCF's column (0-based) that {@code truth} describes;
     * {@code group} the sets of one genome (the same genome at two depths): held out together, since a twin in
     * training would make the held-out figures optimistic.
     */
    public record Inputs(String name, Path reference, Path calls, Path truth, Path confident, int sample,
                         String group) {
        /** A set that is its own group. */
        public Inputs(String name, Path reference, Path calls, Path truth, Path confident, int sample) {
            this(name, reference, calls, truth, confident, sample, name);
        }
    }

    public static TrainingSet label(Inputs in) {
        VcfCalls.Contents contents = VcfCalls.read(in.calls(), "calls VCF");
        if (in.sample() < 0 || in.sample() >= contents.samples().size()) {
            throw new gap.core.UserException("set " + in.name() + ": the calls VCF has no sample column "
                    + in.sample());
        }
        Concordance.Result result = Concordance.run(new Concordance.Inputs(in.truth(), in.calls(), in.reference(),
                in.confident(), null, contents.samples().get(in.sample()), true), Concordance.Tables.NONE);
        Set<AtomicAllele> inside = result.calls().copies().keySet();
        Set<AtomicAllele> matched = result.matches().callsMatched();
        List<VariantCall> calls = contents.calls();
        double[][] all = CallFeatures.of(calls);
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        List<VariantType> types = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        try (ReferenceBases reference = ReferenceBases.open(in.reference())) {
            VariantNormalizer normalizer = new VariantNormalizer(reference);
            for (int i = 0; i < calls.size(); i++) {
                Boolean label = label(calls.get(i), in.sample(), normalizer, inside, matched);
                if (label != null) {
                    x.add(all[i]);
                    y.add(label);
                    types.add(VariantType.of(calls.get(i)));
                    sites.add(calls.get(i).contig() + "\t" + calls.get(i).position());
                }
            }
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        Map<VariantType, Integer> missed = new EnumMap<>(VariantType.class);
        for (VariantType t : VariantType.values()) {
            ClassCounts k = result.report().of(t == VariantType.SNV ? VariantClass.SNV : VariantClass.INDEL);
            missed.put(t, k.fn());
        }
        return new TrainingSet(in.name(), x.toArray(double[][]::new), labels, types.toArray(VariantType[]::new),
                missed, sites.toArray(String[]::new));
    }

    /** True, false, or null when none of the sample's alleles of the call lies inside the confident regions. */
    private static Boolean label(VariantCall call, int sample, VariantNormalizer normalizer, Set<AtomicAllele> inside,
                                 Set<AtomicAllele> matched) {
        Genotype g = call.genotype(sample);
        if (!g.isVariant()) {
            return null;
        }
        boolean any = false;
        boolean allMatched = true;
        for (int a = 1; a < call.alleles().size(); a++) {
            if (!g.carries(a)) {
                continue;
            }
            for (AtomicAllele atom : normalizer.normalize(call.contig(), call.position(), call.ref(),
                    call.alleles().get(a))) {
                if (inside.contains(atom)) {
                    any = true;
                    allMatched &= matched.contains(atom);
                }
            }
        }
        return any ? allMatched : null;
    }

    public int size() {
        return truth.length;
    }
}
