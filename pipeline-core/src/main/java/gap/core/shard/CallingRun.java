package gap.core.shard;

import gap.core.GapVersion;
import gap.core.UserException;
import gap.core.cohort.DeNovoTsv;
import gap.core.cohort.DeNovoCalls;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.CallsTableWriter;
import gap.core.io.GvcfSink;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.io.ReferenceSource;
import gap.core.io.TextFiles;
import gap.core.io.VcfSink;
import gap.core.model.Shard;
import gap.core.privacy.Samples;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.FamilyQc;
import gap.core.qc.report.QcFiles;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a checked run ({@link CallRequest}: samples with their reads' indexes, the pedigree, the territory, keys, an
 * output directory, optional known sites and population summary) and an executor, gives its outputs: the samples' joint calls, annotated with
 * population counts, scored and checked against the pedigree, in one VCF named by the sample's, family's or cohort's
 * pseudonym, then {@code calls.parquet} and {@code samples.parquet}, {@code denovo.tsv} when the pedigree has a trio,
 * then (unless turned off) the QC files in {@code qc/}; with a panel of normals, copy number too ({@link CopyNumberRun}:
 * its records in the VCF, {@code cnv.tsv}, {@code cnv.parquet}, its QC section), or copy number alone ({@code gap
 * cnv}: {@code <pseudonym>.cnv.vcf.gz}). Sex chromosomes and chrM are called with the samples' ploidy
 * ({@link SexCheck}). The one orchestration every driver runs; a driver only
 * parses options ({@link CallPreparation} checks them) and hands over a {@link ShardExecutor}, which also says how
 * many workers the shard plan is for. Ends with one summary line: calls, PASS, elapsed time, peak
 * memory.
 */
public final class CallingRun {
    private static final Logger LOG = LogManager.getLogger(CallingRun.class);
    /** The folder of the QC files inside the output directory. */
    public static final String QC_DIR = "qc";

    private CallingRun() {}

    public static void run(CallRequest request, ShardExecutor executor) {
        run(request, executor, CallsTableWriter.SINGLE_FILE);
    }

    /**
     * What pass 1 measured (the calls themselves are in the run's spill), the reference's MD5, the shards and the
     * samples' sexes and ploidy.
     */
    record Called(CallingPipeline.Summary summary, String referenceMd5, List<Shard> shards, SexCheck.Outcome sex) {}

    /** As {@link #run(CallRequest, ShardExecutor)}, with {@code calls.parquet} written by {@code callsTable}. */
    public static void run(CallRequest request, ShardExecutor executor, CallsTableWriter callsTable) {
        StagedRun.commit(request.output(), request.overwrite(),
                staging -> runStaged(request.withOutput(staging), executor, callsTable));
    }

    /** The run with every output written under {@code request.output()}: the run folder's staging. */
    private static void runStaged(CallRequest request, ShardExecutor executor, CallsTableWriter callsTable) {
        List<Shard> shards = request.shards(executor.workers());
        LOG.info("{} sample(s), {} shards of at most {} bp, on {} workers", request.samples().ids().size(),
                shards.size(), shards.stream().mapToInt(Shard::length).max().orElse(0), executor.workers());
        ReferenceDictionary dictionary = ReferenceDictionary.of(request.dictionary());
        // checked before calling too: a panel of another reference or read filter fails the run at once
        CopyNumberRun copyNumber = request.copyNumber() == null ? null
                : CopyNumberRun.open(request.copyNumber(), dictionary, request.params().minMappingQuality());
        // opened first: a summary of another reference fails the run before any calling
        try (PopulationAnnotator population = request.population() == null ? null
                : PopulationAnnotator.open(request.population(), dictionary)) {
            List<VCFInfoHeaderLine> populationInfo = population == null ? List.of() : PopulationAnnotator.headerLines();
            ProgressMeter progress = new ProgressMeter(10, ShardPlanner.bases(shards));
            progress.start();
            StreamedOutputs streamed = new StreamedOutputs(request, StreamedOutputs.spillOf(request));
            Called called = call(request, shards, executor, progress,
                    copyNumber == null ? 0 : copyNumber.binSize(), streamed);
            progress.stop();
            long[] callsAndPass = streamed.finish(called, populationInfo, callsTable, dictionary, executor, copyNumber);
            PeakMemory.Reading memory = PeakMemory.read();
            LOG.info(String.format(Locale.ROOT, "Done: %d calls, %d PASS, %d sample(s); elapsed %.1f minutes; %s %d MiB",
                    callsAndPass[0], callsAndPass[1], request.samples().ids().size(), progress.elapsedMinutes(),
                    memory.what(), memory.mebibytes()));
        }
    }

    /**
     * Pass 1: runs the shards, with each sample's ploidy, counting depth in bins of {@code binSize} (0: none), each
     * shard's calls spilled where it runs and handed to {@code streamed} in genome order.
     */
    private static Called call(CallRequest request, List<Shard> shards, ShardExecutor executor,
                               ProgressMeter progress, int binSize, StreamedOutputs streamed) {
        // The reference's MD5 (VCF header, QC) reads the whole FASTA, ~6 s for a human genome on one thread:
        // another thread computes it while the shards run.
        FutureTask<String> md5 = startDaemon("reference-md5", () -> ReferenceSource.md5(request.reference()));
        SexCheck.Outcome sex = SexCheck.resolve(request);
        LOG.info("Calling {} sample(s) as call set {} against {}: {} shards, {} trio(s)", request.samples().ids().size(),
                request.samples().callSetId(), request.reference().getFileName(), shards.size(),
                request.pedigree().trios().size());
        CallingPipeline.Inputs in = new CallingPipeline.Inputs(request.reference(),
                request.indexes().keySet().stream().map(Samples.Sample::reads).toList(),
                List.copyOf(request.indexes().values()), request.pedigree().trios(),
                request.knownSites(), binSize, sex.ploidy(), sex.sexes(), request.gvcfBands(), request.fromGvcfs());
        if (request.gvcfBands() == null) {
            CallingPipeline.Summary summary = CallingPipeline.runSpilled(in, request.params(), shards, executor,
                    streamed.spill(), streamed, record -> { }, progress);
            return new Called(summary, await(md5), shards, sex);
        }
        String referenceMd5 = await(md5);
        try (ReferenceSource reference = new ReferenceSource(request.reference());
             GvcfSink gvcf = gvcfSink(request, referenceMd5, reference)) {
            CallingPipeline.Summary summary = CallingPipeline.runSpilled(in, request.params(), shards, executor,
                    streamed.spill(), streamed, gvcf, progress);
            gvcf.commit();
            LOG.info("Wrote the gVCF {}", gvcfName(request));
            return new Called(summary, referenceMd5, shards, sex);
        }
    }

    /** The sample's gVCF file name: the call set's pseudonym. */
    private static String gvcfName(CallRequest request) {
        return request.samples().callSetId() + ".g.vcf.gz";
    }

    /** The sink of the one sample's gVCF, its header listing the GQ bands as GATK's {@code ##GVCFBlock} lines. */
    private static GvcfSink gvcfSink(CallRequest request, String referenceMd5, ReferenceSource reference) {
        gap.core.calling.GqBands bands = request.gvcfBands();
        List<String> bandLines = new ArrayList<>();
        int lower = 0;
        for (int upper : bands.bounds()) {
            bandLines.add("minGQ=" + lower + "(inclusive),maxGQ=" + upper + "(exclusive)");
            lower = upper;
        }
        bandLines.add("minGQ=" + lower + "(inclusive),maxGQ=100(exclusive)");
        return new GvcfSink(request.output().resolve(gvcfName(request)), request.dictionary(),
                request.samples().ids().get(0),
                new VcfSink.Reference(request.reference().getFileName().toString(), referenceMd5),
                request.params().lowQual(), bandLines, bands::key,
                (contig, position) -> (char) Character.toUpperCase(reference.window(contig, position, position)
                        .base(position)));
    }

    /** Whether the small variants are written: always but with copy number alone ({@code gap cnv}). */
    static boolean smallVariants(CallRequest request) {
        return request.copyNumber() == null || !request.copyNumber().only();
    }

    /**
     * What follows the VCF in every run: denovo.tsv (with trios; {@code deNovo} null when no small variants were
     * called), the QC files (unless turned off) and samples.parquet, while {@code parquet} writes in the background;
     * then waits for it.
     */
    static void writeBesideVcf(CallRequest request, List<DeNovoCalls.Call> deNovo, Supplier<QcReport> qc,
                               FutureTask<Void> parquet) {
        Path output = request.output();
        try {
            if (deNovo != null && !request.pedigree().trios().isEmpty()) {
                writeDeNovo(output.resolve(DeNovoTsv.FILE_NAME), DeNovoTsv.write(deNovo, request.samples().ids()));
                LOG.info("Wrote {} de novo call(s) to {}", deNovo.size(), DeNovoTsv.FILE_NAME);
            }
            if (request.qc()) {
                List<Path> files = QcFiles.write(qc.get(), output.resolve(QC_DIR));
                LOG.info("Wrote {} QC files to {}/ (report.html, qc.json, gap_qc_mqc.tsv, bcftools stats)",
                        files.size(), QC_DIR);
            }
            ParquetSink.writeSamples(output.resolve("samples.parquet"), request.samples().rows(), request.keys());
        } catch (RuntimeException | Error e) {
            awaitQuietly(parquet); // an exiting JVM would leave a half-written Parquet file behind
            throw e;
        }
        await(parquet);
    }

    /** Runs {@code work} on a new daemon thread named {@code name}; the task gives its result. */
    static <T> FutureTask<T> startDaemon(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** Waits for {@code task} and gives its result, or rethrows what it threw. */
    static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for {@code task} when another failure is already on its way; its own outcome no longer matters. */
    static void awaitQuietly(FutureTask<Void> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the failure being thrown is the one to report
        }
    }

    /** One line per trio and one per pair of samples that contradicts the pedigree: pseudonyms only. */
    static void logFamily(FamilyQc family) {
        for (FamilyQc.TrioQc t : family.trios()) {
            LOG.info("Trio of child {}: {} PASS sites, {} Mendelian violation(s) besides {} de novo call(s)",
                    t.child(), t.sites(), t.violations(), t.deNovo());
        }
        for (FamilyQc.PairQc p : family.pairs()) {
            if (p.warning() != null) {
                LOG.warn("Samples {} and {}: {} (kinship {}, IBS0 {} over {} sites)", p.sampleA(), p.sampleB(),
                        p.warning(), String.format(Locale.ROOT, "%.3f", p.kinship()),
                        String.format(Locale.ROOT, "%.4f", p.ibs0()), p.sites());
            }
        }
    }

    static void writeDeNovo(Path target, String text) {
        try {
            TextFiles.writeAtomically(target, text);
        } catch (IOException e) {
            throw new UserException("could not write " + target.getFileName() + " (" + e.getClass().getSimpleName()
                    + "): check that the output folder is writable and has space", e);
        }
    }

    /**
     * One call set, the joint VCF, holding every sample, each sample's QC from its own reads: from the call set's
     * statistics and family checks (gathered as the calls streamed past) and the copy-number results.
     */
    static QcReport qcReport(CallRequest request, Called called, String vcfName, CallSetStats stats,
                             FamilyQc family, List<gap.core.cnv.CnvResult> cnv) {
        String callSet = request.samples().callSetId();
        List<SampleQc> samples = new ArrayList<>();
        List<Samples.Sample> all = request.samples().samples();
        for (int s = 0; s < all.size(); s++) {
            Samples.Sample sample = all.get(s);
            samples.add(new SampleQc(sample.id(), sample.role(), sample.sex(), sample.familyPseudonym(),
                    called.summary().sampleReadCounts().get(s), called.summary().sampleCoverage().get(s), callSet));
        }
        return new QcReport(GapVersion.get(), called.referenceMd5(), territory(request.dictionary(), called.shards()),
                samples, List.of(new CallSetQc(callSet, vcfName, stats)), List.of(), family, cnv);
    }

    /** What the callable bases are, in words: the whole reference when the shards cover it, else the -L intervals. */
    public static String territory(SAMSequenceDictionary dictionary, List<Shard> shards) {
        long reference = dictionary.getSequences().stream().mapToLong(s -> s.getSequenceLength()).sum();
        return ShardPlanner.bases(shards) == reference ? "the whole reference less its N bases"
                : "the -L intervals less their N bases";
    }
}
