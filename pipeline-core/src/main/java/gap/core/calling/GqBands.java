package gap.core.calling;

import java.util.Arrays;

/**
 * GATK's GQ bands for reference blocks: each bound is the exclusive upper end of a band ({@code -GQB}; by default
 * 1, 2, …, 60, 70, 80, 90, 99, so GQ 0 is one band, 60–69 another, 99 the last), and consecutive positions of one band
 * become one block.
 */
public final class GqBands implements java.io.Serializable {
    private final int[] bounds;

    public GqBands(int[] bounds) {
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] < 1 || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw new IllegalArgumentException("GQ band bounds must be positive and increasing");
            }
        }
        this.bounds = bounds.clone();
    }

    /** GATK HaplotypeCaller's default bands. */
    public static GqBands defaults() {
        int[] b = new int[64];
        for (int i = 0; i < 60; i++) {
            b[i] = i + 1;
        }
        b[60] = 70;
        b[61] = 80;
        b[62] = 90;
        b[63] = 99;
        return new GqBands(b);
    }

    /** From a comma-separated list of bounds, as the settings hold them. */
    public static GqBands parse(String bounds) {
        return new GqBands(Arrays.stream(bounds.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray());
    }

    /** The bounds, ascending. */
    public int[] bounds() {
        return bounds.clone();
    }

    /** The band of {@code gq}: how many bounds it reaches. */
    public int band(int gq) {
        int i = Arrays.binarySearch(bounds, gq);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
