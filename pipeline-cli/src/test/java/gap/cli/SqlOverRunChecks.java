package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.command.Commands;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code gap sql} over a real run's output folder: the three examples of its help, run as printed there, against
 * counts htsjdk computes from the run's VCF; the same over the folder with calls.parquet partitioned as the Spark
 * driver writes it; the samples view's clear columns only; one-line errors without the folder's path.
 */
abstract class SqlOverRunChecks {
    /** The run's output folder. */
    abstract Path folder();

    /** Its (one) VCF. */
    abstract Path vcf();

    /** A scratch folder of the test. */
    abstract Path scratch();

    record Run(int exitCode, String out, String err) {}

    static Run gap(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Commands.withErrorHandling(Main.commandLine(args));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The help's examples: each query as printed, its continuation lines joined. */
    static List<String> helpExamples() {
        Run help = gap("sql", "--help");
        assertEquals(0, help.exitCode());
        List<String> queries = new ArrayList<>();
        Matcher m = Pattern.compile("gap sql out/ \"([^\"]*)\"").matcher(help.out());
        while (m.find()) {
            queries.add(m.group(1).replaceAll("\\s*\\n\\s*", " "));
        }
        return queries;
    }

    /** CSV rows of a query over {@code folder}, header first. */
    static List<String> csv(Path folder, String query) {
        Run r = gap("sql", folder.toString(), "--csv", query);
        assertEquals(0, r.exitCode(), r.err());
        return r.out().lines().toList();
    }

    private static boolean pass(VariantContext vc) {
        return vc.filtersWereApplied() && !vc.isFiltered();
    }

    /** Example 1 by htsjdk: PASS records per contig. */
    private Map<String, Integer> passPerContig() {
        Map<String, Integer> n = new TreeMap<>();
        try (VCFFileReader r = new VCFFileReader(vcf(), false)) {
            for (VariantContext vc : r) {
                if (pass(vc)) {
                    n.merge(vc.getContig(), 1, Integer::sum);
                }
            }
        }
        return n;
    }

    /** Example 2 by htsjdk: contig,pos,ALT alleles,called alleles of every record, in VCF order. */
    private List<String> alleleCounts() {
        List<String> rows = new ArrayList<>();
        try (VCFFileReader r = new VCFFileReader(vcf(), false)) {
            for (VariantContext vc : r) {
                int alt = 0;
                int called = 0;
                for (Genotype g : vc.getGenotypes()) {
                    for (Allele a : g.getAlleles()) {
                        called += a.isCalled() ? 1 : 0;
                        alt += a.isCalled() && a.isNonReference() ? 1 : 0;
                    }
                }
                rows.add(vc.getContig() + "," + vc.getStart() + "," + alt + "," + called + ","
                        + (called == 0 ? "" : String.format(Locale.ROOT, "%.4f", (double) alt / called)));
            }
        }
        return rows;
    }

    /** Example 3 by htsjdk: the sample's genotypes that carry an ALT allele: contig,pos,GT,DP,GQ. */
    private List<String> carriedGenotypes(String sample) {
        List<String> rows = new ArrayList<>();
        try (VCFFileReader r = new VCFFileReader(vcf(), false)) {
            for (VariantContext vc : r) {
                Genotype g = vc.getGenotype(sample);
                if (g.getAlleles().stream().anyMatch(a -> a.isCalled() && a.isNonReference())) {
                    List<String> idx = g.getAlleles().stream().map(a -> String.valueOf(vc.getAlleleIndex(a))).toList();
                    String calls = "[" + String.join(", ", idx) + "]";
                    rows.add(vc.getContig() + "," + vc.getStart() + "," + (idx.size() > 1 ? '"' + calls + '"' : calls)
                            + "," + g.getDP() + "," + g.getGQ());
                }
            }
        }
        return rows;
    }

    private String proband(Path folder) {
        List<String> rows = csv(folder, "SELECT sampleId FROM samples WHERE role = 'proband'");
        assertEquals(2, rows.size(), rows.toString());
        return rows.get(1);
    }

    @Test
    void theHelpsThreeExamplesGiveWhatTheVcfHolds() {
        checkExamples(folder());
    }

    @Test
    void theExamplesGiveTheSameOverAFolderPartitionedAsTheSparkDriverWritesIt() throws Exception {
        // calls.parquet as bin/gap-spark lays it out: contig=<contig>/positionBin=<start / 10 Mb>/<file>.parquet,
        // the keys in the path only; the other files as they are
        Path spark = Files.createDirectories(scratch().resolve("spark-layout"));
        for (String f : List.of("samples.parquet", "denovo.tsv")) {
            Files.copy(folder().resolve(f), spark.resolve(f));
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
            sql.execute("COPY (SELECT *, contigName AS contig, CAST(start // 10000000 AS INTEGER) AS positionBin"
                    + " FROM read_parquet('" + folder().resolve("calls.parquet") + "')) TO '"
                    + spark.resolve("calls.parquet") + "' (FORMAT parquet, PARTITION_BY (contig, positionBin))");
        }
        try (var files = Files.walk(spark.resolve("calls.parquet"))) {
            assertTrue(files.anyMatch(p -> p.toString().contains("contig=chrM/positionBin=0/")));
        }
        checkExamples(spark);
        assertEquals(csv(folder(), "DESCRIBE calls"), csv(spark, "DESCRIBE calls"), "the partition keys left out");
        for (String q : helpExamples()) {
            assertEquals(csv(folder(), q), csv(spark, q), q);
        }
    }

    private void checkExamples(Path folder) {
        List<String> examples = helpExamples();
        assertEquals(3, examples.size(), examples.toString());

        List<String> perContig = csv(folder, examples.get(0));
        assertEquals("contigName,variants", perContig.get(0));
        List<String> expected = new ArrayList<>();
        passPerContig().forEach((contig, n) -> expected.add(contig + "," + n));
        assertEquals(expected, perContig.subList(1, perContig.size()));

        List<String> frequencies = csv(folder, examples.get(1));
        assertEquals("contigName,pos,referenceAllele,alternateAlleles,altAlleles,calledAlleles,frequency",
                frequencies.get(0));
        List<String> got = new ArrayList<>();
        for (String line : frequencies.subList(1, frequencies.size())) {
            // contig,pos,ref,"[alts]" or alt,altAlleles,calledAlleles,frequency: keep the first two and the last three
            String[] f = line.split(",");
            int n = f.length;
            String freq = f[n - 1].isEmpty() ? "" : String.format(Locale.ROOT, "%.4f", Double.parseDouble(f[n - 1]));
            got.add(f[0] + "," + f[1] + "," + f[n - 3] + "," + f[n - 2] + "," + freq);
        }
        assertEquals(alleleCounts(), got);

        String proband = proband(folder);
        List<String> genotypes = csv(folder, examples.get(2));
        assertEquals("contigName,pos,referenceAllele,alternateAlleles,calls,depth,conditionalQuality", genotypes.get(0));
        List<String> carried = new ArrayList<>();
        for (String line : genotypes.subList(1, genotypes.size())) {
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"); // commas outside quotes
            carried.add(f[0] + "," + f[1] + "," + f[4] + "," + f[5] + "," + f[6]);
        }
        assertEquals(carriedGenotypes(proband), carried);
        assertTrue(carried.size() > 100, "the proband's variants: " + carried.size());
    }

    @Test
    void theTableIsAlignedAndTheSamplesViewHasOnlyTheClearColumns() {
        Run table = gap("sql", folder().toString(), "SELECT sampleId, role, 1 AS n FROM samples ORDER BY sampleId");
        assertEquals(0, table.exitCode(), table.err());
        List<String> lines = table.out().lines().toList();
        assertEquals(5, lines.size(), table.out());
        assertTrue(lines.get(0).matches("sampleId {10}role {5}n"), lines.get(0));
        assertEquals("----------------  -------  -", lines.get(1));
        assertTrue(lines.get(4).matches("GAP-\\w{12}  \\w+ +1"), lines.get(4));
        assertEquals(List.of("column_name", "sampleId", "patientPseudonym", "sex", "role", "familyId"),
                csv(folder(), "SELECT column_name FROM (DESCRIBE samples)"));
    }

    @Test
    void csvAndParquetFiles() throws Exception {
        Path csvFile = scratch().resolve("per-sample.csv");
        Path parquet = scratch().resolve("per-sample.parquet");
        String query = "SELECT sampleId, count(*) AS variants FROM genotypes WHERE list_contains(filters, 'PASS')"
                + " AND list_max(calls) > 0 GROUP BY sampleId ORDER BY sampleId";
        List<String> printed = csv(folder(), query);
        assertEquals(0, gap("sql", folder().toString(), "--csv", "-O", csvFile.toString(), query).exitCode());
        assertEquals(printed, Files.readAllLines(csvFile));
        assertEquals(0, gap("sql", folder().toString(), "--parquet", "-O", parquet.toString(), query).exitCode());
        assertEquals(printed, csv(folder(), "SELECT * FROM read_parquet('" + parquet + "')"));
    }

    @Test
    void errorsAreOneLineExit2WithoutThePath() {
        String path = folder().toAbsolutePath().toString();
        for (String[] c : new String[][] {
            {folder().toString(), "SELECT patientId FROM samples"},
            {folder().toString(), "SELECT patientId FROM read_parquet('" + path + "/samples.parquet')"},
            {folder().toString(), "SELECT * FROM read_parquet('" + path + "/missing.parquet')"},
            {folder().toString(), "SELEC 1"},
            {folder().resolve("qc").toString(), "SELECT 1"},
            {folder().resolve("nothing-here").toString(), "SELECT 1"}}) {
            Run r = gap("sql", c[0], c[1]);
            assertEquals(Commands.EXIT_USER_ERROR, r.exitCode(), c[1] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("gap sql: error: "), r.err());
            assertFalse(r.err().contains(folder().getFileName().toString()), r.err());
        }
        assertTrue(gap("sql", folder().toString(), "SELECT patientId FROM read_parquet('" + path
                + "/samples.parquet')").err().contains("encrypted"));
    }
}
