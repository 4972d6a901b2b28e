package gap.cli;

import gap.command.Commands;
import gap.command.KeystoreOptions;
import gap.command.RedactedPaths;
import gap.core.shard.CallOptions;
import gap.core.shard.CallPreparation;
import gap.core.shard.CallingRun;
import gap.core.shard.LocalShardExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gap joint}: joint genotyping of samples from their gVCFs ({@code gap call --gvcf}), with every output of a
 * joint {@code gap call}: adding a sample is one new gVCF and a re-run, not a re-read of every BAM.
 *
 * <pre>
 * gap joint -R ref.fa -V a.g.vcf.gz -V b.g.vcf.gz -O out/
 * gap joint -R ref.fa --sample-sheet family-gvcfs.tsv --pedigree family.ped -O out/
 * </pre>
 *
 * Runs the same orchestration as {@code gap call} ({@link CallingRun}) with gVCFs in place of reads.
 */
@Command(name = "joint",
        versionProvider = Commands.Version.class,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Genotype samples jointly from their gVCFs (gap call --gvcf): alleles merged across samples,"
                + " <NON_REF> likelihoods for samples without an allele, then scoring, pedigree checks and de novo"
                + " calls as gap call.",
                "Writes what gap call writes for several samples; outputs and logs carry pseudonyms only."})
public final class JointCommand implements Callable<Integer> {
    @CommandLine.Mixin
    HelpOptions help;

    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "The gVCFs' reference FASTA, with .fai and .dict beside it.")
    Path reference;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    static final class Inputs {
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
            description = "Replace a previous run's results in OUTPUT whole.")
    boolean overwrite;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties; repeatable.")
    Map<String, String> settings = Map.of();

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads. Default: all cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1 || (shardSize != null && shardSize < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads and --shard-size must be positive");
        }
        CallOptions options = CallOptions.of(reference, output, keystore::open).withInputs(inputs.gvcfs)
                .withSampleSheet(inputs.sheet).withPedigree(pedigree).withIntervals(intervals)
                .withKnownSites(knownSites).withShardSize(shardSize).withQc(qc).withOverwrite(overwrite)
                .withSettings(settings).withFromGvcfs(true);
        CallingRun.run(CallPreparation.prepare(options), new LocalShardExecutor(threads));
        return Commands.EXIT_OK;
    }
}
