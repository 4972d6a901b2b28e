package gap.core.shard;

import gap.core.GapVersion;
import gap.core.UserException;
import gap.core.calling.CallingParameters;
import gap.core.cohort.Pedigree;
import gap.core.concordance.Concordance;
import gap.core.io.InputValidator;
import gap.core.io.RunFolder;
import gap.core.io.VcfCalls;
import gap.core.io.ReferenceSource;
import gap.core.model.Shard;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetReader;
import gap.core.qc.FamilyQc;
import gap.core.qc.FamilyTally;
import gap.core.qc.report.QcFiles;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.qc.TruthQc;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes the options of {@code gap qc} and an executor for the reads, gives the QC files {@code gap call} writes for
 * VCFs that exist already: each VCF's statistics and, for a joint call set, its family checks; with the samples'
 * reads, their tallies and coverage, measured with the read filters of the settings given (as the run QC'd used); with
 * a truth set, the one sample's accuracy. Sample names that are not pseudonyms already are pseudonymised with the
 * lab's keys, as {@code gap call} names samples; no input path reaches an output or a log line (drivers register them
 * for redaction as they parse them).
 */
public final class QcRun {
    private static final Logger LOG = LogManager.getLogger(QcRun.class);

    /** One VCF's call set: where it is, its header's sample names and their pseudonyms. */
    private record Input(Path vcf, String name, List<String> headerSamples, List<String> pseudonyms) {}

    private final QcOptions options;
    private final CallingParameters params;
    private Pseudonymiser pseudonymiser;

    private QcRun(QcOptions options) {
        this.options = options;
        this.params = CallingParameters.load(options.settings());
    }

    public static void run(QcOptions options, ShardExecutor executor) {
        long start = System.nanoTime();
        QcRun run = new QcRun(options);
        QcReport report = run.report(executor);
        List<Path> files = new ArrayList<>();
        // one commit, as gap call's: a run failed or killed while writing leaves no QC file and no _SUCCESS
        StagedRun.commit(options.output(), options.overwrite(), staging -> files.addAll(QcFiles.write(report,
                staging)));
        PeakMemory.Reading memory = PeakMemory.read();
        LOG.info(String.format(Locale.ROOT, "Done: QC of %d sample(s) in %d call set(s), %d files; elapsed %.1f"
                + " minutes; %s %d MiB", report.samples().size(), report.callSets().size(), files.size(),
                (System.nanoTime() - start) / 60e9, memory.what(), memory.mebibytes()));
    }

    /** Checks the inputs, reads what was given, and gives the report every QC file is written from. */
    private QcReport report(ShardExecutor executor) {
        if (options.pedigree() != null && options.sampleSheet() == null) {
            throw new UserException("--pedigree names samples by sample_alias: give the sample sheet too"
                    + " (--sample-sheet)");
        }
        SAMSequenceDictionary dictionary = null;
        if (options.reference() != null) {
            dictionary = InputValidator.checkReference(options.reference());
        } else if (options.hasReads() || options.truth() != null) {
            throw new UserException("reads and --truth need the reference: give it with -R");
        }
        List<Input> inputs = new ArrayList<>();
        for (Path vcf : options.vcfs()) {
            inputs.add(input(vcf));
        }
        checkUnique(inputs);
        RunFolder.check(options.output(), options.overwrite()); // before the reads are read

        Map<String, SampleQc> samples = new LinkedHashMap<>();
        for (Input in : inputs) {
            for (String p : in.pseudonyms()) {
                samples.put(p, new SampleQc(p, null, null, null, null, null, in.name()));
            }
        }
        String territory = "not measured: no reads given";
        if (options.hasReads()) {
            List<Shard> shards = ShardPlanner.plan(dictionary, Intervals.parse(options.intervals(), dictionary),
                    options.shardSize(), 0);
            territory = CallingRun.territory(dictionary, shards);
            measureReads(samples, dictionary, shards, executor);
        }
        List<TruthQc> accuracy = new ArrayList<>();
        if (options.truth() != null) {
            accuracy.add(score(inputs));
        }
        List<CallSetQc> callSets = new ArrayList<>();
        List<FamilyQc.TrioQc> trios = new ArrayList<>();
        List<FamilyQc.PairQc> pairs = new ArrayList<>();
        for (Input in : inputs) {
            callSets.add(callSet(in, trios, pairs));
        }
        return new QcReport(GapVersion.get(), referenceMd5(inputs), territory, List.copyOf(samples.values()),
                callSets, accuracy, new FamilyQc(trios, pairs));
    }

    /** One VCF's statistics; a joint call set gets the family checks gap call writes: its pairs always, its trios
     * with a pedigree. */
    private CallSetQc callSet(Input in, List<FamilyQc.TrioQc> trios, List<FamilyQc.PairQc> pairs) {
        FamilyTally family = in.pseudonyms().size() < 2 ? null
                : new FamilyTally(in.pseudonyms(), pedigreeOf(in), params.deNovoMinQuality());
        CallSetQc qc = new CallSetQc(in.name(), in.name() + ".vcf.gz", CallSetReader.read(in.vcf(), in.pseudonyms(),
                r -> {
                    if (family != null) {
                        family.add(r);
                    }
                }));
        if (family != null) {
            FamilyQc checks = family.build();
            trios.addAll(checks.trios());
            pairs.addAll(checks.pairs());
        }
        return qc;
    }

    /** The pedigree over one VCF's samples (in its column order), through the sheet's aliases; none without one. */
    private Pedigree pedigreeOf(Input in) {
        if (options.pedigree() == null) {
            return Pedigree.none();
        }
        Samples sheet = Samples.fromSheet(options.sampleSheet(), pseudonymiser(), Redactor.process());
        List<String> aliases = new ArrayList<>();
        List<String> sexes = new ArrayList<>();
        for (String id : in.pseudonyms()) {
            int i = sheet.ids().indexOf(id);
            aliases.add(i < 0 ? null : sheet.pedigreeNames().get(i));
            sexes.add(i < 0 ? "unknown" : sheet.samples().get(i).sex());
        }
        return Pedigree.read(options.pedigree(), aliases, sexes);
    }

    private Input input(Path vcf) {
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
                Redactor.process().register(s, p);
                pseudonyms.add(p);
            }
        }
        String name = stem(vcf);
        if (!Pseudonymiser.isPseudonym(name)) {
            name = pseudonyms.size() == 1 ? pseudonyms.get(0) : "calls-" + (options.vcfs().indexOf(vcf) + 1);
        }
        return new Input(vcf, name, header, pseudonyms);
    }

    /**
     * A VCF's file name less its extension: the call set's pseudonym for the VCFs gap writes, and then no one's
     * name ({@link Pseudonymiser#isPseudonym}); any other name may be a patient's.
     */
    public static String stem(Path vcf) {
        return vcf.getFileName().toString().replaceFirst("\\.vcf(\\.gz|\\.bgz)?$", "");
    }

    private Pseudonymiser pseudonymiser() {
        if (pseudonymiser == null) {
            pseudonymiser = new Pseudonymiser(options.keys().get().pseudonymisationKey());
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
                              ShardExecutor executor) {
        Map<Samples.Sample, Path> indexes = ReadInputs.resolve(options.sampleSheet(), options.inputs(),
                options.reference(), dictionary, pseudonymiser(), Redactor.process()).indexes();
        boolean pairOnly = samples.size() == 1 && indexes.size() == 1;
        ProgressMeter progress = new ProgressMeter(10, ShardPlanner.bases(shards) * indexes.size());
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
            CoverageRun.Result r = CoverageRun.run(options.reference(), s.reads(), e.getValue(),
                    params.minMappingQuality(), shards, executor, progress);
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
        return new TruthQc(in.pseudonyms().get(0), Concordance.run(new Concordance.Inputs(options.truth(), in.vcf(),
                options.reference(), options.confident(), options.truthSample(), in.headerSamples().get(0))));
    }

    /** The reference's MD5: of -R's FASTA, else as the first VCF's ##referenceMd5 line gives it (gap's VCFs do). */
    private String referenceMd5(List<Input> inputs) {
        if (options.reference() != null) {
            return ReferenceSource.md5(options.reference());
        }
        try (VCFFileReader reader = new VCFFileReader(inputs.get(0).vcf(), false)) {
            return VcfCalls.referenceMd5(reader.getFileHeader());
        }
    }
}
