package gap.core.scoring;

import gap.core.model.Contigs;
import gap.core.model.VariantCall;
import java.util.List;
import java.util.Locale;

/**
 * Takes a call set's nuclear calls and a number of standard deviations k, gives the depth filter: a nuclear call
 * whose DP exceeds d + k·√d, d the median DP of the set's nuclear calls, fails it. Reads of a paralogue or copy
 * number gain that the reference lacks pile onto one copy at raised depth; Li (2014) found this the single most
 * effective filter of a single genome, at d + 3√d to d + 4√d (√d: the Poisson spread of the depth). The threshold
 * follows the sample's own depth, so it means the same at 12× as at 60×. chrM, many copies per cell, is exempt.
 *
 * @param median    the median DP of the nuclear calls, 0 when none has one
 * @param sds       k; 0 turns the filter off
 */
public record DepthFilter(double median, double sds) implements java.io.Serializable {
    public static final String NAME = "HighDepth";

    public static DepthFilter of(List<VariantCall> calls, double sds) {
        double[] dps = calls.stream().filter(c -> !Contigs.isMitochondrial(c.contig()))
                .map(c -> VariantScorer.value(c, "DP")).filter(v -> v != null).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        if (dps.length == 0) {
            return new DepthFilter(0, sds);
        }
        int n = dps.length;
        double median = n % 2 == 1 ? dps[n / 2] : (dps[n / 2 - 1] + dps[n / 2]) / 2;
        return new DepthFilter(median, sds);
    }

    public boolean active() {
        return sds > 0 && median > 0;
    }

    public double maxDepth() {
        return median + sds * StrictMath.sqrt(median);
    }

    /** True when the call fails: nuclear, with a DP above the maximum. */
    public boolean fails(VariantCall call) {
        Double dp = VariantScorer.value(call, "DP");
        return active() && dp != null && dp > maxDepth() && !Contigs.isMitochondrial(call.contig());
    }

    public String description() {
        return String.format(Locale.ROOT, "DP > %.1f: the median DP of the nuclear calls (%.1f) + %s x its square"
                + " root; raised depth marks reads of a paralogue or copy gain the reference lacks", maxDepth(),
                median, sds == Math.rint(sds) ? String.valueOf((long) sds) : String.valueOf(sds));
    }
}
