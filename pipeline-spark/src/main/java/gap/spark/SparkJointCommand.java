package gap.spark;

import gap.command.Commands;
import gap.command.HelpOptions;
import gap.command.JointArguments;
import gap.core.shard.CallPreparation;
import gap.spark.fs.HadoopFs;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gap-spark joint}: {@code gap joint}'s options ({@link JointArguments}, less {@code --threads}), checked by
 * core as the CLI's are, every path a Hadoop path, and the run handed to {@link SparkCall}: each shard's task reads
 * its stretch of every gVCF by tabix query and genotypes it; the driver scores and writes as for {@code call}.
 */
@Command(name = "joint",
        versionProvider = Commands.Version.class,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {JointArguments.DESCRIPTION,
                "On Spark, every path is a Hadoop path (hdfs://, s3a://, file://, or plain), and the shards run as"
                        + " Spark tasks. OUTPUT/calls.parquet is a directory partitioned by contig and positionBin;"
                        + " OUTPUT/_SUCCESS, written last, marks a complete run."})
final class SparkJointCommand implements Callable<Integer> {
    private final SparkCall spark;

    @Mixin
    HelpOptions help;

    @Mixin
    JointArguments joint;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    SparkJointCommand(SparkCall spark) {
        this.spark = spark;
    }

    @Override
    public Integer call() {
        if (joint.shardSize() != null && joint.shardSize() < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--shard-size must be positive");
        }
        spark.run(CallPreparation.prepare(joint.options(HadoopFs::path)));
        return Commands.EXIT_OK;
    }
}
