package gap.cli;

import gap.command.Commands;
import gap.command.HelpOptions;
import gap.command.JointArguments;
import gap.core.shard.CallingRun;
import gap.core.shard.CallPreparation;
import gap.core.shard.LocalShardExecutor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
        description = {JointArguments.DESCRIPTION, JointArguments.OUTPUTS})
public final class JointCommand implements Callable<Integer> {
    @Mixin
    HelpOptions help;

    @Mixin
    JointArguments joint;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads. Default: all cores.")
    int threads = Runtime.getRuntime().availableProcessors();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1 || (joint.shardSize() != null && joint.shardSize() < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads and --shard-size must be positive");
        }
        CallingRun.run(CallPreparation.prepare(joint.options(Path::of)), new LocalShardExecutor(threads));
        return Commands.EXIT_OK;
    }
}
