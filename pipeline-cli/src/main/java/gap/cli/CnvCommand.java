package gap.cli;

import gap.command.CallArguments;
import gap.command.Commands;
import gap.core.shard.CallPreparation;
import gap.core.shard.CallingRun;
import gap.core.shard.LocalShardExecutor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gap cnv}: copy-number changes and aneuploidy of the samples against a panel of normals, alone. The same run
 * as {@code gap call --cnv-panel} (the small variants are called too, for the B-allele fractions), writing only the
 * copy number: {@code OUTPUT/<pseudonym>.cnv.vcf.gz}, {@code OUTPUT/cnv.tsv}, {@code OUTPUT/cnv.parquet},
 * {@code OUTPUT/samples.parquet} and the QC files.
 *
 * <pre>
 * gap cnv -R ref.fa -I sample.bam --cnv-panel panel.parquet -O out/
 * </pre>
 */
@Command(name = "cnv",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Call copy-number changes and whole-contig aneuploidy of the samples' reads against a panel of"
                + " normals (gap cnv-panel; --cnv-panel is required).",
                "Writes OUTPUT/<pseudonym>.cnv.vcf.gz with its index, OUTPUT/cnv.tsv, OUTPUT/cnv.parquet,"
                        + " OUTPUT/samples.parquet and the QC files in OUTPUT/qc. Small variants are called in the same"
                        + " pass for their allele fractions, not written. Outputs and logs carry pseudonyms only."})
public final class CnvCommand implements Callable<Integer> {
    @Mixin
    CallArguments call;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1 || (call.shardSize() != null && call.shardSize() < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads and --shard-size must be positive");
        }
        CallingRun.run(CallPreparation.prepare(call.options(Path::of).withCopyNumberOnly(true)),
                new LocalShardExecutor(threads));
        return Commands.EXIT_OK;
    }
}
