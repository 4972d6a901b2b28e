package gap.core.shard;

import gap.core.model.ReadCounts;
import gap.core.cnv.BinCounts;
import gap.core.model.GvcfRecord;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.qc.CoverageMetrics;
import java.util.List;

/**
 * What one shard gives: its calls in position order, and per sample (in the run's order) the tally of the reads it
 * owns, the coverage of the bases it owns and, when the run counts copy number, its depth bins (else empty); with
 * a gVCF, the one sample's gVCF records of the positions it owns, in order (else empty).
 */
public record ShardResult(Shard shard, List<VariantCall> calls, List<ReadCounts> readCounts,
                          List<CoverageMetrics> coverage, List<BinCounts> bins, List<GvcfRecord> gvcf)
        implements java.io.Serializable {
    public ShardResult {
        gvcf = List.copyOf(gvcf);
        calls = List.copyOf(calls);
        readCounts = List.copyOf(readCounts);
        coverage = List.copyOf(coverage);
        bins = List.copyOf(bins);
    }

    /** Without depth bins. */
    public ShardResult(Shard shard, List<VariantCall> calls, List<ReadCounts> readCounts,
                       List<CoverageMetrics> coverage) {
        this(shard, calls, readCounts, coverage, List.of(), List.of());
    }

    /** Without gVCF records. */
    public ShardResult(Shard shard, List<VariantCall> calls, List<ReadCounts> readCounts,
                       List<CoverageMetrics> coverage, List<BinCounts> bins) {
        this(shard, calls, readCounts, coverage, bins, List.of());
    }
}
