package gap.cli;

import gap.core.UserException;
import gap.core.calling.CallingParameters;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceDictionary;
import gap.core.model.Shard;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import gap.core.shard.Intervals;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.ShardPlanner;
import gap.core.shard.SomaticRun;
import gap.core.somatic.SomaticParameters;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.Interval;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * {@code gap somatic}: somatic SNVs and indels of a tumour against its matched normal (or tumour-only), Mutect2's
 * model and FilterMutectCalls' filters in the germline engine.
 *
 * <pre>
 * gap somatic -R ref.fa --sample-sheet tn.tsv -O out/          # roles tumour and normal, one patient
 * gap somatic -R ref.fa --tumour t.bam --normal n.bam -O out/
 * gap somatic -R ref.fa -I t.bam --germline-resource af.vcf.gz --panel-of-normals pon.tsv -O out/   # tumour-only
 * </pre>
 */
@Command(name = "somatic",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Call somatic SNVs and indels of a tumour against its matched normal (or tumour-only):"
                + " Mutect2's somatic model and FilterMutectCalls' filters on gap's engine.",
                "Writes OUTPUT/<patient pseudonym>.somatic.vcf.gz with its index (tumour, then normal column),"
                        + " OUTPUT/calls.parquet, OUTPUT/samples.parquet, OUTPUT/contamination.table and the QC files"
                        + " in OUTPUT/qc. Outputs and logs carry pseudonyms only."})
public final class SomaticCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(SomaticCommand.class);

    private final Function<String, Path> paths;
    private final Consumer<SomaticRun.Request> runner;

    public SomaticCommand() {
        this.paths = Path::of;
        this.runner = this::runLocally;
    }

    /** The command of another driver: the same options and checks, with its own paths and its own run. */
    public SomaticCommand(Function<String, Path> paths, Consumer<SomaticRun.Request> runner) {
        this.paths = paths;
        this.runner = runner;
    }

    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "Reference FASTA, with .fai and .dict beside it.")
    Path reference;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    /** The tumour and normal: reads files, or a sample sheet. */
    static final class Inputs {
        @ArgGroup(exclusive = false)
        Files files;

        @Option(names = "--sample-sheet", required = true, paramLabel = "TSV",
                description = "The patient's samples: patient_id mrn sample_alias family_id role sex bam; one row of"
                        + " role tumour and at most one of role normal (tab-separated, bam relative to the sheet).")
        Path sheet;
    }

    static final class Files {
        @Option(names = {"-I", "--tumour", "--tumor"}, required = true, paramLabel = "BAM/CRAM",
                description = "The tumour's aligned reads, coordinate-sorted and indexed.")
        Path tumour;

        @Option(names = "--normal", paramLabel = "BAM/CRAM", showDefaultValue = Visibility.NEVER,
                description = "The matched normal's aligned reads. Without it, tumour-only mode.")
        Path normal;
    }

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing).")
    Path output;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL", showDefaultValue = Visibility.NEVER,
            description = "Restrict calling to these regions (chr, chr:start-end, or a .bed/.interval_list/.list file);"
                    + " repeatable. Default: the whole reference.")
    List<String> intervals = List.of();

    @Option(names = "--germline-resource", paramLabel = "VCF", showDefaultValue = Visibility.NEVER,
            description = "Population allele frequencies (INFO/AF per ALT, gnomAD-like): the germline filter's prior"
                    + " and INFO/POPAF.")
    Path germlineResource;

    @Option(names = "--population", paramLabel = "PARQUET", showDefaultValue = Visibility.NEVER,
            description = "A released population summary (gap aggregate) of the same reference: its POP_AF as the"
                    + " germline resource (when --germline-resource is not given).")
    Path population;

    @Option(names = {"--panel-of-normals", "--pon"}, paramLabel = "TSV", showDefaultValue = Visibility.NEVER,
            description = "A panel of normals (gap somatic-pon): its sites are filtered as panel_of_normals.")
    Path panelOfNormals;

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard-size", paramLabel = "BP", showDefaultValue = Visibility.NEVER,
            description = "Bases per shard, the unit of parallel work (default as gap call's).")
    Integer shardSize;

    @Option(names = "--qc", negatable = true, defaultValue = "true", fallbackValue = "true",
            showDefaultValue = Visibility.NEVER, description = "Write the QC files to OUTPUT/qc (on by default).")
    boolean qc = true;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties (somatic.* and the engine's); repeatable.")
    Map<String, String> settings = Map.of();

    @Override
    public Integer call() {
        if (threads < 1 || (shardSize != null && shardSize < 1)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threads and --shard-size must be positive");
        }
        Redactor redactor = Redactor.process();
        if (inputs.files != null) {
            Samples.protectReadsPath(inputs.files.tumour, redactor);
            if (inputs.files.normal != null) {
                Samples.protectReadsPath(inputs.files.normal, redactor);
            }
        }
        for (Path p : new Path[] {germlineResource, population, panelOfNormals}) {
            if (p != null) {
                Samples.protectPath(p, "[resource]", redactor);
            }
        }
        SomaticParameters somatic = SomaticParameters.load(settings);
        CallingParameters params = callingParameters(settings, somatic);
        SAMSequenceDictionary dictionary = InputValidator.checkReference(reference);
        LabKeys keys = keystore.open();
        Pseudonymiser pseudonymiser = new Pseudonymiser(keys.pseudonymisationKey());
        ReadInputs.Resolved resolved = resolve(dictionary, pseudonymiser, redactor);
        Samples.Sample tumour = role(resolved.samples(), "tumour", true);
        Samples.Sample normal = role(resolved.samples(), "normal", false);
        if (resolved.samples().samples().size() != (normal == null ? 1 : 2)) {
            throw new UserException("give one tumour and at most one normal (roles tumour and normal in the sample"
                    + " sheet); other samples belong in another run");
        }
        if (inputs.sheet != null && normal != null && !tumour.patientPseudonym().equals(normal.patientPseudonym())) {
            throw new UserException("the tumour and the normal are of different patients (patient_id differs in the"
                    + " sample sheet): a somatic call needs the patient's own normal");
        }
        List<Interval> targets = Intervals.parse(intervals, dictionary, paths);
        List<Shard> shards = shardSize == null
                ? ShardPlanner.planFor(dictionary, targets, threads, params.shardPadding())
                : ShardPlanner.plan(dictionary, targets, shardSize, params.shardPadding());
        InputValidator.checkOutputDirectory(output);
        if (population != null) {
            PopulationAnnotator.check(population, ReferenceDictionary.of(dictionary));
        }
        if (germlineResource != null) {
            InputValidator.requireFile(germlineResource, "germline resource VCF");
        }
        if (panelOfNormals != null) {
            InputValidator.requireFile(panelOfNormals, "panel of normals");
        }
        runner.accept(new SomaticRun.Request(reference, dictionary, resolved.samples(), tumour, normal,
                resolved.indexes(), shards, params, somatic, keys, output, germlineResource, population,
                panelOfNormals, qc));
        return Main.EXIT_OK;
    }

    /**
     * The engine's settings for somatic candidates: the tumour's candidate fraction is the somatic one unless the
     * user set the engine's own.
     */
    static CallingParameters callingParameters(Map<String, String> settings, SomaticParameters somatic) {
        Map<String, String> merged = new HashMap<>(settings);
        merged.putIfAbsent("candidate.minAltFraction", Double.toString(somatic.candidateMinAltFraction()));
        return CallingParameters.load(merged);
    }

    private ReadInputs.Resolved resolve(SAMSequenceDictionary dictionary, Pseudonymiser pseudonymiser,
                                        Redactor redactor) {
        if (inputs.sheet != null) {
            return ReadInputs.resolve(inputs.sheet, null, reference, dictionary, pseudonymiser, redactor);
        }
        List<Path> files = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        files.add(inputs.files.tumour);
        roles.add("tumour");
        if (inputs.files.normal != null) {
            files.add(inputs.files.normal);
            roles.add("normal");
        }
        return ReadInputs.resolve(null, files, roles, reference, dictionary, pseudonymiser, redactor);
    }

    /** The one sample of {@code role} (tumor and tumour alike), or null when optional and absent. */
    private static Samples.Sample role(Samples samples, String role, boolean required) {
        List<Samples.Sample> found = samples.samples().stream()
                .filter(s -> role.equals(s.role().toLowerCase(Locale.ROOT).replace("tumor", "tumour"))).toList();
        if (found.size() > 1) {
            throw new UserException("the sample sheet has " + found.size() + " samples of role " + role
                    + ": give one per run");
        }
        if (found.isEmpty() && required) {
            throw new UserException("no sample of role tumour: the sample sheet's role column must name the tumour");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private void runLocally(SomaticRun.Request request) {
        LOG.info("{} shards of at most {} bp, on {} threads", request.shards().size(), request.shards().stream()
                .mapToInt(s -> s.end() - s.start() + 1).max().orElse(0), threads);
        SomaticRun.run(request, new LocalShardExecutor(threads));
    }
}
