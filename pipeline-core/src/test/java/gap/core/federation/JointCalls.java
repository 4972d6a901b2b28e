package gap.core.federation;

import gap.core.io.ParquetFixtures;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * calls.parquet files whose rows hold several samples' genotypes, as joint calling will write them (gap call writes
 * one sample per row today): random multi-allelic rows with missing and partial genotypes, and a writer for them.
 */
public final class JointCalls {
    /** One row: where, alleles, filter, and per sample its two allele indexes (-1 = not called). */
    public record Row(String contig, long start, List<String> alleles, String filter, List<int[]> genotypes) {}

    public static final List<String> SAMPLES = List.of("GAP-S0000000000A", "GAP-S0000000000B", "GAP-S0000000000C",
            "GAP-S0000000000D", "GAP-S0000000000E", "GAP-S0000000000F", "GAP-S0000000000G", "GAP-S0000000000H");

    private JointCalls() {}

    /**
     * {@code n} rows in genome order over chr22 and chrM with a few alleles each, shared positions included (another
     * REF at the same start), so that sums from different rows meet on one key.
     */
    public static List<Row> random(long seed, int n) {
        Random rnd = new Random(seed);
        List<List<String>> shapes = List.of(List.of("A", "G"), List.of("A", "G", "T"), List.of("CTT", "C", "CT"),
                List.of("CT", "C"), List.of("A", "*", "G"), List.of("G", "GA"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String contig = i < n / 2 ? "chr22" : "chrM";
            long start = 1000 + (i % (n / 2)) / 2 * 10L;
            List<String> alleles = shapes.get(rnd.nextInt(shapes.size()));
            String filter = rnd.nextInt(10) == 0 ? "LowQual" : "PASS";
            List<int[]> genotypes = new ArrayList<>();
            for (int s = 0; s < SAMPLES.size(); s++) {
                int a = rnd.nextInt(alleles.size() + 1) - 1;
                int b = rnd.nextInt(alleles.size() + 1) - 1;
                if (rnd.nextInt(3) > 0) {
                    a = Math.max(a, 0); // mostly called, often hom-ref
                    b = Math.max(b, 0);
                }
                genotypes.add(new int[] {Math.min(a, b), Math.max(a, b)});
            }
            rows.add(new Row(contig, start, alleles, filter, genotypes));
        }
        return rows;
    }

    public static CallsRow callsRow(Row row) {
        List<List<Integer>> calls = row.genotypes().stream().map(g -> List.of(g[0], g[1])).toList();
        return new CallsRow(row.contig(), row.start(), row.alleles().get(0), row.alleles().subList(1,
                row.alleles().size()), Filters.fromValues(List.of(row.filter())), calls);
    }

    /** Writes rows in calls.parquet's schema and metadata, every sample in every row. */
    public static Path write(Path target, List<Row> rows, ReferenceDictionary dictionary, List<String> samples) {
        Schema schema = ParquetSink.callsSchema(List.of());
        Schema genotypeSchema = schema.getField("genotypes").schema().getElementType();
        List<GenericRecord> records = new ArrayList<>();
        for (Row row : rows) {
            GenericRecord r = new GenericData.Record(schema);
            r.put("contigName", row.contig());
            r.put("start", row.start());
            r.put("end", row.start() + row.alleles().get(0).length());
            r.put("names", List.of());
            r.put("referenceAllele", row.alleles().get(0));
            r.put("alternateAlleles", row.alleles().subList(1, row.alleles().size()));
            r.put("qual", 50.0);
            r.put("filters", List.of(row.filter()));
            r.put("splitFromMultiAllelic", false);
            List<GenericRecord> genotypes = new ArrayList<>();
            for (int s = 0; s < row.genotypes().size(); s++) {
                GenericRecord g = new GenericData.Record(genotypeSchema);
                g.put("sampleId", samples.get(s));
                g.put("calls", List.of(row.genotypes().get(s)[0], row.genotypes().get(s)[1]));
                g.put("phased", false);
                genotypes.add(g);
            }
            r.put("genotypes", genotypes);
            records.add(r);
        }
        Map<String, String> metadata = new TreeMap<>(dictionary.metadata());
        metadata.put(ParquetSink.SAMPLES_KEY, String.join(",", samples));
        ParquetSink.writeTable(target, schema, metadata, records);
        return target;
    }

    public static Path write(Path target, List<Row> rows) {
        return write(target, rows, ParquetFixtures.dictionary(), SAMPLES);
    }
}
