package gap.core.qc;

import gap.core.model.AlignedRead;
import gap.core.model.RefWindow;
import gap.core.model.Shard;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one shard's filtered reads and its reference, gives the {@link CoverageMetrics} of the bases the shard owns.
 *
 * <p>Depth at a position is the number of fragments with an aligned base there, as {@code samtools depth -s} counts
 * it over the reads gap keeps (unmapped, secondary, supplementary, duplicate, QC-fail and MAPQ &lt; 20 reads are
 * already gone): a deletion or a reference skip ({@code D}, {@code N}) is not coverage (samtools depth without
 * {@code -J}), clipped bases are not, any base quality is; two overlapping mates read one molecule, so where both
 * align a base they count once. Callable bases are the owned positions whose reference base is not N. Every position
 * belongs to exactly one shard, so the shards' metrics add up to the genome's whatever the shard size.
 */
public final class ShardCoverage {
    private ShardCoverage() {}

    public static CoverageMetrics measure(Shard shard, List<AlignedRead> reads, RefWindow ref) {
        int from = shard.start();
        int to = shard.end();
        // Depth changes where aligned blocks start and end: adding +1/-1 there and summing once is linear in the
        // blocks, not in the bases.
        int[] change = new int[to - from + 2];
        Map<String, int[]> unpaired = new HashMap<>();
        for (AlignedRead read : reads) {
            if (!read.overlaps(from, to)) {
                continue;
            }
            int[] blocks = alignedBlocks(read, from, to);
            for (int b = 0; b < blocks.length; b += 2) {
                change[blocks[b] - from]++;
                change[blocks[b + 1] - from + 1]--;
            }
            int[] mate = unpaired.remove(read.name());
            if (mate == null) {
                unpaired.put(read.name(), blocks);
            } else {
                subtractOverlap(mate, blocks, change, from);
            }
        }
        long[] histogram = new long[CoverageMetrics.CAP + 1];
        long territory = 0;
        long sum = 0;
        int depth = 0;
        for (int p = from; p <= to; p++) {
            depth += change[p - from];
            if (ref.base(p) == 'N') {
                continue;
            }
            territory++;
            sum += depth;
            histogram[Math.min(depth, CoverageMetrics.CAP)]++;
        }
        return new CoverageMetrics(territory, sum, histogram);
    }

    /** The read's aligned blocks clipped to {@code [from, to]}, as start, end pairs (inclusive), in order. */
    private static int[] alignedBlocks(AlignedRead read, int from, int to) {
        byte[] ops = read.cigarOps();
        int[] lengths = read.cigarLengths();
        int[] blocks = new int[2 * ops.length];
        int n = 0;
        int refPos = read.start();
        for (int c = 0; c < ops.length && refPos <= to; c++) {
            if (AlignedRead.isAligned(ops[c])) {
                int lo = Math.max(refPos, from);
                int hi = Math.min(refPos + lengths[c] - 1, to);
                if (lo <= hi) {
                    if (n > 0 && blocks[n - 1] == lo - 1) {
                        blocks[n - 1] = hi; // M then = or X: one block
                    } else {
                        blocks[n++] = lo;
                        blocks[n++] = hi;
                    }
                }
            }
            if (AlignedRead.consumesReference(ops[c])) {
                refPos += lengths[c];
            }
        }
        return java.util.Arrays.copyOf(blocks, n);
    }

    /** Where both mates align a base, the fragment was counted twice: take one back. */
    private static void subtractOverlap(int[] a, int[] b, int[] change, int from) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int lo = Math.max(a[i], b[j]);
            int hi = Math.min(a[i + 1], b[j + 1]);
            if (lo <= hi) {
                change[lo - from]--;
                change[hi - from + 1]++;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
    }
}
