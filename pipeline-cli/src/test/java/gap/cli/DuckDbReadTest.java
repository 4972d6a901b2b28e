package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.federation.SiteSummary;
import gap.core.federation.Suppression;
import gap.core.io.ParquetFixtures;
import gap.core.io.ParquetSink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's DuckDB (JDBC, no KMS) reads our Parquet: every column of calls.parquet, the plaintext columns of
 * samples.parquet; the encrypted identifiers fail.
 */
class DuckDbReadTest {
    @TempDir
    static Path dir;
    static String calls;
    static String samples;
    static Path network;
    static Path released;

    @BeforeAll
    static void writeFiles() {
        Path c = dir.resolve("calls.parquet");
        ParquetSink.writeCalls(c, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                ParquetFixtures.calls());
        Path s = dir.resolve("samples.parquet");
        ParquetSink.writeSamples(s, ParquetFixtures.sampleRows(), ParquetFixtures.labKeys(dir));
        calls = "read_parquet('" + c + "')";
        network = dir.resolve("network.parquet");
        SiteSummary.write(List.of(c), "UZL", new Suppression(0, 0), network);
        released = dir.resolve("site.parquet");
        SiteSummary.write(List.of(c), "UZL", new Suppression(5, 0), released);
        samples = "read_parquet('" + s + "')";
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    @Test
    void readsCalls() throws SQLException {
        assertEquals(List.of("4"), query("select count(*) from " + calls));
        assertEquals(List.of("chr22|3", "chrM|1"),
                query("select contigName, count(*) from " + calls + " group by contigName order by contigName"));
        assertEquals(List.of("GAP-S00000000001|chr22|20000099|0|1|31", "GAP-S00000000001|chr22|20000149|-1|-1|0",
                        "GAP-S00000000001|chr22|20000199|0|1|12", "GAP-S00000000001|chrM|72|1|2|80",
                        "GAP-S00000000002|chr22|20000099|0|0|30", "GAP-S00000000002|chr22|20000149|1|1|30",
                        "GAP-S00000000002|chr22|20000199|-1|-1|3", "GAP-S00000000002|chrM|72|0|0|80"),
                query("select g.sampleId, contigName, start, g.calls[1], g.calls[2], g.depth from (select *,"
                        + " unnest(genotypes) as g from " + calls + ") order by g.sampleId, contigName, start"));
        assertEquals(List.of("61|true|[0.25]"), query("select INFO_DP, INFO_DB, INFO_AF from " + calls
                + " where INFO_DB"));
    }

    /** The README's queries of a summary, and its metadata. */
    @Test
    void readsSummariesAndTheirMetadata() throws SQLException {
        assertEquals(List.of("chr22|20000100|A|G|false|1|4|0.25", "chr22|20000150|T|C|false|2|2|1.0"),
                query(("SELECT contigName, start + 1 AS pos, referenceAllele, alternateAllele, suppressed, alleleCount,"
                        + " alleleNumber, alleleFrequency FROM read_parquet('network.parquet') WHERE contigName ="
                        + " 'chr22' ORDER BY start, alternateAllele").replace("network.parquet", network.toString())));
        List<String> metadata = query(("SELECT decode(key) AS key, decode(value) AS value FROM"
                + " parquet_kv_metadata('network.parquet') WHERE decode(key) LIKE 'gap.%' ORDER BY key")
                .replace("network.parquet", network.toString()));
        assertTrue(metadata.contains("gap.summary.sites|UZL"), metadata.toString());
        assertTrue(metadata.contains("gap.summary.samples|2"), metadata.toString());
        assertTrue(metadata.contains("gap.reference.dictionary|" + ParquetFixtures.dictionary().digest()));
        assertEquals(List.of("4|true|0|4"), query("SELECT count(*), bool_and(suppressed), count(alleleCount),"
                + " count(DISTINCT start || referenceAllele || alternateAllele) FROM read_parquet('" + released + "')"));
    }

    @Test
    void readsThePlaintextColumnsOfSamplesButNotTheIdentifiers() throws SQLException {
        assertEquals(List.of("GAP-S00000000001|GAP-P00000000001|male|father|GAP-F00000000001",
                        "GAP-S00000000002|GAP-P00000000002|female|mother|GAP-F00000000001",
                        "GAP-S00000000003|GAP-P00000000003|female|proband|GAP-F00000000001"),
                query("select sampleId, patientPseudonym, sex, role, familyId from " + samples + " order by sampleId"));
        for (String sql : List.of("select patientId from " + samples, "select * from " + samples,
                "select mrn from " + samples)) {
            SQLException e = assertThrows(SQLException.class, () -> query(sql));
            assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
        }
    }
}
