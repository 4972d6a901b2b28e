package gap.core.shard;

import gap.core.model.Shard;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.Interval;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the reference's sequence dictionary, optional intervals and a shard size, gives the shards in genome
 * order: each interval (each whole contig without intervals) cut into tiles of at most {@code shardSize} bases.
 * Tiles start at the interval start, so the same inputs always give the same shards.
 */
public final class ShardPlanner {
    /** The default tile: small enough that a 1 Mb genome makes ten tasks to spread over threads or executors. */
    public static final int DEFAULT_SHARD_SIZE = 100_000;

    private ShardPlanner() {}

    /**
     * @param intervals 1-based inclusive, sorted in dictionary order and non-overlapping (see {@link Intervals}),
     *                  or empty for the whole genome
     * @param padding   bases read past each shard's end (at least the longest site span)
     */
    public static List<Shard> plan(SAMSequenceDictionary dictionary, List<Interval> intervals, int shardSize,
                                   int padding) {
        if (shardSize < 1) {
            throw new IllegalArgumentException("shard size must be positive");
        }
        List<Interval> targets = intervals;
        if (targets.isEmpty()) {
            targets = new ArrayList<>();
            for (SAMSequenceRecord seq : dictionary.getSequences()) {
                targets.add(new Interval(seq.getSequenceName(), 1, seq.getSequenceLength()));
            }
        }
        List<Shard> shards = new ArrayList<>();
        for (Interval target : targets) {
            for (long start = target.getStart(); start <= target.getEnd(); start += shardSize) {
                int end = (int) Math.min(target.getEnd(), start + shardSize - 1);
                shards.add(new Shard(shards.size(), target.getContig(), (int) start, end, padding));
            }
        }
        return shards;
    }
}
