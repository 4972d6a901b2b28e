package gap.core.shard;

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
import gap.core.scoring.KnownSites;
import gap.core.scoring.ScoringParameters;
import gap.core.scoring.VariantScorer;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a checked run (samples with their reads' indexes, the shard plan, keys, an output directory, optional known
 * sites and population summary), gives its outputs: each sample's calls, annotated with population counts and scored,
 * in a VCF named by its pseudonym, then {@code calls.parquet} and {@code samples.parquet}. The one orchestration every
 * driver runs; a driver only validates inputs and hands over a {@link ShardExecutor}.
 */
public final class CallingRun {
    private static final Logger LOG = LogManager.getLogger(CallingRun.class);

    /**
     * Everything a run needs, already validated. {@code indexes} gives each sample's reads index, in run order;
     * {@code knownSites} (may be null) the VCF whose calls train the scorer; {@code population} (may be null) a
     * released summary whose counts annotate every call.
     */
    public record Request(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                          Map<Samples.Sample, Path> indexes, List<Shard> shards, CallingParameters params,
                          LabKeys keys, Path output, Path knownSites, ScoringParameters scoring, Path population) {

        /** A run without known sites or population summary, with the default scoring settings. */
        public Request(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                       Map<Samples.Sample, Path> indexes, List<Shard> shards, CallingParameters params, LabKeys keys,
                       Path output) {
            this(reference, dictionary, samples, indexes, shards, params, keys, output, null,
                    ScoringParameters.defaults(), null);
        }
    }

    private CallingRun() {}

    public static void run(Request request, ShardExecutor executor) {
        ReferenceDictionary dictionary = ReferenceDictionary.of(request.dictionary());
        // opened first: a summary of another reference fails the run before any calling
        try (PopulationAnnotator population = request.population() == null ? null
                : PopulationAnnotator.open(request.population(), dictionary)) {
            List<VCFInfoHeaderLine> populationInfo = population == null ? List.of() : PopulationAnnotator.headerLines();
            String referenceMd5 = ReferenceSource.md5(request.reference());
            List<SampleCalls> allCalls = new ArrayList<>();
            for (Map.Entry<Samples.Sample, Path> e : request.indexes().entrySet()) {
                allCalls.add(callSample(request, e.getKey(), e.getValue(), referenceMd5, populationInfo, population,
                        executor));
            }
            List<VCFInfoHeaderLine> info = new ArrayList<>(VcfSink.infoHeaderLines());
            info.addAll(populationInfo);
            Path output = request.output();
            ParquetSink.writeCalls(output.resolve("calls.parquet"), info, dictionary, allCalls);
            ParquetSink.writeSamples(output.resolve("samples.parquet"), request.samples().rows(), request.keys());
            LOG.info("Wrote calls.parquet and samples.parquet for {} sample(s)", allCalls.size());
        }
    }

    private static SampleCalls callSample(Request request, Samples.Sample sample, Path index, String referenceMd5,
                                          List<VCFInfoHeaderLine> populationInfo, PopulationAnnotator population,
                                          ShardExecutor executor) {
        Path vcf = request.output().resolve(sample.id() + ".vcf.gz");
        LOG.info("Calling sample {} ({}) against {}: {} shards", sample.id(), sample.source(),
                request.reference().getFileName(), request.shards().size());
        CallingPipeline.Inputs in = new CallingPipeline.Inputs(request.reference(), sample.reads(), index);
        CallingParameters params = request.params();
        List<VariantCall> called = new ArrayList<>();
        // the pipeline hands calls over in genome order, as the population annotator reads its summary
        CallingPipeline.run(in, params, request.shards(), executor,
                call -> called.add(population == null ? call : population.annotate(call)), new ProgressMeter(10));
        // Scoring needs all of the sample's calls (a model is trained on them) before any is written.
        boolean[] known = request.knownSites() == null ? null : KnownSites.mark(request.knownSites(), called);
        VariantScorer.Result scored = new VariantScorer(request.scoring()).score(called, known);
        List<VCFHeaderLine> extra = new ArrayList<>(scored.headerLines());
        extra.addAll(populationInfo);
        try (VcfSink sink = new VcfSink(vcf, request.dictionary(), sample.id(), referenceMd5, params.lowQual(),
                extra)) {
            scored.calls().forEach(sink::add);
            sink.commit();
        }
        LOG.info("Wrote {} calls to {}", scored.calls().size(), vcf.getFileName());
        return new SampleCalls(sample.id(), scored.calls());
    }
}
