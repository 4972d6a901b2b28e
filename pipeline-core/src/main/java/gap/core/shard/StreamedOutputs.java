package gap.core.shard;

import gap.core.cohort.DeNovoCalls;
import gap.core.io.CallSpill;
import gap.core.io.CallsTableWriter;
import gap.core.io.ReferenceDictionary;
import gap.core.io.VcfParts;
import gap.core.io.VcfSink;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.privacy.Samples;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a run's spilled shards in genome order (pass 1: each shard's calls in spill files, their digests here),
 * gives the run's outputs in a second streaming pass: the scorer prepared from the digests alone, then the run cut
 * into parts that the executor scores, names and writes where it runs them ({@link PartWriter}: VCF blocks, final
 * calls, tallies), and here only the VCF concatenated from the parts' bytes, the tallies added up, and
 * {@code calls.parquet} gathered. No step holds the run's calls, so memory does not grow with the genome.
 * With known sites each shard's calls were marked as they were spilled and the model of each class is trained on the
 * run's bounded {@link TrainingSample}. Not for runs with copy number (which reads all calls' allele fractions),
 * whose outputs still come from calls gathered in memory.
 */
final class StreamedOutputs implements Consumer<ShardSpill.Spilled> {
    private static final Logger LOG = LogManager.getLogger(StreamedOutputs.class);

    private final CallRequest request;
    private final ShardSpill spill;
    private final List<ShardSpill.Piece> pieces = new ArrayList<>();
    private int shards;
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
    private record Scoring(VariantScorer.Prepared prepared, DepthFilter depth, List<VCFHeaderLine> headerLines) {}

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
        return new Scoring(prepared, depth, lines);
    }

    ShardSpill spill() {
        return spill;
    }

    /** Takes one spilled shard, in genome order. */
    @Override
    public void accept(ShardSpill.Spilled shard) {
        pieces.addAll(shard.pieces());
        shards++;
        digest = digest.plus(shard.digest());
    }

    /**
     * The calls made and what pass 2 gave: counts, de novo calls, the QC tallies added up part by part, and where the
     * parts left their final calls (spill files for a one-file table) or their table files (a partitioned table).
     */
    private record Written(String vcfName, long calls, long pass, List<DeNovoCalls.Call> deNovo,
                           CallSetStats stats, FamilyQc family, List<Path> finalCalls, List<Path> tables) {}

    /** Pass 2 and every output; gives the number of calls and of PASS ones. */
    long[] finish(CallingRun.Called called, List<VCFInfoHeaderLine> populationInfo, CallsTableWriter callsTable,
                  ReferenceDictionary dictionary, ShardExecutor executor) {
        List<VCFInfoHeaderLine> info = new ArrayList<>(InfoField.headerLines());
        info.addAll(populationInfo);
        Written written = writeParts(called, populationInfo, info, callsTable, executor);
        CallingRun.logFamily(written.family());
        List<String> ids = request.samples().ids();
        Path output = request.output();
        FutureTask<Void> parquet = CallingRun.startDaemon("parquet-writer", () -> {
            Path target = output.resolve("calls.parquet");
            if (!callsTable.partitioned()) {
                callsTable.write(target, info, dictionary, ids, inOrder(written.finalCalls()));
            } else if (written.tables().isEmpty()) { // no calls: the table's schema still
                callsTable.write(target, info, dictionary, ids, List.of());
            } else {
                gatherPartitions(written.tables(), target);
            }
            return null;
        });
        CallingRun.writeBesideVcf(request, written.deNovo(), () -> CallingRun.qcReport(request, called,
                written.vcfName(), written.stats(), written.family(), List.of()), parquet);
        spill.delete();
        LOG.info("Wrote calls.parquet and samples.parquet for {} sample(s)", ids.size());
        return new long[] {written.calls(), written.pass()};
    }

    /**
     * Pass 2: the scorer prepared from the digests, the run cut into parts ({@link CallParts}), each part scored,
     * named and written where the executor runs it ({@link PartWriter}), then the VCF concatenated from the parts'
     * bytes and the tallies added up here: no call passes through this process's hands.
     */
    private Written writeParts(CallingRun.Called called, List<VCFInfoHeaderLine> populationInfo,
                               List<VCFInfoHeaderLine> info, CallsTableWriter callsTable, ShardExecutor executor) {
        List<String> ids = request.samples().ids();
        Scoring scoring = prepareScoring();
        List<VCFHeaderLine> extra = new ArrayList<>(scoring.headerLines());
        extra.stream().filter(line -> line.getKey().equals("scoring"))
                .forEach(line -> LOG.info("Scoring {}", line.getValue()));
        extra.addAll(populationInfo);
        String vcfName = request.samples().callSetId() + ".vcf.gz";
        List<String> patients = request.samples().samples().stream().map(Samples.Sample::patientPseudonym).toList();
        VcfParts.Header header = new VcfParts.Header(request.dictionary(), ids,
                new VcfSink.Reference(request.reference().getFileName().toString(), called.referenceMd5()),
                request.params().lowQual(), extra);
        PartWriter writer = new PartWriter(request.scoring(), scoring.prepared(), scoring.depth(), ids,
                new ArrayList<>(patients),
                request.pedigree(), request.params().deNovoMinQuality(), header, request.population(),
                new ArrayList<>(info), callsTable.partitioned() ? callsTable : null);
        List<CallParts.Part> parts = CallParts.plan(pieces);
        CallSetStats.Builder none = new CallSetStats.Builder(ids);
        CallSetStats[] stats = {none.build()};
        FamilyTally family = new FamilyTally(ids, patients, request.pedigree(), request.params().deNovoMinQuality());
        List<VcfParts.Part> vcfParts = new ArrayList<>();
        List<DeNovoCalls.Call> deNovo = new ArrayList<>();
        List<Path> finalCalls = new ArrayList<>();
        List<Path> tables = new ArrayList<>();
        long[] pass = {0};
        executor.forEachInOrder(parts.stream().map(CallParts.Part::asShard).toList(),
                (Supplier<PartWriter.Worker> & java.io.Serializable) writer::open,
                (Function<PartWriter.Worker, Function<Shard, PartWriter.Written>> & java.io.Serializable)
                        worker -> shard -> writer.write(worker, parts.get(shard.index())),
                part -> {
                    stats[0] = stats[0].plus(part.stats());
                    family.addAll(part.family());
                    vcfParts.add(part.vcf());
                    deNovo.addAll(part.deNovo());
                    pass[0] += part.pass();
                    if (part.finalCalls() != null) {
                        finalCalls.add(part.finalCalls());
                    }
                    if (part.table() != null) {
                        tables.add(part.table());
                    }
                });
        long calls = VcfParts.concatenate(request.output().resolve(vcfName), header, vcfParts);
        LOG.info("Wrote {} calls to {} ({} PASS), scored and named in {} part(s) from {} shard spill(s)",
                calls, vcfName, pass[0], parts.size(), shards);
        return new Written(vcfName, calls, pass[0], deNovo, stats[0], family.build(), finalCalls, tables);
    }

    /** The calls of {@code files} in order, read as they are iterated: one file open at a time. */
    private static Iterable<VariantCall> inOrder(List<Path> files) {
        return () -> new java.util.Iterator<>() {
            private int next;
            private java.util.Iterator<VariantCall> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < files.size()) {
                    current = CallSpill.read(files.get(next++)).iterator();
                }
                return current.hasNext();
            }

            @Override
            public VariantCall next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /**
     * Moves the parts' partition files ({@code contig=…/positionBin=…/<file>}) into the table's directory: each bin is
     * one part's, so no two parts write the same file; a move on the run's file system, no byte read.
     */
    private static void gatherPartitions(List<Path> tables, Path target) throws java.io.IOException {
        for (Path table : tables) {
            for (Path contig : list(table)) {
                for (Path bin : list(contig)) {
                    Path into = target.resolve(contig.getFileName().toString()).resolve(bin.getFileName().toString());
                    Files.createDirectories(into);
                    for (Path file : list(bin)) {
                        Files.move(file, into.resolve(file.getFileName().toString()));
                    }
                }
            }
        }
    }

    private static List<Path> list(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
