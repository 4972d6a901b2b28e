package gap.core.cnv;

/**
 * What one shard measured of one sample in the bins it touches (of a contig of {@code contigLength} bases), for the bases and reads it owns: per bin from
 * {@code firstBin} on, the reads counted as depth (those the read filters keep, by alignment start), the reads placed
 * ambiguously (dropped for mapping quality only), those of them at MAPQ 0, the sum of the mapping qualities of both
 * kinds, and of the owned reference bases how many are G or C, how many A, C, G or T, and how many in all. Every read
 * start and base is owned by one shard, so the shards' counts add up to the genome's whatever the shard size.
 */
public record BinCounts(String contig, int contigLength, int firstBin, int[] counted, int[] ambiguous, int[] mapq0, long[] mapqSum,
                        int[] gcBases, int[] acgtBases, int[] ownedBases) implements java.io.Serializable {

    /** Bins this holds. */
    public int size() {
        return counted.length;
    }
}
