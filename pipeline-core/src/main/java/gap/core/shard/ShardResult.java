package gap.core.shard;

import gap.core.model.ReadCounts;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.qc.CoverageMetrics;
import java.util.List;

/**
 * What one shard gives: its calls in position order, and per sample (in the run's order) the tally of the reads it
 * owns and the coverage of the bases it owns.
 */
public record ShardResult(Shard shard, List<VariantCall> calls, List<ReadCounts> readCounts,
                          List<CoverageMetrics> coverage) implements java.io.Serializable {
    public ShardResult {
        calls = List.copyOf(calls);
        readCounts = List.copyOf(readCounts);
        coverage = List.copyOf(coverage);
    }
}
