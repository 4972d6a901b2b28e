package gap.spark;

import gap.core.io.RunFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.io.ParquetSink;
import gap.core.privacy.LabKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Takes the output directories of a {@code gap call} and of a Spark run of the same inputs, asserts they are the
 * same: every text file byte for byte (the VCF decompressed, the QC files, denovo.tsv), the calls table's rows
 * (sorted, each file's metadata too) and the samples table's decrypted rows; both runs committed (_SUCCESS, no
 * staging left).
 */
final class Outputs {
    private Outputs() {}

    static void assertSameAsCli(Path cli, Path spark, Path keystore, String password) {
        assertTrue(Files.isRegularFile(spark.resolve(RunFolder.SUCCESS)), "the run committed");
        assertFalse(Files.exists(spark.resolve(RunFolder.STAGING)), "no staging left");
        Map<String, Path> cliFiles = files(cli);
        Map<String, Path> sparkFiles = files(spark);
        assertTrue(Files.isRegularFile(cli.resolve(RunFolder.SUCCESS)), "the CLI's run committed the same way");
        assertEquals(cliFiles.keySet().stream().filter(n -> !n.startsWith("calls.parquet")).toList(),
                sparkFiles.keySet().stream().filter(n -> !n.startsWith("calls.parquet")).toList(),
                "the same files");
        for (String name : cliFiles.keySet()) {
            if (name.startsWith("calls.parquet") || name.equals("samples.parquet")) {
                continue;
            }
            assertEquals(text(cliFiles.get(name)), text(sparkFiles.get(name)), name);
            if (name.endsWith(".vcf.gz") || name.endsWith(".vcf.gz.tbi")) { // BGZF blocks and index: the same bytes
                try {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(cliFiles.get(name)),
                            Files.readAllBytes(sparkFiles.get(name)), name + " bytes");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertEquals(callRows(cli.resolve("calls.parquet")), callRows(spark.resolve("calls.parquet")),
                "calls.parquet rows");
        assertEquals(callMetadata(cli.resolve("calls.parquet")), callMetadata(spark.resolve("calls.parquet")),
                "calls.parquet metadata");
        LabKeys keys = LabKeys.open(keystore, password.toCharArray());
        assertEquals(sampleRows(cli.resolve("samples.parquet"), keys), sampleRows(spark.resolve("samples.parquet"), keys),
                "samples.parquet decrypted rows");
    }

    private static List<List<String>> sampleRows(Path samples, LabKeys keys) {
        return ParquetSink.readSamples(samples, keys, true).stream()
                .map(r -> java.util.Arrays.asList(r.sampleId(), r.patientPseudonym(), r.patientId(), r.mrn(), r.sex(),
                        r.role(), r.familyId()))
                .toList();
    }

    /** Every regular file under {@code root}, by relative path, sorted. */
    static Map<String, Path> files(Path root) {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString(), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A file's text; gzip and BGZF decompressed. */
    static String text(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] bytes = raw.readAllBytes();
            if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a calls table (one file, or a partitioned directory of them), as text, sorted. */
    static List<String> callRows(Path table) {
        List<String> rows = new ArrayList<>();
        for (Path file : parquetFiles(table)) {
            PlainParquetConfiguration conf = new PlainParquetConfiguration();
            conf.set("parquet.avro.write-old-list-structure", "false");
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file),
                    conf).withDataModel(GenericData.get()).build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    rows.add(r.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        rows.sort(null);
        return rows;
    }

    /** The key-value metadata of a calls table's files (all alike), less the writer's name. */
    static List<Map<String, String>> callMetadata(Path table) {
        List<Map<String, String>> all = new ArrayList<>();
        for (Path file : parquetFiles(table)) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
                Map<String, String> kv = new TreeMap<>(reader.getFooter().getFileMetaData().getKeyValueMetaData());
                if (!all.contains(kv)) {
                    all.add(kv);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    private static List<Path> parquetFiles(Path table) {
        if (Files.isRegularFile(table)) {
            return List.of(table);
        }
        return files(table).values().stream().filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
}
