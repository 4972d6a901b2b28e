package gap.cli;

import gap.command.Commands;
import gap.core.federation.NetworkMerge;
import gap.core.federation.SiteSummary;
import gap.core.federation.Suppression;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * {@code gap aggregate}: a site's allele-count summary from its calls, and ({@code gap aggregate merge}) a network's
 * from its sites' summaries. Summaries hold no genotype, sample id or pseudonym, and suppress small counts.
 *
 * <pre>
 * gap aggregate -I out/calls.parquet [-I …] -O site-summary.parquet --site-id UZL
 * gap aggregate -I out/calls.parquet -O uzl-for-merge.parquet --site-id UZL --for-merge
 * gap aggregate merge -I uzl-for-merge.parquet -I uza-for-merge.parquet -O network.parquet
 * </pre>
 */
@Command(name = "aggregate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Summarise a site's calls.parquet files as per-allele counts (AC, AN, hom-alt, samples called;"
                + " PASS records, multi-allelics split): no genotypes, sample ids or pseudonyms, and every count that"
                + " would single out fewer than --min-count alleles or people suppressed (row kept, flagged).",
                "AN is a lower bound: single-sample call sets have no hom-ref genotypes."},
        subcommands = {AggregateCommand.Merge.class})
public final class AggregateCommand implements Callable<Integer> {
    static final String FOR_MERGE_HELP = "Write exact counts, unsuppressed, for a merge this site trusts"
            + " (gap aggregate merge). Such a file must never be published.";
    static final String MIN_COUNT_HELP = "Suppress a row unless AC, AN - AC (when not 0) and the samples called"
            + " reach this; withhold hom-alt counts below it. 0 suppresses nothing.";
    static final String MIN_AN_HELP = "Also suppress a row whose AN is below this.";

    @Option(names = {"-I", "--input"}, paramLabel = "CALLS", showDefaultValue = Visibility.NEVER,
            description = "A calls.parquet of gap call; repeatable"
            + " (each sample once, one reference).")
    List<Path> inputs = List.of();

    @Option(names = {"-O", "--output"}, paramLabel = "PARQUET", description = "The summary to write (.parquet).")
    Path output;

    @Option(names = "--site-id", paramLabel = "ID", description = "This site's code (such as UZL), recorded in the"
            + " summary's metadata.")
    String siteId;

    @Option(names = "--min-count", paramLabel = "N", description = MIN_COUNT_HELP)
    long minCount = Suppression.DEFAULT_MIN_COUNT;

    @Option(names = "--min-an", paramLabel = "N", description = MIN_AN_HELP)
    long minAn = 0;

    @Option(names = "--for-merge", showDefaultValue = Visibility.NEVER, description = FOR_MERGE_HELP)
    boolean forMerge;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (inputs.isEmpty() || output == null || siteId == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "gap aggregate needs -I, -O and --site-id"
                    + " (or: gap aggregate merge)");
        }
        SiteSummary.write(inputs, siteId, suppression(spec, minCount, minAn, forMerge), output);
        return Commands.EXIT_OK;
    }

    /** The release rule of the options, or null for a file exported for a merge. */
    static Suppression suppression(CommandLine.Model.CommandSpec spec, long minCount, long minAn, boolean forMerge) {
        if (minCount < 0 || minAn < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-count and --min-an must not be"
                    + " negative");
        }
        return forMerge ? null : new Suppression(minCount, minAn);
    }

    /** {@code gap aggregate merge}: sums sites' exact counts, then suppresses again. */
    @Command(name = "merge",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            showDefaultValues = true,
            usageHelpAutoWidth = true,
            description = {"Merge sites' summaries exported with gap aggregate --for-merge: sums the counts of each"
                    + " allele, records the contributing site ids, and suppresses small counts again by the same"
                    + " rule. Summaries of different reference dictionaries are refused."})
    static final class Merge implements Callable<Integer> {
        @Option(names = {"-I", "--input"}, required = true, paramLabel = "SUMMARY",
                description = "A site's summary written with --for-merge (or a network's); repeatable, each site once.")
        List<Path> inputs;

        @Option(names = {"-O", "--output"}, required = true, paramLabel = "PARQUET",
                description = "The network's summary to write (.parquet).")
        Path output;

        @Option(names = "--min-count", paramLabel = "N", description = MIN_COUNT_HELP)
        long minCount = Suppression.DEFAULT_MIN_COUNT;

        @Option(names = "--min-an", paramLabel = "N", description = MIN_AN_HELP)
        long minAn = 0;

        @Option(names = "--for-merge", showDefaultValue = Visibility.NEVER, description = "Write exact counts, for"
                + " a larger merge that trusts this network. Such a file must never be published.")
        boolean forMerge;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            NetworkMerge.write(inputs, suppression(spec, minCount, minAn, forMerge), output);
            return Commands.EXIT_OK;
        }
    }
}
