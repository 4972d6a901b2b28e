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
    /**
     * Shards per worker that {@link #planFor} aims for: with fewer, the last shards
     * leave threads idle (11 shards on 2 threads let one finish a whole shard alone, and a light shard, say over a
     * gap, makes it worse).
     */
    public static final int SHARDS_PER_WORKER = 8;
    /** The least size the automatic plan uses: each shard re-reads a padding (621 bp by default) at each end. */
    public static final int MIN_AUTO_SHARD_SIZE = 10_000;

    private ShardPlanner() {}

    /**
     * The automatic plan for {@code workers} threads or executors: tiles of {@link #DEFAULT_SHARD_SIZE}, or smaller
     * (not below {@link #MIN_AUTO_SHARD_SIZE}) so that each worker gets at least {@link #SHARDS_PER_WORKER} of them.
     * Only small territories (a 1 Mb test genome, a few genes) get smaller tiles; calls do not depend on the size.
     */
    public static List<Shard> planFor(SAMSequenceDictionary dictionary, List<Interval> intervals, int workers,
                                      int padding) {
        long bases = bases(plan(dictionary, intervals, DEFAULT_SHARD_SIZE, padding));
        return plan(dictionary, intervals, autoSize(bases, workers), padding);
    }

    /** The bases a plan covers (padding not counted). */
    static long bases(List<Shard> shards) {
        return shards.stream().mapToLong(Shard::length).sum();
    }

    /** The automatic shard size for {@code bases} of territory over {@code workers}. */
    static int autoSize(long bases, int workers) {
        long perShard = -Math.floorDiv(-bases, (long) workers * SHARDS_PER_WORKER); // ceiling
        return (int) Math.max(MIN_AUTO_SHARD_SIZE, Math.min(DEFAULT_SHARD_SIZE, perShard));
    }

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
