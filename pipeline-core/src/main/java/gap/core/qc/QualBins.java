package gap.core.qc;

import java.util.Map;

/**
 * The bins of bcftools' QUAL distribution (its {@code dist_t} with five exact orders of magnitude): a QUAL value
 * {@code v} (1 + QUAL × 10, 0 for missing) has a bin of its own up to 100000, then bins ten, a hundred, … values
 * wide, nine tenths of an order of magnitude per level.
 */
final class QualBins {
    private static final int EXACT = 100_000;
    private static final int PER_LEVEL = EXACT - EXACT / 10;

    private QualBins() {}

    static int bin(int value) {
        if (value <= EXACT) {
            return value;
        }
        int power = (int) Math.log10(value);
        int level = power - 5 + 1;
        long step = pow10(level);
        return (int) (EXACT + (long) PER_LEVEL * (level - 1) + (value - pow10(power)) / step);
    }

    /** The first value of {@code bin}. */
    static long start(int bin) {
        if (bin < EXACT) {
            return bin;
        }
        int level = (bin - EXACT) / PER_LEVEL + 1;
        int within = bin - EXACT - PER_LEVEL * (level - 1);
        return pow10(level + 5 - 1) + pow10(level) * within;
    }

    static long count(Map<Integer, Long> bins, int bin) {
        return bins.getOrDefault(bin, 0L);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
