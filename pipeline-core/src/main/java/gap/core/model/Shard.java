package gap.core.model;

/**
 * A piece of one contig that one task calls. Coordinates are 1-based and inclusive, as in VCF and htsjdk.
 * A shard owns the calls whose (normalised) start lies in {@code [start, end]}; it reads {@code padding} bases
 * more on each side so that every site it owns sees all the reads, reference and neighbouring candidates it would
 * see in any other shard: the calls do not depend on where shards begin.
 */
public record Shard(int index, String contig, int start, int end, int padding) implements java.io.Serializable {
    public Shard {
        if (start < 1 || end < start || padding < 0) {
            throw new IllegalArgumentException("bad shard " + contig + ":" + start + "-" + end + " padding " + padding);
        }
    }

    /** The bases it owns, padding not counted. */
    public int length() {
        return end - start + 1;
    }

    /** First position read, including the left padding. */
    public int paddedStart() {
        return Math.max(1, start - padding);
    }

    /** Last position read, including the right padding; may lie past the contig end. */
    public int paddedEnd() {
        return end + padding;
    }

    public boolean owns(int position) {
        return position >= start && position <= end;
    }

    @Override
    public String toString() {
        return contig + ":" + start + "-" + end;
    }
}
