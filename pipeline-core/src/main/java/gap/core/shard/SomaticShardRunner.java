package gap.core.shard;

import gap.core.calling.CallingParameters;
import gap.core.calling.CandidateFinder;
import gap.core.calling.Downsampler;
import gap.core.calling.GenotypeLikelihoodsModel;
import gap.core.calling.PileupBuilder;
import gap.core.calling.ReadLikelihoods;
import gap.core.io.ReadSource;
import gap.core.io.ReferenceSource;
import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.ReadCounts;
import gap.core.model.RefWindow;
import gap.core.model.Shard;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.ShardCoverage;
import gap.core.somatic.GermlineSite;
import gap.core.somatic.SomaticGenotyper;
import gap.core.somatic.SomaticParameters;
import gap.core.somatic.SomaticSite;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one shard, gives its somatic candidates: the germline engine's stages (candidates from the tumour's and the
 * normal's reads with local assembly, pileups, pair-HMM fragment likelihoods), then the somatic genotyper on each
 * site, keeping the sites the shard owns; and the normal's hom-alt sites for the contamination estimate. Holds one
 * thread's readers: the tumour's first, then the normal's when there is one.
 */
public final class SomaticShardRunner implements AutoCloseable {
    /** Tumour depth at which a position counts as callable (Mutect2's --callable-depth). */
    static final int CALLABLE_DEPTH = 10;

    private final List<ReadSource> reads;
    private final ReferenceSource reference;
    private final CallingParameters params;
    private final CandidateFinder candidates;
    private final PileupBuilder pileups;
    private final GenotypeLikelihoodsModel model;
    private final SomaticGenotyper genotyper;

    /** {@code reads}: the tumour's, then the normal's if any. */
    public SomaticShardRunner(List<ReadSource> reads, ReferenceSource reference, CallingParameters params,
                              SomaticParameters somatic) {
        this.reads = List.copyOf(reads);
        this.reference = reference;
        this.params = params;
        this.candidates = new CandidateFinder(params);
        this.pileups = new PileupBuilder(params.maxReadsPerSite());
        this.model = GenotypeLikelihoodsModel.independentErrors(params);
        this.genotyper = new SomaticGenotyper(somatic, params.minBaseQuality());
    }

    public SomaticShardResult run(Shard shard) {
        List<List<AlignedRead>> kept = new ArrayList<>();
        List<List<AlignedRead>> all = new ArrayList<>();
        List<ReadCounts> counts = new ArrayList<>();
        for (ReadSource source : reads) {
            ReadSource.ShardReads shardReads = source.query(shard);
            all.add(shardReads.reads());
            // calling sees at most maxReadsPerStart reads per start (Mutect2 caps them too); coverage counts them all
            kept.add(Downsampler.capPerStart(shardReads.reads(), params.maxReadsPerStart()));
            counts.add(shardReads.counts());
        }
        RefWindow ref = ShardRunner.window(reference, shard, all, params.shardPadding());
        List<SomaticSite> sites = new ArrayList<>();
        List<GermlineSite> germline = new ArrayList<>();
        boolean withNormal = kept.size() > 1;
        OverlappingReads overlapping = new OverlappingReads(kept);
        for (CandidateSite site : candidates.find(shard, ref, kept)) {
            Pileup tumourPileup = pileups.build(site, overlapping.at(0, site));
            ReadLikelihoods tumour = model.compute(tumourPileup, ref);
            Pileup normalPileup = withNormal ? pileups.build(site, overlapping.at(1, site)) : null;
            ReadLikelihoods normal = withNormal ? model.compute(normalPileup, ref) : null;
            SomaticSite call = genotyper.call(ref, site, tumourPileup, tumour, normalPileup, normal);
            if (call != null) {
                sites.add(call);
            }
            GermlineSite homAlt = withNormal ? GermlineSite.of(site, tumour, normal) : null;
            if (homAlt != null) {
                germline.add(homAlt);
            }
        }
        List<CoverageMetrics> coverage = new ArrayList<>();
        for (List<AlignedRead> sample : all) {
            coverage.add(ShardCoverage.measure(shard, sample, ref));
        }
        return new SomaticShardResult(shard, sites, germline, callable(shard, all.get(0), ref), counts, coverage);
    }

    /** Owned positions with a reference base where at least {@link #CALLABLE_DEPTH} tumour reads align a base. */
    static long callable(Shard shard, List<AlignedRead> reads, RefWindow ref) {
        int n = shard.end() - shard.start() + 1;
        int[] delta = new int[n + 1];
        for (AlignedRead read : reads) {
            byte[] ops = read.cigarOps();
            int[] lens = read.cigarLengths();
            int pos = read.start();
            for (int c = 0; c < ops.length; c++) {
                if (AlignedRead.isAligned(ops[c])) {
                    int from = Math.max(pos, shard.start()) - shard.start();
                    int to = Math.min(pos + lens[c] - 1, shard.end()) - shard.start();
                    if (from <= to) {
                        delta[from]++;
                        delta[to + 1]--;
                    }
                }
                if (AlignedRead.consumesReference(ops[c])) {
                    pos += lens[c];
                }
            }
        }
        long callable = 0;
        int depth = 0;
        for (int i = 0; i < n; i++) {
            depth += delta[i];
            if (depth >= CALLABLE_DEPTH && ref.base(shard.start() + i) != 'N') {
                callable++;
            }
        }
        return callable;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(reads);
        all.add(reference);
        ShardRunner.closeAll(all);
    }
}
