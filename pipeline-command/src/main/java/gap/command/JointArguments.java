package gap.command;

import gap.core.shard.CallOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code gap joint} every driver takes (a {@code @Mixin}), given to core as {@link CallOptions} of a
 * run from gVCFs. What runs the shards is the driver's: {@code --threads} for the CLI, the cluster's task slots on
 * Spark. Its {@code -V} is GATK's {@code --variant}: a command with it takes {@link HelpOptions}, not picocli's
 * standard help mixin.
 */
public final class JointArguments {
    /** The first paragraph of every driver's {@code joint} help. */
    public static final String DESCRIPTION = "Genotype samples jointly from their gVCFs (gap call --gvcf): alleles"
            + " merged across samples, <NON_REF> likelihoods for samples without an allele, then scoring, pedigree"
            + " checks and de novo calls as gap call.";
    /** The second: what it writes. */
    public static final String OUTPUTS = "Writes what gap call writes for several samples; outputs and logs carry"
            + " pseudonyms only.";

    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "The gVCFs' reference FASTA, with .fai and .dict beside it.")
    Path reference;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    public static final class Inputs {
        @Option(names = {"-V", "--variant"}, required = true, paramLabel = "GVCF",
                converter = RedactedPaths.Reads.class,
                description = "One sample's gVCF (.g.vcf.gz with its .tbi); repeatable, one per sample.")
        List<Path> gvcfs;

        @Option(names = "--sample-sheet", required = true, paramLabel = "TSV",
                description = "Samples, one per line, as gap call's sheet, its bam column naming each sample's gVCF.")
        Path sheet;
    }

    @Option(names = "--pedigree", paramLabel = "PED", showDefaultValue = Visibility.NEVER,
            converter = RedactedPaths.Pedigree.class,
            description = "PLINK/PED pedigree of the samples, by sample_alias: as gap call's.")
    Path pedigree;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path output;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL", showDefaultValue = Visibility.NEVER,
            description = "Restrict genotyping to these regions; repeatable. Default: the whole reference.")
    List<String> intervals = List.of();

    @Option(names = "--known-sites", paramLabel = "VCF", showDefaultValue = Visibility.NEVER,
            description = "Known variant sites: as gap call's (training examples for the scorer).")
    Path knownSites;

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--shard-size", paramLabel = "BP", showDefaultValue = Visibility.NEVER,
            description = "Bases per shard. Default: as gap call.")
    Integer shardSize;

    @Option(names = "--qc", negatable = true, defaultValue = "true", fallbackValue = "true",
            showDefaultValue = Visibility.NEVER, description = "Write the QC files to OUTPUT/qc (--no-qc: not).")
    boolean qc = true;

    @Option(names = "--overwrite", showDefaultValue = Visibility.NEVER,
            description = "Replace a previous run's results in OUTPUT whole; files no gap run wrote there are never"
                    + " removed.")
    boolean overwrite;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties; repeatable.")
    Map<String, String> settings = Map.of();

    /** {@code --shard-size}, or null for the automatic size. */
    public Integer shardSize() {
        return shardSize;
    }

    /** The options as core takes them; {@code -L} files named by {@code paths}. */
    public CallOptions options(Function<String, Path> paths) {
        return CallOptions.of(reference, output, keystore::open).withInputs(inputs.gvcfs)
                .withSampleSheet(inputs.sheet).withPedigree(pedigree).withIntervals(intervals)
                .withKnownSites(knownSites).withShardSize(shardSize).withQc(qc).withOverwrite(overwrite)
                .withSettings(settings).withPaths(paths).withFromGvcfs(true);
    }
}
