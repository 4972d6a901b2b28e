package gap.core.calling;

import java.util.Arrays;

/**
 * GATK's GQ bands for reference blocks: each bound is the exclusive upper end of a band ({@code -GQB}; by default
 * 1, 2, …, 60, 70, 80, 90, 99, so GQ 0 is one band, 60–69 another, 99 the last), and consecutive positions of one band
 * become one block.
 */
public final class GqBands implements java.io.Serializable {
    private final int[] bounds;
    private final int hetTolerance;

    /** GATK's banding alone: a block's het PL may be anything its GQ band allows (above GQ 99: any). */
    public GqBands(int[] bounds) {
        this(bounds, Integer.MAX_VALUE);
    }

    /**
     * Bands, and at most {@code hetTolerance} phred between the het PLs of a block's positions (see {@link #key}):
     * the block's PL is
     * their least, and joint genotyping reads it as each position's (a parent's evidence against the child's de novo
     * allele: GATK's bands above GQ 60 are 10 wide, the last unbounded, which moved de novo qualities by up to 10).
     */
    public GqBands(int[] bounds, int hetTolerance) {
        if (hetTolerance < 0) {
            throw new IllegalArgumentException("the het PL tolerance must not be negative");
        }
        this.hetTolerance = hetTolerance;
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
        return parse(bounds, Integer.MAX_VALUE);
    }

    /** From a comma-separated list of bounds and the het PL tolerance of a block. */
    public static GqBands parse(String bounds, int hetTolerance) {
        return new GqBands(Arrays.stream(bounds.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray(),
                hetTolerance);
    }

    /**
     * What consecutive positions of one block share: the GQ band and the het PL's bucket ({@code hetTolerance + 1}
     * wide). A key per position, not a span grown from a block's first position, so that where a shard boundary falls
     * cannot change the blocks (the same bytes whatever {@code --shard-size}).
     */
    public long key(int gq, int het) {
        return (long) band(gq) << 32 | (hetTolerance == Integer.MAX_VALUE ? 0 : het / (hetTolerance + 1));
    }

    /** The key of a block (its least GQ and het PL, which lie in its positions' band and bucket). */
    public long key(gap.core.model.GvcfRecord block) {
        return key(block.gq(), block.pl()[1]);
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
