package gap.cli;

import gap.command.Commands;
import gap.command.KeystoreOptions;
import gap.command.RedactedPaths;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.PanelOfNormalsRun;
import gap.core.shard.SomaticPreparation;
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
 * {@code gap somatic-pon}: a panel of normals from normals' reads, the sites table {@code gap somatic
 * --panel-of-normals} reads: each normal called tumour-only, the alleles seen in at least
 * {@code somatic.pon.minSampleCount} of them kept (Mutect2 on each normal, then CreateSomaticPanelOfNormals). Parses
 * the options; core checks them ({@link SomaticPreparation#preparePanel}) and runs {@link PanelOfNormalsRun}.
 *
 * <pre>
 * gap somatic-pon -R ref.fa -I normal1.bam -I normal2.bam -I normal3.bam -O pon.tsv
 * gap somatic-pon -R ref.fa --sample-sheet normals.tsv -O pon.tsv
 * </pre>
 */
@Command(name = "somatic-pon",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Make a panel of normals for gap somatic: each normal called tumour-only, the alleles emitted in"
                + " at least somatic.pon.minSampleCount of them (2, or all when fewer) written as a sites table. The"
                + " table holds counts, no sample names."})
public final class SomaticPonCommand implements Callable<Integer> {
    @Option(names = {"-R", "--reference"}, required = true, paramLabel = "FASTA",
            description = "Reference FASTA, with .fai and .dict beside it.")
    Path reference;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    /** The normals: reads files, or a sample sheet. */
    static final class Inputs {
        @Option(names = {"-I", "--input"}, required = true, paramLabel = "BAM/CRAM",
                converter = RedactedPaths.Reads.class,
                description = "One normal's aligned reads, coordinate-sorted and indexed; repeatable.")
        List<Path> inputs;

        @Option(names = "--sample-sheet", required = true, paramLabel = "TSV",
                description = "The normals, one per line: patient_id mrn sample_alias family_id role sex bam.")
        Path sheet;
    }

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "TSV",
            description = "The panel's sites table to write.")
    Path output;

    @Option(names = {"-L", "--intervals"}, paramLabel = "INTERVAL", showDefaultValue = Visibility.NEVER,
            description = "Restrict to these regions; repeatable. Default: the whole reference.")
    List<String> intervals = List.of();

    @Mixin
    KeystoreOptions keystore;

    @Option(names = "--threads", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "Worker threads. Default: all cores (${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties; repeatable.")
    Map<String, String> settings = Map.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be positive");
        }
        PanelOfNormalsRun.run(SomaticPreparation.preparePanel(new SomaticPreparation.PanelOptions(reference,
                inputs.inputs, inputs.sheet, output, intervals, settings, keystore::open)),
                new LocalShardExecutor(threads));
        return Commands.EXIT_OK;
    }
}
