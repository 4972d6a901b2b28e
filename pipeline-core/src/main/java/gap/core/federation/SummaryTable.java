package gap.core.federation;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.io.ParquetSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Takes summary rows with their {@link SummaryInfo}, gives a summary Parquet file (flat columns any reader takes,
 * metadata in the footer, written atomically); reads one back in file order (genome order).
 */
public final class SummaryTable {
    private SummaryTable() {}

    /** One flat row per allele: the allele's identity, the flag, and the counts (null when suppressed). */
    public static Schema schema() {
        return SchemaBuilder.record("AlleleSummary").namespace("gap.parquet").fields()
                .requiredString("contigName")
                .requiredLong("start")
                .requiredLong("end")
                .requiredString("referenceAllele")
                .requiredString("alternateAllele")
                .requiredBoolean("suppressed")
                .optionalLong("alleleCount")
                .optionalLong("alleleNumber")
                .optionalDouble("alleleFrequency")
                .optionalLong("homAltCount")
                .optionalLong("calledSamples")
                .endRecord();
    }

    public static void write(Path target, SummaryInfo info, Iterable<SummaryRow> rows) {
        Schema schema = schema();
        Iterable<GenericRecord> records = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<SummaryRow> it = rows.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public GenericRecord next() {
                return record(schema, it.next());
            }
        };
        ParquetSink.writeTable(target, schema, info.toMetadata(), records);
    }

    private static GenericRecord record(Schema schema, SummaryRow row) {
        GenericRecord r = new GenericData.Record(schema);
        AlleleKey k = row.key();
        r.put("contigName", k.contigName());
        r.put("start", k.start());
        r.put("end", k.end());
        r.put("referenceAllele", k.referenceAllele());
        r.put("alternateAllele", k.alternateAllele());
        r.put("suppressed", row.suppressed());
        r.put("alleleCount", row.alleleCount());
        r.put("alleleNumber", row.alleleNumber());
        r.put("alleleFrequency", row.alleleFrequency());
        r.put("homAltCount", row.homAltCount());
        r.put("calledSamples", row.calledSamples());
        return r;
    }

    /** The summary's metadata; a file that is not a summary is one line. */
    public static SummaryInfo info(Path summary) {
        return info(summary, summary.getFileName().toString());
    }

    /** As {@link #info(Path)}, naming the file {@code name} in messages. */
    public static SummaryInfo info(Path summary, String name) {
        InputValidator.requireFile(summary, "summary");
        Map<String, String> metadata;
        try (ParquetFileReader footer = ParquetSink.openLocal(summary)) {
            metadata = footer.getFileMetaData().getKeyValueMetaData();
        } catch (IOException | RuntimeException e) {
            throw new UserException(name + " cannot be read as Parquet (" + e.getClass().getSimpleName() + "): give"
                    + " the output of gap aggregate", e);
        }
        return SummaryInfo.fromMetadata(metadata, name);
    }

    /** Reads a summary's rows one at a time, in file order. */
    public static final class Reader implements AutoCloseable {
        private final String name;
        private final ParquetReader<GenericRecord> reader;

        private Reader(Path summary, String name) {
            this.name = name;
            try {
                this.reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(summary),
                        new PlainParquetConfiguration()).withDataModel(GenericData.get()).build();
            } catch (IOException e) {
                throw new UserException(name + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
            }
        }

        /** The next row, or null after the last. */
        public SummaryRow next() {
            try {
                GenericRecord r = reader.read();
                return r == null ? null : row(r);
            } catch (IOException | RuntimeException e) {
                throw new UserException(name + " has a malformed row (" + e.getClass().getSimpleName() + "): give"
                        + " the summary as gap aggregate wrote it", e);
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Opens a summary after checking its metadata. */
    public static Reader open(Path summary) {
        return open(summary, summary.getFileName().toString());
    }

    /** As {@link #open(Path)}, naming the file {@code name} in messages. */
    public static Reader open(Path summary, String name) {
        info(summary, name);
        return new Reader(summary, name);
    }

    public static List<SummaryRow> readAll(Path summary) {
        List<SummaryRow> rows = new ArrayList<>();
        try (Reader reader = open(summary)) {
            for (SummaryRow r = reader.next(); r != null; r = reader.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static SummaryRow row(GenericRecord r) {
        AlleleKey key = new AlleleKey(r.get("contigName").toString(), (Long) r.get("start"), (Long) r.get("end"),
                r.get("referenceAllele").toString(), r.get("alternateAllele").toString());
        return new SummaryRow(key, (Boolean) r.get("suppressed"), (Long) r.get("alleleCount"),
                (Long) r.get("alleleNumber"), (Long) r.get("homAltCount"), (Long) r.get("calledSamples"));
    }
}
