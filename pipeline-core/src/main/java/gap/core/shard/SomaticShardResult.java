package gap.core.shard;

import gap.core.model.ReadCounts;
import gap.core.model.Shard;
import gap.core.qc.CoverageMetrics;
import gap.core.somatic.GermlineSite;
import gap.core.somatic.SomaticSite;
import java.util.List;

/**
 * What one shard of somatic calling gives: its candidate somatic sites and the normal's hom-alt germline sites, in
 * position order; the positions it owns where the tumour is deep enough to call ({@code callable}); and per sample
 * (tumour, then normal) the tally of its reads and the coverage of its bases.
 */
public record SomaticShardResult(Shard shard, List<SomaticSite> sites, List<GermlineSite> germline, long callable,
                                 List<ReadCounts> readCounts, List<CoverageMetrics> coverage)
        implements java.io.Serializable {
    public SomaticShardResult {
        sites = List.copyOf(sites);
        germline = List.copyOf(germline);
        readCounts = List.copyOf(readCounts);
        coverage = List.copyOf(coverage);
    }
}
