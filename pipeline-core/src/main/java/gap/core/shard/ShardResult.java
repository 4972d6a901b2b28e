package gap.core.shard;

import gap.core.calling.ReadCounts;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import java.util.List;

/** What one shard gives: its calls in position order and the tally of the reads it owns. */
public record ShardResult(Shard shard, List<VariantCall> calls, ReadCounts readCounts) {
    public ShardResult {
        calls = List.copyOf(calls);
    }
}
