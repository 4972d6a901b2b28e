package gap.core.shard;

import gap.core.UserException;
import gap.core.calling.CallingParameters;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.CallsTableWriter;
import gap.core.io.ParquetSink;
import gap.core.io.ReadFilters;
import gap.core.io.ReadSource;
import gap.core.io.ReferenceDictionary;
import gap.core.io.ReferenceSource;
import gap.core.io.TextFiles;
import gap.core.io.VcfSink;
import gap.core.model.CallSet;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.ReadCounts;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Samples;
import gap.core.qc.CallRecord;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.FamilyQc;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.qc.SomaticQc;
import gap.core.qc.report.QcFiles;
import gap.core.somatic.ContaminationEstimate;
import gap.core.somatic.GermlineResource;
import gap.core.somatic.GermlineSite;
import gap.core.somatic.PanelOfNormals;
import gap.core.somatic.SomaticCalls;
import gap.core.somatic.SomaticFilterEngine;
import gap.core.somatic.SomaticParameters;
import gap.core.somatic.SomaticSite;
import gap.core.somatic.TumourNormalMatch;
import gap.core.vcf.InfoField;
import gap.core.vcf.SomaticFormatField;
import gap.core.vcf.SomaticInfoField;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.Interval;
import htsjdk.variant.vcf.VCFCompoundHeaderLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a checked somatic run (a tumour and, unless tumour-only, a normal of one patient, with their reads' indexes;
 * the shard plan; optional germline resource, population summary and panel of normals; keys; an output directory),
 * gives its outputs: the somatic calls of the shards (the engine's candidates, pileups and pair-HMM likelihoods, then
 * Mutect2's somatic model), their population frequencies, panel-of-normals flags and clustered-event counts, the
 * contamination estimate from the normal's hom-alt sites, FilterMutectCalls' filters; then
 * {@code <patient pseudonym>.somatic.vcf.gz} (tumour then normal column, under their pseudonyms), {@code calls.parquet},
 * {@code samples.parquet}, {@code contamination.table} and the QC files. The one orchestration of somatic calling
 * every driver runs, on any {@link ShardExecutor}.
 */
public final class SomaticRun {
    private static final Logger LOG = LogManager.getLogger(SomaticRun.class);
    public static final String CONTAMINATION_TABLE = "contamination.table";

    /**
     * A checked run. {@code normal} is null in tumour-only mode; {@code germlineResource} (a VCF with INFO/AF),
     * {@code population} (a released gap summary) and {@code panelOfNormals} (a gap somatic-pon table) may be null.
     */
    public record Request(Path reference, SAMSequenceDictionary dictionary, Samples samples, Samples.Sample tumour,
                          Samples.Sample normal, Map<Samples.Sample, Path> indexes, List<Interval> intervals,
                          Integer shardSize, CallingParameters params, SomaticParameters somatic, LabKeys keys,
                          Path output, Path germlineResource, Path population, Path panelOfNormals, boolean qc,
                          boolean overwrite) {
        /** The shards of this run on {@code workers} workers: of the shard size, or the automatic plan. */
        public List<Shard> shards(int workers) {
            return shardSize == null ? ShardPlanner.planFor(dictionary, intervals, workers, params.shardPadding())
                    : ShardPlanner.plan(dictionary, intervals, shardSize, params.shardPadding());
        }

        /** The same run into another directory (a cluster driver's staging directory). */
        public Request withOutput(Path value) {
            return new Request(reference, dictionary, samples, tumour, normal, indexes, intervals, shardSize, params,
                    somatic, keys, value, germlineResource, population, panelOfNormals, qc, overwrite);
        }

        public boolean tumourOnly() {
            return normal == null;
        }

        /** The samples in column order: tumour, then normal. */
        public List<Samples.Sample> ordered() {
            return normal == null ? List.of(tumour) : List.of(tumour, normal);
        }
    }

    /** The files a shard task reads: reference, the reads of tumour (and normal) and their indexes. */
    record Inputs(Path reference, List<Path> reads, List<Path> indexes) implements java.io.Serializable {}

    /** What the shards gave, in genome order. */
    record Shards(List<SomaticSite> sites, List<GermlineSite> germline, long callable, List<ReadCounts> counts,
                  List<CoverageMetrics> coverage) {}

    private SomaticRun() {}

    public static void run(Request request, ShardExecutor executor) {
        run(request, executor, CallsTableWriter.SINGLE_FILE);
    }

    /** As {@link #run(Request, ShardExecutor)}; the outputs committed whole, as a call's are ({@link StagedRun}). */
    public static void run(Request request, ShardExecutor executor, CallsTableWriter callsTable) {
        StagedRun.commit(request.output(), request.overwrite(), staging -> runStaged(request.withOutput(staging),
                executor, callsTable));
    }

    private static void runStaged(Request request, ShardExecutor executor, CallsTableWriter callsTable) {
        List<Shard> plan = request.shards(executor.workers());
        LOG.info("{} shards of at most {} bp, on {} workers", plan.size(),
                plan.stream().mapToInt(Shard::length).max().orElse(0), executor.workers());
        ProgressMeter progress = new ProgressMeter(10, ShardPlanner.bases(plan));
        progress.start();
        LOG.info("Somatic calling of tumour {}{} against {}: {} shards", request.tumour().id(),
                request.tumourOnly() ? " (tumour-only)" : " and normal " + request.normal().id(),
                request.reference().getFileName(), plan.size());
        Shards shards = runShards(request, plan, executor, progress);
        progress.stop();
        if (!request.tumourOnly()) {
            requireOnePerson(TumourNormalMatch.of(shards.germline()));
        }
        String md5 = ReferenceSource.md5(request.reference());
        List<SomaticSite> sites = shards.sites();
        double[][] populationAf = populationFrequencies(request, sites);
        PanelOfNormals pon = request.panelOfNormals() == null ? PanelOfNormals.empty()
                : PanelOfNormals.read(request.panelOfNormals());
        ContaminationEstimate contamination = request.tumourOnly() ? ContaminationEstimate.NONE
                : ContaminationEstimate.of(shards.germline(), germlineFrequencies(request, shards.germline()));
        LOG.info(String.format(Locale.ROOT, "Contamination of the tumour: %.4f ± %.4f from %d hom-alt sites of the"
                + " normal", contamination.contamination(), contamination.error(), contamination.sites()));
        List<SomaticFilterEngine.Context> contexts = new ArrayList<>();
        int[] events = events(sites, request.somatic().eventWindow());
        for (int i = 0; i < sites.size(); i++) {
            contexts.add(new SomaticFilterEngine.Context(populationAf[i], inPanel(pon, sites.get(i)), events[i]));
        }
        boolean resource = request.germlineResource() != null || request.population() != null;
        if (request.tumourOnly() && !resource) {
            LOG.warn("Tumour-only without a germline resource: germline variants are told from somatic ones by the"
                    + " germline heterozygosity and the allele fractions alone, so somatic calls near germline"
                    + " fractions are filtered as germline; give --germline-resource or --population");
        }
        SomaticFilterEngine engine = new SomaticFilterEngine(request.somatic(), shards.callable(),
                contamination.contamination(), request.tumourOnly(), resource, request.params().snvHeterozygosity(),
                request.params().indelHeterozygosity());
        List<SomaticFilterEngine.Verdict> verdicts = engine.run(sites, contexts);
        List<VariantCall> calls = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            calls.add(SomaticCalls.of(sites.get(i), verdicts.get(i), engine.populationAf(sites.get(i),
                    contexts.get(i)), contexts.get(i).inPanelOfNormals(), events[i]));
        }
        long pass = calls.stream().filter(c -> c.filter().isPass()).count();
        LOG.info(String.format(Locale.ROOT, "Filtered %d candidate(s): %d PASS at error threshold %.3f; %d callable"
                + " positions", calls.size(), pass, engine.threshold(), shards.callable()));
        write(request, calls, md5, contamination, engine, callsTable);
        if (request.qc()) {
            List<Filters> filters = calls.stream().map(VariantCall::filter).toList();
            SomaticQc somaticQc = SomaticQc.of(request.tumour().id(),
                    request.tumourOnly() ? null : request.normal().id(), sites, filters,
                    contamination.contamination(), contamination.error(), engine.clusters());
            List<Path> files = QcFiles.write(qcReport(request, plan, calls, shards, md5, somaticQc),
                    request.output().resolve(CallingRun.QC_DIR));
            LOG.info(String.format(Locale.ROOT, "Wrote %d QC files to %s/; estimated purity %.2f", files.size(),
                    CallingRun.QC_DIR, somaticQc.purity()));
        }
    }

    /**
     * Refuses a pair whose genotypes say two people (a swapped or wrong normal): its somatic calls would be the
     * tumour's germline variants. Before anything is written, so the run leaves nothing.
     */
    private static void requireOnePerson(TumourNormalMatch match) {
        if (!match.samePerson()) {
            throw new UserException("tumour and normal are not one person's: at " + match.discordant() + " of "
                    + match.sites() + " sites where the normal is homozygous ALT, the tumour shows no ALT read (a"
                    + " sample swap?): give the patient's own normal, or call the tumour alone");
        }
        if (match.judged()) {
            LOG.info("Tumour and normal are one person's: the tumour shows the ALT at {} of {} sites where the normal"
                    + " is homozygous ALT", match.sites() - match.discordant(), match.sites());
        } else {
            LOG.info("Tumour and normal not compared: {} sites where the normal is homozygous ALT with {} or more"
                    + " tumour reads, fewer than {}", match.sites(), TumourNormalMatch.MIN_DEPTH,
                    TumourNormalMatch.MIN_SITES);
        }
    }

    /** The run's QC: each sample's reads and coverage, the somatic VCF's statistics and the somatic section. */
    private static QcReport qcReport(Request request, List<Shard> plan, List<VariantCall> calls, Shards shards,
                                     String md5, SomaticQc somatic) {
        String name = vcfName(request);
        List<SampleQc> samples = new ArrayList<>();
        List<Samples.Sample> ordered = request.ordered();
        for (int i = 0; i < ordered.size(); i++) {
            Samples.Sample s = ordered.get(i);
            samples.add(new SampleQc(s.id(), s.role(), s.sex(), s.familyPseudonym(), shards.counts().get(i),
                    shards.coverage().get(i), name));
        }
        List<String> ids = ordered.stream().map(Samples.Sample::id).toList();
        CallSetStats stats = CallSetStats.of(ids, calls.stream().map(CallRecord::of).toList());
        return new QcReport(gap.core.GapVersion.get(), md5, CallingRun.territory(request.dictionary(), plan), samples, List.of(new CallSetQc(name, name + ".vcf.gz", stats)), List.of(),
                FamilyQc.NONE, somatic);
    }

    /** The somatic VCF's name without {@code .vcf.gz}: the patient's pseudonym, marked somatic. */
    static String vcfName(Request request) {
        return request.tumour().patientPseudonym() + ".somatic";
    }

    static Shards runShards(Request request, List<Shard> plan, ShardExecutor executor, ProgressMeter progress) {
        List<Path> reads = new ArrayList<>();
        List<Path> indexes = new ArrayList<>();
        for (Samples.Sample s : request.ordered()) {
            reads.add(s.reads());
            indexes.add(request.indexes().get(s));
        }
        Inputs inputs = new Inputs(request.reference(), reads, indexes);
        CallingParameters params = request.params();
        SomaticParameters somatic = request.somatic();
        List<SomaticSite> sites = new ArrayList<>();
        List<GermlineSite> germline = new ArrayList<>();
        long[] callable = {0};
        int n = reads.size();
        ReadCounts[] counts = new ReadCounts[n];
        CoverageMetrics[] coverage = new CoverageMetrics[n];
        java.util.Arrays.fill(counts, ReadCounts.EMPTY);
        java.util.Arrays.fill(coverage, CoverageMetrics.EMPTY);
        executor.forEachInOrder(plan,
                (Supplier<SomaticShardRunner> & java.io.Serializable) () -> open(inputs, params, somatic),
                (Function<SomaticShardRunner, Function<Shard, SomaticShardResult>> & java.io.Serializable)
                        runner -> runner::run,
                (SomaticShardResult r) -> {
                    sites.addAll(r.sites());
                    germline.addAll(r.germline());
                    callable[0] += r.callable();
                    long seen = 0;
                    for (int s = 0; s < n; s++) {
                        counts[s] = counts[s].plus(r.readCounts().get(s));
                        coverage[s] = coverage[s].plus(r.coverage().get(s));
                        seen += r.readCounts().get(s).seen();
                    }
                    progress.update(r.shard().contig() + ":" + r.shard().end(), seen,
                            r.shard().end() - r.shard().start() + 1L);
                });
        return new Shards(sites, germline, callable[0], List.of(counts), List.of(coverage));
    }

    static SomaticShardRunner open(Inputs inputs, CallingParameters params, SomaticParameters somatic) {
        List<ReadSource> reads = new ArrayList<>();
        ReferenceSource reference = new ReferenceSource(inputs.reference());
        try {
            for (int s = 0; s < inputs.reads().size(); s++) {
                reads.add(new ReadSource(inputs.reads().get(s), inputs.indexes().get(s), inputs.reference(),
                        new ReadFilters(params.minMappingQuality())));
            }
        } catch (RuntimeException e) {
            reads.forEach(ReadSource::close);
            reference.close();
            throw e;
        }
        return new SomaticShardRunner(reads, reference, params, somatic);
    }

    /** Per site and ALT, the population frequency the resource or summary gives; NaN where neither holds it. */
    private static double[][] populationFrequencies(Request request, List<SomaticSite> sites) {
        List<String[]> wanted = new ArrayList<>();
        for (SomaticSite s : sites) {
            for (int a = 1; a < s.alleles().size(); a++) {
                wanted.add(new String[] {s.contig(), Integer.toString(s.position()), s.ref(), s.alleles().get(a)});
            }
        }
        GermlineResource resource = resource(request, wanted);
        double[][] out = new double[sites.size()][];
        for (int i = 0; i < sites.size(); i++) {
            SomaticSite s = sites.get(i);
            out[i] = new double[s.altCount()];
            for (int a = 1; a < s.alleles().size(); a++) {
                out[i][a - 1] = resource.frequency(s.contig(), s.position(), s.ref(), s.alleles().get(a));
            }
        }
        return out;
    }

    private static double[] germlineFrequencies(Request request, List<GermlineSite> sites) {
        List<String[]> wanted = sites.stream()
                .map(s -> new String[] {s.contig(), Integer.toString(s.position()), s.ref(), s.alt()}).toList();
        GermlineResource resource = resource(request, wanted);
        return sites.stream().mapToDouble(s -> resource.frequency(s.contig(), s.position(), s.ref(), s.alt()))
                .toArray();
    }

    /** The germline resource VCF, else the population summary (its POP_AF), else none. */
    private static GermlineResource resource(Request request, List<String[]> wanted) {
        if (request.germlineResource() != null) {
            return GermlineResource.read(request.germlineResource(), wanted);
        }
        if (request.population() == null) {
            return GermlineResource.none();
        }
        Map<String[], Double> found = new LinkedHashMap<>();
        try (PopulationAnnotator annotator = PopulationAnnotator.open(request.population(),
                ReferenceDictionary.of(request.dictionary()))) {
            List<String[]> sorted = new ArrayList<>(wanted);
            ReferenceDictionary dict = ReferenceDictionary.of(request.dictionary());
            sorted.sort(java.util.Comparator.<String[]>comparingInt(w -> dict.indexes().get(w[0]))
                    .thenComparingInt(w -> Integer.parseInt(w[1])));
            for (String[] w : sorted) {
                VariantCall probe = new VariantCall(w[0], Integer.parseInt(w[1]), List.of(w[2], w[3]), 0, Filters.PASS,
                        Map.of(), new Genotype(0, 1, -1, List.of(), List.of(0, 0), 0));
                Object af = annotator.annotate(probe).info().get(PopulationAnnotator.AF);
                if (af instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Double d) {
                    found.put(w, d);
                }
            }
        }
        return GermlineResource.of(found);
    }

    private static boolean inPanel(PanelOfNormals pon, SomaticSite s) {
        for (int a = 1; a < s.alleles().size(); a++) {
            if (pon.contains(s.contig(), s.position(), s.ref(), s.alleles().get(a))) {
                return true;
            }
        }
        return false;
    }

    /** Per site, the emitted sites (itself included) on its contig within {@code window} bases. */
    static int[] events(List<SomaticSite> sites, int window) {
        int[] out = new int[sites.size()];
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < sites.size(); i++) {
            SomaticSite s = sites.get(i);
            while (lo < i && (!sites.get(lo).contig().equals(s.contig())
                    || sites.get(lo).position() < s.position() - window)) {
                lo++;
            }
            hi = Math.max(hi, i);
            while (hi + 1 < sites.size() && sites.get(hi + 1).contig().equals(s.contig())
                    && sites.get(hi + 1).position() <= s.position() + window) {
                hi++;
            }
            out[i] = hi - lo + 1;
        }
        return out;
    }

    private static void write(Request request, List<VariantCall> calls, String md5,
                              ContaminationEstimate contamination, SomaticFilterEngine engine,
                              CallsTableWriter callsTable) {
        Path output = request.output();
        List<String> ids = request.ordered().stream().map(Samples.Sample::id).toList();
        Map<String, String> runLines = new LinkedHashMap<>();
        runLines.put("somatic_mode", request.tumourOnly() ? "tumour-only" : "tumour-normal");
        runLines.put("tumor_sample", request.tumour().id());
        if (!request.tumourOnly()) {
            runLines.put("normal_sample", request.normal().id());
        }
        runLines.put("patient", request.tumour().patientPseudonym());
        runLines.put("germline_resource", request.germlineResource() != null ? "VCF with INFO/AF"
                : request.population() != null ? "gap population summary (POP_AF)" : "none");
        runLines.put("panel_of_normals", request.panelOfNormals() != null ? "yes" : "none");
        runLines.put("filtering_threshold", String.format(Locale.ROOT, "%.4f", engine.threshold()));
        if (!request.tumourOnly()) {
            runLines.put("contamination", String.format(Locale.ROOT, "%.4f", contamination.contamination()));
        }
        Path vcf = output.resolve(vcfName(request) + ".vcf.gz");
        try (VcfSink sink = new VcfSink(vcf, request.dictionary(), ids,
                new VcfSink.Reference(request.reference().getFileName().toString(), md5), request.params().lowQual(),
                SomaticCalls.headerLines(runLines))) {
            calls.forEach(sink::add);
            sink.commit();
        }
        LOG.info("Wrote {} somatic record(s) to {}", calls.size(), vcf.getFileName());
        List<VCFCompoundHeaderLine> columns = new ArrayList<>(InfoField.headerLines());
        columns.addAll(SomaticInfoField.headerLines());
        columns.addAll(SomaticFormatField.headerLines());
        callsTable.write(output.resolve("calls.parquet"), columns, ReferenceDictionary.of(request.dictionary()),
                new CallSet(ids, calls));
        ParquetSink.writeSamples(output.resolve("samples.parquet"), request.samples().rows(), request.keys());
        if (!request.tumourOnly()) {
            try {
                TextFiles.writeAtomically(output.resolve(CONTAMINATION_TABLE),
                        contamination.table(request.tumour().id()));
            } catch (IOException e) {
                throw new gap.core.UserException("could not write " + CONTAMINATION_TABLE + " ("
                        + e.getClass().getSimpleName() + "): check that the output folder is writable", e);
            }
        }
        LOG.info("Wrote calls.parquet, samples.parquet{}", request.tumourOnly() ? "" : " and " + CONTAMINATION_TABLE);
    }
}
