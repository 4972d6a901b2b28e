package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Filters;
import gap.core.model.Pileup;
import gap.core.model.ReadBases;
import gap.core.model.ReadEvidence;
import gap.core.model.VariantCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pileups from hand-made reads: what a read shows over a site, and overlapping mates as one fragment. */
class PileupBuilderTest {
    private static final CandidateSite SNV = new CandidateSite("chr1", 105, List.of("A", "C"), 105, 0, List.of(), 20);

    private static AlignedRead read(String name, int start, String cigar, String bases, int q) {
        return AlignedRead.of(name, start, cigar, bases, q, 60);
    }

    @Test
    void observeTakesAlignedBasesAndInsertionsInsideTheStretch() {
        // Reference positions 100..109; the read deletes 104-105 and inserts GG after 107.
        AlignedRead r = read("r", 100, "4M2D2M2I4M", "ACGTACGGTTCA", 30);
        assertEquals("ACGT", ReadBases.observe(r, 100, 105).basesAsString());
        assertEquals("TAC", ReadBases.observe(r, 103, 107).basesAsString()); // GG follows 107: outside
        assertEquals("ACGGT", ReadBases.observe(r, 106, 108).basesAsString());
        assertEquals("", ReadBases.observe(r, 104, 105).basesAsString());
    }

    @Test
    void concordantMatesMakeOneFragmentWithBothReadsEvidence() {
        // Two fragments with both mates over 105 (A/A at Q30/Q20, C/C at Q20/Q20) and three single reads (A Q30,
        // C Q27, A Q25). Agreeing mates are one base whose error needs both reads wrong the same way (e_a e_b / 3 over
        // P(agree)) or a PCR error (1e-4): Q30/Q20 -> 39.86 -> Q40, Q20/Q20 -> 38.73 -> Q39.
        List<AlignedRead> reads = List.of(
                read("f1", 101, "10M", "AAAAAAAAAA", 30), read("f1", 103, "10M", "AAAAAAAAAA", 20),
                read("f2", 101, "10M", "AAAACAAAAA", 20), read("f2", 102, "10M", "AAACAAAAAA", 20),
                read("f3", 100, "10M", "AAAAAAAAAA", 30), read("f4", 100, "10M", "AAAAACAAAA", 27),
                read("f5", 100, "10M", "AAAAAAAAAA", 25));
        Pileup pileup = new PileupBuilder(250).build(SNV, reads);
        assertEquals(5, pileup.depth());
        assertEquals(5, pileup.evidence().size());
        assertArrayEquals(new byte[] {40}, pileup.evidence().get(0).quals());
        assertArrayEquals(new byte[] {'C'}, pileup.evidence().get(1).bases());
        assertArrayEquals(new byte[] {39}, pileup.evidence().get(1).quals());

        // Worked out by hand from the bases A40 C39 A30 C27 A25: GL = [-7.5561, -1.5070, -10.9323] -> PL 60,0,94;
        // QUAL 30.50 with the SNV prior 1e-3. Keeping only the higher mate (A30, C20) gave PL 41,0,84, QUAL 11.77.
        CallingParameters params = TestParams.with("model.errorDependency", "0");
        VariantCall call = new VariantCaller(params).call(pileup, new GenotypeLikelihoodsModel(params).compute(pileup, null));
        assertEquals(List.of(60, 0, 94), call.genotype(0).pl());
        assertEquals(30.50, call.qual(), 0.01);
        assertEquals(Filters.PASS, call.filter(), "QUAL 30.50 is above the LowQual threshold of 20");
        assertEquals(5, call.genotype(0).dp());
    }

    @Test
    void agreeingMatesAddTheirEvidenceUpToThePcrErrorRate() {
        assertEquals(39, PileupBuilder.agreeingQuality((byte) 20, (byte) 20)); // 38.73
        assertEquals(38, PileupBuilder.agreeingQuality((byte) 19, (byte) 19)); // 38.12
        assertEquals(30, PileupBuilder.agreeingQuality((byte) 0, (byte) 30), "a Q0 mate adds nothing"); // 29.59
        assertEquals(40, PileupBuilder.agreeingQuality((byte) 40, (byte) 40), "PCR errors both mates read: Q40");
        assertEquals(40, PileupBuilder.agreeingQuality((byte) 10, (byte) 45)); // 39.97
    }

    @Test
    void discordantMatesKeepTheBetterBaseWithTheQualityDifference() {
        ReadEvidence a = new ReadEvidence("f", new byte[] {'A'}, new byte[] {30}, 60, false);
        ReadEvidence c = new ReadEvidence("f", new byte[] {'C'}, new byte[] {20}, 50, true);
        ReadEvidence merged = PileupBuilder.mergeMates(a, c);
        assertArrayEquals(new byte[] {'A'}, merged.bases());
        assertArrayEquals(new byte[] {10}, merged.quals());
        assertEquals(50, merged.mappingQuality());
        assertNull(PileupBuilder.mergeMates(a, new ReadEvidence("f", new byte[0], new byte[0], 60, false)));
    }

    @Test
    void aReadDeletedAtTheSiteCoversItButShowsNothing() {
        List<AlignedRead> reads = List.of(read("d", 100, "5M2D5M", "AAAAAAAAAA", 30),
                read("a", 100, "10M", "AAAAAAAAAA", 30));
        Pileup pileup = new PileupBuilder(250).build(SNV, reads);
        assertEquals(2, pileup.depth());
        assertEquals(1, pileup.evidence().size());
    }

    @Test
    void evidenceKnowsTheSitesReadPositionAndBaseQualityClipsCounted() {
        // 2 hard-clipped, 3 soft-clipped, 10 aligned from 100, 4 hard-clipped: 13 bases in the record.
        byte[] quals = {10, 11, 12, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29};
        AlignedRead r = AlignedRead.of("r", 100, "2H3S10M4H", "AAAAAAAAAAAAA", quals, 60, false);
        ReadEvidence at102 = ReadBases.observe(r, 102, 102, 102);
        // base index 3 + 2 = 5: 2 + 5 = 7 from the start, 13 - 1 - 5 + 4 = 11 from the end
        assertEquals(7, at102.readPosition());
        assertEquals(22, at102.siteQuality());
        ReadEvidence at108 = ReadBases.observe(r, 90, 120, 108);
        assertEquals(5, at108.readPosition()); // index 11: 13 from the start, 13 - 1 - 11 + 4 = 5 from the end
        assertEquals(28, at108.siteQuality());
        AlignedRead deleted = read("d", 100, "5M2D5M", "AAAAAAAAAA", 30);
        assertEquals(-1, ReadBases.observe(deleted, 100, 110, 105).readPosition());
        assertEquals(-1, ReadBases.observe(deleted, 100, 110, 105).siteQuality());
    }

    @Test
    void mergedMatesTakeStrandAndPositionFromTheMateWhoseBaseIsKept() {
        ReadEvidence a = new ReadEvidence("f", new byte[] {'A'}, new byte[] {30}, 60, false, 4, 30);
        ReadEvidence b = new ReadEvidence("f", new byte[] {'A'}, new byte[] {35}, 60, true, 2, 35);
        ReadEvidence merged = PileupBuilder.mergeMates(a, b);
        assertEquals(true, merged.negativeStrand());
        assertEquals(2, merged.readPosition());
        assertEquals(35, merged.siteQuality());
        ReadEvidence tie = PileupBuilder.mergeMates(a, new ReadEvidence("f", new byte[] {'A'}, new byte[] {30}, 60,
                true, 9, 30));
        assertEquals(false, tie.negativeStrand());
        assertEquals(4, tie.readPosition());
    }
}
