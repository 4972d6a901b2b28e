package gap.core.qc;

import java.util.Arrays;

/**
 * The depth of one sample over callable bases, as Picard's {@code CollectWgsMetrics} reports it and mergeable the
 * same way: shards measure the bases they own and the records add up, so any split of the genome gives the same
 * totals. {@code territory} counts callable bases (Picard's GENOME_TERRITORY: the {@code -L} intervals, else the
 * reference, N bases left out either way), {@code depthSum} their depths, and {@code histogram[d]} the bases of
 * depth {@code d}, the last bin holding every depth of {@link #CAP} or more. Depth is defined in {@link ShardCoverage}.
 */
public record CoverageMetrics(long territory, long depthSum, long[] histogram) implements java.io.Serializable {
    /** Depths at or above this share the last histogram bin (bcftools stats' default depth bins end here too). */
    public static final int CAP = 500;
    public static final CoverageMetrics EMPTY = new CoverageMetrics(0, 0, new long[CAP + 1]);

    public CoverageMetrics {
        if (histogram.length != CAP + 1) {
            throw new IllegalArgumentException("a coverage histogram has " + (CAP + 1) + " bins");
        }
        histogram = histogram.clone();
        if (Arrays.stream(histogram).sum() != territory) {
            throw new IllegalArgumentException("the histogram must count every base of the territory once");
        }
    }

    @Override
    public long[] histogram() {
        return histogram.clone();
    }

    public CoverageMetrics plus(CoverageMetrics other) {
        long[] sum = histogram.clone();
        for (int d = 0; d <= CAP; d++) {
            sum[d] += other.histogram[d];
        }
        return new CoverageMetrics(territory + other.territory, depthSum + other.depthSum, sum);
    }

    /** Picard's MEAN_COVERAGE, from the exact depth sum (not the capped histogram); NaN without territory. */
    public double meanCoverage() {
        return territory == 0 ? Double.NaN : (double) depthSum / territory;
    }

    /** Picard's MEDIAN_COVERAGE: the smallest depth reached or passed by half the territory; 0 without territory. */
    public int medianCoverage() {
        long seen = 0;
        for (int d = 0; d <= CAP; d++) {
            seen += histogram[d];
            if (2 * seen >= territory && territory > 0) {
                return d;
            }
        }
        return 0;
    }

    /** Picard's PCT_nX: the fraction of the territory with depth at least {@code depth}; NaN without territory. */
    public double fractionAtLeast(int depth) {
        if (territory == 0) {
            return Double.NaN;
        }
        long atLeast = 0;
        for (int d = Math.min(depth, CAP); d <= CAP; d++) {
            atLeast += histogram[d];
        }
        return (double) atLeast / territory;
    }

    /** The histogram up to its last non-empty bin (empty when there is no territory). */
    public long[] trimmedHistogram() {
        int last = CAP;
        while (last >= 0 && histogram[last] == 0) {
            last--;
        }
        return Arrays.copyOf(histogram, last + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoverageMetrics c && territory == c.territory && depthSum == c.depthSum
                && Arrays.equals(histogram, c.histogram);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(territory) * 31 + Long.hashCode(depthSum) * 17 + Arrays.hashCode(histogram);
    }

    @Override
    public String toString() {
        return "CoverageMetrics[territory=" + territory + ", depthSum=" + depthSum + "]";
    }
}
