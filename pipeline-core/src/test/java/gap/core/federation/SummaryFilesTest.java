package gap.core.federation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import gap.core.io.ParquetFixtures;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Summaries as files: their metadata, their determinism, and the inputs gap aggregate refuses in one line. */
class SummaryFilesTest {
    @TempDir
    Path dir;

    private Path calls(String name, List<JointCalls.Row> rows, List<String> samples) {
        return JointCalls.write(dir.resolve(name), rows, ParquetFixtures.dictionary(), samples);
    }

    private static Map<String, String> metadata(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getFileMetaData().getKeyValueMetaData();
        }
    }

    @Test
    void metadataHoldsSitesSamplesParametersDictionaryAndWhatAnMeans() throws IOException {
        Path c = calls("calls.parquet", JointCalls.random(1, 40), JointCalls.SAMPLES);
        Path out = dir.resolve("site.parquet");
        SummaryInfo info = SiteSummary.write(List.of(c), "UZL", new Suppression(5, 10), out);
        assertEquals(new SummaryInfo(List.of("UZL"), 8, new Suppression(5, 10), ParquetFixtures.dictionary()), info);
        assertEquals(info, SummaryTable.info(out));
        Map<String, String> m = metadata(out);
        assertEquals("UZL", m.get("gap.summary.sites"));
        assertEquals("8", m.get("gap.summary.samples"));
        assertEquals("5", m.get("gap.summary.min-count"));
        assertEquals("10", m.get("gap.summary.min-an"));
        assertEquals("false", m.get("gap.summary.for-merge"));
        assertEquals(ParquetFixtures.dictionary().digest(), m.get("gap.reference.dictionary"));
        assertTrue(m.get("gap.summary.allele-number").startsWith("a lower bound"), m.toString());
        assertTrue(m.get("gap.summary.suppression").startsWith("min-count=5 min-an=10: a row is suppressed"));

        SiteSummary.write(List.of(c), "UZL", null, out);
        m = metadata(out);
        assertEquals("true", m.get("gap.summary.for-merge"));
        assertFalse(m.containsKey("gap.summary.min-count"));
        assertTrue(m.get("gap.summary.suppression").contains("never publish"));
    }

    @Test
    void theSameCallsGiveTheSameBytesWhateverTheInputOrder() throws IOException {
        List<JointCalls.Row> rows = JointCalls.random(5, 60);
        Path a = calls("a.parquet", rows.subList(0, 30), JointCalls.SAMPLES.subList(0, 8));
        Path b = JointCalls.write(dir.resolve("b.parquet"), rows.subList(30, 60), ParquetFixtures.dictionary(),
                List.of("GAP-S0000000000I", "GAP-S0000000000J", "GAP-S0000000000K", "GAP-S0000000000L",
                        "GAP-S0000000000M", "GAP-S0000000000N", "GAP-S0000000000O", "GAP-S0000000000P"));
        SiteSummary.write(List.of(a, b), "UZL", new Suppression(5, 0), dir.resolve("ab.parquet"));
        SiteSummary.write(List.of(b, a), "UZL", new Suppression(5, 0), dir.resolve("ba.parquet"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("ab.parquet")), Files.readAllBytes(dir.resolve("ba.parquet")));
        assertEquals(16, SummaryTable.info(dir.resolve("ab.parquet")).samples());

        SiteSummary.write(List.of(a), "UZA", null, dir.resolve("uza.parquet"));
        SiteSummary.write(List.of(b), "UZL", null, dir.resolve("uzl.parquet"));
        NetworkMerge.write(List.of(dir.resolve("uza.parquet"), dir.resolve("uzl.parquet")), new Suppression(5, 0),
                dir.resolve("n1.parquet"));
        NetworkMerge.write(List.of(dir.resolve("uzl.parquet"), dir.resolve("uza.parquet")), new Suppression(5, 0),
                dir.resolve("n2.parquet"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("n1.parquet")), Files.readAllBytes(dir.resolve("n2.parquet")));
        SummaryInfo network = SummaryTable.info(dir.resolve("n1.parquet"));
        assertEquals(List.of("UZA", "UZL"), network.sites());
        assertEquals(16, network.samples());
    }

    @Test
    void noGenotypeSampleIdOrPseudonymReachesASummary() throws IOException {
        Path c = calls("calls.parquet", JointCalls.random(2, 40), JointCalls.SAMPLES);
        for (Suppression s : new Suppression[] {new Suppression(5, 0), null}) {
            Path out = dir.resolve("s.parquet");
            SiteSummary.write(List.of(c), "UZL", s, out);
            String bytes = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("GAP-"), "no pseudonym, in data, statistics or metadata");
            assertEquals(List.of("contigName", "start", "end", "referenceAllele", "alternateAllele", "suppressed",
                    "alleleCount", "alleleNumber", "alleleFrequency", "homAltCount", "calledSamples"),
                    SummaryTable.schema().getFields().stream().map(f -> f.name()).toList(), "no genotype column");
        }
    }

    @Test
    void refusedInputsAreOneLine() throws IOException {
        List<JointCalls.Row> rows = JointCalls.random(4, 20);
        Path c = calls("calls.parquet", rows, JointCalls.SAMPLES);
        ReferenceDictionary other = new ReferenceDictionary(List.of(
                new ReferenceDictionary.Contig("chr22", 51_304_566, null),
                new ReferenceDictionary.Contig("chrM", 16_571, null)));
        Path hg19 = JointCalls.write(dir.resolve("hg19.parquet"), rows, other, JointCalls.SAMPLES);
        Path out = dir.resolve("out.parquet");
        assertEquals("hg19.parquet was called against another reference than calls.parquet (their reference"
                        + " dictionaries differ): aggregate calls of one reference together",
                assertThrows(UserException.class, () -> SiteSummary.write(List.of(c, hg19), "UZL", null, out))
                        .getMessage());
        assertEquals("calls.parquet (input 2) holds 8 sample(s) already counted from calls.parquet (input 1): give"
                        + " each sample's calls once",
                assertThrows(UserException.class, () -> SiteSummary.write(List.of(c, c), "UZL", null, out))
                        .getMessage());
        assertTrue(assertThrows(UserException.class, () -> SiteSummary.write(List.of(c), "U Z,L", null, out))
                .getMessage().startsWith("site id must be"));

        Path a = dir.resolve("a.parquet");
        Path b = dir.resolve("b.parquet");
        Path released = dir.resolve("released.parquet");
        SiteSummary.write(List.of(c), "UZA", null, a);
        SiteSummary.write(List.of(hg19), "UZL", null, b);
        SiteSummary.write(List.of(c), "UZG", new Suppression(5, 0), released);
        assertEquals("b.parquet was summarised against another reference than a.parquet (their reference dictionaries"
                        + " differ): merge summaries of one reference",
                assertThrows(UserException.class, () -> NetworkMerge.write(List.of(a, b), null, out)).getMessage());
        assertEquals("released.parquet holds suppressed counts: a merge needs each site's exact counts, exported"
                        + " with gap aggregate --for-merge for a merge the site trusts",
                assertThrows(UserException.class, () -> NetworkMerge.write(List.of(a, released), null, out))
                        .getMessage());
        assertEquals("site UZA is in both a.parquet (input 1) and a.parquet (input 2): give each"
                        + " site's counts once",
                assertThrows(UserException.class, () -> NetworkMerge.write(List.of(a, a), null, out)).getMessage());
        assertEquals("calls.parquet is not a summary written by gap aggregate: give the output of gap aggregate or"
                + " gap aggregate merge", assertThrows(UserException.class,
                        () -> NetworkMerge.write(List.of(c), null, out)).getMessage());
        assertFalse(Files.exists(out));

        Path old = dir.resolve("old.parquet");
        ParquetSink.writeTable(old, ParquetSink.callsSchema(List.of()), Map.of(), List.of());
        assertEquals("old.parquet has no reference dictionary in its metadata: call it again with this gap, which"
                + " records it", assertThrows(UserException.class,
                        () -> SiteSummary.write(List.of(old), "UZL", null, out)).getMessage());
    }
}
