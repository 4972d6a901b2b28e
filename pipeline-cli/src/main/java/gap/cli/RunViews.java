package gap.cli;

import gap.core.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a run's output folder (of {@code gap call}, {@code gap somatic} or the Spark driver), gives DuckDB views over
 * its tables: {@code calls}, {@code genotypes} (one row per sample and site), {@code samples} (the clear columns
 * only), {@code denovo} and the QC tables {@code qc_samples}, {@code qc_callsets}, {@code qc_trios},
 * {@code qc_relatedness}. Views whose file the folder lacks are not made.
 */
final class RunViews {
    /** samples.parquet's columns in plaintext; the identifier columns after them are encrypted and stay unread. */
    static final List<String> SAMPLE_CLEAR_COLUMNS = List.of("sampleId", "patientPseudonym", "sex", "role", "familyId");
    /** The Spark driver's partition keys (path only, no data column): left out so both folders give one schema. */
    private static final String SPARK_PARTITION_KEYS = "contig, positionBin";

    private RunViews() {}

    /** Creates the views of {@code folder} on {@code sql}; returns their names. */
    static List<String> create(Statement sql, Path folder) throws SQLException {
        if (!Files.isDirectory(folder)) {
            throw new UserException("the output folder does not exist or is not a folder");
        }
        Path calls = folder.resolve("calls.parquet");
        if (!Files.exists(calls)) {
            throw new UserException("the folder holds no calls.parquet: give the output folder (-O) of gap call,"
                    + " gap somatic or bin/gap-spark");
        }
        List<String> views = new ArrayList<>();
        String callsSource = Files.isDirectory(calls)
                ? "(SELECT * EXCLUDE (" + SPARK_PARTITION_KEYS + ") FROM read_parquet(" + literal(calls + "/**/*.parquet")
                        + ", hive_partitioning = true))"
                : "read_parquet(" + literal(calls.toString()) + ")";
        view(sql, views, "calls", "SELECT * FROM " + callsSource);
        // one row per sample and site: the site's columns (no INFO, no genotype list), then the genotype's fields
        view(sql, views, "genotypes", "SELECT contigName, start, \"end\", names, referenceAllele, alternateAlleles,"
                + " qual, filters, g.* FROM (SELECT *, unnest(genotypes) AS g FROM calls)");
        Path samples = folder.resolve("samples.parquet");
        if (Files.isRegularFile(samples)) {
            view(sql, views, "samples", "SELECT " + String.join(", ", SAMPLE_CLEAR_COLUMNS) + " FROM read_parquet("
                    + literal(samples.toString()) + ")");
        }
        Path denovo = folder.resolve("denovo.tsv");
        if (Files.isRegularFile(denovo)) {
            // its header line starts with '#': the first column is '#contig'
            view(sql, views, "denovo", "SELECT * RENAME (\"#contig\" AS contig) FROM read_csv("
                    + literal(denovo.toString()) + ", delim = '\t', header = true, quote = '', escape = '')");
        }
        Path qc = folder.resolve("qc");
        Path multiqc = qc.resolve("gap_qc_mqc.tsv");
        if (Files.isRegularFile(multiqc)) {
            // MultiQC's custom-content table: a commented YAML header, then one row per sample
            view(sql, views, "qc_samples", "SELECT * RENAME (Sample AS sampleId) FROM read_csv(" + literal(multiqc
                    .toString()) + ", delim = '\t', header = true, comment = '#', quote = '', escape = '')");
        }
        Path json = qc.resolve("qc.json");
        if (Files.isRegularFile(json)) {
            String report = "read_json(" + literal(json.toString()) + ", maximum_object_size = 1073741824)";
            for (String[] t : new String[][] {{"qc_callsets", "callSets"}, {"qc_trios", "trios"},
                    {"qc_relatedness", "relatedness"}}) {
                if (hasEntries(sql, report, t[1])) {
                    view(sql, views, t[0], "SELECT unnest(" + t[1] + ", max_depth := 2) FROM " + report);
                }
            }
        }
        return views;
    }

    /** Whether qc.json's {@code key} is a non-empty list (an empty one has no type to give a view). */
    private static boolean hasEntries(Statement sql, String report, String key) throws SQLException {
        try (var rows = sql.executeQuery("SELECT coalesce(len(try_cast(" + key + " AS JSON[])), 0) FROM " + report)) {
            return rows.next() && rows.getLong(1) > 0;
        } catch (SQLException e) {
            return false; // the key is missing from an older qc.json
        }
    }

    private static void view(Statement sql, List<String> views, String name, String select) throws SQLException {
        sql.execute("CREATE OR REPLACE VIEW " + name + " AS " + select);
        views.add(name);
    }

    /** A SQL string literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
