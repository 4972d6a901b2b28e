package gap.core.concordance;

import static gap.core.concordance.ConcordanceFixtures.CHR22;
import static gap.core.concordance.ConcordanceFixtures.vcf;
import static gap.core.concordance.VariantClass.INDEL;
import static gap.core.concordance.VariantClass.SNV;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Haplotype-aware matching on hand-made cases over the real sample-data/ref.fa; every expected count was worked
 * out by hand from the sequence quoted in {@link #theSequenceTheseCasesRelyOn()}. Each case is scored twice: with
 * exact matching only (what gap concordance did before) and with haplotype matching (what it does now).
 */
class HaplotypeMatchingTest {
    private static ReferenceBases reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        reference = ReferenceBases.open(ConcordanceFixtures.reference());
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    /** Exact-only and haplotype-aware reports of one truth/calls pair. */
    private record Scored(ConcordanceReport exact, ConcordanceReport haplotype) {}

    private Scored score(String[] truth, String[] calls) throws IOException {
        GenotypedAlleleReader reader = new GenotypedAlleleReader(reference, ConfidentRegions.everywhere());
        GenotypedAlleles t = reader.read(vcf(dir, "truth.vcf", truth), GenotypedAlleleReader.Side.TRUTH, null);
        GenotypedAlleles c = reader.read(vcf(dir, "calls.vcf", calls), GenotypedAlleleReader.Side.CALLS, null);
        return new Scored(
                Concordance.compare(t, c, AlleleMatching.match(t, c, reference, AlleleMatching.Mode.EXACT), "t", false),
                Concordance.compare(t, c, AlleleMatching.match(t, c, reference, AlleleMatching.Mode.HAPLOTYPE), "t",
                        false));
    }

    private static String[] records(String... r) {
        return r;
    }

    /** tp, fp, fn, genotype matches, tp on the calls side. */
    private static void assertCounts(ClassCounts k, int tp, int fp, int fn, int gtMatches, int tpCalls) {
        assertEquals(new ClassCounts(tp, fp, fn, gtMatches, tpCalls), k);
    }

    @Test
    void theSequenceTheseCasesRelyOn() {
        assertEquals("CCTACCTCAAGGCCACCAAAG", reference.bases(CHR22, 975960, 975980));
        assertEquals("GGCAGCACACACACACGCGAG", reference.bases(CHR22, 212580, 212600));
        assertEquals("CTTGCTGGAGGTGCAGGGGGA", reference.bases(CHR22, 180020, 180040));
    }

    @Test
    void aComplexAlleleSplitTheOtherWayOnATieMatches() throws IOException {
        // The dw genome's complex_009: AGG>TGGAAGC at 975969 (ref ...C A [A G G] C...). Gap placements after 0 and
        // 3 bases cost one mismatch each. The truth writer chose 3: A>T at 975969 + insert AAGC after 975971. The
        // normaliser takes the leftmost: insert TGGA before 975969, left-aligned one step (975968 is A) to C>CATGG
        // at 975967, + G>C at 975971. Both spell C A T G G A A G C C from 975967.
        VariantNormalizer normalizer = new VariantNormalizer(reference);
        assertEquals(List.of(new AtomicAllele(CHR22, 975967, "C", "CATGG"), new AtomicAllele(CHR22, 975971, "G", "C")),
                normalizer.normalize(CHR22, 975969, "AGG", "TGGAAGC"));
        String[] split = records(CHR22 + " 975969 A T PASS 0|1", CHR22 + " 975971 G GAAGC PASS 0|1");
        Scored s = score(split, records(CHR22 + " 975969 AGG TGGAAGC PASS 0/1"));
        assertCounts(s.exact().of(SNV), 0, 1, 1, 0, 0);
        assertCounts(s.exact().of(INDEL), 0, 1, 1, 0, 0);
        assertCounts(s.haplotype().of(SNV), 1, 0, 0, 1, 1);
        assertCounts(s.haplotype().of(INDEL), 1, 0, 0, 1, 1);
        assertEquals(new ConcordanceReport.Clusters(1, 1, 0), s.haplotype().clusters());

        // The same record hom-alt: the alleles match, the genotype does not.
        s = score(split, records(CHR22 + " 975969 AGG TGGAAGC PASS 1/1"));
        assertCounts(s.haplotype().of(SNV), 1, 0, 0, 0, 1);
        assertCounts(s.haplotype().of(INDEL), 1, 0, 0, 0, 1);
    }

    @Test
    void aMissedSnvBesideAMatchedComplexEventStaysAFalseNegative() throws IOException {
        // As above plus a truth SNV C>T at 975975, 4 bp on, that the calls lack: the complex event matches on its
        // own (the largest agreeing subsets), the SNV is an FN.
        Scored s = score(
                records(CHR22 + " 975969 A T PASS 0|1", CHR22 + " 975971 G GAAGC PASS 0|1",
                        CHR22 + " 975975 C T PASS 1|0"),
                records(CHR22 + " 975969 AGG TGGAAGC PASS 0/1"));
        assertCounts(s.haplotype().of(SNV), 1, 0, 1, 1, 1);
        assertCounts(s.haplotype().of(INDEL), 1, 0, 0, 1, 1);
    }

    @Test
    void anMnpWrittenAsOneRecordOrAsSeparateSnvsMatches() throws IOException {
        // CT>AG at 180024: two SNVs on one haplotype either way; exact matching already sees them.
        Scored s = score(records(CHR22 + " 180024 C A PASS 0|1", CHR22 + " 180025 T G PASS 0|1"),
                records(CHR22 + " 180023 GCT GAG PASS 0/1"));
        assertCounts(s.exact().of(SNV), 2, 0, 0, 2, 2);
        assertCounts(s.haplotype().of(SNV), 2, 0, 0, 2, 2);
        assertEquals(new ConcordanceReport.Clusters(0, 0, 0), s.haplotype().clusters());
    }

    @Test
    void aComplexRecordMatchesTheTruthSplitAtTheOtherPlace() throws IOException {
        // CA>T at 180033 (ref ...G [C A] G...): the normaliser writes delete C (GC>G at 180032) + A>T at 180034;
        // split as C>T + delete A (CA>C at 180033) it spells the same G T G.
        Scored s = score(records(CHR22 + " 180033 C T PASS 0|1", CHR22 + " 180033 CA C PASS 0|1"),
                records(CHR22 + " 180033 CA T PASS 0/1"));
        assertCounts(s.exact().of(SNV), 0, 1, 1, 0, 0);
        assertCounts(s.exact().of(INDEL), 0, 1, 1, 0, 0);
        assertCounts(s.haplotype().of(SNV), 1, 0, 0, 1, 1);
        assertCounts(s.haplotype().of(INDEL), 1, 0, 0, 1, 1);
    }

    @Test
    void anStrContractionPlacedAtTheOtherEndOfTheRepeatMatches() throws IOException {
        // (CA)n at 212585..212595, then G. Truth: A>T at 212594 + delete CG (ACG>A at 212594): C A C A C A C A C T C
        // from 212585. Calls: delete CA at the repeat's start (GCA>G at 212584) + G>T at 212596: C A C A C A C A C
        // (212587..212595) T C: the same bases.
        Scored s = score(records(CHR22 + " 212594 A T PASS 0|1", CHR22 + " 212594 ACG A PASS 0|1"),
                records(CHR22 + " 212584 GCA G PASS 0/1", CHR22 + " 212596 G T PASS 0/1"));
        assertCounts(s.exact().of(SNV), 0, 1, 1, 0, 0);
        assertCounts(s.exact().of(INDEL), 0, 1, 1, 0, 0);
        assertCounts(s.haplotype().of(SNV), 1, 0, 0, 1, 1);
        assertCounts(s.haplotype().of(INDEL), 1, 0, 0, 1, 1);
        // Phase is not read (as vcfeval by default): calls phased onto two haplotypes still match.
        s = score(records(CHR22 + " 212594 A T PASS 0|1", CHR22 + " 212594 ACG A PASS 0|1"),
                records(CHR22 + " 212584 GCA G PASS 0|1", CHR22 + " 212596 G T PASS 1|0"));
        assertCounts(s.haplotype().of(SNV), 1, 0, 0, 1, 1);
        assertCounts(s.haplotype().of(INDEL), 1, 0, 0, 1, 1);
        // Only the deletion called: it spells C A C A C A C A C G C, not the truth's; both stay false.
        s = score(records(CHR22 + " 212594 A T PASS 0|1", CHR22 + " 212594 ACG A PASS 0|1"),
                records(CHR22 + " 212584 GCA G PASS 0/1"));
        assertCounts(s.haplotype().of(SNV), 0, 0, 1, 0, 0);
        assertCounts(s.haplotype().of(INDEL), 0, 1, 1, 0, 0);
    }

    @Test
    void aWrongCallNearATrueOneStaysFalse() throws IOException {
        // CA>T at 180033 called as CA>G: the deletion of C matches exactly, A>G is not A>T.
        Scored s = score(records(CHR22 + " 180033 CA T PASS 0|1"), records(CHR22 + " 180033 CA G PASS 0/1"));
        assertCounts(s.haplotype().of(SNV), 0, 1, 1, 0, 0);
        assertCounts(s.haplotype().of(INDEL), 1, 0, 0, 1, 1);
        assertEquals(new ConcordanceReport.Clusters(1, 0, 0), s.haplotype().clusters());
        // An SNV two bases off, and an insertion of the wrong length in the C run at 111971..111979.
        s = score(records(CHR22 + " 180024 C A PASS 0|1", CHR22 + " 111970 A AC PASS 0|1"),
                records(CHR22 + " 180026 G A PASS 0/1", CHR22 + " 111970 A ACC PASS 0/1"));
        assertCounts(s.haplotype().of(SNV), 0, 1, 1, 0, 0);
        assertCounts(s.haplotype().of(INDEL), 0, 1, 1, 0, 0);
    }

    @Test
    void anIndelExtentRunsToItsRightmostPlacement() {
        // Delete CA from (CA)n at 212585..212595: its placements reach 212595. Insert C into C x 9 at 111971..111979:
        // its rightmost placement precedes 111980.
        assertEquals(212595, AlleleMatching.lastBase(new AtomicAllele(CHR22, 212584, "GCA", "G"), reference));
        assertEquals(111980, AlleleMatching.lastBase(new AtomicAllele(CHR22, 111970, "A", "AC"), reference));
        assertEquals(180024, AlleleMatching.lastBase(new AtomicAllele(CHR22, 180024, "C", "A"), reference));
    }

    @Test
    void theEventViewFindsAComplexEventWrittenAsOneRecord() throws IOException {
        Path classes = Files.writeString(dir.resolve("classes.tsv"), "chrom\tstart\tend\tclass\tevent\n"
                + CHR22 + "\t975969\t975972\tcomplex\tcomplex_009\n");
        Concordance.Result r = Concordance.run(new Concordance.Inputs(
                vcf(dir, "t.vcf", CHR22 + " 975969 A T PASS 0|1", CHR22 + " 975971 G GAAGC PASS 0|1"),
                vcf(dir, "c.vcf", CHR22 + " 975969 AGG TGGAAGC PASS 0/1"), ConcordanceFixtures.reference(), null,
                null, null), classes);
        assertEquals(List.of(new EventConcordance.ClassEvents("complex", 1, 1, 0)), r.events());
    }
}
