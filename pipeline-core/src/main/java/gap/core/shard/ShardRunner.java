package gap.core.shard;

import gap.core.calling.Annotator;
import gap.core.calling.LowMapqFractions;
import gap.core.calling.ReadArtefacts;
import gap.core.calling.CallingParameters;
import gap.core.calling.CandidateFinder;
import gap.core.calling.Downsampler;
import gap.core.calling.GenotypeLikelihoodsModel;
import gap.core.calling.GqBands;
import gap.core.calling.GvcfModel;
import gap.core.calling.ReferenceConfidence;
import gap.core.model.GvcfRecord;
import gap.core.calling.PileupBuilder;
import gap.core.calling.ReadLikelihoods;
import gap.core.calling.VariantCaller;
import gap.core.cnv.BinCounter;
import gap.core.cnv.BinCounts;
import gap.core.cohort.TrioGenotyper;
import gap.core.cohort.Trio;
import gap.core.io.ReadSource;
import gap.core.io.ReferenceSource;
import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import gap.core.model.ReadCounts;
import gap.core.model.RefWindow;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.ShardCoverage;
import gap.core.scoring.KnownSites;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one shard, gives its joint calls over the run's samples: reads → candidates → pileups → likelihoods → calls →
 * trio genotypes and de novo qualities → annotations, keeping only sites the shard owns. Holds one thread's readers
 * (one per sample); the CLI and the Spark driver each run one per worker.
 */
public final class ShardRunner implements AutoCloseable {
    private final List<ReadSource> reads;
    private final ReferenceSource reference;
    private final CallingParameters params;
    private final CandidateFinder candidates;
    private final PileupBuilder pileups;
    private final GenotypeLikelihoodsModel model;
    private final VariantCaller caller;
    private final Annotator annotator = new Annotator();
    private final ReadArtefacts artefacts = new ReadArtefacts();
    private final TrioGenotyper trioGenotyper;
    private final KnownSites.Reader knownSites;
    /** Bases per copy-number bin; 0 when the run does not count depth bins. */
    private final int binSize;
    private final SamplePloidy ploidy;
    /** The GQ bands of the sample's gVCF records; null when the run writes no gVCF. */
    private final GqBands gvcfBands;
    private final GvcfModel gvcf;

    /** The copies each sample carries where: the reference's sex chromosomes and PARs, each sample's sex. */
    public record SamplePloidy(Ploidy map, List<Sex> sexes) implements java.io.Serializable {
        /** Each sample's copies at a site. */
        int[] at(String contig, int position) {
            int[] copies = new int[sexes.size()];
            for (int s = 0; s < copies.length; s++) {
                copies[s] = map.copies(contig, position, sexes.get(s));
            }
            return copies;
        }
    }

    public ShardRunner(ReadSource reads, ReferenceSource reference, CallingParameters params) {
        this(List.of(reads), reference, params, List.of(), null);
    }

    /**
     * Over several samples' reads, in the run's sample order, with the trios among them and the known sites (may be
     * null) that tell their children's de novo qualities which alleles are novel.
     */
    public ShardRunner(List<ReadSource> reads, ReferenceSource reference, CallingParameters params, List<Trio> trios,
                       KnownSites.Reader knownSites) {
        this(reads, reference, params, trios, knownSites, 0, new SamplePloidy(Ploidy.of(
                PanelRun.lengths(reference.dictionary()), Ploidy.regions(params.parRegions())),
                java.util.Collections.nCopies(reads.size(), Sex.UNKNOWN)));
    }

    /**
     * As above, counting each sample's depth in bins of {@code binSize} bases as the reads go by (0: not), and
     * calling each sample with the copies {@code ploidy} gives it.
     */
    public ShardRunner(List<ReadSource> reads, ReferenceSource reference, CallingParameters params, List<Trio> trios,
                       KnownSites.Reader knownSites, int binSize, SamplePloidy ploidy) {
        this(reads, reference, params, trios, knownSites, binSize, ploidy, null);
    }

    /** As above, also giving the (one) sample's gVCF records banded by {@code gvcfBands} (null: none). */
    public ShardRunner(List<ReadSource> reads, ReferenceSource reference, CallingParameters params, List<Trio> trios,
                       KnownSites.Reader knownSites, int binSize, SamplePloidy ploidy, GqBands gvcfBands) {
        if (gvcfBands != null && reads.size() != 1) {
            throw new IllegalArgumentException("a gVCF is of one sample");
        }
        this.gvcfBands = gvcfBands;
        this.gvcf = gvcfBands == null ? null : new GvcfModel(params);
        this.binSize = binSize;
        this.ploidy = ploidy;
        this.reads = List.copyOf(reads);
        this.knownSites = knownSites;
        this.reference = reference;
        this.params = params;
        this.candidates = new CandidateFinder(params);
        this.pileups = new PileupBuilder(params.maxReadsPerSite());
        this.model = new GenotypeLikelihoodsModel(params);
        this.caller = new VariantCaller(params);
        this.trioGenotyper = new TrioGenotyper(params.deNovoPrior(), params.nonMendelianRate(),
                params.deNovoNovelShare(), trios);
    }

    public ShardResult run(Shard shard) {
        List<List<AlignedRead>> kept = new ArrayList<>();
        List<ReadCounts> counts = new ArrayList<>();
        List<List<AlignedRead>> all = new ArrayList<>();
        List<BinCounter> binCounters = new ArrayList<>();
        List<List<AlignedRead>> lowMapq = new ArrayList<>();
        for (ReadSource source : reads) {
            BinCounter bins = binSize > 0 ? new BinCounter(shard, binSize,
                    reference.dictionary().getSequence(shard.contig()).getSequenceLength()) : null;
            ReadSource.ShardReads shardReads = source.query(shard, bins, true);
            all.add(shardReads.reads());
            // calling sees at most maxReadsPerStart reads per start; coverage QC counts them all
            kept.add(Downsampler.capPerStart(shardReads.reads(), params.maxReadsPerStart()));
            lowMapq.add(Downsampler.capPerStart(shardReads.lowMapq(), params.maxReadsPerStart()));
            counts.add(shardReads.counts());
            if (bins != null) {
                binCounters.add(bins);
            }
        }
        List<List<AlignedRead>> extent = new ArrayList<>(all);
        extent.addAll(lowMapq);
        RefWindow ref = window(reference, shard, extent, params.shardPadding());
        // a site the shard owns starts at most at its end and spans at most maxSiteSpan
        KnownSites.Alleles known = knownSites == null ? null
                : knownSites.alleles(shard.contig(), shard.start(), shard.end() + params.maxSiteSpan());
        List<GvcfRecord> gvcfRecords = gvcfBands == null ? null : new ArrayList<>();
        List<VariantCall> calls = callSites(candidates.find(shard, ref, kept, lowMapq), kept, lowMapq, ref, known,
                gvcfRecords);
        if (gvcfRecords != null) {
            gvcfRecords = withBlocks(shard, gvcfRecords, kept.get(0), ref);
        }
        List<CoverageMetrics> coverage = new ArrayList<>();
        for (List<AlignedRead> sample : all) {
            coverage.add(ShardCoverage.measure(shard, sample, ref));
        }
        List<BinCounts> bins = new ArrayList<>();
        for (BinCounter counter : binCounters) {
            bins.add(counter.result(ref));
        }
        return new ShardResult(shard, calls, counts, coverage, bins,
                gvcfRecords == null ? List.of() : gvcfRecords);
    }

    /**
     * The shard's gVCF: its variant records and, at the positions it owns that none of them covers, reference blocks
     * from the same reads calling saw; in position order.
     */
    private List<GvcfRecord> withBlocks(Shard shard, List<GvcfRecord> variants, List<AlignedRead> reads,
                                        RefWindow ref) {
        boolean[] skip = new boolean[shard.length()];
        for (GvcfRecord v : variants) {
            for (int p = Math.max(v.position(), shard.start()); p <= Math.min(v.end(), shard.end()); p++) {
                skip[p - shard.start()] = true;
            }
        }
        List<GvcfRecord> all = new ArrayList<>(variants);
        all.addAll(GvcfModel.blocks(ReferenceConfidence.measure(reads, ref, shard.start(), shard.end()), ref,
                shard.start(), shard.end(), skip, gvcfBands));
        all.sort(java.util.Comparator.comparingInt(GvcfRecord::position).thenComparingInt(GvcfRecord::end));
        return all;
    }

    /**
     * Genotypes each site with each sample's reads that overlap it; sites must come in position order. {@code known}
     * (may be null) holds the known alleles of the sites; {@code lowMapq}, each sample's reads dropped for their
     * mapping quality, only count towards MQ0F and LMQF. Adds each site's gVCF record of the one sample to
     * {@code gvcfRecords} (null: none).
     */
    List<VariantCall> callSites(List<CandidateSite> sites, List<List<AlignedRead>> samples,
                                List<List<AlignedRead>> lowMapq, RefWindow ref, KnownSites.Alleles known,
                                List<GvcfRecord> gvcfRecords) {
        List<VariantCall> calls = new ArrayList<>();
        int n = samples.size();
        OverlappingReads overlapping = new OverlappingReads(samples);
        OverlappingReads overlappingLow = new OverlappingReads(lowMapq);
        for (CandidateSite site : sites) {
            List<Pileup> sitePileups = new ArrayList<>(n);
            List<ReadLikelihoods> likelihoods = new ArrayList<>(n);
            List<List<AlignedRead>> siteReads = new ArrayList<>(n);
            List<List<AlignedRead>> siteLow = new ArrayList<>(n);
            for (int s = 0; s < n; s++) {
                siteReads.add(overlapping.at(s, site));
                siteLow.add(overlappingLow.at(s, site));
                Pileup pileup = pileups.build(site, siteReads.get(s));
                sitePileups.add(pileup);
                likelihoods.add(model.compute(pileup, ref));
            }
            if (gvcfRecords != null) {
                gvcfRecords.add(gvcf.variant(site, sitePileups.get(0), likelihoods.get(0)));
            }
            VariantCaller.Joint joint = caller.call(sitePileups, likelihoods,
                    ploidy.at(site.contig(), site.position()));
            if (joint != null) {
                VariantCall call = trioGenotyper.refine(joint, novel(joint.call(), known));
                if (call.hasVariantGenotype()) { // the trio's posterior may find a lone weak het implausible
                    VariantCall annotated = artefacts.annotate(annotator.annotate(call, sitePileups, likelihoods),
                            sitePileups, likelihoods, siteReads, ref);
                    calls.add(LowMapqFractions.annotate(annotated, siteReads, siteLow));
                }
            }
        }
        return calls;
    }

    /** Per allele of the call, whether it is in no known-sites list; null without known sites. */
    static boolean[] novel(VariantCall call, KnownSites.Alleles known) {
        if (known == null) {
            return null;
        }
        boolean[] novel = new boolean[call.alleles().size()];
        for (int a = 1; a < novel.length; a++) {
            novel[a] = !known.isKnown(call, a);
        }
        return novel;
    }

    /*
     * The reference window must hold every base any stage looks at for a site this shard owns (repeat scans,
     * haplotype windows with their neighbours), or the calls would depend on where the shard begins. Those reach
     * at most two paddings beyond the shard or its reads; the window takes that much.
     */
    static RefWindow window(ReferenceSource reference, Shard shard, List<List<AlignedRead>> samples, int padding) {
        return reference.window(shard.contig(), windowStart(shard, samples, padding),
                windowEnd(shard, samples, padding));
    }

    private static int windowStart(Shard shard, List<List<AlignedRead>> samples, int padding) {
        int start = shard.start();
        for (List<AlignedRead> reads : samples) {
            if (!reads.isEmpty()) {
                start = Math.min(start, reads.get(0).start());
            }
        }
        return start - 2 * padding;
    }

    private static int windowEnd(Shard shard, List<List<AlignedRead>> samples, int padding) {
        int end = shard.paddedEnd();
        for (List<AlignedRead> reads : samples) {
            for (AlignedRead r : reads) {
                end = Math.max(end, r.end());
            }
        }
        return end + 2 * padding;
    }

    @Override
    public void close() {
        closeAll(closeables());
    }

    /** Closes every one of {@code closeables}, even when some fail; rethrows the first failure. */
    static void closeAll(List<? extends AutoCloseable> closeables) {
        RuntimeException failure = null;
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private List<AutoCloseable> closeables() {
        List<AutoCloseable> all = new ArrayList<>(reads);
        all.add(reference);
        if (knownSites != null) {
            all.add(knownSites);
        }
        return all;
    }
}
