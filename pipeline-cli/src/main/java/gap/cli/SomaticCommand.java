package gap.cli;

import gap.command.Commands;
import gap.command.SomaticArguments;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.SomaticPreparation;
import gap.core.shard.SomaticRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gap somatic}: somatic SNVs and indels of a tumour against its matched normal (or tumour-only), Mutect2's
 * model and FilterMutectCalls' filters in the germline engine.
 *
 * <pre>
 * gap somatic -R ref.fa --sample-sheet tn.tsv -O out/          # roles tumour and normal, one patient
 * gap somatic -R ref.fa --tumour t.bam --normal n.bam -O out/
 * gap somatic -R ref.fa -I t.bam --germline-resource af.vcf.gz --panel-of-normals pon.tsv -O out/   # tumour-only
 * </pre>
 *
 * Parses the options ({@link SomaticArguments}, shared with the Spark driver) and runs core's {@link SomaticRun} on
 * {@code --threads} threads; core checks the inputs ({@link SomaticPreparation}) and writes every output.
 */
@Command(name = "somatic",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {SomaticArguments.DESCRIPTION, SomaticArguments.OUTPUTS})
public final class SomaticCommand implements Callable<Integer> {
    @Mixin
    SomaticArguments somatic;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1 || (somatic.shardSize() != null && somatic.shardSize() < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads and --shard-size must be positive");
        }
        SomaticRun.run(SomaticPreparation.prepare(somatic.options(Path::of)), new LocalShardExecutor(threads));
        return Commands.EXIT_OK;
    }
}
