package gap.cli;

import gap.command.Commands;
import gap.core.UserException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gap sql}: runs one SQL query (DuckDB's dialect, embedded, offline) over a run's output folder through
 * {@link RunViews}, and prints an aligned table, or CSV, or writes CSV or Parquet to a file.
 *
 * <pre>
 * gap sql out/ "SELECT contigName, count(*) FROM calls GROUP BY ALL"
 * gap sql out/ --parquet -O genotypes.parquet "SELECT * FROM genotypes"
 * </pre>
 */
@Command(name = "sql",
        mixinStandardHelpOptions = true,
        versionProvider = Commands.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Run a SQL query (DuckDB's dialect, embedded: no server, cluster, Python or network) over the"
                + " output folder of gap call, gap somatic or bin/gap-spark, and print the result as a table.",
                "Views: calls (calls.parquet: one row per VCF record, Glow's columns), genotypes (one row per sample"
                        + " and site: the site's contigName, start (0-based), end, names, referenceAllele,"
                        + " alternateAlleles, qual, filters, then sampleId, calls (allele indexes, -1 no call),"
                        + " phased, depth, conditionalQuality, alleleDepths, phredLikelihoods, …), samples (the"
                        + " clear columns of samples.parquet: sampleId, patientPseudonym, sex, role, familyId; the"
                        + " identifiers stay encrypted), denovo (denovo.tsv), qc_samples (qc/gap_qc_mqc.tsv),"
                        + " qc_callsets, qc_trios, qc_relatedness (qc/qc.json). A view whose file the folder lacks"
                        + " is absent."},
        footerHeading = "%nExamples, on the folder of%n"
                + "  ./gap call … --sample-sheet family.tsv --pedigree family.ped -O out/%n",
        footer = {
            "Variants per contig:",
            "  gap sql out/ \"SELECT contigName, count(*) AS variants FROM calls",
            "    WHERE list_contains(filters, 'PASS')",
            "    GROUP BY contigName ORDER BY contigName\"",
            "Allele frequency per site (ALT alleles among all samples' called alleles):",
            "  gap sql out/ \"SELECT contigName, start + 1 AS pos, referenceAllele,",
            "    alternateAlleles, count(a) FILTER (a > 0) AS altAlleles,",
            "    count(a) FILTER (a >= 0) AS calledAlleles,",
            "    round(altAlleles / calledAlleles, 4) AS frequency",
            "    FROM genotypes, unnest(calls) AS t(a)",
            "    GROUP BY ALL ORDER BY contigName, pos\"",
            "A pseudonymised sample's genotypes that carry an ALT allele (here the",
            "proband's; or sampleId = 'GAP-…', a pseudonym from the samples view):",
            "  gap sql out/ \"SELECT contigName, start + 1 AS pos, referenceAllele,",
            "    alternateAlleles, calls, depth, conditionalQuality FROM genotypes",
            "    WHERE sampleId = (SELECT sampleId FROM samples WHERE role = 'proband')",
            "    AND list_max(calls) > 0 ORDER BY contigName, start\"",
            "The same to a file: gap sql out/ --parquet -O proband.parquet \"SELECT …\""})
public final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FOLDER", description = "The run's output folder (its -O).")
    Path folder;

    @Parameters(index = "1", paramLabel = "QUERY", description = "One SQL statement, quoted for the shell.")
    String query;

    @ArgGroup(exclusive = true)
    Format format;

    /** How to give the result other than as a table. */
    static final class Format {
        @Option(names = "--csv", required = true, description = "CSV with a header line (to -O, or printed).")
        boolean csv;

        @Option(names = "--parquet", required = true, description = "Parquet, to the file -O (needs -O).")
        boolean parquet;
    }

    @Option(names = {"-O", "--output"}, paramLabel = "FILE",
            description = "Write the result to this file (with --csv or --parquet) instead of printing it.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean csv = format != null && format.csv;
        boolean parquet = format != null && format.parquet;
        if (parquet && output == null || output != null && !csv && !parquet) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "-O goes with --csv or --parquet, and --parquet needs -O");
        }
        String statement = query.strip().replaceAll(";+\\s*$", "");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            // everything this command needs is inside DuckDB's jar: never fetch an extension from the network
            sql.execute("SET autoinstall_known_extensions = false");
            sql.execute("SET autoload_known_extensions = false");
            sql.execute("SET enable_progress_bar = false");
            RunViews.create(sql, folder.toAbsolutePath().normalize());
            if (output != null) {
                sql.execute("COPY (" + statement + ") TO " + RunViews.literal(output.toAbsolutePath().toString())
                        + (parquet ? " (FORMAT parquet)" : " (FORMAT csv, HEADER true)"));
            } else if (sql.execute(statement)) {
                try (ResultSet rows = sql.getResultSet()) {
                    PrintWriter out = spec.commandLine().getOut();
                    if (csv) {
                        ResultPrinter.csv(rows, out);
                    } else {
                        ResultPrinter.table(rows, out);
                    }
                }
            }
        } catch (SQLException e) {
            throw new UserException(describe(e));
        }
        return Commands.EXIT_OK;
    }

    /** DuckDB's message: its first line (the rest quotes the query), with the folder's and file's paths hidden. */
    private String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        String first = message.lines().findFirst().orElse(message);
        List<String[]> paths = new java.util.ArrayList<>();
        paths.add(new String[] {folder.toAbsolutePath().normalize().toString(), "[folder]"});
        paths.add(new String[] {folder.toString(), "[folder]"});
        if (output != null) {
            paths.add(new String[] {output.toAbsolutePath().toString(), "[output file]"});
            paths.add(new String[] {output.toString(), "[output file]"});
        }
        for (String[] p : paths) {
            if (!p[0].isEmpty() && !p[0].equals(".")) {
                first = first.replace(p[0], p[1]);
            }
        }
        if (first.contains("encrypted")) { // a query past the samples view, at an identifier column
            return "query failed: samples.parquet's identifier columns are encrypted; the samples view has its clear"
                    + " columns (" + String.join(", ", RunViews.SAMPLE_CLEAR_COLUMNS) + ")";
        }
        return "query failed: " + first;
    }
}
