package gap.core.shard;

import gap.core.model.Contigs;
import gap.core.model.VariantCall;
import gap.core.scoring.DepthFilter;
import gap.core.scoring.TrainingSample;
import gap.core.scoring.VariantType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes calls (one shard's, then the run's by {@link #plus}), gives what scoring needs of them all without holding
 * them: their number, the histogram of the nuclear calls' DP (its median is the depth filter's and the depth
 * feature's yardstick, exactly as from the sorted values) and the first call of each kind (SNV or indel, nuclear or
 * chrM), which decide the scoring header lines, and with known sites the run's {@link TrainingSample} (at most k
 * calls per class). Its size grows with the distinct DP values and k, never the calls.
 */
public record CallDigest(long calls, TreeMap<Double, Long> depths, Map<String, VariantCall> firstOfKind,
                         TrainingSample sample) implements java.io.Serializable {
    public static final CallDigest EMPTY = new CallDigest(0, new TreeMap<>(), Map.of(), null);

    /** The digest of {@code calls}, without a training sample (a run without known sites). */
    public static CallDigest of(Iterable<VariantCall> calls) {
        return of(calls, null);
    }

    /** The digest of {@code calls} with their part of the run's training {@code sample} (null: none). */
    public static CallDigest of(Iterable<VariantCall> calls, TrainingSample sample) {
        long n = 0;
        TreeMap<Double, Long> depths = new TreeMap<>();
        Map<String, VariantCall> first = new LinkedHashMap<>();
        for (VariantCall call : calls) {
            n++;
            boolean chrM = Contigs.isMitochondrial(call.contig());
            if (!chrM && call.info().get("DP") instanceof Number dp) {
                depths.merge(dp.doubleValue(), 1L, Long::sum);
            }
            first.putIfAbsent(kind(call, chrM), call);
        }
        return new CallDigest(n, depths, first, sample);
    }

    private static String kind(VariantCall call, boolean chrM) {
        return VariantType.of(call).name() + (chrM ? "/chrM" : "");
    }

    /** This digest then {@code later}'s (calls later in genome order). */
    public CallDigest plus(CallDigest later) {
        TreeMap<Double, Long> sum = new TreeMap<>(depths);
        later.depths.forEach((dp, count) -> sum.merge(dp, count, Long::sum));
        Map<String, VariantCall> first = new LinkedHashMap<>(firstOfKind);
        later.firstOfKind.forEach(first::putIfAbsent);
        TrainingSample both = sample == null ? later.sample : later.sample == null ? sample : sample.plus(later.sample);
        return new CallDigest(calls + later.calls, sum, first, both);
    }

    /** The depth filter of {@code sds} standard deviations over the median DP of the nuclear calls. */
    public DepthFilter depthFilter(double sds) {
        long n = depths.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new DepthFilter(0, sds);
        }
        double median = n % 2 == 1 ? nth(n / 2) : (nth(n / 2 - 1) + nth(n / 2)) / 2;
        return new DepthFilter(median, sds);
    }

    /** The k-th (from 0) of the DP values in ascending order. */
    private double nth(long k) {
        long seen = 0;
        for (Map.Entry<Double, Long> e : depths.entrySet()) {
            seen += e.getValue();
            if (k < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no DP value " + k);
    }

    /**
     * One call of each kind present: the scoring header lines depend only on which kinds a run has, so scoring these
     * gives the run's.
     */
    public List<VariantCall> representatives() {
        return new ArrayList<>(firstOfKind.values());
    }
}
