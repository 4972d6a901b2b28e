package gap.core.shard;

import gap.core.calling.CallingParameters;
import gap.core.calling.GqBands;
import gap.core.model.GvcfRecord;
import gap.core.io.ReadFilters;
import gap.core.cnv.SampleDepth;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import gap.core.io.ReadSource;
import gap.core.io.ReferenceSource;
import gap.core.model.ReadCounts;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.qc.CoverageMetrics;
import gap.core.scoring.KnownSites;
import gap.core.cohort.Trio;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The orchestration of calling, once for every driver: run the shards on an executor, merge their joint calls in
 * genome order into the sink, add up each sample's read tallies and coverage, and log progress and the read filters'
 * drop counts. The caller starts and stops the {@link ProgressMeter}.
 */
public final class CallingPipeline {
    private static final Logger LOG = LogManager.getLogger(CallingPipeline.class);

    /**
     * The files calling reads: reference FASTA, and each sample's reads (BAM/CRAM) and their index, in the run's sample
     * order; the trios among those samples, whose children get de novo qualities; and the known-sites VCF (may be
     * null), which tells those qualities which alleles are novel. Serializable when its paths are (a cluster driver's
     * are), so the shard task can travel to executors.
     */
    public record Inputs(Path reference, List<Path> reads, List<Path> readsIndexes, List<Trio> trios,
                         Path knownSites, int cnvBinSize, Ploidy ploidy, List<Sex> sexes, GqBands gvcfBands,
                         boolean fromGvcfs)
            implements java.io.Serializable {
        public Inputs {
            sexes = sexes == null ? null : List.copyOf(sexes);
            reads = List.copyOf(reads);
            readsIndexes = List.copyOf(readsIndexes);
            trios = List.copyOf(trios);
            if (reads.size() != readsIndexes.size() || reads.isEmpty()) {
                throw new IllegalArgumentException("each of one or more reads files needs its index");
            }
        }

        /** Without a gVCF. */
        public Inputs(Path reference, List<Path> reads, List<Path> readsIndexes, List<Trio> trios, Path knownSites,
                      int cnvBinSize, Ploidy ploidy, List<Sex> sexes) {
            this(reference, reads, readsIndexes, trios, knownSites, cnvBinSize, ploidy, sexes, null, false);
        }

        /**
         * Without depth bins ({@code cnvBinSize} 0: copy number is not counted), and with the ploidy of samples of
         * unknown sex (X and Y diploid, chrM haploid) and the known builds' PARs.
         */
        public Inputs(Path reference, List<Path> reads, List<Path> readsIndexes, List<Trio> trios, Path knownSites) {
            this(reference, reads, readsIndexes, trios, knownSites, 0, null, null);
        }

        /** One sample. */
        public Inputs(Path reference, Path reads, Path readsIndex) {
            this(reference, List.of(reads), List.of(readsIndex), List.of(), null);
        }
    }

    /**
     * What a run did: calls written, and per sample the reads' tally, the coverage of the callable bases and, when
     * the run counted copy number, its depth bins (else an empty list).
     */
    public record Summary(long calls, List<ReadCounts> sampleReadCounts, List<CoverageMetrics> sampleCoverage,
                          List<SampleDepth> sampleDepth) {
        /** The reads' tally of all samples together. */
        public ReadCounts readCounts() {
            return sampleReadCounts.stream().reduce(ReadCounts.EMPTY, ReadCounts::plus);
        }
    }

    private CallingPipeline() {}

    /** Runs every shard and hands the calls to {@code sink} in genome order. */
    public static Summary run(Inputs inputs, CallingParameters params, List<Shard> shards, ShardExecutor executor,
                              Consumer<VariantCall> sink, ProgressMeter progress) {
        return run(inputs, params, shards, executor, sink, record -> { }, progress);
    }

    /** As above, handing the sample's gVCF records (when the inputs ask for them) to {@code gvcf} in genome order. */
    public static Summary run(Inputs inputs, CallingParameters params, List<Shard> shards, ShardExecutor executor,
                              Consumer<VariantCall> sink, Consumer<GvcfRecord> gvcf, ProgressMeter progress) {
        return execute(inputs, params, shards, executor, null, spilled -> { }, sink, gvcf, progress);
    }

    /**
     * As above, each shard's calls written to its spill file where the shard is called ({@link ShardSpill}): the
     * spilled shards, with their calls' digests, are handed to {@code spilled} in genome order and no call reaches
     * this thread.
     */
    static Summary runSpilled(Inputs inputs, CallingParameters params, List<Shard> shards, ShardExecutor executor,
                              ShardSpill spill, Consumer<ShardSpill.Spilled> spilled, Consumer<GvcfRecord> gvcf,
                              ProgressMeter progress) {
        return execute(inputs, params, shards, executor, spill, spilled, call -> { }, gvcf, progress);
    }

    /** Runs every shard, spilling its calls when {@code spill} is not null, else handing them to {@code sink}. */
    static Summary execute(Inputs inputs, CallingParameters params, List<Shard> shards,
                                   ShardExecutor executor, ShardSpill spill, Consumer<ShardSpill.Spilled> spilled,
                                   Consumer<VariantCall> sink, Consumer<GvcfRecord> gvcf, ProgressMeter progress) {
        int samples = inputs.reads().size();
        long[] calls = {0};
        ReadCounts[] counts = new ReadCounts[samples];
        CoverageMetrics[] coverage = new CoverageMetrics[samples];
        java.util.Arrays.fill(counts, ReadCounts.EMPTY);
        java.util.Arrays.fill(coverage, CoverageMetrics.EMPTY);
        List<SampleDepth> depth = new ArrayList<>();
        for (int s = 0; inputs.cnvBinSize() > 0 && s < samples; s++) {
            depth.add(new SampleDepth(inputs.cnvBinSize()));
        }
        Consumer<ShardSpill.Spilled> merge = shardSpilled -> {
            ShardResult result = shardSpilled.result();
            spilled.accept(shardSpilled);
            result.calls().forEach(sink);
            result.gvcf().forEach(gvcf);
            calls[0] += spill == null ? result.calls().size() : shardSpilled.digest().calls();
            long seen = 0;
            for (int s = 0; s < samples; s++) {
                counts[s] = counts[s].plus(result.readCounts().get(s));
                coverage[s] = coverage[s].plus(result.coverage().get(s));
                seen += result.readCounts().get(s).seen();
                if (!depth.isEmpty()) {
                    depth.get(s).add(result.bins().get(s));
                }
            }
            Shard shard = result.shard();
            progress.update(shard.contig() + ":" + shard.end(), seen);
        };
        if (inputs.fromGvcfs()) {
            executor.forEachInOrder(shards,
                    (java.util.function.Supplier<JointShardRunner> & java.io.Serializable) () -> openJoint(inputs, params),
                    (java.util.function.Function<JointShardRunner, java.util.function.Function<Shard,
                            ShardSpill.Spilled>> & java.io.Serializable)
                            runner -> shard -> ShardSpill.of(spill, runner.run(shard)),
                    merge, shard -> progress.done(shard.length()));
            return new Summary(calls[0], List.of(counts), List.of(coverage), List.copyOf(depth));
        }
        // Serializable, so an executor of other processes (Spark's) can ship the very same task to them.
        executor.forEachInOrder(shards,
                (java.util.function.Supplier<ShardRunner> & java.io.Serializable) () -> openRunner(inputs, params),
                (java.util.function.Function<ShardRunner, java.util.function.Function<Shard, ShardSpill.Spilled>>
                        & java.io.Serializable) runner -> shard -> ShardSpill.of(spill, runner.run(shard)),
                merge, shard -> progress.done(shard.length()));
        Summary summary = new Summary(calls[0], List.of(counts), List.of(coverage), List.copyOf(depth));
        logReadCounts(summary.readCounts());
        return summary;
    }

    static ShardRunner openRunner(Inputs inputs, CallingParameters params) {
        List<ReadSource> reads = new ArrayList<>();
        ReferenceSource reference = new ReferenceSource(inputs.reference());
        KnownSites.Reader known = null;
        try {
            for (int s = 0; s < inputs.reads().size(); s++) {
                reads.add(new ReadSource(inputs.reads().get(s), inputs.readsIndexes().get(s), inputs.reference(),
                        new ReadFilters(params.minMappingQuality())));
            }
            // only the de novo qualities of trio children look at known sites during calling
            if (inputs.knownSites() != null && !inputs.trios().isEmpty()) {
                known = new KnownSites.Reader(inputs.knownSites());
            }
        } catch (RuntimeException e) {
            reads.forEach(ReadSource::close);
            reference.close();
            throw e;
        }
        Ploidy ploidy = inputs.ploidy() != null ? inputs.ploidy()
                : Ploidy.of(PanelRun.lengths(reference.dictionary()), Ploidy.regions(params.parRegions()));
        List<Sex> sexes = inputs.sexes() != null ? inputs.sexes()
                : java.util.Collections.nCopies(inputs.reads().size(), Sex.UNKNOWN);
        return new ShardRunner(reads, reference, params, inputs.trios(), known, inputs.cnvBinSize(),
                new ShardRunner.SamplePloidy(ploidy, sexes), inputs.gvcfBands());
    }

    /** The joint genotyping of the samples' gVCFs (their {@code reads} and indexes). */
    static JointShardRunner openJoint(Inputs inputs, CallingParameters params) {
        List<gap.core.io.GvcfSource> gvcfs = new ArrayList<>();
        try {
            for (int s = 0; s < inputs.reads().size(); s++) {
                gvcfs.add(new gap.core.io.GvcfSource(inputs.reads().get(s), inputs.readsIndexes().get(s)));
            }
        } catch (RuntimeException e) {
            gvcfs.forEach(gap.core.io.GvcfSource::close);
            throw e;
        }
        KnownSites.Reader known = inputs.knownSites() != null && !inputs.trios().isEmpty()
                ? new KnownSites.Reader(inputs.knownSites()) : null;
        List<Sex> sexes = inputs.sexes() != null ? inputs.sexes()
                : java.util.Collections.nCopies(inputs.reads().size(), Sex.UNKNOWN);
        return new JointShardRunner(gvcfs, params, inputs.trios(), known,
                new ShardRunner.SamplePloidy(inputs.ploidy(), sexes));
    }

    private static void logReadCounts(ReadCounts counts) {
        StringBuilder dropped = new StringBuilder();
        for (ReadCounts.Reason reason : ReadCounts.Reason.values()) {
            if (reason != ReadCounts.Reason.PASS) {
                dropped.append(dropped.length() == 0 ? "" : ", ").append(counts.get(reason)).append(' ')
                        .append(reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        }
        LOG.info("{} reads seen, {} kept; dropped: {}", counts.seen(), counts.get(ReadCounts.Reason.PASS), dropped);
    }
}
