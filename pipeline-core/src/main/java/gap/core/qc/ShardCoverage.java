package gap.core.qc;

import gap.core.io.RefWindow;
import gap.core.model.AlignedRead;
import gap.core.model.Shard;
import java.util.BitSet;
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
        int[] depth = new int[to - from + 1];
        Map<String, AlignedRead> unpaired = new HashMap<>();
        for (AlignedRead read : reads) {
            if (!read.overlaps(from, to)) {
                continue;
            }
            AlignedRead mate = unpaired.remove(read.name());
            if (mate == null) {
                unpaired.put(read.name(), read);
            }
            addBases(read, mate == null ? null : alignedPositions(mate, from, to), depth, from, to);
        }
        long[] histogram = new long[CoverageMetrics.CAP + 1];
        long territory = 0;
        long sum = 0;
        for (int p = from; p <= to; p++) {
            if (ref.base(p) == 'N') {
                continue;
            }
            int d = depth[p - from];
            territory++;
            sum += d;
            histogram[Math.min(d, CoverageMetrics.CAP)]++;
        }
        return new CoverageMetrics(territory, sum, histogram);
    }

    /** Adds one to every position in {@code [from, to]} where the read aligns a base and its mate did not. */
    private static void addBases(AlignedRead read, BitSet mateBases, int[] depth, int from, int to) {
        byte[] ops = read.cigarOps();
        int[] lengths = read.cigarLengths();
        int refPos = read.start();
        for (int c = 0; c < ops.length && refPos <= to; c++) {
            if (AlignedRead.isAligned(ops[c])) {
                int lo = Math.max(refPos, from);
                int hi = Math.min(refPos + lengths[c] - 1, to);
                for (int p = lo; p <= hi; p++) {
                    if (mateBases == null || !mateBases.get(p - from)) {
                        depth[p - from]++;
                    }
                }
            }
            if (AlignedRead.consumesReference(ops[c])) {
                refPos += lengths[c];
            }
        }
    }

    /** The positions in {@code [from, to]} where {@code read} aligns a base, as offsets from {@code from}. */
    private static BitSet alignedPositions(AlignedRead read, int from, int to) {
        BitSet bases = new BitSet();
        byte[] ops = read.cigarOps();
        int[] lengths = read.cigarLengths();
        int refPos = read.start();
        for (int c = 0; c < ops.length && refPos <= to; c++) {
            if (AlignedRead.isAligned(ops[c])) {
                int lo = Math.max(refPos, from);
                int hi = Math.min(refPos + lengths[c] - 1, to);
                if (lo <= hi) {
                    bases.set(lo - from, hi - from + 1);
                }
            }
            if (AlignedRead.consumesReference(ops[c])) {
                refPos += lengths[c];
            }
        }
        return bases;
    }
}
