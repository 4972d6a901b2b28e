package gap.core.shard;

import gap.core.federation.PopulationAnnotator;
import gap.core.io.CallSpill;
import gap.core.io.CallsTableWriter;
import gap.core.io.ReferenceDictionary;
import gap.core.io.VcfSink;
import gap.core.model.VariantCall;
import gap.core.privacy.Samples;
import gap.core.qc.CallRecord;
import gap.core.qc.CallSetStats;
import gap.core.qc.FamilyQc;
import gap.core.qc.FamilyTally;
import gap.core.scoring.DepthFilter;
import gap.core.scoring.KnownSites;
import gap.core.scoring.TrainingSample;
import gap.core.scoring.VariantScorer;
import gap.core.vcf.InfoField;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a run's spilled shards in genome order (pass 1: each shard's calls in its spill file, their digests here),
 * gives the run's outputs in a second streaming pass: the scorer prepared from the digests alone, then each spill
 * read in order, annotated, scored, named de novo and written to the VCF, the QC tallies and a spill of the final
 * calls that {@code calls.parquet} is written from. No step holds the run's calls, so memory does not grow with the
 * genome. With known sites each shard's calls were marked as they were spilled and the model of each class is
 * trained on the run's bounded {@link TrainingSample}. Not for runs with copy number (which reads all calls' allele
 * fractions), whose outputs still come from calls gathered in memory.
 */
final class StreamedOutputs implements Consumer<ShardSpill.Spilled> {
    private static final Logger LOG = LogManager.getLogger(StreamedOutputs.class);

    private final CallRequest request;
    private final ShardSpill spill;
    private final List<Path> files = new ArrayList<>();
    private CallDigest digest = CallDigest.EMPTY;

    StreamedOutputs(CallRequest request, ShardSpill spill) {
        this.request = request;
        this.spill = spill;
    }

    /**
     * Calls kept per class in the known-sites training sample ({@link TrainingSample#SIZE}); tests lower it so that
     * sampling is exercised on a small genome.
     */
    static int sampleSize = TrainingSample.SIZE;

    /** Whether a run's outputs are streamed: all but copy number. */
    static boolean applies(CallRequest request) {
        return request.copyNumber() == null;
    }

    /** The spill of {@code request}'s run, in its staging folder: with known sites, each shard's sample taken too. */
    static ShardSpill spillOf(CallRequest request) {
        return ShardSpill.in(request.output(), request.knownSites(),
                TrainingSample.Spec.of(request.scoring(), sampleSize));
    }

    /**
     * The scorer of pass 2, prepared from the digests alone: the run's depth filter (its exact median DP), the
     * models trained on the run's training sample when it has known sites, and the scoring header lines (which
     * depend only on those and on the kinds of call present).
     */
    private record Scoring(VariantScorer scorer, VariantScorer.Prepared prepared, DepthFilter depth,
                           List<VCFHeaderLine> headerLines) {}

    private Scoring prepareScoring() {
        DepthFilter depth = digest.depthFilter(request.scoring().maxDepthSds());
        VariantScorer scorer = new VariantScorer(request.scoring());
        TrainingSample sample = digest.sample();
        if (request.knownSites() != null && sample == null) { // no shard: an empty sample, not "no known sites"
            sample = TrainingSample.of(List.of(), new boolean[0], spill.sampling());
        }
        VariantScorer.Prepared prepared = scorer.prepare(sample);
        List<VCFHeaderLine> lines = new ArrayList<>(scorer.score(digest.representatives(), prepared, depth, false)
                .headerLines());
        if (request.knownSites() != null) {
            lines.add(0, KnownSites.headerLine(request.knownSites()));
        }
        return new Scoring(scorer, prepared, depth, lines);
    }

    ShardSpill spill() {
        return spill;
    }

    /** Takes one spilled shard, in genome order. */
    @Override
    public void accept(ShardSpill.Spilled shard) {
        files.add(shard.file());
        digest = digest.plus(shard.digest());
    }

    /** The calls made, the final calls streamed from them; gives the number of calls and of PASS calls. */
    private record Written(String vcfName, long calls, long pass, List<gap.core.cohort.DeNovoCalls.Call> deNovo,
                           CallSetStats stats, FamilyQc family, Path finalCalls) {}

    /** Pass 2 and every output; gives the number of calls and of PASS ones. */
    long[] finish(CallingRun.Called called, PopulationAnnotator population, List<VCFInfoHeaderLine> populationInfo,
                  CallsTableWriter callsTable, ReferenceDictionary dictionary) {
        Written written = writeVcf(called, population, populationInfo);
        CallingRun.logFamily(written.family());
        List<String> ids = request.samples().ids();
        Path output = request.output();
        List<VCFInfoHeaderLine> info = new ArrayList<>(InfoField.headerLines());
        info.addAll(populationInfo);
        FutureTask<Void> parquet = CallingRun.startDaemon("parquet-writer", () -> {
            callsTable.write(output.resolve("calls.parquet"), info, dictionary, ids,
                    CallSpill.read(written.finalCalls()));
            return null;
        });
        CallingRun.writeBesideVcf(request, written.deNovo(), () -> CallingRun.qcReport(request, called,
                written.vcfName(), written.stats(), written.family(), List.of()), parquet);
        spill.delete();
        LOG.info("Wrote calls.parquet and samples.parquet for {} sample(s)", ids.size());
        return new long[] {written.calls(), written.pass()};
    }

    /**
     * Pass 2: every spilled call, annotated with population counts, scored and named, to the VCF, the QC tallies and
     * the spill of final calls.
     */
    private Written writeVcf(CallingRun.Called called, PopulationAnnotator population,
                             List<VCFInfoHeaderLine> populationInfo) {
        List<String> ids = request.samples().ids();
        Scoring scoring = prepareScoring();
        List<VCFHeaderLine> extra = new ArrayList<>(scoring.headerLines());
        extra.stream().filter(line -> line.getKey().equals("scoring"))
                .forEach(line -> LOG.info("Scoring {}", line.getValue()));
        extra.addAll(populationInfo);
        String vcfName = request.samples().callSetId() + ".vcf.gz";
        Path finalCalls = spill.folder().resolve("final.calls");
        CallSetStats.Builder stats = new CallSetStats.Builder(ids);
        FamilyTally family = new FamilyTally(ids, request.samples().samples().stream()
                .map(Samples.Sample::patientPseudonym).toList(), request.pedigree(),
                request.params().deNovoMinQuality());
        long[] pass = {0};
        try (VcfSink vcf = new VcfSink(request.output().resolve(vcfName), request.dictionary(), ids,
                new VcfSink.Reference(request.reference().getFileName().toString(), called.referenceMd5()),
                request.params().lowQual(), extra);
             CallSpill.Writer kept = new CallSpill.Writer(finalCalls)) {
            ScoringStream stream = new ScoringStream(scoring.scorer(), scoring.prepared(), scoring.depth(), ids, request.pedigree().trios(),
                    request.params().deNovoMinQuality(), call -> {
                        vcf.add(call);
                        kept.add(call);
                        CallRecord record = CallRecord.of(call);
                        stats.add(record);
                        family.add(record);
                        pass[0] += call.filter().isPass() ? 1 : 0;
                    });
            for (Path file : files) {
                for (VariantCall call : CallSpill.read(file)) {
                    stream.accept(population == null ? call : population.annotate(call));
                }
            }
            stream.close();
            vcf.commit();
            LOG.info("Wrote {} calls to {} ({} PASS), scored and named as they streamed from {} shard spill(s)",
                    kept.count(), vcfName, pass[0], files.size());
            return new Written(vcfName, kept.count(), pass[0], stream.deNovo(), stats.build(), family.build(),
                    finalCalls);
        }
    }
}
