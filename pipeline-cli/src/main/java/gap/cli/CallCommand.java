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
 * {@code gap call}: calls germline SNVs and indels in the samples' aligned reads, jointly when there are several.
 *
 * <pre>
 * gap call -R ref.fa -I sample.bam -O out/
 * gap call -R ref.fa --sample-sheet family.tsv --pedigree family.ped -O out/ --keystore lab.p12
 * gap call -R ref.fa -I sample.cram -O out/ -L chr22:20000001-21000000 --threads 8
 * gap call -R ref.fa -I sample.bam -O out/ --known-sites dbsnp.vcf.gz
 * </pre>
 *
 * Parses the options ({@link CallArguments}, shared with the Spark driver) and runs core's {@link CallingRun} on
 * {@code --threads} threads; core checks the inputs ({@link CallPreparation}) and writes every output.
 */
@Command(name = "call",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {CallArguments.DESCRIPTION, CallArguments.OUTPUTS})
public final class CallCommand implements Callable<Integer> {
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
        CallingRun.run(CallPreparation.prepare(call.options(Path::of)), new LocalShardExecutor(threads));
        return Commands.EXIT_OK;
    }
}
