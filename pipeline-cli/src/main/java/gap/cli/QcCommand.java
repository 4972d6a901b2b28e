package gap.cli;

import gap.command.HelpOptions;

import gap.command.Commands;
import gap.command.KeystoreOptions;
import gap.command.RedactedPaths;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.QcOptions;
import gap.core.shard.QcRun;
import gap.core.shard.ShardPlanner;
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
 * {@code gap qc}: the QC files of {@code gap call} for VCFs that exist already, optionally with the samples' reads
 * (read tallies and coverage) and a truth set (accuracy).
 *
 * <pre>
 * gap qc -V out/GAP-….vcf.gz -O out/qc
 * gap qc -V calls.vcf.gz -R ref.fa -I sample.bam -O qc/
 * gap qc -V calls.vcf.gz -R ref.fa --truth truth.vcf.gz --confident regions.bed -O qc/
 * </pre>
 *
 * Parses the options and runs core's {@link QcRun} on {@code --threads} threads. Sample names that are not pseudonyms
 * already are pseudonymised with the lab's keystore, as {@code gap call} names samples; the paths of the VCFs, reads,
 * truth set and confident regions never reach an output or a log line (their converters register them for
 * redaction).
 */
@Command(name = "qc",
        versionProvider = Commands.Version.class,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"QC of existing VCFs: report.html, qc.json, gap_qc_mqc.tsv (MultiQC) and a"
                + " bcftools-stats-compatible <call set>.stats.txt per VCF, as gap call writes them.",
                "With the samples' reads (-I or --sample-sheet, and -R): read tallies and coverage of callable bases."
                        + " With --truth (and -R): accuracy of the one sample against the truth set."})
public final class QcCommand implements Callable<Integer> {
    @Mixin
    HelpOptions help;

    @Option(names = {"-V", "--variant"}, required = true, paramLabel = "VCF", converter = RedactedPaths.Vcfs.class,
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
                converter = RedactedPaths.Reads.class,
                description = "A sample's reads, coordinate-sorted and indexed; repeatable. Paired with the VCF"
                        + " sample of the same pseudonym (its @RG SM pseudonymised as gap call does), or with the"
                        + " only sample when there is one.")
        List<Path> inputs;

        @Option(names = "--sample-sheet", required = true, paramLabel = "TSV",
                description = "The sample sheet gap call was given: each row's reads pair with its sample.")
        Path sheet;
    }

    @Option(names = "--pedigree", paramLabel = "PED", showDefaultValue = Visibility.NEVER,
            converter = RedactedPaths.Pedigree.class,
            description = "The PLINK/PED pedigree gap call was given (needs --sample-sheet): Mendelian checks of its"
                    + " trios and relatedness against it, in each VCF of several samples.")
    Path pedigree;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL", showDefaultValue = Visibility.NEVER,
            description = "Callable regions for coverage, as for gap call; repeatable. Default: the whole reference.")
    List<String> intervals = List.of();

    @Option(names = "--truth", paramLabel = "VCF", converter = RedactedPaths.Truth.class,
            description = "Truth VCF to score the one sample against (as gap concordance does).")
    Path truth;

    @Option(names = "--truth-sample", paramLabel = "NAME",
            description = "Sample of the truth VCF to use. Default: its first sample.")
    String truthSample;

    @Option(names = "--confident", paramLabel = "BED", converter = RedactedPaths.Confident.class,
            description = "Confident regions for --truth (BED). Default: the whole genome.")
    Path confident;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "DIR",
            description = "Folder of the QC files (created if missing); written whole or not at all, _SUCCESS last.")
    Path output;

    @Option(names = "--overwrite", showDefaultValue = Visibility.NEVER,
            description = "Replace previous QC files in the output folder whole (without it, a folder holding"
                    + " results is refused).")
    boolean overwrite;

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads for reading the reads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard-size", paramLabel = "BP", description = "Bases per shard, the unit of parallel work.")
    int shardSize = ShardPlanner.DEFAULT_SHARD_SIZE;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "A setting of the run QC'd, as gap call was given it (conf/gap-defaults.properties): the read"
                    + " filters (read.minMappingQuality) and the de novo threshold (denovo.minQuality); repeatable.")
    Map<String, String> settings = Map.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1 || shardSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads and --shard-size must be positive");
        }
        QcOptions options = QcOptions.of(vcfs, output, keystore::open)
                .withReference(reference)
                .withInputs(reads == null ? null : reads.inputs)
                .withSampleSheet(reads == null ? null : reads.sheet)
                .withPedigree(pedigree)
                .withIntervals(intervals)
                .withTruth(truth, truthSample, confident)
                .withShardSize(shardSize)
                .withSettings(settings)
                .withOverwrite(overwrite);
        QcRun.run(options, new LocalShardExecutor(threads));
        return Commands.EXIT_OK;
    }
}
