package gap.core.calling;

import java.util.EnumMap;
import java.util.Map;

/**
 * Reads seen and kept, and drops per filter reason. Each read is counted once, by the shard that owns its
 * alignment start, so counts from all shards add up to the file's.
 */
public record ReadCounts(Map<ReadFilters.Reason, Long> byReason) implements java.io.Serializable {
    public static final ReadCounts EMPTY = new ReadCounts(Map.of());

    public ReadCounts {
        byReason = Map.copyOf(byReason);
    }

    public long get(ReadFilters.Reason reason) {
        return byReason.getOrDefault(reason, 0L);
    }

    /** All reads counted, kept or dropped. */
    public long seen() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public ReadCounts plus(ReadCounts other) {
        EnumMap<ReadFilters.Reason, Long> sum = new EnumMap<>(ReadFilters.Reason.class);
        sum.putAll(byReason);
        other.byReason.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new ReadCounts(sum);
    }

    /** A mutable tally for one shard. */
    public static final class Tally {
        private final long[] counts = new long[ReadFilters.Reason.values().length];

        public void add(ReadFilters.Reason reason) {
            counts[reason.ordinal()]++;
        }

        public ReadCounts toCounts() {
            EnumMap<ReadFilters.Reason, Long> map = new EnumMap<>(ReadFilters.Reason.class);
            for (ReadFilters.Reason r : ReadFilters.Reason.values()) {
                if (counts[r.ordinal()] > 0) {
                    map.put(r, counts[r.ordinal()]);
                }
            }
            return new ReadCounts(map);
        }
    }
}
