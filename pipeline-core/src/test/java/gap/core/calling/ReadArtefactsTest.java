package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.RefWindow;
import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reads' artefact annotations on hand-made reads against a non-repetitive reference, each value worked out by
 * hand: a C→T site at 105 with four ALT reads that each differ from the reference at three other bases (a paralogue's
 * reads) and four REF reads of which one differs at one base.
 */
class ReadArtefactsTest {
    /** 40 bases from 90; no tandem repeat of at least 4 bases touches 104..106 (checked by brute force). */
    private static final String REF = "GATTACACGTCAGTCCATGCAAGTCGTACCTAGGCTATCG";
    private static final RefWindow WINDOW = RefWindow.of("chr1", 90, REF);
    private static final CandidateSite SITE = new CandidateSite("chr1", 105, List.of("C", "T"), 105, 0, List.of(),
            20);
    private final CallingParameters params = TestParams.defaults();

    /**
     * A read whose aligned part starts at {@code start}, after {@code clip} soft-clipped bases (10 bases in all), with
     * {@code site} at 105 (quality {@code siteQ}, Q30 elsewhere) and a different base at the read offsets given.
     */
    private static AlignedRead read(String name, int start, int clip, char site, int siteQ, int... mismatches) {
        char[] b = new char[10];
        for (int i = 0; i < 10; i++) {
            int p = start - clip + i;
            b[i] = i < clip ? 'G' : REF.charAt(p - 90);
        }
        int siteOffset = clip + 105 - start;
        b[siteOffset] = site;
        for (int o : mismatches) {
            b[o] = b[o] == 'A' ? 'C' : 'A';
        }
        byte[] q = new byte[10];
        Arrays.fill(q, (byte) 30);
        q[siteOffset] = (byte) siteQ;
        String cigar = clip > 0 ? clip + "S" + (10 - clip) + "M" : "10M";
        return AlignedRead.of(name, start, cigar, new String(b), q, 60, false);
    }

    /**
     * ALT (offset of 105): a1 9 (end), a2 0 (end), a3 7 and a4 4 (both 2 bases soft-clipped); 3 mismatches each.
     * REF: r1 4, r2 5, r3 6 (1 mismatch), r4 0 (end).
     */
    private static List<AlignedRead> paralogue() {
        return List.of(read("a1", 96, 0, 'T', 20, 0, 2, 4), read("a2", 105, 0, 'T', 20, 2, 4, 6),
                read("a3", 100, 2, 'T', 20, 2, 3, 4), read("a4", 103, 2, 'T', 20, 5, 6, 7),
                read("r1", 101, 0, 'C', 30), read("r2", 100, 0, 'C', 30), read("r3", 99, 0, 'C', 30, 0),
                read("r4", 105, 0, 'C', 30));
    }

    @Test
    void aParalogueLikeClusterOfReads() {
        List<AlignedRead> reads = paralogue();
        Pileup pileup = new PileupBuilder(params.maxReadsPerSite()).build(SITE, reads);
        ReadLikelihoods likelihoods = new GenotypeLikelihoodsModel(params).compute(pileup, null);
        VariantCall call = new VariantCaller(params).call(pileup, likelihoods);
        Map<String, Object> info = new ReadArtefacts().annotate(call, List.of(pileup), List.of(likelihoods),
                List.of(reads), WINDOW).info();
        // {3,3,3,3} against {0,0,0,1}: every ALT read ranks above every REF read; with 4 and 4 reads the exact
        // mid-p is (69 + 1/2) / 70 of the 70 rank subsets, z = Φ⁻¹(0.99286) = 2.450
        assertEquals(2.45, info.get(InfoField.NMBZ.key()));
        assertEquals(2.75, info.get(InfoField.NMD.key())); // 3 − 1/4
        assertEquals(0.5, info.get(InfoField.SCD.key())); // 2/4 − 0/4
        assertEquals(0.25, info.get(InfoField.ENDD.key())); // 2/4 − 1/4
        assertEquals(0.69, info.get(InfoField.ABQR.key())); // 20 / ((9·30 + 20) / 10) = 0.6897
        assertEquals(0, info.get(InfoField.RPU.key()));
        assertEquals(0, info.get(InfoField.RPL.key()));
    }

    @Test
    void theSameQualitiesAtQ20AndQ37GiveTheSameRelativeQuality() {
        // relative, never an absolute quality: Q18 in a read of Q36 and Q10 in a read of Q20 are alike,
        // 18 / ((9·36 + 18) / 10) = 10 / ((9·20 + 10) / 10) = 10/19
        AlignedRead high = read("h", 100, 0, 'T', 30);
        AlignedRead low = read("l", 100, 0, 'T', 30);
        Arrays.fill(high.quals(), (byte) 36);
        Arrays.fill(low.quals(), (byte) 20);
        high.quals()[5] = 18;
        low.quals()[5] = 10;
        assertEquals(10.0 / 19, ReadArtefacts.facts(high, WINDOW, 105, 105).relativeQuality(), 1e-12);
        assertEquals(10.0 / 19, ReadArtefacts.facts(low, WINDOW, 105, 105).relativeQuality(), 1e-12);
    }

    @Test
    void mismatchesLeaveOutTheSiteAndCountAnIndelOnce() {
        // 10M over 100..109 with different bases at 102, 105 and 107; the site 105 is not counted
        AlignedRead snvs = read("s", 100, 0, 'T', 30, 2, 7);
        ReadArtefacts.ReadFacts f = ReadArtefacts.facts(snvs, WINDOW, 105, 105);
        assertEquals(2, f.mismatches());
        assertFalse(f.clipped());
        assertFalse(f.atEnd()); // offset 5 of 10
        String aligned = REF.substring(10, 14) + "TT" + REF.substring(14, 18); // 100..103, TT, 104..107
        AlignedRead ins = AlignedRead.of("i", 100, "4M2I4M", aligned, 30, 60);
        assertEquals(1, ReadArtefacts.facts(ins, WINDOW, 105, 105).mismatches()); // the insertion elsewhere
        assertEquals(0, ReadArtefacts.facts(ins, WINDOW, 103, 103).mismatches()); // the insertion is the site's
        AlignedRead del = AlignedRead.of("d", 100, "4M2D4M", REF.substring(10, 14) + REF.substring(16, 20), 30, 60);
        ReadArtefacts.ReadFacts atDeletion = ReadArtefacts.facts(del, WINDOW, 105, 105);
        assertEquals(0, atDeletion.mismatches()); // 104..105 deleted: the site's own event
        assertTrue(Double.isNaN(atDeletion.relativeQuality())); // no base at 105
        assertEquals(1, ReadArtefacts.facts(del, WINDOW, 108, 108).mismatches());
    }

    @Test
    void repeatUnitAndTractLength() {
        // GT ACACACAC TGA from 1: the AC repeat 3..10 (8 bases) touches 11's neighbour 10
        RefWindow dinucleotide = RefWindow.of("c", 1, "GTACACACACTGA");
        assertArrayEquals(new int[] {2, 8}, ReadArtefacts.repeat(dinucleotide, 11, 11));
        assertArrayEquals(new int[] {2, 8}, ReadArtefacts.repeat(dinucleotide, 6, 6));
        assertArrayEquals(new int[] {0, 0}, ReadArtefacts.repeat(dinucleotide, 13, 13));
        // AAAA at 3..6: unit 1, not its equal-length unit 2 reading
        RefWindow homopolymer = RefWindow.of("c", 1, "CGAAAATC");
        assertArrayEquals(new int[] {1, 4}, ReadArtefacts.repeat(homopolymer, 2, 2));
        // AAA (3 bases) is below the 4-base minimum
        assertArrayEquals(new int[] {0, 0}, ReadArtefacts.repeat(RefWindow.of("c", 1, "CGAAATCG"), 3, 3));
    }
}
