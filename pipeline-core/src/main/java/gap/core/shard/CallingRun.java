package gap.core.shard;

import gap.core.GapVersion;
import gap.core.calling.CallingParameters;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.io.ReferenceSource;
import gap.core.io.VcfSink;
import gap.core.model.SampleCalls;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Samples;
import gap.core.qc.CallRecord;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.QcFiles;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.scoring.KnownSites;
import gap.core.scoring.ScoringParameters;
import gap.core.scoring.VariantScorer;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a checked run (samples with their reads' indexes, the shard plan, keys, an output directory, optional known
 * sites and population summary), gives its outputs: each sample's calls, annotated with population counts and scored,
 * in a VCF named by its pseudonym, then {@code calls.parquet} and {@code samples.parquet}, then (unless turned off)
 * the QC files in {@code qc/}. The one orchestration every driver runs; a driver only validates inputs and hands over
 * a {@link ShardExecutor}. Ends with one summary line: calls, PASS, elapsed time, peak memory.
 */
public final class CallingRun {
    private static final Logger LOG = LogManager.getLogger(CallingRun.class);
    /** The folder of the QC files inside the output directory. */
    public static final String QC_DIR = "qc";

    /**
     * Everything a run needs, already validated. {@code indexes} gives each sample's reads index, in run order;
     * {@code knownSites} (may be null) the VCF whose calls train the scorer; {@code population} (may be null) a
     * released summary whose counts annotate every call; {@code qc} writes the QC files.
     */
    public record Request(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                          Map<Samples.Sample, Path> indexes, List<Shard> shards, CallingParameters params,
                          LabKeys keys, Path output, Path knownSites, ScoringParameters scoring, Path population,
                          boolean qc) {

        /** A run without known sites or population summary, with the default scoring settings and QC. */
        public Request(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                       Map<Samples.Sample, Path> indexes, List<Shard> shards, CallingParameters params, LabKeys keys,
                       Path output) {
            this(reference, dictionary, samples, indexes, shards, params, keys, output, null,
                    ScoringParameters.defaults(), null, true);
        }
    }

    /** One sample's outcome: its calls and what its pipeline counted (reads, coverage). */
    private record Called(Samples.Sample sample, SampleCalls calls, CallingPipeline.Summary summary) {}

    private CallingRun() {}

    public static void run(Request request, ShardExecutor executor) {
        ReferenceDictionary dictionary = ReferenceDictionary.of(request.dictionary());
        // opened first: a summary of another reference fails the run before any calling
        try (PopulationAnnotator population = request.population() == null ? null
                : PopulationAnnotator.open(request.population(), dictionary)) {
            List<VCFInfoHeaderLine> populationInfo = population == null ? List.of() : PopulationAnnotator.headerLines();
            String referenceMd5 = ReferenceSource.md5(request.reference());
            ProgressMeter progress = new ProgressMeter(10, planBases(request.shards()) * request.indexes().size());
            progress.start();
            List<Called> called = new ArrayList<>();
            for (Map.Entry<Samples.Sample, Path> e : request.indexes().entrySet()) {
                called.add(callSample(request, e.getKey(), e.getValue(), referenceMd5, populationInfo, population,
                        executor, progress));
            }
            progress.stop();
            List<VCFInfoHeaderLine> info = new ArrayList<>(VcfSink.infoHeaderLines());
            info.addAll(populationInfo);
            List<SampleCalls> allCalls = called.stream().map(Called::calls).toList();
            Path output = request.output();
            ParquetSink.writeCalls(output.resolve("calls.parquet"), info, dictionary, allCalls);
            ParquetSink.writeSamples(output.resolve("samples.parquet"), request.samples().rows(), request.keys());
            LOG.info("Wrote calls.parquet and samples.parquet for {} sample(s)", allCalls.size());
            if (request.qc()) {
                List<Path> files = QcFiles.write(qcReport(request, called, referenceMd5), output.resolve(QC_DIR));
                LOG.info("Wrote {} QC files to {}/ (report.html, qc.json, gap_qc_mqc.tsv, bcftools stats)",
                        files.size(), QC_DIR);
            }
            long calls = allCalls.stream().mapToLong(c -> c.calls().size()).sum();
            long pass = allCalls.stream().flatMap(c -> c.calls().stream()).filter(c -> "PASS".equals(c.filter()))
                    .count();
            PeakMemory.Reading memory = PeakMemory.read();
            LOG.info(String.format(Locale.ROOT, "Done: %d calls, %d PASS, %d sample(s); elapsed %.1f minutes; %s %d MiB",
                    calls, pass, allCalls.size(), progress.elapsedMinutes(), memory.what(), memory.mebibytes()));
        }
    }

    private static Called callSample(Request request, Samples.Sample sample, Path index, String referenceMd5,
                                     List<VCFInfoHeaderLine> populationInfo, PopulationAnnotator population,
                                     ShardExecutor executor, ProgressMeter progress) {
        Path vcf = request.output().resolve(sample.id() + ".vcf.gz");
        LOG.info("Calling sample {} ({}) against {}: {} shards", sample.id(), sample.source(),
                request.reference().getFileName(), request.shards().size());
        CallingPipeline.Inputs in = new CallingPipeline.Inputs(request.reference(), sample.reads(), index);
        CallingParameters params = request.params();
        List<VariantCall> calls = new ArrayList<>();
        // the pipeline hands calls over in genome order, as the population annotator reads its summary
        CallingPipeline.Summary summary = CallingPipeline.run(in, params, request.shards(), executor,
                call -> calls.add(population == null ? call : population.annotate(call)), progress);
        // Scoring needs all of the sample's calls (a model is trained on them) before any is written.
        boolean[] known = request.knownSites() == null ? null : KnownSites.mark(request.knownSites(), calls);
        VariantScorer.Result scored = new VariantScorer(request.scoring()).score(calls, known);
        List<VCFHeaderLine> extra = new ArrayList<>(scored.headerLines());
        extra.addAll(populationInfo);
        try (VcfSink sink = new VcfSink(vcf, request.dictionary(), sample.id(), referenceMd5, params.lowQual(),
                extra)) {
            scored.calls().forEach(sink::add);
            sink.commit();
        }
        LOG.info("Wrote {} calls to {}", scored.calls().size(), vcf.getFileName());
        return new Called(sample, new SampleCalls(sample.id(), scored.calls()), summary);
    }

    /** Each sample is its own call set, named like its VCF. */
    private static QcReport qcReport(Request request, List<Called> called, String referenceMd5) {
        List<SampleQc> samples = new ArrayList<>();
        List<CallSetQc> callSets = new ArrayList<>();
        for (Called c : called) {
            Samples.Sample s = c.sample();
            samples.add(new SampleQc(s.id(), s.role(), s.sex(), s.familyPseudonym(), c.summary().readCounts(),
                    c.summary().coverage(), s.id()));
            CallSetStats stats = CallSetStats.of(List.of(s.id()),
                    c.calls().calls().stream().map(CallRecord::of).toList());
            callSets.add(new CallSetQc(s.id(), s.id() + ".vcf.gz", stats));
        }
        return new QcReport(GapVersion.get(), referenceMd5, territory(request.dictionary(), request.shards()), samples,
                callSets, List.of());
    }

    /** What the callable bases are, in words: the whole reference when the shards cover it, else the -L intervals. */
    public static String territory(SAMSequenceDictionary dictionary, List<Shard> shards) {
        long reference = dictionary.getSequences().stream().mapToLong(s -> s.getSequenceLength()).sum();
        return planBases(shards) == reference ? "the whole reference less its N bases"
                : "the -L intervals less their N bases";
    }

    static long planBases(List<Shard> shards) {
        return shards.stream().mapToLong(s -> s.end() - s.start() + 1L).sum();
    }
}
