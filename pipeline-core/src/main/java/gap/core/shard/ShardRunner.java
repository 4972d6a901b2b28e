package gap.core.shard;

import gap.core.calling.Annotator;
import gap.core.calling.CallingParameters;
import gap.core.calling.CandidateFinder;
import gap.core.calling.GenotypeLikelihoodsModel;
import gap.core.calling.PileupBuilder;
import gap.core.calling.ReadLikelihoods;
import gap.core.calling.VariantCaller;
import gap.core.io.ReadSource;
import gap.core.io.RefWindow;
import gap.core.io.ReferenceSource;
import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.qc.ShardCoverage;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one shard, gives its calls: reads → candidates → pileups → likelihoods → calls → annotations, keeping only sites the
 * shard owns. Holds one thread's readers; the CLI and the Spark driver each run one per worker.
 */
public final class ShardRunner implements AutoCloseable {
    private final ReadSource reads;
    private final ReferenceSource reference;
    private final CallingParameters params;
    private final CandidateFinder candidates;
    private final PileupBuilder pileups;
    private final GenotypeLikelihoodsModel model;
    private final VariantCaller caller;
    private final Annotator annotator = new Annotator();

    public ShardRunner(ReadSource reads, ReferenceSource reference, CallingParameters params) {
        this.reads = reads;
        this.reference = reference;
        this.params = params;
        this.candidates = new CandidateFinder(params);
        this.pileups = new PileupBuilder(params.haplotypeFlank(), params.maxReadsPerSite());
        this.model = new GenotypeLikelihoodsModel(params);
        this.caller = new VariantCaller(params);
    }

    public ShardResult run(Shard shard) {
        ReadSource.ShardReads shardReads = reads.query(shard);
        List<AlignedRead> kept = shardReads.reads();
        RefWindow ref = reference.window(shard.contig(), windowStart(shard, kept), windowEnd(shard, kept));
        List<VariantCall> calls = callSites(candidates.find(shard, kept, ref), kept, ref, pileups, model, caller,
                annotator);
        return new ShardResult(shard, calls, shardReads.counts(), ShardCoverage.measure(shard, kept, ref));
    }

    /** Genotypes each site with the reads that overlap it; sites must come in position order. */
    static List<VariantCall> callSites(List<CandidateSite> sites, List<AlignedRead> reads, RefWindow ref,
                                       PileupBuilder pileups, GenotypeLikelihoodsModel model, VariantCaller caller,
                                       Annotator annotator) {
        List<VariantCall> calls = new ArrayList<>();
        List<AlignedRead> active = new ArrayList<>();
        int next = 0;
        for (CandidateSite site : sites) {
            while (next < reads.size() && reads.get(next).start() <= site.spanEnd()) {
                active.add(reads.get(next++));
            }
            active.removeIf(r -> r.end() < site.position());
            Pileup pileup = pileups.build(site, active);
            ReadLikelihoods likelihoods = model.compute(pileup, ref);
            VariantCall call = caller.call(pileup, likelihoods);
            if (call != null) {
                calls.add(annotator.annotate(call, pileup, likelihoods));
            }
        }
        return calls;
    }

    /*
     * The reference window must hold every base any stage looks at for a site this shard owns (repeat scans,
     * haplotype windows with their neighbours), or the calls would depend on where the shard begins. Those reach
     * at most two paddings beyond the shard or its reads; the window takes that much.
     */
    private int windowStart(Shard shard, List<AlignedRead> reads) {
        int start = reads.isEmpty() ? shard.start() : Math.min(shard.start(), reads.get(0).start());
        return start - 2 * params.shardPadding();
    }

    private int windowEnd(Shard shard, List<AlignedRead> reads) {
        int end = shard.paddedEnd();
        for (AlignedRead r : reads) {
            end = Math.max(end, r.end());
        }
        return end + 2 * params.shardPadding();
    }

    @Override
    public void close() {
        try (reads; reference) {
            // closes both, even if one fails
        }
    }
}
