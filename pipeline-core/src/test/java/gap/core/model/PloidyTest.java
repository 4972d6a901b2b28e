package gap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copies by sex, contig and PAR, with the GRCh37 and GRCh38 PARs told apart by contig length (GRC coordinates). */
class PloidyTest {
    private static Map<String, Long> contigs(String x, long xLength, String y, long yLength) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("chr1", 248_956_422L);
        m.put(x, xLength);
        m.put(y, yLength);
        m.put("chrM", 16_569L);
        return m;
    }

    @Test
    void grch38ParsByNameAndLength() {
        Ploidy p = Ploidy.of(contigs("chrX", 156_040_895L, "chrY", 57_227_415L), List.of());
        assertEquals(1, p.copies("chrX", 10_000, Sex.MALE), "X:10,000 lies before PAR1 (10,001-2,781,479)");
        assertEquals(2, p.copies("chrX", 10_001, Sex.MALE));
        assertEquals(2, p.copies("chrX", 2_781_479, Sex.MALE));
        assertEquals(1, p.copies("chrX", 2_781_480, Sex.MALE));
        assertEquals(2, p.copies("chrX", 155_701_383, Sex.MALE), "PAR2");
        assertEquals(1, p.copies("chrX", 155_701_382, Sex.MALE));
        assertEquals(2, p.copies("chrX", 50_000_000, Sex.FEMALE));
        assertEquals(1, p.copies("chrY", 20_000_000, Sex.MALE));
        assertEquals(2, p.copies("chrY", 56_887_903, Sex.MALE), "Y's PAR2, diploid as the PARs are");
        assertEquals(0, p.copies("chrY", 20_000_000, Sex.FEMALE));
        assertEquals(0, p.copies("chrY", 100_000, Sex.FEMALE), "a woman has no Y, PARs included");
        assertEquals(2, p.copies("chr1", 1_000, Sex.MALE));
        assertEquals(1, p.copies("chrM", 1_000, Sex.FEMALE));
    }

    @Test
    void grch37ParsUnderEnsemblNames() {
        Ploidy p = Ploidy.of(contigs("X", 155_270_560L, "Y", 59_373_566L), List.of());
        assertEquals(1, p.copies("X", 60_000, Sex.MALE));
        assertEquals(2, p.copies("X", 60_001, Sex.MALE), "GRCh37 PAR1 is 60,001-2,699,520");
        assertEquals(2, p.copies("X", 2_699_520, Sex.MALE));
        assertEquals(1, p.copies("X", 2_699_521, Sex.MALE));
        assertEquals(2, p.copies("X", 154_931_044, Sex.MALE));
        assertEquals(2, p.copies("Y", 10_001, Sex.MALE));
        assertEquals(1, p.copies("Y", 2_649_521, Sex.MALE));
    }

    @Test
    void otherBuildsHaveNoParsUnlessGiven() {
        Ploidy unknown = Ploidy.of(contigs("chrX", 60_000L, "chrY", 30_000L), List.of());
        assertFalse(unknown.inPar("chrX", 5_000));
        assertEquals(1, unknown.copies("chrX", 5_000, Sex.MALE));
        Ploidy given = Ploidy.of(contigs("chrX", 60_000L, "chrY", 30_000L),
                Ploidy.regions(List.of("chrX:1-10000", "chrY:1-10000")));
        assertTrue(given.inPar("chrX", 5_000));
        assertEquals(2, given.copies("chrX", 5_000, Sex.MALE));
        assertEquals(1, given.copies("chrX", 10_001, Sex.MALE));
        assertThrows(IllegalArgumentException.class, () -> Ploidy.regions(List.of("chrX:100-1")));
        assertThrows(IllegalArgumentException.class, () -> Ploidy.regions(List.of("chrX")));
        // as a setting, a user error of one line
        assertThrows(gap.core.UserException.class,
                () -> gap.core.calling.CallingParameters.load(java.util.Map.of("ploidy.parRegions", "chrX")));
    }

    @Test
    void anUnknownSexIsDiploidOnXAndY() {
        Ploidy p = Ploidy.of(contigs("chrX", 156_040_895L, "chrY", 57_227_415L), List.of());
        assertEquals(2, p.copies("chrX", 50_000_000, Sex.UNKNOWN));
        assertEquals(2, p.copies("chrY", 20_000_000, Sex.UNKNOWN));
        assertEquals(Sex.MALE, Sex.parse("Male"));
        assertEquals(Sex.FEMALE, Sex.parse("2"));
        assertEquals(Sex.UNKNOWN, Sex.parse(null));
    }
}
