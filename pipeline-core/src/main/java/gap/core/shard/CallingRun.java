package gap.core.shard;

import gap.core.GapVersion;
import gap.core.UserException;
import gap.core.calling.CallingParameters;
import gap.core.cohort.DeNovoTsv;
import gap.core.cohort.DeNovoCalls;
import gap.core.cohort.Pedigree;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.CallsTableWriter;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.io.ReferenceSource;
import gap.core.io.TextFiles;
import gap.core.io.VcfSink;
import gap.core.model.CallSet;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Samples;
import gap.core.qc.CallRecord;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.FamilyQc;
import gap.core.qc.FamilyTally;
import gap.core.qc.QcFiles;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.scoring.KnownSites;
import gap.core.scoring.ScoringParameters;
import gap.core.scoring.VariantScorer;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a checked run (samples with their reads' indexes, the pedigree, the shard plan, keys, an output directory,
 * optional known sites and population summary), gives its outputs: the samples' joint calls, annotated with
 * population counts, scored and checked against the pedigree, in one VCF named by the sample's, family's or cohort's
 * pseudonym, then {@code calls.parquet} and {@code samples.parquet}, {@code denovo.tsv} when the pedigree has a trio,
 * then (unless turned off) the QC files in {@code qc/}. The one orchestration every driver runs; a driver only
 * validates inputs and hands over a {@link ShardExecutor}. Ends with one summary line: calls, PASS, elapsed time, peak
 * memory.
 */
public final class CallingRun {
    private static final Logger LOG = LogManager.getLogger(CallingRun.class);
    /** The folder of the QC files inside the output directory. */
    public static final String QC_DIR = "qc";

    /**
     * Everything a run needs, already validated. {@code indexes} gives each sample's reads index, in run order;
     * {@code pedigree} what is declared of the samples ({@link Pedigree#none()} when nothing); {@code knownSites} (may
     * be null) the VCF whose calls train the scorer and whose alleles a trio child's DNQ counts as not novel;
     * {@code population} (may be null) a released summary whose counts annotate every call; {@code qc} writes the QC
     * files.
     */
    public record Request(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                          Map<Samples.Sample, Path> indexes, Pedigree pedigree, List<Shard> shards,
                          CallingParameters params, LabKeys keys, Path output, Path knownSites,
                          ScoringParameters scoring, Path population, boolean qc,
                          CopyNumberRun.Options copyNumber) {

        /** Without copy number. */
        public Request(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                       Map<Samples.Sample, Path> indexes, Pedigree pedigree, List<Shard> shards,
                       CallingParameters params, LabKeys keys, Path output, Path knownSites,
                       ScoringParameters scoring, Path population, boolean qc) {
            this(reference, dictionary, samples, indexes, pedigree, shards, params, keys, output, knownSites, scoring,
                    population, qc, null);
        }

        /** A run without pedigree, known sites or population summary, with the default scoring settings and QC. */
        public Request(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                       Map<Samples.Sample, Path> indexes, List<Shard> shards, CallingParameters params, LabKeys keys,
                       Path output) {
            this(reference, dictionary, samples, indexes, Pedigree.none(), shards, params, keys, output, null,
                    ScoringParameters.defaults(), null, true);
        }
    }

    private CallingRun() {}

    public static void run(Request request, ShardExecutor executor) {
        run(request, executor, CallsTableWriter.SINGLE_FILE);
    }

    /** As {@link #run(Request, ShardExecutor)}, with {@code calls.parquet} written by {@code callsTable}. */
    public static void run(Request request, ShardExecutor executor, CallsTableWriter callsTable) {
        ReferenceDictionary dictionary = ReferenceDictionary.of(request.dictionary());
        // checked before calling too: a panel of another reference or read filter fails the run at once
        CopyNumberRun copyNumber = request.copyNumber() == null ? null
                : CopyNumberRun.open(request.copyNumber(), dictionary, request.params().minMappingQuality());
        boolean smallVariants = copyNumber == null || !request.copyNumber().only();
        // opened first: a summary of another reference fails the run before any calling
        try (PopulationAnnotator population = request.population() == null ? null
                : PopulationAnnotator.open(request.population(), dictionary)) {
            List<VCFInfoHeaderLine> populationInfo = population == null ? List.of() : PopulationAnnotator.headerLines();
            // The reference's MD5 (VCF header, QC) reads the whole FASTA, ~6 s for a human genome on one thread:
            // another thread computes it while the shards run.
            FutureTask<String> md5 = startDaemon("reference-md5", () -> ReferenceSource.md5(request.reference()));
            List<String> ids = request.samples().ids();
            String callSet = request.samples().callSetId();
            SexCheck.Outcome sex = SexCheck.resolve(request);
            ProgressMeter progress = new ProgressMeter(10, ShardPlanner.bases(request.shards()));
            progress.start();
            LOG.info("Calling {} sample(s) as call set {} against {}: {} shards, {} trio(s)", ids.size(), callSet,
                    request.reference().getFileName(), request.shards().size(), request.pedigree().trios().size());
            CallingPipeline.Inputs in = new CallingPipeline.Inputs(request.reference(),
                    request.indexes().keySet().stream().map(Samples.Sample::reads).toList(),
                    List.copyOf(request.indexes().values()), request.pedigree().trios(),
                    request.knownSites(), copyNumber == null ? 0 : copyNumber.binSize(), sex.ploidy(), sex.sexes());
            List<VariantCall> calls = new ArrayList<>();
            // the pipeline hands calls over in genome order, as the population annotator reads its summary
            CallingPipeline.Summary summary = CallingPipeline.run(in, request.params(), request.shards(), executor,
                    call -> calls.add(population == null ? call : population.annotate(call)), progress);
            progress.stop();
            String referenceMd5 = await(md5);
            // Scoring needs all calls (a model is trained on them) before any is written; the family checks count
            // PASS sites, so they come after it.
            boolean[] known = request.knownSites() == null ? null : KnownSites.mark(request.knownSites(), calls);
            VariantScorer.Result scored = new VariantScorer(request.scoring()).score(calls, known);
            DeNovoCalls.Result named = DeNovoCalls.name(scored.calls(), ids, request.pedigree().trios(),
                    request.params().deNovoMinQuality());
            List<VariantCall> finalCalls = named.calls();
            CopyNumberRun.Outcome cnv = copyNumber == null ? CopyNumberRun.Outcome.NONE
                    : copyNumber.analyse(request, summary, finalCalls, sex.sexes(), sex.ploidy());
            List<VariantCall> written = smallVariants ? finalCalls : List.of();
            List<CallRecord> records = cnv.callRecords(written.stream().map(CallRecord::of).toList(), ids,
                    dictionary);
            FamilyTally familyTally = new FamilyTally(ids, request.pedigree(), request.params().deNovoMinQuality());
            records.forEach(familyTally::add);
            FamilyQc family = familyTally.build();
            logFamily(family);

            Path output = request.output();
            // calls.parquet needs none of the other outputs and takes about as long as all of them together (its
            // first write in a process loads Hadoop, Parquet and Avro): another thread writes it meanwhile.
            List<VCFInfoHeaderLine> info = new ArrayList<>(VcfSink.infoHeaderLines());
            info.addAll(populationInfo);
            FutureTask<Void> parquet = startDaemon("parquet-writer", () -> {
                if (smallVariants) {
                    callsTable.write(output.resolve("calls.parquet"), info, dictionary, new CallSet(ids, finalCalls));
                }
                if (copyNumber != null) { // cnv.parquet too: the writer's classes are loaded by then
                    CopyNumberRun.writeTables(output, cnv.results(), dictionary);
                }
                return null;
            });
            try {
                List<VCFHeaderLine> extra = new ArrayList<>(scored.headerLines());
                extra.addAll(populationInfo);
                extra.addAll(cnv.headerLines());
                Path vcf = output.resolve(callSet + (smallVariants ? ".vcf.gz" : ".cnv.vcf.gz"));
                try (VcfSink sink = new VcfSink(vcf, request.dictionary(), ids, referenceMd5,
                        request.params().lowQual(), extra)) {
                    cnv.writeWith(written, sink, dictionary);
                    sink.commit();
                }
                if (copyNumber == null) {
                    LOG.info("Wrote {} calls to {}", written.size(), vcf.getFileName());
                } else {
                    LOG.info("Wrote {} calls and {} copy-number change(s) to {}", written.size(),
                            cnv.records().size(), vcf.getFileName());
                }
                if (smallVariants && !request.pedigree().trios().isEmpty()) {
                    writeDeNovo(output.resolve(DeNovoTsv.FILE_NAME), DeNovoTsv.write(named.deNovo(), ids));
                    LOG.info("Wrote {} de novo call(s) to {}", named.deNovo().size(), DeNovoTsv.FILE_NAME);
                }
                if (request.qc()) {
                    List<Path> files = QcFiles.write(qcReport(request, callSet, vcf.getFileName().toString(),
                            records, family, summary, referenceMd5, cnv.results()), output.resolve(QC_DIR));
                    LOG.info("Wrote {} QC files to {}/ (report.html, qc.json, gap_qc_mqc.tsv, bcftools stats)",
                            files.size(), QC_DIR);
                }
                ParquetSink.writeSamples(output.resolve("samples.parquet"), request.samples().rows(), request.keys());
            } catch (RuntimeException | Error e) {
                awaitQuietly(parquet); // an exiting JVM would leave a half-written Parquet file behind
                throw e;
            }
            await(parquet);
            String tables = (smallVariants ? "calls.parquet" : "") + (copyNumber == null ? ""
                    : (smallVariants ? ", " : "") + "cnv.tsv, cnv.parquet");
            LOG.info("Wrote {}samples.parquet for {} sample(s)", tables.isEmpty() ? "" : tables + " and ", ids.size());
            long pass = finalCalls.stream().filter(c -> "PASS".equals(c.filter())).count();
            PeakMemory.Reading memory = PeakMemory.read();
            LOG.info(String.format(Locale.ROOT, "Done: %d calls, %d PASS, %d sample(s); elapsed %.1f minutes; %s %d MiB",
                    finalCalls.size(), pass, ids.size(), progress.elapsedMinutes(), memory.what(),
                    memory.mebibytes()));
        }
    }

    /** Runs {@code work} on a new daemon thread named {@code name}; the task gives its result. */
    private static <T> FutureTask<T> startDaemon(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /** Waits for {@code task} and gives its result, or rethrows what it threw. */
    private static <T> T await(FutureTask<T> task) {
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
    private static void awaitQuietly(FutureTask<Void> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the failure being thrown is the one to report
        }
    }

    /** One line per trio and one per pair of samples that contradicts the pedigree: pseudonyms only. */
    private static void logFamily(FamilyQc family) {
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

    private static void writeDeNovo(Path target, String text) {
        try {
            TextFiles.writeAtomically(target, text);
        } catch (IOException e) {
            throw new UserException("could not write " + target.getFileName() + " (" + e.getClass().getSimpleName()
                    + "): check that the output folder is writable and has space", e);
        }
    }

    /** One call set, the joint VCF, holding every sample; each sample's QC from its own reads. */
    private static QcReport qcReport(Request request, String callSet, String vcfName, List<CallRecord> records,
                                     FamilyQc family, CallingPipeline.Summary summary, String referenceMd5,
                                     List<gap.core.cnv.CnvResult> copyNumber) {
        List<SampleQc> samples = new ArrayList<>();
        List<Samples.Sample> all = request.samples().samples();
        for (int s = 0; s < all.size(); s++) {
            Samples.Sample sample = all.get(s);
            samples.add(new SampleQc(sample.id(), sample.role(), sample.sex(), sample.familyPseudonym(),
                    summary.sampleReadCounts().get(s), summary.sampleCoverage().get(s), callSet));
        }
        CallSetStats stats = CallSetStats.of(request.samples().ids(), records);
        return new QcReport(GapVersion.get(), referenceMd5, territory(request.dictionary(), request.shards()), samples,
                List.of(new CallSetQc(callSet, vcfName, stats)), List.of(), family, copyNumber);
    }

    /** What the callable bases are, in words: the whole reference when the shards cover it, else the -L intervals. */
    public static String territory(SAMSequenceDictionary dictionary, List<Shard> shards) {
        long reference = dictionary.getSequences().stream().mapToLong(s -> s.getSequenceLength()).sum();
        return ShardPlanner.bases(shards) == reference ? "the whole reference less its N bases"
                : "the -L intervals less their N bases";
    }
}
