package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.federation.SummaryInfo;
import gap.core.federation.SummaryRow;
import gap.core.federation.SummaryTable;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.privacy.LeakScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap aggregate} and {@code gap aggregate merge} on the trio's calls.parquet, and {@code gap call --population}:
 * the split/merge algebra, default suppression, no identifier or pseudonym in any summary, refusals in one line.
 */
class AggregateCommandTest {
    @TempDir
    static Path tmp;
    static Path trio;

    @BeforeAll
    static void callTheTrio() {
        Path out = tmp.resolve("trio");
        assertEquals(0, Main.run(withKeys("call", "-R", SampleData.file("ref.fa").toString(), "--sample-sheet",
                SampleData.file("samplesheet.tsv").toString(), "-O", out.toString(), "-L", "chrM", "-L",
                "chr22_20_21M:100001-140000")));
        trio = out.resolve("calls.parquet");
    }

    private static String[] withKeys(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TestKeys.options(tmp.resolve("keys")));
        return all.toArray(String[]::new);
    }

    private static int gap(String... args) {
        return Main.run(args);
    }

    private static Path path(String name) {
        return tmp.resolve(name);
    }

    /** The trio's calls.parquet rows in file order, with the file's schema and gap's metadata. */
    private record Calls(Schema schema, Map<String, String> metadata, List<GenericRecord> rows) {}

    private static Calls read(Path calls) throws IOException {
        Map<String, String> metadata = new TreeMap<>();
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(calls))) {
            footer.getFileMetaData().getKeyValueMetaData().forEach((k, v) -> {
                if (k.startsWith("gap.")) {
                    metadata.put(k, v);
                }
            });
        }
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(calls),
                new PlainParquetConfiguration()).withDataModel(GenericData.get()).build()) {
            for (GenericRecord rec = r.read(); rec != null; rec = r.read()) {
                rows.add(rec);
            }
        }
        return new Calls(rows.get(0).getSchema(), metadata, rows);
    }

    @Test
    void mergingTheSummariesOfAnySplitOfTheTriosRowsGivesTheSummaryOfAllOfThem() throws IOException {
        Calls calls = read(trio);
        assertTrue(calls.rows().size() > 20, "enough rows to split: " + calls.rows().size());
        assertEquals(0, gap("aggregate", "-I", trio.toString(), "-O", path("whole.parquet").toString(),
                "--site-id", "UZL", "--min-count", "0"));
        List<SummaryRow> whole = SummaryTable.readAll(path("whole.parquet"));
        assertTrue(whole.stream().noneMatch(SummaryRow::suppressed));
        for (int seed = 0; seed < 3; seed++) {
            Random rnd = new Random(seed);
            List<GenericRecord> a = new ArrayList<>();
            List<GenericRecord> b = new ArrayList<>();
            calls.rows().forEach(r -> (rnd.nextBoolean() ? a : b).add(r));
            Path callsA = path("a" + seed + "/calls.parquet");
            Path callsB = path("b" + seed + "/calls.parquet");
            Files.createDirectories(callsA.getParent());
            Files.createDirectories(callsB.getParent());
            ParquetSink.writeTable(callsA, calls.schema(), calls.metadata(), a);
            ParquetSink.writeTable(callsB, calls.schema(), calls.metadata(), b);
            Path siteA = path("site-a" + seed + ".parquet");
            Path siteB = path("site-b" + seed + ".parquet");
            assertEquals(0, gap("aggregate", "-I", callsA.toString(), "-O", siteA.toString(), "--site-id", "A",
                    "--for-merge"));
            assertEquals(0, gap("aggregate", "-I", callsB.toString(), "-O", siteB.toString(), "--site-id", "B",
                    "--for-merge"));
            Path network = path("network" + seed + ".parquet");
            assertEquals(0, gap("aggregate", "merge", "-I", siteA.toString(), "-I", siteB.toString(), "-O",
                    network.toString(), "--min-count", "0"));
            assertEquals(whole, SummaryTable.readAll(network), "seed " + seed);
            assertEquals(List.of("A", "B"), SummaryTable.info(network).sites());
        }
    }

    @Test
    void byDefaultNoReleasedCountIsBelowFiveAndSuppressedRowsAreFlaggedWithoutCounts() {
        Path site = path("site-default.parquet");
        assertEquals(0, gap("aggregate", "-I", trio.toString(), "-O", site.toString(), "--site-id", "UZL"));
        List<SummaryRow> rows = SummaryTable.readAll(site);
        assertFalse(rows.isEmpty());
        for (SummaryRow r : rows) {
            if (r.suppressed()) {
                assertNull(r.alleleCount());
                assertNull(r.alleleNumber());
                assertNull(r.homAltCount());
                assertNull(r.calledSamples());
            } else {
                for (Long n : List.of(r.alleleCount(), r.alleleNumber(), r.calledSamples())) {
                    assertTrue(n >= 5, r.toString());
                }
            }
        }
        assertTrue(rows.stream().allMatch(SummaryRow::suppressed), "three samples are fewer than five people");
        SummaryInfo info = SummaryTable.info(site);
        assertEquals(3, info.samples());
        assertEquals(5, info.suppression().minCount());
    }

    @Test
    void noIdentifierNorPseudonymInAnySummaryNorInWhatGapPrinted() throws IOException {
        List<String> identifiers = new ArrayList<>(List.of("GAP-"));
        List<String> lines = Files.readAllLines(SampleData.file("samplesheet.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            identifiers.addAll(List.of(f[0], f[1], f[2], f[3]));
        }
        Path dir = Files.createDirectories(path("leak"));
        List<Cli.Result> runs = List.of(
                Cli.run("aggregate", "-I", trio.toString(), "-O", dir.resolve("site.parquet").toString(),
                        "--site-id", "UZL"),
                Cli.run("aggregate", "-I", trio.toString(), "-O", dir.resolve("for-merge.parquet").toString(),
                        "--site-id", "UZL", "--for-merge", "--debug"),
                Cli.run("aggregate", "merge", "-I", dir.resolve("for-merge.parquet").toString(), "-O",
                        dir.resolve("network.parquet").toString(), "--min-count", "0"));
        LeakScanner scanner = new LeakScanner(identifiers);
        for (Cli.Result r : runs) {
            assertEquals(0, r.exitCode(), r.stderr());
            scanner.scanText("stdout", r.stdout()).scanText("stderr", r.stderr());
        }
        scanner.scanTree(dir);
        assertEquals(List.of(), scanner.hits());
        assertTrue(LeakScanner.parquetValues(dir.resolve("network.parquet")).contains("alleleCount"),
                "the scan read the rows");
    }

    @Test
    void summariesOfAnotherReferenceAreOneLineAndExitTwo() throws IOException {
        Calls calls = read(trio);
        Map<String, String> metadata = new TreeMap<>(calls.metadata());
        ReferenceDictionary hg19 = ReferenceDictionary.parse(metadata.get(ReferenceDictionary.CONTIGS_KEY)
                .replace("chrM\t16569", "chrM\t16571"));
        metadata.putAll(hg19.metadata());
        Path other = Files.createDirectories(path("other")).resolve("calls.parquet");
        ParquetSink.writeTable(other, calls.schema(), metadata, calls.rows());
        Path mine = path("mine.parquet");
        Path theirs = path("theirs.parquet");
        assertEquals(0, gap("aggregate", "-I", trio.toString(), "-O", mine.toString(), "--site-id", "UZL",
                "--for-merge"));
        assertEquals(0, gap("aggregate", "-I", other.toString(), "-O", theirs.toString(), "--site-id", "UZA",
                "--for-merge"));
        Cli.Result r = Cli.run("aggregate", "merge", "-I", mine.toString(), "-I", theirs.toString(), "-O",
                path("refused.parquet").toString());
        assertEquals(2, r.exitCode());
        assertEquals(List.of("gap aggregate merge: error: [summary 2] was summarised against another reference"
                + " than [summary 1] (their reference dictionaries differ): merge summaries of one reference"),
                r.stderrLines());
        assertFalse(Files.exists(path("refused.parquet")));

        Cli.Result released = Cli.run("aggregate", "merge", "-I", mine.toString(), "-I",
                path("site-default.parquet").toString(), "-O", path("refused.parquet").toString());
        assertEquals(2, released.exitCode());
        Cli.Result usage = Cli.run("aggregate", "-O", path("x.parquet").toString());
        assertEquals(2, usage.exitCode());
        assertTrue(usage.stderr().startsWith("gap aggregate: error: gap aggregate needs -I, -O and --site-id"),
                usage.stderr());
        assertEquals(1, usage.stderrLines().size(), usage.stderr());
    }

    @Test
    void callWithAPopulationSummaryAnnotatesEachAltWithItsCounts() throws IOException {
        Path exact = path("pop-exact.parquet");
        Path network = path("pop-network.parquet");
        assertEquals(0, gap("aggregate", "-I", trio.toString(), "-O", exact.toString(), "--site-id", "UZL",
                "--for-merge"));
        assertEquals(0, gap("aggregate", "merge", "-I", exact.toString(), "-O", network.toString(), "--min-count",
                "1"));
        Map<String, SummaryRow> byAllele = new TreeMap<>();
        for (SummaryRow r : SummaryTable.readAll(network)) {
            byAllele.put(r.key().start() + 1 + ":" + r.key().referenceAllele() + ">" + r.key().alternateAllele(), r);
        }
        Path out = path("annotated");
        assertEquals(0, gap(withKeys("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                SampleData.file("trio1_child.bam").toString(), "-O", out.toString(), "-L", "chrM", "--population",
                network.toString())));
        Path vcf;
        try (var files = Files.list(out)) {
            vcf = files.filter(p -> p.toString().endsWith(".vcf.gz")).findFirst().orElseThrow();
        }
        String text = CallCommandTest.vcfText(vcf);
        assertTrue(text.contains("##INFO=<ID=POP_AC,Number=A,Type=Integer,"), text.substring(0, 2000));
        assertTrue(text.contains("##INFO=<ID=POP_SUPPRESSED,Number=A,Type=Integer,"));
        Pattern record = Pattern.compile("(?m)^chrM\t(\\d+)\t\\.\t(\\w+)\t([\\w,]+)\t\\S+\t(\\w+)\t(\\S+)\t");
        Matcher m = record.matcher(text);
        int annotated = 0;
        while (m.find()) {
            String[] alts = m.group(3).split(",");
            SummaryRow row = byAllele.get(m.group(1) + ":" + m.group(2) + ">" + alts[0]);
            if (!m.group(4).equals("PASS") || alts.length > 1) {
                continue;
            }
            assertTrue(row != null, "every PASS call of the child is in the trio's summary: " + m.group());
            assertTrue(m.group(5).contains("POP_AC=" + row.alleleCount() + ";"), m.group());
            assertTrue(m.group(5).contains("POP_AN=" + row.alleleNumber() + ";"), m.group());
            assertTrue(m.group(5).contains("POP_SUPPRESSED=0"), m.group());
            annotated++;
        }
        assertTrue(annotated >= 5, "annotated " + annotated);
        Calls annotatedCalls = read(out.resolve("calls.parquet"));
        assertTrue(annotatedCalls.rows().stream().anyMatch(r -> r.get("INFO_POP_AC") != null));

        Cli.Result forMerge = Cli.run(withKeys("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                SampleData.file("trio1_child.bam").toString(), "-O", path("refused-call").toString(), "-L", "chrM",
                "--population", exact.toString()));
        assertEquals(2, forMerge.exitCode());
        assertTrue(forMerge.stderrLines().size() == 1 && forMerge.stderr().contains("gap call: error: [population] holds"
                + " exact counts exported for a merge"), forMerge.stderr()); // named by its role, never its file name
    }
}
