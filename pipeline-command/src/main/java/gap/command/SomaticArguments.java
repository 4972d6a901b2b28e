package gap.command;

import gap.core.shard.SomaticOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code gap somatic} every driver takes (a {@code @Mixin}), given to core as {@link SomaticOptions}.
 * What runs the shards is the driver's: {@code --threads} for the CLI, the cluster's task slots on Spark.
 */
public final class SomaticArguments {
    /** The first paragraph of every driver's {@code somatic} help. */
    public static final String DESCRIPTION = "Call somatic SNVs and indels of a tumour against its matched normal (or"
            + " tumour-only): Mutect2's somatic model and FilterMutectCalls' filters on gap's engine.";
    /** The second: what it writes. */
    public static final String OUTPUTS = "Writes OUTPUT/<patient pseudonym>.somatic.vcf.gz with its index (tumour, then"
            + " normal column), OUTPUT/calls.parquet, OUTPUT/samples.parquet, OUTPUT/contamination.table and the QC"
            + " files in OUTPUT/qc. Outputs and logs carry pseudonyms only.";

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
                converter = RedactedPaths.Reads.class,
                description = "The tumour's aligned reads, coordinate-sorted and indexed.")
        Path tumour;

        @Option(names = "--normal", paramLabel = "BAM/CRAM", showDefaultValue = Visibility.NEVER,
                converter = RedactedPaths.Reads.class,
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
            converter = RedactedPaths.Resource.class,
            description = "Population allele frequencies (INFO/AF per ALT, gnomAD-like): the germline filter's prior"
                    + " and INFO/POPAF.")
    Path germlineResource;

    @Option(names = "--population", paramLabel = "PARQUET", showDefaultValue = Visibility.NEVER,
            converter = RedactedPaths.Resource.class,
            description = "A released population summary (gap aggregate) of the same reference: its POP_AF as the"
                    + " germline resource (when --germline-resource is not given).")
    Path population;

    @Option(names = {"--panel-of-normals", "--pon"}, paramLabel = "TSV", showDefaultValue = Visibility.NEVER,
            converter = RedactedPaths.Resource.class,
            description = "A panel of normals (gap somatic-pon): its sites are filtered as panel_of_normals.")
    Path panelOfNormals;

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--shard-size", paramLabel = "BP", showDefaultValue = Visibility.NEVER,
            description = "Bases per shard, the unit of parallel work (default as gap call's).")
    Integer shardSize;

    @Option(names = "--qc", negatable = true, defaultValue = "true", fallbackValue = "true",
            showDefaultValue = Visibility.NEVER, description = "Write the QC files to OUTPUT/qc (on by default).")
    boolean qc = true;

    @Option(names = "--overwrite", showDefaultValue = Visibility.NEVER,
            description = "Replace a previous run's results in OUTPUT whole (without it, a folder holding results is"
                    + " refused); files no gap run wrote there are never removed.")
    boolean overwrite;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties (somatic.* and the engine's); repeatable.")
    Map<String, String> settings = Map.of();

    /** {@code --shard-size}, or null for the automatic size. */
    public Integer shardSize() {
        return shardSize;
    }

    /** The options as core takes them; {@code -L} files named by {@code paths}. */
    public SomaticOptions options(Function<String, Path> paths) {
        SomaticOptions options = SomaticOptions.of(reference, output, keystore::open).withSampleSheet(inputs.sheet);
        if (inputs.files != null) {
            options = options.withReads(inputs.files.tumour, inputs.files.normal);
        }
        return options.withIntervals(intervals).withResources(germlineResource, population, panelOfNormals)
                .withShardSize(shardSize).withQc(qc).withSettings(settings).withPaths(paths).withOverwrite(overwrite);
    }
}
