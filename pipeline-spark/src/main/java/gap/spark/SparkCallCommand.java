package gap.spark;

import gap.command.CallArguments;
import gap.command.Commands;
import gap.core.shard.CallPreparation;
import gap.spark.fs.HadoopFs;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gap-spark call}: {@code gap call}'s options ({@link CallArguments}, less {@code --threads}: spark-submit
 * sizes the work), checked by core as the CLI's are, every path a Hadoop path, and the run handed to
 * {@link SparkCall}.
 */
@Command(name = "call",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {CallArguments.DESCRIPTION,
                "On Spark, every path is a Hadoop path (hdfs://, s3a://, file://, or plain), and the shards run as"
                        + " Spark tasks (size them with spark-submit's options). OUTPUT/calls.parquet is a directory"
                        + " partitioned by contig and positionBin; OUTPUT/_SUCCESS, written last, marks a"
                        + " complete run."})
final class SparkCallCommand implements Callable<Integer> {
    private final SparkCall spark;

    @Mixin
    CallArguments call;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SparkCallCommand(SparkCall spark) {
        this.spark = spark;
    }

    @Override
    public Integer call() {
        if (call.shardSize() != null && call.shardSize() < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--shard-size must be positive");
        }
        spark.run(CallPreparation.prepare(call.options(HadoopFs::path)));
        return Commands.EXIT_OK;
    }
}
