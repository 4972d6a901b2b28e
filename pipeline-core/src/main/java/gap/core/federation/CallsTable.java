package gap.core.federation;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.model.Filters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Takes a {@code calls.parquet} gap call wrote, gives its reference dictionary and samples (from the metadata) and its
 * rows as {@link CallsRow}s. Reads only the columns counting needs: not the sample ids, not the INFO columns (which
 * differ between runs).
 */
public final class CallsTable {
    /** What a calls file's metadata says: the reference dictionary, and the run's samples (pseudonyms). */
    public record Header(ReferenceDictionary dictionary, List<String> samples) {}

    private static final List<String> COLUMNS = List.of("contigName", "start", "referenceAllele", "alternateAlleles",
            "filters", "genotypes");
    private static final String RECALL = "call it again with this gap, which records it";

    private CallsTable() {}

    /**
     * The columns read, from the schema {@link ParquetSink} writes: a projection, so neither INFO columns nor
     * {@code genotypes.sampleId} leave the file.
     */
    static Schema projection() {
        return ParquetSink.callsProjection(COLUMNS, List.of("calls"));
    }

    public static Header header(Path calls) {
        return header(calls, calls.getFileName().toString());
    }

    /** As {@link #header(Path)}, naming the file {@code name} in messages. */
    public static Header header(Path calls, String name) {
        InputValidator.requireFile(calls, "calls file");
        Map<String, String> metadata;
        MessageType schema;
        try (ParquetFileReader footer = ParquetSink.openLocal(calls)) {
            metadata = footer.getFileMetaData().getKeyValueMetaData();
            schema = footer.getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw new UserException(name + " cannot be read as Parquet (" + e.getClass().getSimpleName() + "): give"
                    + " the calls.parquet gap call wrote", e);
        }
        for (String column : COLUMNS) {
            if (!schema.containsField(column)) {
                throw new UserException(name + " has no column " + column + ": give the calls.parquet gap call wrote");
            }
        }
        ReferenceDictionary dictionary = ReferenceDictionary.fromMetadata(metadata, name, RECALL);
        String samples = metadata.get(ParquetSink.SAMPLES_KEY);
        if (samples == null) {
            throw new UserException(name + " does not list its samples in its metadata: " + RECALL);
        }
        return new Header(dictionary, samples.isEmpty() ? List.of() : Arrays.asList(samples.split(",")));
    }

    /** Hands every row to {@code rows}, in file order; {@code name} names the file in messages. */
    public static void forEachRow(Path calls, String name, Consumer<CallsRow> rows) {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        // the projection is converted to Parquet to match the file's columns: in the 3-level list form gap writes
        conf.set("parquet.avro.write-old-list-structure", "false");
        conf.set(AvroReadSupport.AVRO_REQUESTED_PROJECTION, projection().toString());
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(calls),
                conf).withDataModel(GenericData.get()).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                rows.accept(row(r));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException(name + " cannot be read as calls (" + e.getClass().getSimpleName() + "): give"
                    + " the calls.parquet gap call wrote", e);
        }
    }

    private static CallsRow row(GenericRecord r) {
        List<List<Integer>> genotypes = new ArrayList<>();
        for (Object g : (List<?>) r.get("genotypes")) {
            List<Integer> calls = new ArrayList<>();
            for (Object allele : (List<?>) ((GenericRecord) g).get("calls")) {
                calls.add((Integer) allele);
            }
            genotypes.add(calls);
        }
        return new CallsRow(r.get("contigName").toString(), (Long) r.get("start"), r.get("referenceAllele").toString(),
                strings(r.get("alternateAlleles")), Filters.fromValues(strings(r.get("filters"))), genotypes);
    }

    private static List<String> strings(Object list) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(o.toString());
        }
        return out;
    }
}
