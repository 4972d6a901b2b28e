package gap.core.calling;

import gap.core.model.AlignedRead;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Takes one sample's reads in position order, gives them with at most {@code maxPerStart} of those starting at any one
 * position, as GATK caps reads per alignment start: the kept ones are those with the smallest hash of their name (both
 * mates of a fragment share it), so the choice is the same whichever shard or thread reads them, and the cost of a
 * pathological pileup (centromeric satellites, collapsed repeats at 10,000x) stays bounded while ordinary depth is
 * untouched. Linear in the reads.
 */
public final class Downsampler {
    private Downsampler() {}

    public static List<AlignedRead> capPerStart(List<AlignedRead> reads, int maxPerStart) {
        int n = reads.size();
        int i = 0;
        while (i < n && !crowded(reads, i, maxPerStart)) {
            i++;
        }
        if (i == n) {
            return reads; // the usual case: nothing to drop, no copy
        }
        List<AlignedRead> out = new ArrayList<>(reads.subList(0, i));
        while (i < n) {
            int j = i;
            while (j < n && reads.get(j).start() == reads.get(i).start()) {
                j++;
            }
            out.addAll(j - i > maxPerStart ? sample(reads.subList(i, j), maxPerStart) : reads.subList(i, j));
            i = j;
        }
        return out;
    }

    /** True when read {@code i} begins a run of more than {@code max} reads with its start. */
    private static boolean crowded(List<AlignedRead> reads, int i, int max) {
        int start = reads.get(i).start();
        return (i == 0 || reads.get(i - 1).start() != start) && i + max < reads.size()
                && reads.get(i + max).start() == start;
    }

    /** The {@code max} reads of one start with the smallest name hash, in their original order. */
    private static List<AlignedRead> sample(List<AlignedRead> group, int max) {
        return smallestKeys(group, max, r -> r.name().hashCode(), AlignedRead::name);
    }

    /**
     * The {@code n} items with the smallest mixed {@code key} (ties by {@code name}), in their original order: a
     * deterministic sample that depends on the items alone, never on their order or on who draws it.
     */
    static <T> List<T> smallestKeys(List<T> items, int n, ToLongFunction<T> key, Function<T, String> name) {
        Integer[] order = new Integer[items.size()];
        long[] keys = new long[items.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
            keys[k] = mix(key.applyAsLong(items.get(k)));
        }
        Arrays.sort(order, (x, y) -> keys[x] != keys[y] ? Long.compare(keys[x], keys[y])
                : name.apply(items.get(x)).compareTo(name.apply(items.get(y))));
        Integer[] kept = Arrays.copyOf(order, n);
        Arrays.sort(kept);
        List<T> out = new ArrayList<>(n);
        for (int k : kept) {
            out.add(items.get(k));
        }
        return out;
    }

    /** SplitMix64's finaliser, so similar names give unrelated keys. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
