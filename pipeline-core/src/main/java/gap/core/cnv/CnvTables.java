package gap.core.cnv;

import gap.core.GapVersion;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Takes the run's copy-number results, gives {@code cnv.tsv} and {@code cnv.parquet}: one row per segment of each
 * sample (neutral ones too, {@code reported} false), in sample then genome order, with the sample's pseudonym, the
 * segment's span (1-based, inclusive), SV type ({@code DEL}, {@code DUP} or {@code NEUTRAL}), copies and expected
 * copies, mosaic fraction, mean copies over cells, CNQ, log2 ratio, bins, heterozygous calls and their minor allele
 * fraction, whether it spans the whole contig, and the arm ({@code p} or {@code q}) it spans whole, if any.
 */
public final class CnvTables {
    public static final String TSV = "cnv.tsv";
    public static final String PARQUET = "cnv.parquet";
    static final String[] COLUMNS = {"sample", "contig", "start", "end", "svType", "copies", "expectedCopies",
        "mosaicFraction", "meanCopies", "cnq", "log2Ratio", "bins", "hets", "baf", "wholeContig", "wholeArm",
        "reported"};

    static final Schema SCHEMA = SchemaBuilder.record("CopyNumberSegment").namespace("gap.parquet").fields()
            .requiredString("sample").requiredString("contig").requiredLong("start").requiredLong("end")
            .requiredString("svType").requiredInt("copies").requiredInt("expectedCopies")
            .requiredDouble("mosaicFraction").requiredDouble("meanCopies").requiredDouble("cnq")
            .requiredDouble("log2Ratio").requiredInt("bins").requiredInt("hets").optionalDouble("baf")
            .requiredBoolean("wholeContig").optionalString("wholeArm").requiredBoolean("reported").endRecord();

    private CnvTables() {}

    public static String tsv(List<CnvResult> results) {
        StringBuilder out = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (CnvResult r : results) {
            for (CnvSegment s : r.segments()) {
                Object[] v = values(r.sample(), s);
                for (int i = 0; i < v.length; i++) {
                    out.append(i == 0 ? "" : "\t").append(text(v[i]));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    public static void writeParquet(Path target, List<CnvResult> results, ReferenceDictionary dictionary) {
        List<GenericRecord> rows = new ArrayList<>();
        for (CnvResult r : results) {
            for (CnvSegment s : r.segments()) {
                Object[] v = values(r.sample(), s);
                GenericRecord rec = new GenericData.Record(SCHEMA);
                for (int i = 0; i < COLUMNS.length; i++) {
                    rec.put(COLUMNS[i], v[i] instanceof Double d && !Double.isFinite(d) ? null : v[i]);
                }
                rows.add(rec);
            }
        }
        Map<String, String> meta = new TreeMap<>(dictionary.metadata());
        meta.put("gap.version", GapVersion.get());
        meta.put("gap.cnv.columns", "one row per segment; start and end 1-based inclusive; copies in the cells"
                + " carrying the change, mosaicFraction the share of cells that do; cnq phred; baf the minor allele"
                + " fraction of the heterozygous SNV calls");
        ParquetSink.writeTable(target, SCHEMA, meta, rows);
    }

    private static Object[] values(String sample, CnvSegment s) {
        CopyState st = s.state();
        return new Object[] {sample, s.contig(), (long) s.start(), (long) s.end(),
            s.svType() == null ? "NEUTRAL" : s.svType(), st.copies(), st.expected(), round(st.fraction(), 2),
            round(st.meanCopies(), 2), round(s.quality(), 2), round(s.meanLog2(), 4), s.bins(), s.hets(),
            round(s.minorAlleleFraction(), 3), s.wholeContig(), s.wholeArm(), s.isEvent()};
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%s", d) : "NA";
        }
        return v == null ? "NA" : String.valueOf(v);
    }
}
