package gap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.io.ParquetFixtures;
import gap.core.io.ParquetSink;
import gap.core.io.PythonReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark driver's partitioned calls.parquet gives the CLI file's rows to DuckDB with {@code hive_partitioning},
 * and to pyarrow and pandas (where installed); Spark SQL reads it in {@link SparkParquetReadTest}.
 */
class PartitionedCallsReadTest {
    static final String COLUMNS = "contigName, start, \"end\", referenceAllele, alternateAlleles, qual, filters,"
            + " INFO_DP, genotypes";

    @TempDir
    Path dir;
    Path cliFile;
    Path sparkDir;

    @BeforeEach
    void write() {
        cliFile = dir.resolve("cli.parquet");
        sparkDir = dir.resolve("calls.parquet");
        ParquetSink.writeCalls(cliFile, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                ParquetFixtures.calls());
        new PartitionedCallsWriter().write(sparkDir, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                ParquetFixtures.calls());
    }

    @Test
    void partitionKeysAreNoDataColumn() throws IOException {
        try (Stream<Path> files = Files.walk(sparkDir)) {
            List<String> parts = files.filter(Files::isRegularFile).map(p -> sparkDir.relativize(p).toString())
                    .sorted().toList();
            assertEquals(List.of("contig=chr22/positionBin=2/part-00000.parquet",
                    "contig=chrM/positionBin=0/part-00000.parquet"), parts);
        }
    }

    @Test
    void duckDbWithHivePartitioningGivesTheCliRows() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = db.createStatement()) {
            String order = " ORDER BY contigName, start";
            List<String> cli = rows(st, "SELECT " + COLUMNS + " FROM read_parquet('" + cliFile + "')" + order);
            List<String> spark = rows(st, "SELECT " + COLUMNS + " FROM read_parquet('" + sparkDir
                    + "/**/*.parquet', hive_partitioning = true)" + order);
            assertEquals(4, cli.size());
            assertEquals(cli, spark);
            List<String> keys = rows(st, "SELECT DISTINCT contig, positionBin, contigName FROM read_parquet('"
                    + sparkDir + "/**/*.parquet', hive_partitioning = true) ORDER BY 1");
            assertEquals(List.of("chr22|2|chr22", "chrM|0|chrM"), keys, "the path's keys beside the files' columns");
        }
    }

    @Test
    void pyarrowAndPandasReadTheDirectoryAsTheCliFile() throws IOException {
        PythonReaders.require();
        String out = PythonReaders.run(dir, "calls", sparkDir.toString(), cliFile.toString());
        assertTrue(out.contains("ok   pq.read_table: the CLI's rows") && !out.contains("FAIL"), out);
        assertEquals(3, out.lines().filter(l -> l.startsWith("ok ")).count(), out);
    }

    private static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
