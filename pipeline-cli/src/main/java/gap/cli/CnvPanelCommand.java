package gap.cli;

import gap.command.CallArguments;
import gap.command.Commands;
import gap.command.KeystoreOptions;
import gap.command.RedactedPaths;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.PanelRun;
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
 * {@code gap cnv-panel}: a panel of normals for copy number, from normals sequenced as the samples are. Parses the
 * options and runs core's {@link PanelRun} on {@code --threads} threads; core checks the inputs.
 *
 * <pre>
 * gap cnv-panel -R ref.fa -I normal1.bam -I normal2.bam -I normal3.bam -O panel.parquet
 * gap cnv-panel -R ref.fa --sample-sheet normals.tsv -O panel.parquet --set cnv.binSize=2000
 * </pre>
 */
@Command(name = "cnv-panel",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Build a panel of normals for copy number (gap call --cnv-panel, gap cnv): read depth per bin"
                + " of the normals, GC content and mappability per bin, the normals' median and spread per bin after"
                + " GC correction, and the bins never to be called.",
                "Writes one Parquet file. Normals are named by pseudonym only; their sex comes from the sample sheet"
                        + " or, when unknown, from their X and Y depth."})
public final class CnvPanelCommand implements Callable<Integer> {
    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "Reference FASTA, with .fai and .dict beside it.")
    Path reference;

    /** The normals' reads: -I files or a sample sheet, as gap call takes them. */
    @ArgGroup(exclusive = true, multiplicity = "1")
    CallArguments.Inputs inputs;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "PARQUET",
            converter = RedactedPaths.Panel.class, description = "The panel file to write (.parquet).")
    Path output;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL", showDefaultValue = Visibility.NEVER,
            description = "Restrict the panel to these regions (as gap call -L); repeatable. Default: the whole"
                    + " reference.")
    List<String> intervals = List.of();

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties (cnv.*, read.minMappingQuality);"
                    + " repeatable.")
    Map<String, String> settings = Map.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be positive");
        }
        PanelRun.Options options = new PanelRun.Options(reference, inputs.inputs(), inputs.sheet(), intervals,
                settings, keystore::open, output);
        PanelRun.run(PanelRun.prepare(options, threads), new LocalShardExecutor(threads));
        return Commands.EXIT_OK;
    }
}
