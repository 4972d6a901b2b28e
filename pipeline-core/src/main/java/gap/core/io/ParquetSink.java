package gap.core.io;

import gap.core.UserException;
import gap.core.model.Genotype;
import gap.core.model.CallSet;
import gap.core.model.VariantCall;
import gap.core.privacy.KeyStoreKms;
import gap.core.privacy.LabKeys;
import gap.core.privacy.SampleRow;
import htsjdk.variant.vcf.VCFCompoundHeaderLine;
import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.crypto.KeyAccessDeniedException;
import org.apache.parquet.crypto.keytools.PropertiesDrivenCryptoFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Takes pseudonymised calls or sample rows, gives {@code calls.parquet} (Glow's variant schema) and
 * {@code samples.parquet} (identifiers encrypted under the clinician column key, plaintext footer), and reads the
 * latter back. Plain parquet-java, no Spark. Files are written under a temporary name and renamed when complete.
 */
public final class ParquetSink {
    /**
     * Columns of {@code samples.parquet} encrypted under the clinician column key. They come last in the file: Arrow
     * C++ (pyarrow 25) reading a set of columns also touches the metadata of the column after them, and fails on an
     * encrypted one without a key (apache/arrow#51361); with the encrypted columns last, pyarrow and pandas read
     * every set of clear columns without a key.
     */
    public static final List<String> ENCRYPTED_COLUMNS = List.of("patientId", "mrn", "sampleAlias");
    public static final String INFO_PREFIX = "INFO_";
    /** Metadata key of calls.parquet: the samples of the run, pseudonyms joined by commas, also those without calls. */
    public static final String SAMPLES_KEY = "gap.samples";

    private static final String PARTIAL = ".partial.parquet";
    private static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
    // Avro field names: an INFO key with other characters (VCF allows '.') needs a mapping decided on purpose
    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Schema INT_LIST = Schema.createArray(Schema.create(Schema.Type.INT));
    private static final Schema STRING_LIST = Schema.createArray(Schema.create(Schema.Type.STRING));

    private ParquetSink() {}

    // ---------------------------------------------------------------------------------------------- calls

    /** The calls schema: Glow's VCF columns, an {@code INFO_<key>} column per header line (sorted by key). */
    public static Schema callsSchema(Collection<VCFInfoHeaderLine> infoLines) {
        return callsSchema(infoLines, List.of());
    }

    /**
     * As {@link #callsSchema(Collection)}, with a genotype column per FORMAT line beyond Glow's standard set and DNQ
     * (sorted by key, after DNQ), named by its VCF key as Glow names such fields: another analysis's FORMAT fields
     * (somatic AF, F1R2, F2R1).
     */
    public static Schema callsSchema(Collection<VCFInfoHeaderLine> infoLines,
                                     Collection<VCFFormatHeaderLine> formatLines) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("Variant").namespace("gap.parquet")
                .fields()
                .requiredString("contigName")
                .requiredLong("start")
                .requiredLong("end")
                .name("names").type(STRING_LIST).noDefault()
                .requiredString("referenceAllele")
                .name("alternateAlleles").type(STRING_LIST).noDefault()
                .optionalDouble("qual")
                .name("filters").type(STRING_LIST).noDefault()
                .requiredBoolean("splitFromMultiAllelic");
        for (VCFInfoHeaderLine line : sortedByKey(infoLines)) {
            String column = INFO_PREFIX + line.getID();
            if (!AVRO_NAME.matcher(column).matches()) {
                throw new IllegalArgumentException("INFO key " + line.getID() + " cannot be a Parquet column name");
            }
            fields = fields.name(column).type(Schema.createUnion(Schema.create(Schema.Type.NULL), infoType(line)))
                    .withDefault(null);
        }
        SchemaBuilder.FieldAssembler<Schema> genotypeFields = SchemaBuilder.record("Genotype")
                .namespace("gap.parquet").fields()
                .requiredString("sampleId")
                .name("calls").type(INT_LIST).noDefault()
                .requiredBoolean("phased")
                // nullable: a sample of a joint call may have no depth or likelihoods at a site
                .optionalInt("depth")
                .optionalInt("conditionalQuality")
                .name("alleleDepths").type(nullable(INT_LIST)).withDefault(null)
                .name("phredLikelihoods").type(nullable(INT_LIST)).withDefault(null)
                // a FORMAT field outside Glow's standard set keeps its VCF key, as Glow names it
                .optionalInt("DNQ")
                // phred posteriors where a prior (trio, population) moved the genotype; null where none did
                .name("PP").type(nullable(INT_LIST)).withDefault(null);
        for (VCFFormatHeaderLine line : sortedFormats(formatLines)) {
            if (!AVRO_NAME.matcher(line.getID()).matches()) {
                throw new IllegalArgumentException("FORMAT key " + line.getID() + " cannot be a Parquet column name");
            }
            genotypeFields = genotypeFields.name(line.getID())
                    .type(Schema.createUnion(Schema.create(Schema.Type.NULL), infoType(line))).withDefault(null);
        }
        Schema genotype = genotypeFields.endRecord();
        return fields.name("genotypes").type(Schema.createArray(genotype)).noDefault().endRecord();
    }

    /**
     * The calls schema's columns {@code columns} (no INFO column), in that order, with each genotype holding only
     * {@code genotypeColumns}: what a reader of {@code calls.parquet} asks for, from the schema it was written with.
     */
    public static Schema callsProjection(List<String> columns, List<String> genotypeColumns) {
        Schema full = callsSchema(List.of());
        Schema genotype = select(full.getField("genotypes").schema().getElementType(), genotypeColumns);
        List<Schema.Field> fields = new ArrayList<>();
        for (String column : columns) {
            Schema.Field f = full.getField(column);
            if (f == null) {
                throw new IllegalArgumentException("calls.parquet has no column " + column);
            }
            fields.add(new Schema.Field(f, column.equals("genotypes") ? Schema.createArray(genotype) : f.schema()));
        }
        return Schema.createRecord(full.getName(), null, full.getNamespace(), false, fields);
    }

    /** The record {@code schema} with only the fields named, in that order. */
    private static Schema select(Schema schema, List<String> names) {
        List<Schema.Field> fields = new ArrayList<>();
        for (String name : names) {
            Schema.Field f = schema.getField(name);
            if (f == null) {
                throw new IllegalArgumentException(schema.getName() + " has no field " + name);
            }
            fields.add(new Schema.Field(f, f.schema()));
        }
        return Schema.createRecord(schema.getName(), null, schema.getNamespace(), false, fields);
    }

    /**
     * Writes one row per call, in the order given (genome order), its {@code genotypes} holding every sample of the
     * call set in its order. INFO columns come from {@code infoLines}, not from the data, so files of different runs
     * union. The metadata names the reference dictionary (which references a later {@code gap aggregate} may join)
     * and the samples.
     */
    public static void writeCalls(Path target, Collection<? extends VCFCompoundHeaderLine> headerLines,
                                  ReferenceDictionary dictionary, CallSet callSet) {
        writeCalls(target, headerLines, dictionary, callSet.sampleIds(), callSet.calls());
    }

    /**
     * As {@link #writeCalls(Path, Collection, ReferenceDictionary, CallSet)}, the calls read as they are written
     * (from a spill file: a run's calls are never all in memory); each must hold one genotype per sample.
     */
    public static void writeCalls(Path target, Collection<? extends VCFCompoundHeaderLine> headerLines,
                                  ReferenceDictionary dictionary, List<String> sampleIds,
                                  Iterable<VariantCall> calls) {
        List<VCFInfoHeaderLine> info = sortedByKey(headerLines.stream().filter(VCFInfoHeaderLine.class::isInstance)
                .map(VCFInfoHeaderLine.class::cast).toList());
        List<VCFFormatHeaderLine> formats = sortedFormats(headerLines.stream()
                .filter(VCFFormatHeaderLine.class::isInstance).map(VCFFormatHeaderLine.class::cast).toList());
        Schema schema = callsSchema(info, formats);
        Schema genotypeSchema = schema.getField("genotypes").schema().getElementType();
        Map<String, VCFInfoHeaderLine> declared = new TreeMap<>();
        info.forEach(line -> declared.put(line.getID(), line));
        Map<String, String> metadata = new TreeMap<>(dictionary.metadata());
        metadata.put(SAMPLES_KEY, String.join(",", sampleIds));
        writeAtomically(target, schema, metadata, null, writer -> {
            for (VariantCall call : calls) {
                if (call.genotypes().size() != sampleIds.size()) {
                    throw new IllegalArgumentException("a call with " + call.genotypes().size() + " genotypes in a"
                            + " call set of " + sampleIds.size() + " samples");
                }
                writer.write(callRecord(schema, genotypeSchema, info, declared, formats, sampleIds, call));
            }
        });
    }

    private static GenericRecord callRecord(Schema schema, Schema genotypeSchema, List<VCFInfoHeaderLine> info,
                                            Map<String, VCFInfoHeaderLine> declared, List<VCFFormatHeaderLine> formats,
                                            List<String> sampleIds, VariantCall call) {
        for (String key : call.info().keySet()) {
            if (!declared.containsKey(key)) {
                // as htsjdk's VCF writer does: a value without a header line would silently vanish from the file
                throw new IllegalArgumentException("INFO key " + key + " has no header line");
            }
        }
        GenericRecord row = new GenericData.Record(schema);
        row.put("contigName", call.contig());
        row.put("start", (long) call.position() - 1);
        row.put("end", (long) call.end());
        row.put("names", call.ids()); // Glow: the ID column's values
        row.put("referenceAllele", call.ref());
        row.put("alternateAlleles", call.alleles().subList(1, call.alleles().size()));
        row.put("qual", Double.isNaN(call.qual()) ? null : call.qual()); // NaN: no QUAL, as "." in the VCF
        row.put("filters", call.filter().values()); // Glow: one element per failed filter
        row.put("splitFromMultiAllelic", false);
        for (VCFInfoHeaderLine line : info) {
            row.put(INFO_PREFIX + line.getID(), infoValue(line, call.info().get(line.getID())));
        }
        List<GenericRecord> genotypes = new ArrayList<>();
        for (int s = 0; s < sampleIds.size(); s++) {
            Genotype g = call.genotype(s);
            GenericRecord genotype = new GenericData.Record(genotypeSchema);
            genotype.put("sampleId", sampleIds.get(s));
            // -1, -1 for a no-call, as Glow writes ./.; one index for a haploid genotype, as Glow reads GT 1
            genotype.put("calls", java.util.Arrays.stream(g.gt()).boxed().toList());
            genotype.put("phased", false);
            genotype.put("depth", g.dp());
            genotype.put("conditionalQuality", g.gq() >= 0 ? g.gq() : null);
            genotype.put("alleleDepths", g.ad());
            genotype.put("phredLikelihoods", g.pl().isEmpty() ? null : g.pl());
            genotype.put("DNQ", g.dnq() >= 0 ? g.dnq() : null);
            genotype.put("PP", g.pp().isEmpty() ? null : g.pp());
            for (VCFFormatHeaderLine line : formats) {
                genotype.put(line.getID(), infoValue(line, g.format().get(line.getID())));
            }
            genotypes.add(genotype);
        }
        row.put("genotypes", genotypes);
        return row;
    }

    private static List<VCFInfoHeaderLine> sortedByKey(Collection<VCFInfoHeaderLine> lines) {
        return lines.stream().sorted(Comparator.comparing(VCFInfoHeaderLine::getID)).toList();
    }

    private static List<VCFFormatHeaderLine> sortedFormats(Collection<VCFFormatHeaderLine> lines) {
        return lines.stream().sorted(Comparator.comparing(VCFFormatHeaderLine::getID)).toList();
    }

    /**
     * Glow's mapping: Integer → int, Float → double, Flag → boolean, else string; Number other than 1 → array, whose
     * elements may be null as VCF's {@code .} inside a list (one allele of a multi-allelic without a value) and as
     * Spark's {@code array<…>} (containsNull) allow.
     */
    private static Schema infoType(VCFCompoundHeaderLine line) {
        Schema element = Schema.create(switch (line.getType()) {
            case Integer -> Schema.Type.INT;
            case Float -> Schema.Type.DOUBLE;
            case Flag -> Schema.Type.BOOLEAN;
            case String, Character -> Schema.Type.STRING;
        });
        return isList(line) ? Schema.createArray(nullable(element)) : element;
    }

    private static boolean isList(VCFCompoundHeaderLine line) {
        return line.getType() != VCFHeaderLineType.Flag
                && !(line.getCountType() == VCFHeaderLineCount.INTEGER && line.getCount() == 1);
    }

    private static Object infoValue(VCFCompoundHeaderLine line, Object value) {
        if (line.getType() == VCFHeaderLineType.Flag) {
            // a flag's absence is its false
            return value != null && !Boolean.FALSE.equals(value);
        }
        if (value == null || ".".equals(value)) {
            return null;
        }
        if (!isList(line)) {
            return scalar(line, value);
        }
        List<Object> values = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> values.add(scalar(line, v)));
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                values.add(scalar(line, Array.get(value, i)));
            }
        } else if (value instanceof String s) {
            for (String v : s.split(",", -1)) {
                values.add(scalar(line, v));
            }
        } else {
            values.add(scalar(line, value));
        }
        return values;
    }

    /** One value as its column holds it; calls hold numbers as numbers, so text in a numeric field is an error. */
    private static Object scalar(VCFCompoundHeaderLine line, Object value) {
        if (value == null || ".".equals(value)) {
            return null;
        }
        if ((line.getType() == VCFHeaderLineType.Integer || line.getType() == VCFHeaderLineType.Float)
                && !(value instanceof Number)) {
            throw new IllegalArgumentException("INFO " + line.getID() + " is declared " + line.getType()
                    + " but holds " + value.getClass().getSimpleName() + " " + value);
        }
        return switch (line.getType()) {
            case Integer -> ((Number) value).intValue();
            case Float -> ((Number) value).doubleValue();
            case Flag -> Boolean.TRUE;
            case String, Character -> value.toString();
        };
    }

    private static Schema nullable(Schema schema) {
        return Schema.createUnion(Schema.create(Schema.Type.NULL), schema);
    }

    // -------------------------------------------------------------------------------------------- samples

    /** The samples schema: the clear columns, then those of {@link #ENCRYPTED_COLUMNS}, written encrypted. */
    public static Schema samplesSchema() {
        return SchemaBuilder.record("Sample").namespace("gap.parquet").fields()
                .requiredString("sampleId")
                .requiredString("patientPseudonym")
                .optionalString("sex")
                .optionalString("role")
                .optionalString("familyId")
                .optionalString("patientId")
                .optionalString("mrn")
                .optionalString("sampleAlias")
                .endRecord();
    }

    /** The samples schema without the encrypted columns: what a reader without the clinician key may select. */
    public static Schema samplesPlaintextSchema() {
        Schema all = samplesSchema();
        return select(all, all.getFields().stream().map(Schema.Field::name)
                .filter(name -> !ENCRYPTED_COLUMNS.contains(name)).toList());
    }

    /**
     * Writes the rows in the order given, {@code patientId}, {@code mrn} and {@code sampleAlias} encrypted under the clinician column
     * key and the footer in plaintext, signed with the footer key, so tools without a KMS read the other columns.
     * The keys must hold both (the lab's or a clinician's keystore).
     */
    public static void writeSamples(Path target, List<SampleRow> rows, LabKeys keys) {
        keys.footerKey();
        keys.clinicianColumnKey();
        Schema schema = samplesSchema();
        String token = KeyStoreKms.register(keys);
        try {
            writeAtomically(target, schema, Map.of(), partial -> {
                Configuration conf = hadoopConf();
                KeyStoreKms.configure(conf, token);
                conf.set(PropertiesDrivenCryptoFactory.COLUMN_KEYS_PROPERTY_NAME,
                        LabKeys.CLINICIAN_COLUMN + ":" + String.join(",", ENCRYPTED_COLUMNS));
                conf.set(PropertiesDrivenCryptoFactory.FOOTER_KEY_PROPERTY_NAME, LabKeys.FOOTER);
                conf.setBoolean(PropertiesDrivenCryptoFactory.PLAINTEXT_FOOTER_PROPERTY_NAME, true);
                // key material goes into the footer, not a side file that could be separated from the data
                conf.setBoolean("parquet.encryption.key.material.store.internally", true);
                return new PropertiesDrivenCryptoFactory().getFileEncryptionProperties(conf,
                        new org.apache.hadoop.fs.Path(partial.toUri()), null);
            }, writer -> {
                for (SampleRow r : rows) {
                    GenericRecord row = new GenericData.Record(schema);
                    row.put("sampleId", r.sampleId());
                    row.put("patientPseudonym", r.patientPseudonym());
                    row.put("patientId", r.patientId());
                    row.put("mrn", r.mrn());
                    row.put("sampleAlias", r.sampleAlias());
                    row.put("sex", r.sex());
                    row.put("role", r.role());
                    row.put("familyId", r.familyId());
                    writer.write(row);
                }
            });
        } finally {
            KeyStoreKms.unregister(token);
        }
    }

    /**
     * Reads {@code samples.parquet} in file order. Without identifiers, the encrypted columns are not
     * read at all (they come back {@code null}); with them, the keys must hold the clinician column key.
     */
    public static List<SampleRow> readSamples(Path samples, LabKeys keys, boolean withIdentifiers) {
        InputValidator.requireFile(samples, "samples file");
        String name = samples.getFileName().toString();
        keys.footerKey();
        if (withIdentifiers && !keys.has(LabKeys.CLINICIAN_COLUMN)) {
            throw new UserException("the keystore's role (" + keys.role() + ") lacks the clinician column key:"
                    + " identifiers need a clinician's or the lab's keystore");
        }
        String token = KeyStoreKms.register(keys);
        try {
            Configuration conf = hadoopConf();
            KeyStoreKms.configure(conf, token);
            if (!withIdentifiers) {
                AvroReadSupport.setRequestedProjection(conf, samplesPlaintextSchema());
            }
            FileDecryptionProperties decryption = new PropertiesDrivenCryptoFactory()
                    .getFileDecryptionProperties(conf, new org.apache.hadoop.fs.Path(samples.toUri()));
            requireSamplesTable(samples, HadoopReadOptions.builder(conf).withDecryption(decryption).build(),
                    withIdentifiers);
            List<SampleRow> rows = new ArrayList<>();
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(samples))
                    .withDataModel(GenericData.get())
                    .withConf(conf)
                    .withDecryption(decryption)
                    .build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    rows.add(new SampleRow(string(r, "sampleId"), string(r, "patientPseudonym"),
                            string(r, "patientId"), string(r, "mrn"), string(r, "sampleAlias"), string(r, "sex"),
                            string(r, "role"),
                            string(r, "familyId")));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            KeyAccessDeniedException denied = deepest(e);
            if (denied != null) {
                throw new UserException(name + ": " + denied.getMessage(), e);
            }
            throw new UserException(name + " cannot be read as a samples table (" + e.getClass().getSimpleName()
                    + "): give the samples.parquet gap wrote, with a keystore of the lab that wrote it", e);
        } finally {
            KeyStoreKms.unregister(token);
        }
    }

    /**
     * A local Parquet file's reader (its footer first) with parquet's plain configuration: the default options would
     * make a Hadoop Configuration, whose XML defaults take a few hundred milliseconds of CPU to parse on every open.
     */
    public static ParquetFileReader openLocal(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration()).build());
    }

    /** Another Parquet file (calls.parquet, say) would read as rows of nulls: check the columns first. */
    private static void requireSamplesTable(Path samples, ParquetReadOptions options, boolean withIdentifiers)
            throws IOException {
        MessageType schema;
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(samples), options)) {
            schema = footer.getFileMetaData().getSchema();
        }
        Schema expected = withIdentifiers ? samplesSchema() : samplesPlaintextSchema();
        for (Schema.Field field : expected.getFields()) {
            // files of gap before sampleAlias lack it; the column then reads as null
            if (!schema.containsField(field.name()) && !field.name().equals("sampleAlias")) {
                throw new UserException(samples.getFileName() + " has no column " + field.name() + ": give the"
                        + " samples.parquet gap wrote");
            }
        }
    }

    private static String string(GenericRecord record, String field) {
        if (record.getSchema().getField(field) == null) {
            return null;
        }
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    /** Our KMS's own denial sits deepest; parquet-java wraps it in less telling messages. */
    private static KeyAccessDeniedException deepest(Throwable t) {
        KeyAccessDeniedException found = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof KeyAccessDeniedException k) {
                found = k;
            }
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------- plumbing

    private interface Rows {
        void writeTo(ParquetWriter<GenericRecord> writer) throws IOException;
    }

    private interface Encryption {
        FileEncryptionProperties forFile(Path partial);
    }

    /** No site configuration from the machine: the files must not depend on where they are written. */
    private static Configuration hadoopConf() {
        Configuration conf = new Configuration(false);
        // Spark and Glow read the 3-level list form; parquet-avro's default is the legacy 2-level one
        conf.setBoolean(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, false);
        return conf;
    }

    /**
     * Writes a plain table (no encryption) with key-value metadata, atomically and in the layout of our other
     * files (3-level lists, ZSTD, no machine configuration): for tables other modules define, such as summaries.
     */
    public static void writeTable(Path target, Schema schema, Map<String, String> metadata,
                                  Iterable<GenericRecord> records) {
        writeAtomically(target, schema, metadata, null, writer -> {
            for (GenericRecord r : records) {
                writer.write(r);
            }
        });
    }

    private static void writeAtomically(Path target, Schema schema, Map<String, String> metadata,
                                        Encryption encryption, Rows rows) {
        String name = target.getFileName().toString();
        if (!name.endsWith(".parquet")) {
            throw new IllegalArgumentException("output must end in .parquet");
        }
        // hidden: Parquet readers and users skip it, so a write killed part-way leaves nothing that looks complete
        Path partial = target.resolveSibling("." + name.substring(0, name.length() - ".parquet".length()) + PARTIAL);
        boolean done = false;
        try {
            AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(
                            new LocalOutputFile(partial))
                    .withSchema(schema)
                    .withDataModel(GenericData.get())
                    .withConf(hadoopConf())
                    .withCompressionCodec(CODEC)
                    .withExtraMetaData(metadata)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
            if (encryption != null) {
                builder = builder.withEncryption(encryption.forFile(partial));
            }
            try (ParquetWriter<GenericRecord> writer = builder.build()) {
                rows.writeTo(writer);
            }
            if (encryption == null) {
                ParquetFooters.canonicalise(partial);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name, e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the write already failed; that error is the one to report
                }
            }
        }
    }
}
