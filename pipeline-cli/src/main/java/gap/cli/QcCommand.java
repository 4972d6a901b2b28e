package gap.cli;

import gap.core.GapVersion;
import gap.core.UserException;
import gap.core.calling.CallingParameters;
import gap.core.cohort.Pedigree;
import gap.core.concordance.Concordance;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceSource;
import gap.core.model.Shard;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetReader;
import gap.core.qc.FamilyQc;
import gap.core.qc.FamilyTally;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.qc.TruthQc;
import gap.core.qc.report.QcFiles;
import gap.core.shard.CallingRun;
import gap.core.shard.CoverageRun;
import gap.core.shard.Intervals;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.PeakMemory;
import gap.core.shard.ProgressMeter;
import gap.core.shard.ShardPlanner;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gap qc}: the QC files of {@code gap call} for VCFs that exist already, optionally with the samples' reads
 * (read tallies and coverage) and a truth set (accuracy).
 *
 * <pre>
 * gap qc -V out/GAP-….vcf.gz -O out/qc
 * gap qc -V calls.vcf.gz -R ref.fa -I sample.bam -O qc/
 * gap qc -V calls.vcf.gz -R ref.fa --truth truth.vcf.gz --confident regions.bed -O qc/
 * </pre>
 *
 * Sample names that are not pseudonyms already are pseudonymised with the lab's keystore, as {@code gap call} names
 * samples; the paths of the VCFs, reads, truth set and confident regions never reach an output or a log line.
 */
@Command(name = "qc",
        versionProvider = Main.Version.class,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"QC of existing VCFs: report.html, qc.json, gap_qc_mqc.tsv (MultiQC) and a"
                + " bcftools-stats-compatible <call set>.stats.txt per VCF, as gap call writes them.",
                "With the samples' reads (-I or --sample-sheet, and -R): read tallies and coverage of callable bases."
                        + " With --truth (and -R): accuracy of the one sample against the truth set."})
public final class QcCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(QcCommand.class);

    // -V is GATK's --variant here, so help and version are spelled out rather than picocli's -h/-V mixin.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = {"-V", "--variant"}, required = true, paramLabel = "VCF",
            description = "A VCF (plain or bgzipped) whose records to count; repeatable, one call set each.")
    List<Path> vcfs;

    @Option(names = {"-R", "--reference"}, paramLabel = "FASTA",
            description = "Reference FASTA, with .fai and .dict beside it; needed for reads and --truth.")
    Path reference;

    @ArgGroup(exclusive = true)
    Reads reads;

    /** Where the samples' reads come from: files, or a sample sheet. */
    static final class Reads {
        @Option(names = {"-I", "--input"}, required = true, paramLabel = "BAM/CRAM",
                description = "A sample's reads, coordinate-sorted and indexed; repeatable. Paired with the VCF"
                        + " sample of the same pseudonym (its @RG SM pseudonymised as gap call does), or with the"
                        + " only sample when there is one.")
        List<Path> inputs;

        @Option(names = "--sample-sheet", required = true, paramLabel = "TSV",
                description = "The sample sheet gap call was given: each row's reads pair with its sample.")
        Path sheet;
    }

    @Option(names = "--pedigree", paramLabel = "PED", showDefaultValue = Visibility.NEVER,
            description = "The PLINK/PED pedigree gap call was given (needs --sample-sheet): Mendelian checks of its"
                    + " trios and relatedness against it, in each VCF of several samples.")
    Path pedigree;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL", showDefaultValue = Visibility.NEVER,
            description = "Callable regions for coverage, as for gap call; repeatable. Default: the whole reference.")
    List<String> intervals = List.of();

    @Option(names = "--truth", paramLabel = "VCF",
            description = "Truth VCF to score the one sample against (as gap concordance does).")
    Path truth;

    @Option(names = "--truth-sample", paramLabel = "NAME",
            description = "Sample of the truth VCF to use. Default: its first sample.")
    String truthSample;

    @Option(names = "--confident", paramLabel = "BED",
            description = "Confident regions for --truth (BED). Default: the whole genome.")
    Path confident;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "DIR",
            description = "Folder of the QC files (created if missing).")
    Path output;

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads for reading the reads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard-size", paramLabel = "BP", description = "Bases per shard, the unit of parallel work.")
    int shardSize = ShardPlanner.DEFAULT_SHARD_SIZE;

    private Pseudonymiser pseudonymiser;

    /** One VCF's call set: where it is, its header's sample names and their pseudonyms. */
    private record Input(Path vcf, String name, List<String> headerSamples, List<String> pseudonyms) {}

    @Override
    public Integer call() {
        if (threads < 1 || shardSize < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threads and --shard-size must be positive");
        }
        long start = System.nanoTime();
        Redactor redactor = Redactor.process();
        for (int i = 0; i < vcfs.size(); i++) {
            protect(vcfs.get(i), "[VCF " + (i + 1) + "]", redactor);
        }
        if (truth != null) {
            protect(truth, "[truth]", redactor);
        }
        if (confident != null) {
            protect(confident, "[confident regions]", redactor);
        }
        if (reads != null && reads.inputs != null) {
            reads.inputs.forEach(p -> Samples.protectReadsPath(p, redactor));
        }
        if (pedigree != null) {
            Samples.protectPath(pedigree, "[pedigree]", redactor);
            if (reads == null || reads.sheet == null) {
                throw new UserException("--pedigree names samples by sample_alias: give the sample sheet too"
                        + " (--sample-sheet)");
            }
        }
        boolean needsReference = reads != null || truth != null;
        SAMSequenceDictionary dictionary = null;
        if (reference != null) {
            dictionary = InputValidator.checkReference(reference);
        } else if (needsReference) {
            throw new UserException("reads and --truth need the reference: give it with -R");
        }
        List<Input> inputs = new ArrayList<>();
        for (Path vcf : vcfs) {
            inputs.add(input(vcf, redactor));
        }
        checkUnique(inputs);
        InputValidator.checkOutputDirectory(output);

        Map<String, SampleQc> samples = new LinkedHashMap<>();
        for (Input in : inputs) {
            for (String p : in.pseudonyms()) {
                samples.put(p, new SampleQc(p, null, null, null, null, null, in.name()));
            }
        }
        String territory = "not measured: no reads given";
        if (reads != null) {
            List<Shard> shards = ShardPlanner.plan(dictionary, Intervals.parse(intervals, dictionary), shardSize, 0);
            territory = CallingRun.territory(dictionary, shards);
            measureReads(samples, dictionary, shards, redactor);
        }
        List<TruthQc> accuracy = new ArrayList<>();
        if (truth != null) {
            accuracy.add(score(inputs));
        }
        List<CallSetQc> callSets = new ArrayList<>();
        List<FamilyQc.TrioQc> trios = new ArrayList<>();
        List<FamilyQc.PairQc> pairs = new ArrayList<>();
        int minDeNovoQuality = CallingParameters.defaults().deNovoMinQuality();
        for (Input in : inputs) {
            // a joint call set gets the family checks gap call writes: its pairs always, its trios with a pedigree
            FamilyTally family = in.pseudonyms().size() < 2 ? null
                    : new FamilyTally(in.pseudonyms(), pedigreeOf(in, redactor), minDeNovoQuality);
            callSets.add(new CallSetQc(in.name(), in.name() + ".vcf.gz", CallSetReader.read(in.vcf(), in.pseudonyms(),
                    r -> {
                        if (family != null) {
                            family.add(r);
                        }
                    })));
            if (family != null) {
                FamilyQc qc = family.build();
                trios.addAll(qc.trios());
                pairs.addAll(qc.pairs());
            }
        }
        QcReport report = new QcReport(GapVersion.get(), referenceMd5(inputs), territory,
                List.copyOf(samples.values()), callSets, accuracy, new FamilyQc(trios, pairs));
        List<Path> files = QcFiles.write(report, output);
        PeakMemory.Reading memory = PeakMemory.read();
        LOG.info(String.format(Locale.ROOT, "Done: QC of %d sample(s) in %d call set(s), %d files; elapsed %.1f"
                + " minutes; %s %d MiB", samples.size(), callSets.size(), files.size(),
                (System.nanoTime() - start) / 60e9, memory.what(), memory.mebibytes()));
        return Main.EXIT_OK;
    }

    /** The pedigree over one VCF's samples (in its column order), through the sheet's aliases; none without one. */
    private Pedigree pedigreeOf(Input in, Redactor redactor) {
        if (pedigree == null) {
            return Pedigree.none();
        }
        Samples sheet = Samples.fromSheet(reads.sheet, pseudonymiser(), redactor);
        List<String> aliases = new ArrayList<>();
        List<String> sexes = new ArrayList<>();
        for (String id : in.pseudonyms()) {
            int i = sheet.ids().indexOf(id);
            aliases.add(i < 0 ? null : sheet.pedigreeNames().get(i));
            sexes.add(i < 0 ? "unknown" : sheet.samples().get(i).sex());
        }
        return Pedigree.read(pedigree, aliases, sexes);
    }

    /** A path whose file name is not a pseudonym's may name a patient: it prints as {@code label}. */
    private static void protect(Path path, String label, Redactor redactor) {
        if (!Pseudonymiser.isPseudonym(stem(path))) {
            Samples.protectPath(path, label, redactor);
        }
    }

    private static String stem(Path vcf) {
        return vcf.getFileName().toString().replaceFirst("\\.vcf(\\.gz|\\.bgz)?$", "");
    }

    private Input input(Path vcf, Redactor redactor) {
        InputValidator.requireFile(vcf, "VCF");
        List<String> header;
        try (VCFFileReader reader = new VCFFileReader(vcf, false)) {
            header = reader.getFileHeader().getGenotypeSamples();
        } catch (RuntimeException e) {
            throw new UserException("VCF " + vcf.getFileName() + " could not be read (" + e.getClass().getSimpleName()
                    + "): check it with 'bcftools view -h'", e);
        }
        List<String> pseudonyms = new ArrayList<>();
        for (String s : header) {
            if (Pseudonymiser.isPseudonym(s)) {
                pseudonyms.add(s);
            } else {
                String p = pseudonymiser().sample(s);
                redactor.register(s, p);
                pseudonyms.add(p);
            }
        }
        String name = stem(vcf);
        if (!Pseudonymiser.isPseudonym(name)) {
            name = pseudonyms.size() == 1 ? pseudonyms.get(0) : "calls-" + (vcfs.indexOf(vcf) + 1);
        }
        return new Input(vcf, name, header, pseudonyms);
    }

    private Pseudonymiser pseudonymiser() {
        if (pseudonymiser == null) {
            LabKeys keys = keystore.open();
            pseudonymiser = new Pseudonymiser(keys.pseudonymisationKey());
        }
        return pseudonymiser;
    }

    private static void checkUnique(List<Input> inputs) {
        Set<String> names = new HashSet<>();
        Set<String> samples = new HashSet<>();
        for (Input in : inputs) {
            if (!names.add(in.name())) {
                throw new UserException("two VCFs make the call set " + in.name() + ": give each VCF once");
            }
            for (String p : in.pseudonyms()) {
                if (!samples.add(p)) {
                    throw new UserException("sample " + p + " is in more than one VCF: give one VCF per sample");
                }
            }
        }
    }

    /** Reads each sample's reads as gap call would, and puts their tally and coverage in its QC. */
    private void measureReads(Map<String, SampleQc> samples, SAMSequenceDictionary dictionary, List<Shard> shards,
                              Redactor redactor) {
        Map<Samples.Sample, Path> indexes = ReadInputs.resolve(reads.sheet, reads.inputs, reference, dictionary,
                pseudonymiser(), redactor).indexes();
        boolean pairOnly = samples.size() == 1 && indexes.size() == 1;
        CallingParameters params = CallingParameters.defaults();
        long bases = shards.stream().mapToLong(s -> s.length()).sum();
        ProgressMeter progress = new ProgressMeter(10, bases * indexes.size());
        progress.start();
        for (Map.Entry<Samples.Sample, Path> e : indexes.entrySet()) {
            Samples.Sample s = e.getKey();
            String id = pairOnly ? samples.keySet().iterator().next() : s.id();
            SampleQc qc = samples.get(id);
            if (qc == null) {
                throw new UserException("the reads of sample " + s.id() + " (" + s.source() + ") match no sample of"
                        + " the VCFs: give the reads of the VCFs' samples, or the sample sheet gap call was given");
            }
            LOG.info("Reading the reads of sample {} ({}): {} shards", id, s.source(), shards.size());
            CoverageRun.Result r = CoverageRun.run(reference, s.reads(), e.getValue(), params.minMappingQuality(),
                    shards, new LocalShardExecutor(threads), progress);
            samples.put(id, new SampleQc(id, s.role(), s.sex(), s.familyPseudonym(), r.readCounts(), r.coverage(),
                    qc.callSet()));
        }
        progress.stop();
    }

    private TruthQc score(List<Input> inputs) {
        int samples = inputs.stream().mapToInt(i -> i.pseudonyms().size()).sum();
        if (samples != 1) {
            throw new UserException("--truth scores one sample, and the VCFs hold " + samples + ": give the VCF of"
                    + " the one sample the truth set describes");
        }
        Input in = inputs.stream().filter(i -> !i.pseudonyms().isEmpty()).findFirst().orElseThrow();
        LOG.info("Scoring sample {} against the truth set", in.pseudonyms().get(0));
        return new TruthQc(in.pseudonyms().get(0), Concordance.run(new Concordance.Inputs(truth, in.vcf(), reference,
                confident, truthSample, in.headerSamples().get(0))));
    }

    /** The reference's MD5: of -R's FASTA, else as the first VCF's ##reference=md5: line gives it (gap's VCFs do). */
    private String referenceMd5(List<Input> inputs) {
        if (reference != null) {
            return ReferenceSource.md5(reference);
        }
        try (VCFFileReader reader = new VCFFileReader(inputs.get(0).vcf(), false)) {
            VCFHeader header = reader.getFileHeader();
            for (VCFHeaderLine line : header.getOtherHeaderLines()) {
                if (line.getKey().equals("reference") && line.getValue().matches("md5:[0-9a-f]{32}")) {
                    return line.getValue().substring(4);
                }
            }
        }
        return null;
    }
}
