package gap.core.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * Reads seen and kept, and drops per filter reason. Each read is counted once, by the shard that owns its
 * alignment start, so counts from all shards add up to the file's.
 */
public record ReadCounts(Map<ReadCounts.Reason, Long> byReason) implements java.io.Serializable {
    /** Why a read was dropped (the read filters, in the order they are checked); {@link #PASS} when it was kept. */
    public enum Reason { PASS, UNMAPPED, SECONDARY, SUPPLEMENTARY, DUPLICATE, QC_FAIL, NO_BASES, LOW_MAPPING_QUALITY }

    public static final ReadCounts EMPTY = new ReadCounts(Map.of());

    public ReadCounts {
        byReason = Map.copyOf(byReason);
    }

    public long get(Reason reason) {
        return byReason.getOrDefault(reason, 0L);
    }

    /** All reads counted, kept or dropped. */
    public long seen() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public ReadCounts plus(ReadCounts other) {
        EnumMap<Reason, Long> sum = new EnumMap<>(Reason.class);
        sum.putAll(byReason);
        other.byReason.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new ReadCounts(sum);
    }

    /** A mutable tally for one shard. */
    public static final class Tally {
        private final long[] counts = new long[Reason.values().length];

        public void add(Reason reason) {
            counts[reason.ordinal()]++;
        }

        public ReadCounts toCounts() {
            EnumMap<Reason, Long> map = new EnumMap<>(Reason.class);
            for (Reason r : Reason.values()) {
                if (counts[r.ordinal()] > 0) {
                    map.put(r, counts[r.ordinal()]);
                }
            }
            return new ReadCounts(map);
        }
    }
}
