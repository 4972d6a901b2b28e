package gap.core.shard;

import gap.core.cnv.CnvVcf;
import gap.core.cohort.DeNovoCalls;
import gap.core.io.CallSpill;
import gap.core.io.CallsTableWriter;
import gap.core.io.ReferenceDictionary;
import gap.core.io.VcfParts;
import gap.core.io.VcfSink;
import gap.core.model.Shard;
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
 * run's bounded {@link TrainingSample}. With copy number the depth bins are counted in pass 1, each part leaves the
 * SNV sites of its final calls beside it ({@link AlleleSidecar}), and after pass 2 the analysis runs on those packed
 * sites; its few records are merged into the VCF as the parts are concatenated ({@link VcfParts}). Every run's outputs
 * come this one way.
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
     * What pass 2 gave: the VCF's header and parts, counts, de novo calls, the QC tallies added up part by part, where
     * the parts left their final calls (spill files for a one-file table) or their table files (a partitioned table),
     * and their SNV sites (with copy number).
     */
    private record Written(VcfParts.Header header, List<VcfParts.Part> vcfParts, long calls, long pass,
                           List<DeNovoCalls.Call> deNovo, CallSetStats stats, FamilyTally family,
                           List<Path> finalCalls, List<Path> tables, List<Path> snvSites) {}

    /**
     * Pass 2, the copy-number analysis (with {@code copyNumber}) and every output; gives the number of calls and of
     * PASS ones.
     */
    long[] finish(CallingRun.Called called, List<VCFInfoHeaderLine> populationInfo, CallsTableWriter callsTable,
                  ReferenceDictionary dictionary, ShardExecutor executor, CopyNumberRun copyNumber) {
        List<VCFInfoHeaderLine> info = new ArrayList<>(InfoField.headerLines());
        info.addAll(populationInfo);
        boolean small = CallingRun.smallVariants(request);
        Written written = writeParts(called, populationInfo, info, callsTable, executor, copyNumber);
        List<String> ids = request.samples().ids();
        CopyNumberRun.Outcome cnv = copyNumber == null ? CopyNumberRun.Outcome.NONE
                : copyNumber.analyse(request, called.summary(), AlleleSidecar.read(written.snvSites(), ids.size()),
                        called.sex().sexes(), called.sex().ploidy());
        // the changes' records counted as the VCF holds them: among the small variants, or alone with copy number alone
        List<CallRecord> cnvRecords = cnv.callRecords(ids);
        CallSetStats stats = written.stats().plus(CallSetStats.of(ids, cnvRecords));
        FamilyTally familyTally = written.family();
        cnvRecords.forEach(familyTally::add);
        FamilyQc family = familyTally.build();
        CallingRun.logFamily(family);
        String vcfName = request.samples().callSetId() + (small ? ".vcf.gz" : ".cnv.vcf.gz");
        long records = VcfParts.concatenate(request.output().resolve(vcfName), written.header(), written.vcfParts(),
                cnv.records());
        LOG.info("Wrote {} records to {} ({} calls, {} PASS, {} copy-number change(s)), scored and named in {} part(s)"
                + " from {} shard spill(s)", records, vcfName, small ? written.calls() : 0, small ? written.pass() : 0,
                cnv.records().size(), written.vcfParts().size(), shards);
        Path output = request.output();
        FutureTask<Void> parquet = CallingRun.startDaemon("parquet-writer", () -> {
            if (small) {
                writeCallsTable(written, callsTable, output.resolve("calls.parquet"), info, dictionary);
            }
            if (copyNumber != null) { // cnv.parquet too: the writer's classes are loaded by then
                CopyNumberRun.writeTables(output, cnv.results(), dictionary);
            }
            return null;
        });
        CallingRun.writeBesideVcf(request, small ? written.deNovo() : null, () -> CallingRun.qcReport(request, called,
                vcfName, stats, family, cnv.results()), parquet);
        spill.delete();
        LOG.info("Wrote {}samples.parquet for {} sample(s)", (small ? "calls.parquet, " : "")
                + (copyNumber == null ? "" : "cnv.tsv, cnv.parquet, "), ids.size());
        return new long[] {written.calls(), written.pass()};
    }

    /** calls.parquet: from the parts' final calls, or their partition files gathered. */
    private void writeCallsTable(Written written, CallsTableWriter callsTable, Path target,
                                 List<VCFInfoHeaderLine> info, ReferenceDictionary dictionary) throws java.io.IOException {
        List<String> ids = request.samples().ids();
        if (!callsTable.partitioned()) {
            callsTable.write(target, info, dictionary, ids, inOrder(written.finalCalls()));
        } else if (written.tables().isEmpty()) { // no calls: the table's schema still
            callsTable.write(target, info, dictionary, ids, List.of());
        } else {
            gatherPartitions(written.tables(), target);
        }
    }

    /**
     * Pass 2: the scorer prepared from the digests, the run cut into parts ({@link CallParts}), each part scored,
     * named and written where the executor runs it ({@link PartWriter}), and the tallies added up here: no call
     * passes through this process's hands.
     */
    private Written writeParts(CallingRun.Called called, List<VCFInfoHeaderLine> populationInfo,
                               List<VCFInfoHeaderLine> info, CallsTableWriter callsTable, ShardExecutor executor,
                               CopyNumberRun copyNumber) {
        List<String> ids = request.samples().ids();
        Scoring scoring = prepareScoring();
        List<VCFHeaderLine> extra = new ArrayList<>(scoring.headerLines());
        extra.stream().filter(line -> line.getKey().equals("scoring"))
                .forEach(line -> LOG.info("Scoring {}", line.getValue()));
        extra.addAll(populationInfo);
        if (copyNumber != null) {
            extra.addAll(CnvVcf.headerLines());
        }
        List<String> patients = request.samples().samples().stream().map(Samples.Sample::patientPseudonym).toList();
        VcfParts.Header header = new VcfParts.Header(request.dictionary(), ids,
                new VcfSink.Reference(request.reference().getFileName().toString(), called.referenceMd5()),
                request.params().lowQual(), extra);
        boolean small = CallingRun.smallVariants(request);
        PartWriter writer = new PartWriter(request.scoring(), scoring.prepared(), scoring.depth(), ids,
                new ArrayList<>(patients),
                request.pedigree(), request.params().deNovoMinQuality(), header, request.population(),
                new ArrayList<>(info), callsTable.partitioned() ? callsTable : null, small,
                copyNumber == null ? -1 : copyNumber.snvMinDepth());
        List<CallParts.Part> parts = CallParts.plan(pieces);
        CallSetStats.Builder none = new CallSetStats.Builder(ids);
        CallSetStats[] stats = {none.build()};
        FamilyTally family = new FamilyTally(ids, patients, request.pedigree(), request.params().deNovoMinQuality());
        List<VcfParts.Part> vcfParts = new ArrayList<>();
        List<DeNovoCalls.Call> deNovo = new ArrayList<>();
        List<Path> finalCalls = new ArrayList<>();
        List<Path> tables = new ArrayList<>();
        List<Path> snvSites = new ArrayList<>();
        long[] counts = {0, 0};
        executor.forEachInOrder(parts.stream().map(CallParts.Part::asShard).toList(),
                (Supplier<PartWriter.Worker> & java.io.Serializable) writer::open,
                (Function<PartWriter.Worker, Function<Shard, PartWriter.Written>> & java.io.Serializable)
                        worker -> shard -> writer.write(worker, parts.get(shard.index())),
                part -> {
                    stats[0] = stats[0].plus(part.stats());
                    family.addAll(part.family());
                    deNovo.addAll(part.deNovo());
                    counts[0] += part.calls();
                    counts[1] += part.pass();
                    addIfAny(vcfParts, part.vcf());
                    addIfAny(finalCalls, part.finalCalls());
                    addIfAny(tables, part.table());
                    addIfAny(snvSites, part.snvSites());
                });
        return new Written(header, vcfParts, counts[0], counts[1], deNovo, stats[0], family, finalCalls, tables,
                snvSites);
    }

    private static <T> void addIfAny(List<T> list, T value) {
        if (value != null) {
            list.add(value);
        }
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
