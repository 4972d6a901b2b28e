package gap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The README's Spark SQL block, read from the README and run as printed (its {@code out/} made the run's folder), checked against the run's VCF read by htsjdk: each sample's PASS records whose genotype
 * carries an ALT allele, and their mean DP.
 */
final class ReadmeSparkSql {
    private ReadmeSparkSql() {}

    /** The statements of the README's Spark SQL block. */
    static List<String> statements() throws IOException {
        String readme = Files.readString(SampleData.dir().resolveSibling("README.md"));
        int at = readme.indexOf("```sql", readme.indexOf("Spark SQL (tested"));
        String block = readme.substring(readme.indexOf('\n', at) + 1, readme.indexOf("```", at + 6));
        List<String> statements = new ArrayList<>();
        for (String s : block.split(";\\s*\n")) {
            String sql = s.lines().map(l -> l.replaceAll("\\s*--.*$", "")).reduce((a, b) -> a + "\n" + b).orElse("");
            if (!sql.isBlank()) {
                statements.add(sql.strip());
            }
        }
        return statements;
    }

    /** Runs the block on {@code session} over {@code out}, checks it against the VCF in {@code out}; gives its rows. */
    static List<String> check(SparkSession session, Path out) throws IOException {
        List<String> sql = statements();
        assertEquals(3, sql.size(), sql.toString());
        String folder = out.toAbsolutePath() + "/";
        session.sql(sql.get(0).replace("'out/", "'" + folder));
        List<String> got = new ArrayList<>();
        for (Row r : session.sql(sql.get(1)).collectAsList()) {
            got.add(r.getString(0) + " " + r.getLong(1) + " " + String.format(Locale.ROOT, "%.3f", r.getDouble(2)));
        }
        assertEquals(carriedPassVariants(vcf(out)), got, "each sample's PASS variants and their mean DP");
        List<Row> samples = session.sql(sql.get(2).replace("`out/", "`" + folder)).collectAsList();
        assertEquals(got.size(), samples.size(), samples.toString());
        return got;
    }

    private static Path vcf(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".vcf.gz")).findFirst().orElseThrow();
        }
    }

    /** By htsjdk: per sample, "pseudonym count meanDP" over PASS records whose GT holds a called ALT allele. */
    static List<String> carriedPassVariants(Path vcf) {
        Map<String, long[]> n = new TreeMap<>();
        try (VCFFileReader r = new VCFFileReader(vcf, false)) {
            for (VariantContext vc : r) {
                if (!vc.filtersWereApplied() || vc.isFiltered()) {
                    continue;
                }
                for (Genotype g : vc.getGenotypes()) {
                    if (g.getAlleles().stream().anyMatch(a -> a.isCalled() && a.isNonReference())) {
                        long[] c = n.computeIfAbsent(g.getSampleName(), k -> new long[2]);
                        c[0]++;
                        c[1] += g.getDP();
                    }
                }
            }
        }
        List<String> rows = new ArrayList<>();
        n.forEach((s, c) -> rows.add(s + " " + c[0] + " " + String.format(Locale.ROOT, "%.3f", (double) c[1] / c[0])));
        assertTrue(rows.size() > 0);
        return rows;
    }
}
