package gap.core.cnv;

import gap.core.GapVersion;
import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.model.Sex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Takes a {@link PanelOfNormals}, gives {@code panel.parquet} (one row per bin in genome order: contig, 1-based start
 * and end, GC, median, spread, MAPQ-0 and ambiguous shares, mean MAPQ, mask), its settings and the normals'
 * pseudonyms and sexes in the metadata with the reference dictionary; and reads one back. Written atomically.
 */
public final class PanelTable {
    static final String FORMAT = "gap.cnv.panel.format";
    static final String BIN_SIZE = "gap.cnv.panel.binSize";
    static final String TYPICAL_DEPTH = "gap.cnv.panel.typicalDepth";
    static final String MIN_MAPQ = "gap.cnv.panel.minMappingQuality";
    static final String NORMALS = "gap.cnv.panel.normals";
    static final String COLUMNS = "gap.cnv.panel.columns";
    private static final String WHAT_TO_DO = "give a panel written by gap cnv-panel";

    static final Schema SCHEMA = SchemaBuilder.record("PanelBin").namespace("gap.parquet").fields()
            .requiredString("contig")
            .requiredLong("start")
            .requiredLong("end")
            .optionalDouble("gc")
            .optionalDouble("median")
            .optionalDouble("spread")
            .requiredDouble("mapq0Fraction")
            .requiredDouble("ambiguousFraction")
            .optionalDouble("meanMapq")
            .requiredString("mask")
            .endRecord();

    private PanelTable() {}

    public static void write(Path target, PanelOfNormals panel) {
        List<GenericRecord> rows = new ArrayList<>();
        for (PanelOfNormals.Contig c : panel.contigs()) {
            for (int b = 0; b < c.bins(); b++) {
                GenericRecord r = new GenericData.Record(SCHEMA);
                r.put("contig", c.name());
                r.put("start", (long) Bins.start(panel.binSize(), b));
                r.put("end", (long) Bins.end(c.length(), panel.binSize(), b));
                r.put("gc", finite(c.gc()[b]));
                r.put("median", finite(c.median()[b]));
                r.put("spread", finite(c.spread()[b]));
                r.put("mapq0Fraction", c.mapq0Fraction()[b]);
                r.put("ambiguousFraction", c.ambiguousFraction()[b]);
                r.put("meanMapq", finite(c.meanMapq()[b]));
                r.put("mask", c.mask()[b].name());
                rows.add(r);
            }
        }
        ParquetSink.writeTable(target, SCHEMA, metadata(panel), rows);
    }

    private static Map<String, String> metadata(PanelOfNormals panel) {
        Map<String, String> m = new TreeMap<>(panel.dictionary().metadata());
        m.put(FORMAT, "1");
        m.put("gap.version", GapVersion.get());
        m.put(BIN_SIZE, Integer.toString(panel.binSize()));
        m.put(TYPICAL_DEPTH, Double.toString(panel.typicalDepth()));
        m.put(MIN_MAPQ, Integer.toString(panel.minMappingQuality()));
        List<String> normals = new ArrayList<>();
        for (PanelOfNormals.Normal n : panel.normals()) {
            normals.add(n.pseudonym() + ":" + n.sex().word());
        }
        m.put(NORMALS, String.join(",", normals));
        m.put(COLUMNS, "median: the normals' reads per bin where two copies are present, over the typical autosomal"
                + " bin, after GC correction; spread: robust SD of their log2 ratios to it; mask: why a bin is not"
                + " called (NONE: usable)");
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Reads a panel; a file that is not one, or of another reference, is one line. */
    public static PanelOfNormals read(Path source) {
        InputValidator.requireFile(source, "panel of normals");
        String name = "the panel of normals";
        Map<String, String> meta;
        try (ParquetFileReader footer = ParquetSink.openLocal(source)) {
            meta = footer.getFileMetaData().getKeyValueMetaData();
        } catch (IOException | RuntimeException e) {
            throw new UserException(name + " cannot be read as Parquet (" + e.getClass().getSimpleName() + "): "
                    + WHAT_TO_DO, e);
        }
        if (!"1".equals(meta.get(FORMAT))) {
            throw new UserException(name + " is not a gap panel of normals (format 1): " + WHAT_TO_DO);
        }
        ReferenceDictionary dictionary = ReferenceDictionary.fromMetadata(meta, name, WHAT_TO_DO);
        int binSize;
        double typical;
        int minMapq;
        List<PanelOfNormals.Normal> normals = new ArrayList<>();
        try {
            binSize = Integer.parseInt(meta.get(BIN_SIZE));
            typical = Double.parseDouble(meta.get(TYPICAL_DEPTH));
            minMapq = Integer.parseInt(meta.get(MIN_MAPQ));
            for (String n : meta.get(NORMALS).split(",")) {
                int colon = n.lastIndexOf(':');
                normals.add(new PanelOfNormals.Normal(n.substring(0, colon), Sex.parse(n.substring(colon + 1))));
            }
        } catch (RuntimeException e) {
            throw new UserException(name + " has malformed settings in its metadata: " + WHAT_TO_DO, e);
        }
        return new PanelOfNormals(dictionary, binSize, typical, minMapq, normals, rows(source, dictionary, binSize));
    }

    private static List<PanelOfNormals.Contig> rows(Path source, ReferenceDictionary dictionary, int binSize) {
        List<PanelOfNormals.Contig> contigs = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(source),
                new PlainParquetConfiguration()).withDataModel(GenericData.get()).build()) {
            GenericRecord r = reader.read();
            for (ReferenceDictionary.Contig rc : dictionary.contigs()) {
                int length = (int) rc.length();
                int n = Bins.count(length, binSize);
                double[][] v = new double[6][n];
                PanelOfNormals.Mask[] mask = new PanelOfNormals.Mask[n];
                for (int b = 0; b < n; b++) {
                    if (r == null || !rc.name().equals(r.get("contig").toString())
                            || (long) r.get("start") != Bins.start(binSize, b)) {
                        throw new UserException("the panel of normals is missing bins of " + rc.name() + ": "
                                + WHAT_TO_DO);
                    }
                    String[] fields = {"gc", "median", "spread", "mapq0Fraction", "ambiguousFraction", "meanMapq"};
                    for (int f = 0; f < fields.length; f++) {
                        Object o = r.get(fields[f]);
                        v[f][b] = o == null ? Double.NaN : (Double) o;
                    }
                    mask[b] = PanelOfNormals.Mask.valueOf(r.get("mask").toString());
                    r = reader.read();
                }
                contigs.add(new PanelOfNormals.Contig(rc.name(), length, v[0], v[1], v[2], v[3], v[4], v[5], mask));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException ue) {
                throw ue;
            }
            throw new UserException("the panel of normals has a malformed row (" + e.getClass().getSimpleName()
                    + "): " + WHAT_TO_DO, e);
        }
        return contigs;
    }
}
