package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gap.core.SampleData;
import gap.core.UserException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceDictionaryTest {
    @Test
    void theSampleReferenceGivesItsDictLinesAndAStableDigest() {
        ReferenceDictionary d = ReferenceDictionary.of(InputValidator.checkReference(SampleData.file("ref.fa")));
        assertEquals("chr22_20_21M\t1000000\t05a352ea48c23662e7d72e1614f88da7\nchrM\t16569\t6d0d60accc58965264a8c4ca5e7750f9\n",
                d.text());
        assertEquals(d, ReferenceDictionary.parse(d.text()));
        assertEquals(d.digest(), ReferenceDictionary.parse(d.text()).digest());
        assertEquals(71, d.digest().length(), "sha256: and 64 hex digits");
        assertEquals(Map.of("chr22_20_21M", 0, "chrM", 1), d.indexes());
    }

    @Test
    void anotherLengthMd5OrOrderIsAnotherDigest() {
        ReferenceDictionary d = ParquetFixtures.dictionary();
        List<ReferenceDictionary.Contig> c = d.contigs();
        ReferenceDictionary.Contig m = c.get(1);
        for (ReferenceDictionary other : List.of(
                new ReferenceDictionary(List.of(c.get(0), new ReferenceDictionary.Contig("chrM", 16_571, m.md5()))),
                new ReferenceDictionary(List.of(c.get(0), new ReferenceDictionary.Contig("chrM", 16_569, null))),
                new ReferenceDictionary(List.of(m, c.get(0))),
                new ReferenceDictionary(List.of(c.get(0))))) {
            assertNotEquals(d.digest(), other.digest(), other.text());
        }
    }

    @Test
    void metadataWithoutOrWithAnAlteredDictionaryIsOneLine() {
        ReferenceDictionary d = ParquetFixtures.dictionary();
        assertEquals(d, ReferenceDictionary.fromMetadata(d.metadata(), "x.parquet", "do this"));
        assertEquals("x.parquet has no reference dictionary in its metadata: do this", assertThrows(UserException.class,
                () -> ReferenceDictionary.fromMetadata(Map.of(), "x.parquet", "do this")).getMessage());
        Map<String, String> altered = new HashMap<>(d.metadata());
        altered.put(ReferenceDictionary.CONTIGS_KEY, "chr22\t51304566\n");
        assertEquals("x.parquet: its reference dictionary does not match its digest (the file was altered): do this",
                assertThrows(UserException.class, () -> ReferenceDictionary.fromMetadata(altered, "x.parquet",
                        "do this")).getMessage());
    }
}
