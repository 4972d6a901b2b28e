package gap.core.shard;

import gap.core.calling.Annotator;
import gap.core.calling.CallingParameters;
import gap.core.calling.GvcfSites;
import gap.core.calling.VariantCaller;
import gap.core.cohort.Trio;
import gap.core.cohort.TrioGenotyper;
import gap.core.io.GvcfSource;
import gap.core.io.GvcfStretch;
import gap.core.model.Contigs;
import gap.core.model.ReadCounts;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.qc.CoverageMetrics;
import gap.core.scoring.KnownSites;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one shard, gives its joint calls from the samples' gVCFs ({@code gap joint}): the sites where some sample has a
 * variant record ({@link GvcfSites}) → the same genotyping and QUAL as calling from reads ({@link VariantCaller}) →
 * trio genotypes and de novo qualities → the same annotations from the records' raw sums. chrM by heteroplasmy, from
 * each sample's estimates its records carry.
 */
final class JointShardRunner implements AutoCloseable {
    private final List<GvcfSource> gvcfs;
    private final CallingParameters params;
    private final VariantCaller caller;
    private final Annotator annotator = new Annotator();
    private final TrioGenotyper trioGenotyper;
    private final KnownSites.Reader knownSites;
    private final ShardRunner.SamplePloidy ploidy;

    JointShardRunner(List<GvcfSource> gvcfs, CallingParameters params, List<Trio> trios, KnownSites.Reader knownSites,
                     ShardRunner.SamplePloidy ploidy) {
        this.gvcfs = List.copyOf(gvcfs);
        this.params = params;
        this.caller = new VariantCaller(params);
        this.trioGenotyper = new TrioGenotyper(params.deNovoPrior(), params.nonMendelianRate(),
                params.deNovoNovelShare(), trios);
        this.knownSites = knownSites;
        this.ploidy = ploidy;
    }

    ShardResult run(Shard shard) {
        int n = gvcfs.size();
        List<GvcfStretch> records = new ArrayList<>();
        for (GvcfSource g : gvcfs) {
            records.add(g.query(shard.contig(), Math.max(1, shard.start() - params.maxSiteSpan()), shard.end()));
        }
        GvcfSites sites = new GvcfSites(records, params.maxSiteSpan());
        KnownSites.Alleles known = knownSites == null ? null
                : knownSites.alleles(shard.contig(), shard.start(), shard.end() + params.maxSiteSpan());
        List<VariantCall> calls = new ArrayList<>();
        boolean mito = Contigs.isMitochondrial(shard.contig());
        for (int position : sites.positions(shard.start(), shard.end())) {
            if (!mito && !sites.mayVary(position)) { // the caller would call nothing there
                continue;
            }
            VariantCall call = call(sites.at(shard.contig(), position), known);
            if (call != null) {
                calls.add(call);
            }
        }
        return new ShardResult(shard, calls, java.util.Collections.nCopies(n, ReadCounts.EMPTY),
                java.util.Collections.nCopies(n, CoverageMetrics.EMPTY));
    }

    /** The joint call of one site, refined by the trios and annotated, or null (as {@link ShardRunner} does). */
    private VariantCall call(GvcfSites.Site site, KnownSites.Alleles known) {
        String contig = site.site().contig();
        VariantCaller.Joint joint = Contigs.isMitochondrial(contig) ? caller.mitochondrial(site.site(), site.mito())
                : caller.call(site.site(), site.likelihoods(), site.covered(), site.depths(),
                        ploidy.at(contig, site.site().position()));
        if (joint == null) {
            return null;
        }
        VariantCall call = trioGenotyper.refine(joint, ShardRunner.novel(joint.call(), known));
        // the trio's posterior may find a lone weak het implausible
        return call.hasVariantGenotype() ? annotator.annotateFromGvcfs(call, site.raws(),
                java.util.Arrays.stream(site.depths()).sum()) : null;
    }

    @Override
    public void close() {
        List<AutoCloseable> all = new ArrayList<>(gvcfs);
        if (knownSites != null) {
            all.add(knownSites);
        }
        ShardRunner.closeAll(all);
    }
}
