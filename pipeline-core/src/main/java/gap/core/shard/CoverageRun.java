package gap.core.shard;

import gap.core.io.ReadFilters;
import gap.core.io.ReadSource;
import gap.core.io.ReferenceSource;
import gap.core.model.ReadCounts;
import gap.core.model.Shard;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.ShardCoverage;
import java.nio.file.Path;
import java.util.List;

/**
 * Takes one sample's reads and a shard plan, gives the tally of its reads and the coverage of its callable bases:
 * the numbers {@code gap call} measures while calling, by the same classes, for {@code gap qc} on reads called
 * before. Shards run on a {@link ShardExecutor}; their results add up in any order.
 */
public final class CoverageRun {
    /** The reads' tally and coverage of one sample. */
    public record Result(ReadCounts readCounts, CoverageMetrics coverage) {}

    /** What one shard measured. */
    private record Measured(Shard shard, ReadCounts readCounts, CoverageMetrics coverage) {}

    private CoverageRun() {}

    public static Result run(Path reference, Path reads, Path readsIndex, int minMappingQuality, List<Shard> shards,
                             ShardExecutor executor, ProgressMeter progress) {
        ReadCounts[] counts = {ReadCounts.EMPTY};
        CoverageMetrics[] coverage = {CoverageMetrics.EMPTY};
        executor.forEachInOrder(shards, () -> new Worker(new ReadSource(reads, readsIndex, reference,
                new ReadFilters(minMappingQuality)), new ReferenceSource(reference)), worker -> worker::measure,
                (Measured m) -> {
                    counts[0] = counts[0].plus(m.readCounts());
                    coverage[0] = coverage[0].plus(m.coverage());
                    progress.update(m.shard().contig() + ":" + m.shard().end(), m.readCounts().seen(),
                            m.shard().length());
                });
        return new Result(counts[0], coverage[0]);
    }

    /** One thread's readers. */
    private record Worker(ReadSource reads, ReferenceSource reference) implements AutoCloseable {
        Measured measure(Shard shard) {
            ReadSource.ShardReads r = reads.query(shard);
            CoverageMetrics c = ShardCoverage.measure(shard, r.reads(),
                    reference.window(shard.contig(), shard.start(), shard.end()));
            return new Measured(shard, r.counts(), c);
        }

        @Override
        public void close() {
            try (reads; reference) {
                // closes both, even if one fails
            }
        }
    }
}
