package gap.core.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;

/**
 * Looks for identifiers in everything a run leaves: file names, raw bytes, and the decoded content of every
 * container — gzip and BGZF, Parquet pages read back through a reader (compressed columns included), and base64
 * runs in text. Encrypted Parquet columns are left to the raw scan: their ciphertext must not hold the identifier.
 * Public, in core's test jar, for the leak tests of the CLI and of the Spark driver.
 */
public final class LeakScanner {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");

    /** Where an identifier was found and how. */
    public record Hit(String where, String identifier, String how) {}

    private final List<String> identifiers;
    private final List<Hit> hits = new ArrayList<>();

    public LeakScanner(List<String> identifiers) {
        this.identifiers = List.copyOf(identifiers);
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public LeakScanner scanText(String where, String text) {
        check(where, text.getBytes(StandardCharsets.UTF_8), "text");
        return this;
    }

    public LeakScanner scanTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.toList()) {
                scanText("file name " + root.relativize(p), root.relativize(p).toString());
                if (Files.isRegularFile(p)) {
                    scanFile(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void scanFile(Path file) throws IOException {
        String where = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        check(where, bytes, "raw bytes");
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                check(where, in.readAllBytes(), "gzip/BGZF decoded");
            }
        }
        if (bytes.length > 8 && new String(bytes, bytes.length - 4, 4, StandardCharsets.US_ASCII).equals("PAR1")) {
            check(where, parquetValues(file).getBytes(StandardCharsets.UTF_8), "Parquet pages decoded");
        }
        Matcher m = BASE64.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            try {
                check(where, Base64.getDecoder().decode(m.group()), "base64 decoded");
            } catch (IllegalArgumentException notBase64) {
                // a run of letters that only looks like base64
            }
        }
    }

    /**
     * Every value of every column the file keeps in plaintext, read through parquet-avro, projecting the encrypted
     * columns out of the Avro schema parquet-avro stored in the file (it keeps the file's list layout).
     */
    public static String parquetValues(Path file) throws IOException {
        List<String> encrypted = new ArrayList<>();
        Schema schema;
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
            for (BlockMetaData block : footer.getFooter().getBlocks()) {
                for (ColumnChunkMetaData column : block.getColumns()) {
                    if (column.isEncrypted()) {
                        encrypted.add(column.getPath().toArray()[0]);
                    }
                }
            }
            schema = new Schema.Parser().parse(footer.getFooter().getFileMetaData().getKeyValueMetaData()
                    .get("parquet.avro.schema"));
        }
        List<Schema.Field> kept = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            if (!encrypted.contains(f.name())) {
                kept.add(new Schema.Field(f, f.schema()));
            }
        }
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.avro.write-old-list-structure", "false"); // project onto the 3-level lists the file has
        conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION,
                Schema.createRecord(schema.getName(), null, schema.getNamespace(), false, kept).toString());
        StringBuilder all = new StringBuilder();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file), conf)
                .withDataModel(GenericData.get()).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                all.append(r).append('\n');
            }
        }
        return all.toString();
    }

    private void check(String where, byte[] content, String how) {
        String text = new String(content, StandardCharsets.UTF_8);
        for (String id : identifiers) {
            if (text.contains(id)) {
                hits.add(new Hit(where, id, how));
            }
        }
    }
}
