package gap.cli;

import gap.command.HelpOptions;

import gap.command.Commands;
import gap.command.RedactedPaths;
import gap.core.scoring.ScoringParameters;
import gap.core.scoring.ScoringRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gap score}: scores the calls of a VCF that {@code gap call} wrote, as {@code gap call --known-sites} does.
 *
 * <pre>
 * gap score -V out/GAP-….vcf.gz --known-sites dbsnp.vcf.gz -O scored.vcf.gz
 * </pre>
 *
 * Writes the VCF with VQSLOD and tranche FILTERs (or the trained model's GAPSCORE, for a class with too few calls at
 * known sites) and its tabix index, under a temporary name until complete. The sample column is kept as it is.
 */
@Command(name = "score",
        versionProvider = Commands.Version.class,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Score a gap VCF: train a Gaussian-mixture model per class (SNV, indel) on its calls at known"
                + " sites, write VQSLOD and a tranche FILTER (GATK VQSR's way), or gap's trained model (GAPSCORE)"
                + " for a class with too few known calls."})
public final class ScoreCommand implements Callable<Integer> {
    @Mixin
    HelpOptions help;

    // The VCFs are pseudonymised, but their file names are the user's: the converters register them for redaction.
    @Option(names = {"-V", "--variant"}, required = true, paramLabel = "VCF", converter = RedactedPaths.Calls.class,
            description = "Calls to score: a VCF written by gap call (one sample, with its INFO annotations).")
    Path variants;

    @Option(names = "--known-sites", paramLabel = "VCF", showDefaultValue = Visibility.NEVER,
            description = "Known variant sites (a dbSNP-like VCF). Its calls are the training examples, nothing more."
                    + " Without it, gap's trained model.")
    Path knownSites;

    @Option(names = {"-O", "--output"}, required = true, paramLabel = "VCF", converter = RedactedPaths.Output.class,
            description = "Scored VCF to write; must end in .vcf.gz (a .tbi is written beside it).")
    Path output;

    @Option(names = "--set", paramLabel = "KEY=VALUE", showDefaultValue = Visibility.NEVER,
            description = "Override a default of conf/gap-defaults.properties (score.*, call.lowQual); repeatable.")
    Map<String, String> settings = Map.of();

    @Override
    public Integer call() {
        if (!output.getFileName().toString().endsWith(".vcf.gz")) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--output must end in .vcf.gz");
        }
        ScoringRun.run(variants, knownSites, output, ScoringParameters.load(settings));
        return Commands.EXIT_OK;
    }
}
