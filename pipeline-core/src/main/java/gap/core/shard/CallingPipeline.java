package gap.core.shard;

import gap.core.calling.CallingParameters;
import gap.core.calling.ReadCounts;
import gap.core.calling.ReadFilters;
import gap.core.io.ReadSource;
import gap.core.io.ReferenceSource;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.qc.CoverageMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The orchestration of one sample, once for every driver: run the shards on an executor, merge their calls in genome
 * order into the sink, add up their read tallies and coverage, and log progress and the read filters' drop counts.
 * The caller starts and stops the {@link ProgressMeter}, which may follow several samples.
 */
public final class CallingPipeline {
    private static final Logger LOG = LogManager.getLogger(CallingPipeline.class);

    /** The files one sample's calling reads: reference FASTA, reads (BAM/CRAM) and the reads' index. */
    public record Inputs(Path reference, Path reads, Path readsIndex) {}

    /** What a run did: calls written, the reads' tally, and the coverage of the callable bases. */
    public record Summary(long calls, ReadCounts readCounts, CoverageMetrics coverage) {}

    private CallingPipeline() {}

    /** Runs every shard and hands the calls to {@code sink} in genome order. */
    public static Summary run(Inputs inputs, CallingParameters params, List<Shard> shards, ShardExecutor executor,
                              Consumer<VariantCall> sink, ProgressMeter progress) {
        long[] calls = {0};
        ReadCounts[] counts = {ReadCounts.EMPTY};
        CoverageMetrics[] coverage = {CoverageMetrics.EMPTY};
        Consumer<ShardResult> merge = result -> {
            result.calls().forEach(sink);
            calls[0] += result.calls().size();
            counts[0] = counts[0].plus(result.readCounts());
            coverage[0] = coverage[0].plus(result.coverage());
            Shard shard = result.shard();
            progress.update(shard.contig() + ":" + shard.end(), result.readCounts().seen(),
                    shard.end() - shard.start() + 1L);
        };
        executor.forEachInOrder(shards, () -> openRunner(inputs, params), runner -> runner::run, merge);
        logReadCounts(counts[0]);
        return new Summary(calls[0], counts[0], coverage[0]);
    }

    static ShardRunner openRunner(Inputs inputs, CallingParameters params) {
        ReferenceSource reference = new ReferenceSource(inputs.reference());
        ReadSource reads = new ReadSource(inputs.reads(), inputs.readsIndex(), inputs.reference(),
                new ReadFilters(params.minMappingQuality()));
        return new ShardRunner(reads, reference, params);
    }

    private static void logReadCounts(ReadCounts counts) {
        StringBuilder dropped = new StringBuilder();
        for (ReadFilters.Reason reason : ReadFilters.Reason.values()) {
            if (reason != ReadFilters.Reason.PASS) {
                dropped.append(dropped.length() == 0 ? "" : ", ").append(counts.get(reason)).append(' ')
                        .append(reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        LOG.info("{} reads seen, {} kept; dropped: {}", counts.seen(), counts.get(ReadFilters.Reason.PASS), dropped);
    }
}
