package gap.cli;

import gap.core.calling.CallingParameters;
import gap.core.cohort.Pedigree;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceDictionary;
import gap.core.model.Shard;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import gap.core.scoring.KnownSites;
import gap.core.scoring.ScoringParameters;
import gap.core.shard.CallingRun;
import gap.core.shard.CopyNumberRun;
import gap.core.cnv.CnvParameters;
import gap.core.shard.Intervals;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.ShardPlanner;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.Interval;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gap call}: calls germline SNVs and indels in the samples' aligned reads, jointly when there are several.
 *
 * <pre>
 * gap call -R ref.fa -I sample.bam -O out/
 * gap call -R ref.fa --sample-sheet family.tsv --pedigree family.ped -O out/ --keystore lab.p12
 * gap call -R ref.fa -I sample.cram -O out/ -L chr22:20000001-21000000 --threads 8
 * gap call -R ref.fa -I sample.bam -O out/ --known-sites dbsnp.vcf.gz
 * </pre>
 *
 * Writes {@code out/<pseudonym>.vcf.gz} (the sample's pseudonym, or the family's or cohort's for a joint call; one
 * column per sample) and its {@code .tbi}; then {@code out/calls.parquet} and {@code out/samples.parquet} (identifiers
 * in columns encrypted for the clinician role); {@code out/denovo.tsv} when the pedigree has a trio; then the QC files
 * in {@code out/qc/} unless {@code --no-qc}. Every file is written under a temporary name until complete. Outputs and
 * logs carry pseudonyms only.
 */
@Command(name = "call",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Call germline SNVs and indels in the samples' aligned reads (BAM or CRAM), jointly when there"
                + " are several.",
                "Writes OUTPUT/<pseudonym>.vcf.gz (the sample's, or the family's or cohort's for several samples) with"
                        + " its tabix index, OUTPUT/calls.parquet, OUTPUT/samples.parquet, OUTPUT/denovo.tsv with a"
                        + " trio pedigree, and the QC files in OUTPUT/qc. Outputs and logs carry pseudonyms only."})
public class CallCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(CallCommand.class);

    /** How -L files are named ({@code Path::of} here; a cluster driver's names Hadoop paths). */
    private final Function<String, Path> paths;
    /** Runs the checked request: on --threads threads here; a cluster driver's runs it on its executors. */
    private final Consumer<CallingRun.Request> runner;

    public CallCommand() {
        this.paths = Path::of;
        this.runner = this::runLocally;
    }

    /** The command of another driver: the same options and checks, with its own paths and its own run. */
    public CallCommand(Function<String, Path> paths, Consumer<CallingRun.Request> runner) {
        this.paths = paths;
        this.runner = runner;
    }

    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "Reference FASTA, with .fai and .dict beside it.")
    Path reference;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    /** Where the reads come from: reads files, or a sample sheet. */
    static final class Inputs {
        @Option(names = {"-I", "--input"}, required = true, paramLabel = "BAM/CRAM",
                description = "Aligned reads of one sample, coordinate-sorted and indexed; its @RG SM is the"
                        + " identifier pseudonymised. Repeatable: several samples are called jointly.")
        List<Path> inputs;

        @Option(names = "--sample-sheet", required = true, paramLabel = "TSV",
                description = "Samples to call, one per line: patient_id mrn sample_alias family_id role sex bam"
                        + " (tab-separated, bam relative to the sheet).")
        Path sheet;
    }

    @Option(names = "--pedigree", paramLabel = "PED", showDefaultValue = Visibility.NEVER,
            description = "PLINK/PED pedigree of the samples, by sample_alias (or @RG SM with -I): its trios get"
                    + " FORMAT/DNQ, INFO/DENOVO, OUTPUT/denovo.tsv and Mendelian checks; every pair of samples is"
                    + " checked against it for swaps.")
    Path pedigree;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing).")
    Path output;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL", showDefaultValue = Visibility.NEVER,
            description = "Restrict calling to these regions (chr, chr:start-end, or a .bed/.interval_list/.list file);"
                    + " repeatable. Default: the whole reference.")
    List<String> intervals = List.of();

    @Option(names = "--known-sites", paramLabel = "VCF", showDefaultValue = Visibility.NEVER,
            description = "Known variant sites (a dbSNP-like VCF, indexed or not). Its calls train the scorer, which"
                    + " writes VQSLOD and a tranche FILTER per class; they only choose training examples. Without it,"
                    + " GATK's recommended hard filters.")
    Path knownSites;

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard-size", paramLabel = "BP", showDefaultValue = Visibility.NEVER,
            description = "Bases per shard, the unit of parallel work. Default: " + ShardPlanner.DEFAULT_SHARD_SIZE
                    + ", or less (not below " + ShardPlanner.MIN_AUTO_SHARD_SIZE + ") on a small territory so that"
                    + " each thread gets " + ShardPlanner.SHARDS_PER_WORKER + " shards.")
    Integer shardSize;

    @Option(names = "--population", paramLabel = "PARQUET", showDefaultValue = Visibility.NEVER,
            description = "A released population summary (gap aggregate merge, or gap aggregate) of the same reference:"
                    + " adds INFO/POP_AC, POP_AN, POP_AF and POP_SUPPRESSED to every call whose allele it holds.")
    Path population;

    @Option(names = "--cnv-panel", paramLabel = "PARQUET", showDefaultValue = Visibility.NEVER,
            description = "A panel of normals (gap cnv-panel) of the same reference and bin size: adds copy-number"
                    + " changes (<DEL>/<DUP> records with CN, CNQ, MF), OUTPUT/cnv.tsv, OUTPUT/cnv.parquet and a"
                    + " copy-ratio and B-allele-fraction plot per sample to the QC, from the depth counted in the"
                    + " same pass over the reads.")
    Path cnvPanel;

    @Option(names = "--qc", negatable = true, defaultValue = "true", fallbackValue = "true",
            showDefaultValue = Visibility.NEVER,
            description = "Write the QC files to OUTPUT/qc: report.html, qc.json, gap_qc_mqc.tsv (MultiQC) and a"
                    + " bcftools-stats-compatible <sample>.stats.txt per sample. On by default; --no-qc skips them.")
    boolean qc = true;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties; repeatable.")
    Map<String, String> settings = Map.of();

    @Override
    public Integer call() {
        if (threads < 1 || (shardSize != null && shardSize < 1)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threads and --shard-size must be positive");
        }
        Redactor redactor = Redactor.process();
        if (inputs.inputs != null) {
            inputs.inputs.forEach(p -> Samples.protectReadsPath(p, redactor));
        }
        if (pedigree != null) {
            Samples.protectPath(pedigree, "[pedigree]", redactor);
        }
        CallingParameters params = CallingParameters.load(settings);
        ScoringParameters scoring = ScoringParameters.load(settings);
        if (knownSites != null) {
            KnownSites.check(knownSites);
        }
        SAMSequenceDictionary dictionary = InputValidator.checkReference(reference);
        LabKeys keys = keystore.open();
        Pseudonymiser pseudonymiser = new Pseudonymiser(keys.pseudonymisationKey());

        ReadInputs.Resolved resolved = ReadInputs.resolve(inputs.sheet, inputs.inputs, reference, dictionary,
                pseudonymiser, redactor);
        Samples samples = resolved.samples();
        Pedigree family = pedigree == null ? Pedigree.none() : Pedigree.read(pedigree, samples.pedigreeNames(),
                samples.samples().stream().map(Samples.Sample::sex).toList());
        List<Interval> targets = Intervals.parse(intervals, dictionary, paths);
        List<Shard> shards = shardSize == null ? ShardPlanner.planFor(dictionary, targets, threads, params.shardPadding())
                : ShardPlanner.plan(dictionary, targets, shardSize, params.shardPadding());
        InputValidator.checkOutputDirectory(output);
        if (population != null) {
            PopulationAnnotator.check(population, ReferenceDictionary.of(dictionary));
        }

        CopyNumberRun.Options copyNumber = null;
        if (cnvPanel != null) {
            Samples.protectPath(cnvPanel, "[panel]", redactor);
            copyNumber = new CopyNumberRun.Options(cnvPanel, CnvParameters.load(settings), copyNumberOnly());
            CopyNumberRun.open(copyNumber, ReferenceDictionary.of(dictionary), params.minMappingQuality());
        } else if (copyNumberOnly()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "gap cnv needs --cnv-panel (build one with gap cnv-panel)");
        }
        runner.accept(new CallingRun.Request(reference, dictionary, samples, resolved.indexes(), family, shards,
                params, keys, output, knownSites, scoring, population, qc, copyNumber));
        return Main.EXIT_OK;
    }

    /** Whether only copy number is written ({@code gap cnv}); {@code gap call} writes everything. */
    boolean copyNumberOnly() {
        return false;
    }

    private void runLocally(CallingRun.Request request) {
        LOG.info("{} sample(s), {} shards of at most {} bp, on {} threads", request.samples().ids().size(),
                request.shards().size(), request.shards().stream().mapToInt(s -> s.end() - s.start() + 1).max()
                        .orElse(0), threads);
        CallingRun.run(request, new LocalShardExecutor(threads));
    }
}
