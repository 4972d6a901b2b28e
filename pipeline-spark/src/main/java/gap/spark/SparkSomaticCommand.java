package gap.spark;

import gap.command.Commands;
import gap.command.SomaticArguments;
import gap.core.shard.SomaticPreparation;
import gap.spark.fs.HadoopFs;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gap-spark somatic}: {@code gap somatic}'s options ({@link SomaticArguments}, less {@code --threads}:
 * spark-submit sizes the work), checked by core as the CLI's are, every path a Hadoop path, and the run handed to
 * {@link SparkCall}.
 */
@Command(name = "somatic",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {SomaticArguments.DESCRIPTION,
                "On Spark, every path is a Hadoop path (hdfs://, s3a://, file://, or plain), and the shards run as"
                        + " Spark tasks. OUTPUT/calls.parquet is a directory partitioned by contigName and"
                        + " positionBin; OUTPUT/_SUCCESS, written last, marks a complete run."})
final class SparkSomaticCommand implements Callable<Integer> {
    private final SparkCall spark;

    @Mixin
    SomaticArguments somatic;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SparkSomaticCommand(SparkCall spark) {
        this.spark = spark;
    }

    @Override
    public Integer call() {
        if (somatic.shardSize() != null && somatic.shardSize() < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--shard-size must be positive");
        }
        spark.runSomatic(SomaticPreparation.prepare(somatic.options(HadoopFs::path)));
        return Commands.EXIT_OK;
    }
}
