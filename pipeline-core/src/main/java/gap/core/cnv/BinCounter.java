package gap.core.cnv;

import gap.core.model.ReadCounts;
import gap.core.io.ReadFilters;
import gap.core.io.ReadSource;
import gap.core.model.RefWindow;
import gap.core.model.Shard;

/**
 * Takes one shard of one sample and the bin size, sees the shard's owned reads as they are read for calling (no
 * second read of the file), gives their {@link BinCounts}: bin {@code b} of a contig covers 1-based positions
 * {@code b·size+1 … (b+1)·size}. A read counts in the bin of its alignment start, as GATK's CollectReadCounts counts.
 */
public final class BinCounter implements ReadSource.Observer {
    private final Shard shard;
    private final int binSize;
    private final int contigLength;
    private final int firstBin;
    private final int[] counted;
    private final int[] ambiguous;
    private final int[] mapq0;
    private final long[] mapqSum;

    public BinCounter(Shard shard, int binSize, int contigLength) {
        this.shard = shard;
        this.binSize = binSize;
        this.contigLength = contigLength;
        this.firstBin = (shard.start() - 1) / binSize;
        int bins = (shard.end() - 1) / binSize - firstBin + 1;
        this.counted = new int[bins];
        this.ambiguous = new int[bins];
        this.mapq0 = new int[bins];
        this.mapqSum = new long[bins];
    }

    @Override
    public void owned(int alignmentStart, int mappingQuality, ReadCounts.Reason reason) {
        boolean kept = reason == ReadCounts.Reason.PASS;
        if (!kept && reason != ReadCounts.Reason.LOW_MAPPING_QUALITY) {
            return; // unmapped, secondary, supplementary, duplicate, QC-fail: not a placed molecule
        }
        int b = (alignmentStart - 1) / binSize - firstBin;
        if (kept) {
            counted[b]++;
        } else {
            ambiguous[b]++;
            if (mappingQuality == 0) {
                mapq0[b]++;
            }
        }
        mapqSum[b] += mappingQuality == 255 ? 0 : mappingQuality;
    }

    /** The counts, with the GC content of the bases the shard owns read from {@code ref}. */
    public BinCounts result(RefWindow ref) {
        int bins = counted.length;
        int[] gc = new int[bins];
        int[] acgt = new int[bins];
        int[] owned = new int[bins];
        for (int p = shard.start(); p <= shard.end(); p++) {
            int b = (p - 1) / binSize - firstBin;
            owned[b]++;
            byte base = ref.base(p);
            if (base == 'G' || base == 'C') {
                gc[b]++;
                acgt[b]++;
            } else if (base == 'A' || base == 'T') {
                acgt[b]++;
            }
        }
        return new BinCounts(shard.contig(), contigLength, firstBin, counted, ambiguous, mapq0, mapqSum, gc, acgt, owned);
    }
}
