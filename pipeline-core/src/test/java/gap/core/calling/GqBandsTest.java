package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** GATK's GQ bands: each bound the exclusive upper end of a band. */
class GqBandsTest {
    @Test
    void defaultBandsAreOneGqWideUpTo60ThenTensThen99() {
        GqBands b = GqBands.defaults();
        assertEquals(0, b.band(0));
        assertEquals(1, b.band(1));
        assertEquals(59, b.band(59));
        assertEquals(60, b.band(60));
        assertEquals(60, b.band(69)); // 60-69 one band
        assertEquals(61, b.band(70));
        assertEquals(63, b.band(90));
        assertEquals(63, b.band(98)); // 90-98
        assertEquals(64, b.band(99)); // 99 alone
    }

    @Test
    void reblockingBandsAreTwoAndTheSettingParsesThem() {
        GqBands b = GqBands.parse("20, 100");
        assertEquals(0, b.band(0));
        assertEquals(0, b.band(19));
        assertEquals(1, b.band(20));
        assertEquals(1, b.band(99));
        assertThrows(IllegalArgumentException.class, () -> GqBands.parse("20,10"));
        assertThrows(IllegalArgumentException.class, () -> GqBands.parse("0,10"));
    }

    @Test
    void theDefaultSettingIsGatksDefault() {
        String setting = gap.core.Settings.load(java.util.Map.of()).string("gvcf.gqBands");
        assertEquals(java.util.Arrays.toString(GqBands.defaults().bounds()),
                java.util.Arrays.toString(GqBands.parse(setting).bounds()));
    }

    @Test
    void aToleranceBoundsTheHetPlsOfABlockWithinItsBand() {
        GqBands bands = GqBands.parse("20,100", 1); // het PL buckets 0-1, 2-3, …, 100-101
        assertEquals(bands.key(99, 100), bands.key(99, 101));
        assertNotEquals(bands.key(99, 101), bands.key(99, 102));
        assertNotEquals(bands.key(99, 100), bands.key(10, 100)); // another band
        assertEquals(GqBands.parse("20,100").key(99, 99), GqBands.parse("20,100").key(99, 300)); // GATK's: band alone
        assertThrows(IllegalArgumentException.class, () -> new GqBands(new int[] {1, 2}, -1));
    }
}
