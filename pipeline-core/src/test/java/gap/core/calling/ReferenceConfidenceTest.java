package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.AlignedRead;
import gap.core.model.GvcfRecord;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference-confidence model on hand-made pileups, answers worked by hand: a REF base of quality q gives REF
 * 1 - e and other e / 3 (e = 10^(-q/10)), a mismatch the reverse, het the mean of the two.
 */
class ReferenceConfidenceTest {
    private static final RefWindow REF = RefWindow.of("c", 1, "ACGTACGTAC");

    private static List<AlignedRead> reads(int n, String bases, int quality) {
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reads.add(AlignedRead.of("r" + bases + i, 1, bases.length() + "M", bases, quality, 60));
        }
        return reads;
    }

    @Test
    void tenReferenceBasesAtQ30() {
        // hom-ref 10 log10(0.999) = -0.00435; het 10 log10(0.5 (0.999 + 0.000333)) = -3.01320;
        // hom-NON_REF 10 log10(0.000333) = -34.77121: PL 0, 30 (30.09), 348 (347.67); GQ 30
        ReferenceConfidence rc = ReferenceConfidence.measure(reads(10, "ACGTACGTAC", 30), REF, 1, 10);
        assertArrayEquals(new int[] {0, 30, 348}, rc.pl(3));
        assertEquals(10, rc.depth(3));
        assertEquals(30, ReferenceConfidence.homRefQuality(rc.pl(3)));
        assertEquals(-3.01320, rc.log10(3)[1], 1e-5);
    }

    @Test
    void oneMismatchAtQ20AmongNineReferenceBasesAtQ30() {
        // hom-ref 9 log10(0.999) + log10(0.01/3) = -2.48103; het 9 (-0.30132) + log10(0.5 (0.00333 + 0.99))
        // = -3.01581; hom-NON_REF 9 log10(0.000333) + log10(0.99) = -31.29846: PL 0, 5 (5.35), 288 (288.17)
        List<AlignedRead> reads = reads(9, "ACGTACGTAC", 30);
        reads.addAll(reads(1, "ACTTACGTAC", 20)); // G>T at position 3
        ReferenceConfidence rc = ReferenceConfidence.measure(reads, REF, 1, 10);
        assertArrayEquals(new int[] {0, 5, 288}, rc.pl(3));
        assertEquals(5, ReferenceConfidence.homRefQuality(rc.pl(3)));
    }

    @Test
    void aDeletionIsEvidenceAgainstReferenceAtQ30AndBasesUnderQ6CountOnlyInDepth() {
        List<AlignedRead> reads = new ArrayList<>();
        reads.add(AlignedRead.of("del", 1, "2M1D7M", "ACTACGTAC", 30, 60)); // position 3 deleted
        reads.addAll(reads(3, "ACGTACGTAC", 5));
        ReferenceConfidence rc = ReferenceConfidence.measure(reads, REF, 1, 10);
        // the deletion alone: hom-ref log10(0.001/3), het log10(0.5 (0.000333 + 0.999)), hom-NON_REF log10(0.999):
        // PL 35 (34.77), 3 (3.01), 0
        assertArrayEquals(new int[] {35, 3, 0}, rc.pl(3));
        assertEquals(4, rc.depth(3));
        assertEquals(0, ReferenceConfidence.homRefQuality(rc.pl(3)));
        // position 5: the deleting read's one REF base at Q30 (the Q5 bases left out): PL 0, 3, 35
        assertArrayEquals(new int[] {0, 3, 35}, rc.pl(5));
    }

    @Test
    void overlappingMatesCountOnce() {
        List<AlignedRead> reads = List.of(AlignedRead.of("pair", 1, "6M", "ACGTAC", 30, 60),
                AlignedRead.of("pair", 4, "7M", "TACGTAC", 30, 60));
        ReferenceConfidence rc = ReferenceConfidence.measure(reads, REF, 1, 10);
        assertEquals(1, rc.depth(5)); // both mates align 4-6: the first's bases only
        assertEquals(1, rc.depth(8));
        assertEquals(1, rc.depth(2));
    }

    @Test
    void overlappingMatesMergeTheirBasesAsCallingDoes() {
        // disagreeing at 5 (REF A): the first mate's G at Q22 against the second's A at Q29 is A at Q7 (29 - 22), no
        // mismatch: e = 0.19953; hom-ref log10(0.80047) = -0.09666, het log10(0.5 (0.80047 + 0.06651)) = -0.36302,
        // hom-NON_REF log10(0.06651) = -1.17711: PL 0, 3 (2.66), 11 (10.80)
        byte[] q22 = {30, 30, 30, 30, 22, 30};
        List<AlignedRead> reads = List.of(AlignedRead.of("pair", 1, "6M", "ACGTGC", q22, 60, false),
                AlignedRead.of("pair", 4, "7M", "TACGTAC", 29, 60));
        ReferenceConfidence rc = ReferenceConfidence.measure(reads, REF, 1, 10);
        assertArrayEquals(new int[] {0, 3, 11}, rc.pl(5));
        assertEquals(false, rc.hasMismatch(5));
        assertEquals(1, rc.depth(5));
        // agreeing at Q20: both wrong alike 1e-4 / 3 over 0.9801, plus the PCR rate 1e-4: Q39 (38.73);
        // e = 1.2589e-4: het log10(0.5 (1 - 8.393e-5)) = -0.30107, hom-NON_REF log10(4.1964e-5) = -4.37712:
        // PL 0, 3, 44 (the first mate's Q20 alone: 0, 3, 25)
        reads = List.of(AlignedRead.of("pair", 1, "6M", "ACGTAC", 20, 60),
                AlignedRead.of("pair", 4, "7M", "TACGTAC", 20, 60));
        rc = ReferenceConfidence.measure(reads, REF, 1, 10);
        assertArrayEquals(new int[] {0, 3, 44}, rc.pl(5));
        assertArrayEquals(new int[] {0, 3, 25}, rc.pl(2)); // one mate only
        assertArrayEquals(new int[] {0, 3, 25}, rc.pl(9));
    }

    @Test
    void blocksFollowTheBandsWithTheLeastPlAndDepth() {
        // 10 reads at Q30 over 1-10, then 5 more over 6-10: GQ 30 at 1-5, 45 at 6-10 (band 30 and 45 of GATK's
        // one-wide bands); with bands 20,100 both are one band: one block, PL the least of each genotype's
        List<AlignedRead> reads = reads(10, "ACGTACGTAC", 30);
        for (int i = 0; i < 5; i++) {
            reads.add(AlignedRead.of("late" + i, 6, "5M", "CGTAC", 30, 60));
        }
        ReferenceConfidence rc = ReferenceConfidence.measure(reads, REF, 1, 10);
        boolean[] skip = new boolean[10];
        List<GvcfRecord> fine = GvcfModel.blocks(rc, REF, 1, 10, skip, GqBands.defaults());
        assertEquals(2, fine.size());
        assertEquals(5, fine.get(0).end());
        assertEquals(30, fine.get(0).gq());
        assertEquals(45, fine.get(1).gq());
        assertEquals(15, fine.get(1).minDp());
        List<GvcfRecord> coarse = GvcfModel.blocks(rc, REF, 1, 10, skip, GqBands.parse("20,100"));
        assertEquals(1, coarse.size());
        assertEquals(10, coarse.get(0).end());
        assertArrayEquals(new int[] {0, 30, 348}, coarse.get(0).pl());
        assertEquals(10, coarse.get(0).minDp());
        skip[6] = true; // a variant record at 7 splits the block and takes its position
        List<GvcfRecord> split = GvcfModel.blocks(rc, REF, 1, 10, skip, GqBands.parse("20,100"));
        assertEquals(List.of(1, 8), split.stream().map(GvcfRecord::position).toList());
        assertEquals(List.of(6, 10), split.stream().map(GvcfRecord::end).toList());
        assertEquals("T", split.get(1).ref());
    }

    @Test
    void aMismatchingBaseSupportsOnlyItsOwnAlleleWhenTheAllelesAreListed() {
        // position 3 (G): nine G at Q30 and one T at Q20. Lumped (log10), the T is NON_REF evidence: het PL 5.
        // Listed over G, T, NON_REF: per REF base G/G log10(0.999), G/x log10(0.5 (0.999 + 0.000333)) = -0.30132,
        // x/y log10(0.000333); the T base: T's own allele 0.99, any other 0.01/3. So
        // G/G 9 (-0.000435) - 2.47712 = -2.48103; G/T 9 (-0.30132) + log10(0.49667) = -3.01578;
        // T/T 9 (-3.47712) + log10(0.99) = -31.29846; G/N -2.71188 - 2.47712 = -5.18900;
        // T/N -31.29409 + log10(0.49667) = -31.59799; N/N -31.29409 - 2.47712 = -33.77121:
        // G/NON_REF is now 27 phred below G/G (the T says nothing for an allele other than T), not 5
        List<AlignedRead> reads = reads(9, "ACGTACGTAC", 30);
        reads.addAll(reads(1, "ACTTACGTAC", 20));
        ReferenceConfidence rc = ReferenceConfidence.measure(reads, REF, 1, 10);
        assertEquals(List.of(3), java.util.stream.IntStream.rangeClosed(1, 10).filter(rc::hasMismatch).boxed()
                .toList());
        ReferenceConfidence.Alleles a = rc.alleles(3, 'G');
        assertEquals(List.of("G", "T"), a.alleles());
        assertArrayEquals(new double[] {-2.48103, -3.01578, -31.29846, -5.18900, -31.59799, -33.77121}, a.log10(),
                1e-4);
        assertArrayEquals(new int[] {0, 5, 288}, rc.pl(3));
        // as a block: a one-position record over G, T and NON_REF, between two ordinary blocks
        List<GvcfRecord> blocks = GvcfModel.blocks(rc, REF, 1, 10, new boolean[10], GqBands.defaults());
        assertEquals(List.of(1, 3, 4), blocks.stream().map(GvcfRecord::position).toList());
        GvcfRecord listed = blocks.get(1);
        assertTrue(listed.isAlleleBlock());
        assertEquals(3, listed.end());
        assertArrayEquals(new int[] {0, 5, 288, 27, 291, 313}, listed.pl());
        assertEquals(5, listed.gq());
    }

    @Test
    void aBlockKeepsItsPositionsHetPlsWithinTheTolerance() {
        // 10 reads at Q30 over 1-10, one more over 6-10: het PL 30 at 1-5, 33 at 6-10 (GQ band 30 vs 33 with the
        // one-wide bands; with bands 20,100 one band). Tolerance 1 (buckets 30-31, 32-33): two blocks, each PL its
        // positions' own; tolerance 4 (buckets 30-34): one
        List<AlignedRead> reads = reads(10, "ACGTACGTAC", 30);
        reads.add(AlignedRead.of("late", 6, "5M", "CGTAC", 30, 60));
        ReferenceConfidence rc = ReferenceConfidence.measure(reads, REF, 1, 10);
        List<GvcfRecord> tight = GvcfModel.blocks(rc, REF, 1, 10, new boolean[10], GqBands.parse("20,100", 1));
        assertEquals(List.of(1, 6), tight.stream().map(GvcfRecord::position).toList());
        assertEquals(33, tight.get(1).pl()[1]);
        List<GvcfRecord> loose = GvcfModel.blocks(rc, REF, 1, 10, new boolean[10], GqBands.parse("20,100", 4));
        assertEquals(1, loose.size());
        assertEquals(30, loose.get(0).pl()[1]);
    }

    @Test
    void tabledTermsAreTheFormulasBitForBit() {
        // the per-quality tables must give what GATK's formulas give, exactly: the gVCF's bytes depend on it
        for (int q = ReferenceConfidence.MIN_BASE_QUALITY; q < 128; q++) {
            double e = StrictMath.pow(10, -q / 10.0);
            for (boolean matches : new boolean[] {true, false}) {
                double ref = matches ? 1 - e : e / 3;
                double nonRef = matches ? e / 3 : 1 - e;
                double[] expected = {StrictMath.log10(ref), StrictMath.log10(0.5) + StrictMath.log10(ref + nonRef),
                        StrictMath.log10(nonRef)};
                assertArrayEquals(expected, ReferenceConfidence.terms(q, matches), 0.0, "Q" + q + " " + matches);
            }
        }
    }
}
