package gap.core.scoring;

import gap.core.model.Contigs;
import gap.core.model.VariantCall;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a run's nuclear calls with whether each is at a known site (one shard's, then the run's by {@link #plus}),
 * gives the bounded sample the VQSR-style model of each class is trained on: per class, the {@code size} calls with
 * the smallest hash of (contig, position, alleles), kept in genome order with only what the model reads of them (the
 * values of the class's annotations, the known-site flag). A bottom-k sketch: the hash, not the shard or the thread
 * that saw a call, decides whether it is kept, and the k smallest of a union are the k smallest of the parts' k
 * smallest, so the sample is the same for any shard size, thread count or executor, and holds at most k calls per
 * class whatever the genome.
 *
 * <p>Why {@link #SIZE} = 100,000 per class: every data set of today (its slices give 300 to 1,000 calls a run) and a
 * 30× exome (~25,000 SNVs) are kept whole, so the model, its tranche and its VQSLODs are those of training on all
 * calls; a mixture of at most 3 full-covariance Gaussians over at most 7 annotations has at most 107 parameters, so
 * the ~80,000 fitted calls at known sites of a genome's sample give each ~750 points; and the sample costs ~100 bytes
 * a call, ~20 MB for both classes, where a 30× genome's calls held whole cost ~10 GB. Above it, everything the model
 * computes over "all calls" comes from the sample: the training calls, the held-out fifth the tranche cutoff is set
 * on, and the "bad" tail the negative model is fitted to (calls below {@code score.badLodCutoff} under the positive
 * model, at least {@code score.minNegativeCalls}), so the minimum of {@code score.minTrainingCalls} is checked on the
 * sample too. The depth filter's median stays exact, from the DP histogram of {@code gap.core.shard.CallDigest}.
 */
public final class TrainingSample implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Calls kept per class; see the class comment for why this many. */
    public static final int SIZE = 100_000;

    /**
     * What a shard needs to take its part of the sample: the calls kept per class and the annotations each class is
     * modelled on.
     */
    public record Spec(int size, List<String> snvKeys, List<String> indelKeys) implements Serializable {
        public Spec {
            snvKeys = List.copyOf(snvKeys);
            indelKeys = List.copyOf(indelKeys);
        }

        public static Spec of(ScoringParameters params, int size) {
            return new Spec(size, params.snvAnnotations(), params.indelAnnotations());
        }

        List<String> keys(VariantType type) {
            return type == VariantType.SNV ? snvKeys : indelKeys;
        }
    }

    /** One kept call: its hash, whether it is at a known site, its values of the class's annotations. */
    record Point(long hash, boolean known, double[] raw) implements Serializable {}

    private final Spec spec;
    private final Map<VariantType, List<Point>> points;

    private TrainingSample(Spec spec, Map<VariantType, List<Point>> points) {
        this.spec = spec;
        this.points = points;
    }

    /** The sample of {@code calls} (in genome order), {@code known[i]} whether call i is at a known site. */
    public static TrainingSample of(List<VariantCall> calls, boolean[] known, Spec spec) {
        Map<VariantType, List<Point>> points = new EnumMap<>(VariantType.class);
        for (VariantType type : VariantType.values()) {
            points.put(type, new ArrayList<>());
        }
        for (int i = 0; i < calls.size(); i++) {
            VariantCall call = calls.get(i);
            if (Contigs.isMitochondrial(call.contig())) {
                continue; // scored apart, never trained on
            }
            VariantType type = VariantType.of(call);
            points.get(type).add(new Point(hash(call), known[i], Model.raw(call, spec.keys(type))));
        }
        points.replaceAll((type, list) -> bottom(list, spec.size()));
        return new TrainingSample(spec, points);
    }

    /** This sample then {@code later}'s (calls later in genome order): the k smallest hashes of both. */
    public TrainingSample plus(TrainingSample later) {
        Map<VariantType, List<Point>> merged = new EnumMap<>(VariantType.class);
        for (VariantType type : VariantType.values()) {
            List<Point> both = new ArrayList<>(points.get(type));
            both.addAll(later.points.get(type));
            merged.put(type, bottom(both, spec.size()));
        }
        return new TrainingSample(spec, merged);
    }

    /**
     * The {@code k} points of smallest hash, in the order given (genome order); equal hashes (two calls colliding)
     * are ordered by that order, so the choice among them is the same however the calls were split.
     */
    static List<Point> bottom(List<Point> points, int k) {
        if (points.size() <= k) {
            return points;
        }
        long[] hashes = points.stream().mapToLong(Point::hash).toArray();
        Arrays.sort(hashes);
        long kth = hashes[k - 1];
        int below = 0;
        for (long h : hashes) {
            below += h < kth ? 1 : 0;
        }
        int ties = k - below;
        List<Point> kept = new ArrayList<>(k);
        for (Point p : points) {
            if (p.hash() < kth) {
                kept.add(p);
            } else if (p.hash() == kth && ties > 0) {
                kept.add(p);
                ties--;
            }
        }
        return kept;
    }

    /** The class's kept values, in genome order. */
    double[][] raw(VariantType type) {
        return points.get(type).stream().map(Point::raw).toArray(double[][]::new);
    }

    /** Whether each kept call of the class is at a known site. */
    boolean[] known(VariantType type) {
        List<Point> list = points.get(type);
        boolean[] known = new boolean[list.size()];
        for (int i = 0; i < known.length; i++) {
            known[i] = list.get(i).known();
        }
        return known;
    }

    /** The kept calls' hashes per class, in genome order: what tests compare between two ways of splitting a run. */
    public Map<VariantType, long[]> hashes() {
        Map<VariantType, long[]> out = new EnumMap<>(VariantType.class);
        points.forEach((type, list) -> out.put(type, list.stream().mapToLong(Point::hash).toArray()));
        return out;
    }

    /** Calls kept, both classes. */
    public int size() {
        return points.values().stream().mapToInt(List::size).sum();
    }

    /**
     * A 64-bit hash of the call's contig, position and alleles: FNV-1a over their UTF-8 bytes, then SplitMix64's
     * finaliser so that nearby positions spread over the whole range. Fixed, so every JVM keeps the same calls.
     */
    static long hash(VariantCall call) {
        String key = call.contig() + '\t' + call.position() + '\t' + String.join(",", call.alleles());
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
