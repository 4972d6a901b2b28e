package gap.core.concordance;

import static gap.core.concordance.ConcordanceFixtures.CHR22;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Normalisation against the real sample-data/ref.fa; the sequence each case relies on is quoted beside it. */
class VariantNormalizerTest {
    private static ReferenceBases reference;
    private static VariantNormalizer normalizer;

    @BeforeAll
    static void open() {
        reference = ReferenceBases.open(ConcordanceFixtures.reference());
        normalizer = new VariantNormalizer(reference);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    private static AtomicAllele a(String contig, long pos, String ref, String alt) {
        return new AtomicAllele(contig, pos, ref, alt);
    }

    private static List<AtomicAllele> norm(String contig, long pos, String ref, String alt) {
        return normalizer.normalize(contig, pos, ref, alt);
    }

    @Test
    void theSequenceTheseCasesRelyOn() {
        assertEquals("CTTGGTTGGATTGAAGGGGCTTGCTGGAGGTGCAGGGGGA", reference.bases(CHR22, 180001, 180040));
        assertEquals("GGCAGCACACACACACGCGAG", reference.bases(CHR22, 212580, 212600));
        assertEquals("ACGAGACCCCCCCCCAGCTCC", reference.bases(CHR22, 111965, 111985));
        assertEquals("GATCACAGGT", reference.bases("chrM", 1, 10));
    }

    @Test
    void snvIsLeftAsItIs() {
        assertEquals(List.of(a(CHR22, 180024, "C", "A")), norm(CHR22, 180024, "C", "A"));
        assertEquals(List.of(a(CHR22, 180024, "C", "A")), norm(CHR22, 180024, "c", "a"));
    }

    @Test
    void mnpBecomesOneSnvPerChangedBase() {
        assertEquals(List.of(a(CHR22, 180024, "C", "A"), a(CHR22, 180025, "T", "G")),
                norm(CHR22, 180024, "CT", "AG"));
        // The unchanged middle base gives nothing.
        assertEquals(List.of(a(CHR22, 180020, "C", "A"), a(CHR22, 180022, "T", "G")),
                norm(CHR22, 180020, "CTT", "ATG"));
    }

    @Test
    void redundantBasesAreTrimmed() {
        // GCAC>GC at 212584 is GCA>G with one base of context on the right.
        assertEquals(List.of(a(CHR22, 212584, "GCA", "G")), norm(CHR22, 212584, "GCAC", "GC"));
        // A padded SNV.
        assertEquals(List.of(a(CHR22, 180025, "T", "G")), norm(CHR22, 180024, "CTT", "CGT"));
        assertEquals(List.of(), norm(CHR22, 180024, "CT", "CT"));
    }

    @Test
    void deletionInADinucleotideRepeatIsLeftAligned() {
        // 212585..212595 = CACACACACAC: removing any CA (or AC) pair gives the same haplotype.
        AtomicAllele leftmost = a(CHR22, 212584, "GCA", "G");
        assertEquals(List.of(leftmost), norm(CHR22, 212584, "GCA", "G"));
        assertEquals(List.of(leftmost), norm(CHR22, 212592, "ACA", "A"));
        assertEquals(List.of(leftmost), norm(CHR22, 212593, "CAC", "C"));
    }

    @Test
    void insertionInAHomopolymerIsLeftAligned() {
        // 111970 A, then C x 9 (111971..111979).
        assertEquals(List.of(a(CHR22, 111970, "A", "AC")), norm(CHR22, 111979, "C", "CC"));
        assertEquals(List.of(a(CHR22, 111970, "AC", "A")), norm(CHR22, 111978, "CC", "C"));
    }

    @Test
    void complexDeletionPutsTheGapLeftmostOnTies() {
        // CA>T at 180033 (base before: G at 180032). Deleting C then A>T, or C>T then deleting A, both cost one
        // mismatch: the leftmost gap wins, as bcftools call writes it (GC>G + A>T).
        assertEquals(List.of(a(CHR22, 180032, "GC", "G"), a(CHR22, 180034, "A", "T")),
                norm(CHR22, 180033, "CA", "T"));
    }

    @Test
    void complexInsertionIsDecomposedAndItsIndelLeftAligned() {
        // C>TAGG at 180020 (GGGG at 180016..180019 before it): leftmost gap = insert TAG before 180020 and C>G;
        // the insertion then slides left one base through the G run: GGTA after 180018.
        assertEquals(List.of(a(CHR22, 180018, "G", "GGTA"), a(CHR22, 180020, "C", "G")),
                norm(CHR22, 180020, "C", "TAGG"));
    }

    @Test
    void complexAlleleKeepsTheGapThatLeavesFewestMismatches() {
        // CTTGCT>GTCG at 180020: a 2-base gap after GT (or after GTCG) leaves 2 mismatches, elsewhere 3; the
        // leftmost of the two best wins: C>G, delete TG, T>G.
        assertEquals(List.of(a(CHR22, 180020, "C", "G"), a(CHR22, 180021, "TTG", "T"), a(CHR22, 180025, "T", "G")),
                norm(CHR22, 180020, "CTTGCT", "GTCG"));
    }

    @Test
    void indelAtTheFirstBaseOfAContigAnchorsOnTheBaseAfter() {
        // chrM starts GATCA: deleting the G leaves no base before it.
        assertEquals(List.of(a("chrM", 1, "GA", "A")), norm("chrM", 1, "GA", "A"));
        // An insertion of G after chrM:1 G could slide to before base 1; it stays after the first base instead.
        assertEquals(List.of(a("chrM", 1, "G", "GG")), norm("chrM", 1, "G", "GG"));
    }

    @Test
    void bestGapOffsetCountsMismatchesOnBothSides() {
        assertEquals(0, VariantNormalizer.bestGapOffset("T", "CA", 1));      // tie: leftmost
        assertEquals(1, VariantNormalizer.bestGapOffset("C", "CA", 1));      // C|A: no mismatch
        assertEquals(2, VariantNormalizer.bestGapOffset("ACGT", "ACTTGT", 2)); // AC..GT
        assertEquals(0, VariantNormalizer.bestGapOffset("", "ACG", 3));
    }
}
