package gap.core.concordance;

import static gap.core.concordance.ConcordanceFixtures.CHR22;
import static gap.core.concordance.ConcordanceFixtures.vcf;
import static gap.core.concordance.VariantClass.INDEL;
import static gap.core.concordance.VariantClass.SNV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-made truth/calls pairs on the real sample-data/ref.fa (sequence quoted in {@link VariantNormalizerTest}):
 * 180001..180040 CTTGGTTGGATTGAAGGGGCTTGCTGGAGGTGCAGGGGGA, a CA repeat at 212585..212595, C x 9 at 111971..111979.
 */
class ConcordanceTest {
    @TempDir
    Path dir;

    private ConcordanceReport compare(Path bed, String[] truth, String[] calls) throws IOException {
        Path t = vcf(dir, "truth.vcf", truth);
        Path c = vcf(dir, "calls.vcf", calls);
        return Concordance.run(new Concordance.Inputs(t, c, ConcordanceFixtures.reference(), bed, null, null));
    }

    private ConcordanceReport compare(String[] truth, String[] calls) throws IOException {
        return compare(null, truth, calls);
    }

    private static String[] records(String... r) {
        return r;
    }

    /** tp, fp, fn, genotype matches. */
    private static void assertCounts(ClassCounts k, int tp, int fp, int fn, int gtMatches) {
        assertEquals(new ClassCounts(tp, fp, fn, gtMatches), k);
    }

    @Test
    void mnpInTruthMatchesTwoSnvsInCalls() throws IOException {
        ConcordanceReport r = compare(
                records(CHR22 + " 180024 CT AG PASS 0|1"),
                records(CHR22 + " 180024 C A PASS 0/1", CHR22 + " 180025 T G PASS 0/1"));
        assertCounts(r.of(SNV), 2, 0, 0, 2);
        assertCounts(r.of(INDEL), 0, 0, 0, 0);
    }

    @Test
    void multiAllelicRecordMatchesSplitRecordsWithGenotypes() throws IOException {
        ConcordanceReport r = compare(
                records(CHR22 + " 180010 A G,T PASS 1|2"),
                records(CHR22 + " 180010 A G PASS 1/0", CHR22 + " 180010 A T PASS 0/1"));
        assertCounts(r.of(SNV), 2, 0, 0, 2);
        // The other way round, and a 2/2 that splits into a hom-alt T and nothing for G.
        r = compare(
                records(CHR22 + " 180010 A T PASS 1|1"),
                records(CHR22 + " 180010 A G,T . 2/2"));
        assertCounts(r.of(SNV), 1, 0, 0, 1);
    }

    @Test
    void genotypeConcordanceComparesCopyNumbers() throws IOException {
        // Truth: G>A and G>C one copy each (1|2), C>A hom-alt. Calls: G>A hom-alt, C>A het.
        ConcordanceReport r = compare(
                records(CHR22 + " 180013 G A,C PASS 1|2", CHR22 + " 180024 C A PASS 1|1",
                        CHR22 + " 180025 T G PASS 0|1"),
                records(CHR22 + " 180013 G A PASS 1/1", CHR22 + " 180024 C A PASS 0/1",
                        CHR22 + " 180025 T G PASS 1/0"));
        assertCounts(r.of(SNV), 3, 0, 1, 1);
        assertEquals(1.0 / 3, r.of(SNV).genotypeConcordance(), 1e-12);
    }

    @Test
    void sameIndelWrittenAtTwoPlacesInARepeatMatches() throws IOException {
        ConcordanceReport r = compare(
                records(CHR22 + " 111970 A AC PASS 1|1", CHR22 + " 212584 GCA G PASS 0|1"),
                records(CHR22 + " 111979 C CC PASS 1/1", CHR22 + " 212593 CAC C PASS 0/1"));
        assertCounts(r.of(INDEL), 2, 0, 0, 2);
        assertCounts(r.of(SNV), 0, 0, 0, 0);
    }

    @Test
    void complexAlleleMatchesTheTwoRecordsBcftoolsWouldWrite() throws IOException {
        // CA>T at 180033 = delete C (anchor G at 180032) + A>T at 180034, by the leftmost-gap rule.
        ConcordanceReport r = compare(
                records(CHR22 + " 180033 CA T PASS 0|1"),
                records(CHR22 + " 180032 GC G PASS 0/1", CHR22 + " 180034 A T PASS 0/1"));
        assertCounts(r.of(SNV), 1, 0, 0, 1);
        assertCounts(r.of(INDEL), 1, 0, 0, 1);
        // The same haplotype written as C>T plus a deletion of A: other alleles, matched by haplotype sequence.
        r = compare(
                records(CHR22 + " 180033 CA T PASS 0|1"),
                records(CHR22 + " 180033 C T PASS 0/1", CHR22 + " 180033 CA C PASS 0/1"));
        assertCounts(r.of(SNV), 1, 0, 0, 1);
        assertCounts(r.of(INDEL), 1, 0, 0, 1);
    }

    @Test
    void falsePositivesAndFalseNegativesAreCounted() throws IOException {
        ConcordanceReport r = compare(
                records(CHR22 + " 180006 T A PASS 0|1", CHR22 + " 180024 C A PASS 0|1",
                        CHR22 + " 180025 T G PASS 0|1", CHR22 + " 212584 GCA G PASS 0|1"),
                records(CHR22 + " 180002 T C PASS 0/1", CHR22 + " 180024 C A PASS 0/1",
                        CHR22 + " 180025 T G PASS 1/1", CHR22 + " 111970 A AC PASS 0/1"));
        ClassCounts snv = r.of(SNV);
        assertCounts(snv, 2, 1, 1, 1);
        assertEquals(2.0 / 3, snv.precision(), 1e-12);
        assertEquals(2.0 / 3, snv.recall(), 1e-12);
        assertEquals(2.0 / 3, snv.f1(), 1e-12);
        assertEquals(0.5, snv.genotypeConcordance(), 1e-12);
        assertEquals(3, snv.truthTotal());
        assertEquals(3, snv.callsTotal());
        ClassCounts indel = r.of(INDEL);
        assertCounts(indel, 0, 1, 1, 0);
        assertEquals(0.0, indel.f1());
        assertTrue(Double.isNaN(indel.genotypeConcordance()));
    }

    @Test
    void onlyAllelesWhosePosLiesInTheConfidentBedCount() throws IOException {
        // BED 180000-180030 = 1-based 180001..180030.
        Path bed = Files.writeString(dir.resolve("conf.bed"), CHR22 + "\t180000\t180030\n");
        ConcordanceReport r = compare(bed,
                records(CHR22 + " 180006 T A PASS 0|1", CHR22 + " 180031 T C PASS 0|1", "chrM 750 A G PASS 1|1"),
                records(CHR22 + " 180006 T A PASS 0/1", CHR22 + " 180034 A T PASS 0/1",
                        // POS 180030 is inside although the deleted T (180031) is not: it counts.
                        CHR22 + " 180030 GT G PASS 0/1"));
        assertCounts(r.of(SNV), 1, 0, 0, 1);
        assertCounts(r.of(INDEL), 0, 1, 0, 0);
        assertEquals("conf.bed", r.regions());
    }

    @Test
    void filteredCallRecordsAreIgnoredButFilteredTruthIsNot() throws IOException {
        ConcordanceReport r = compare(
                records(CHR22 + " 180006 T A LowQual 0|1", CHR22 + " 180024 C A PASS 0|1"),
                records(CHR22 + " 180006 T A PASS 0/1", CHR22 + " 180024 C A LowQual 0/1",
                        CHR22 + " 180025 T G LowQual 0/1"));
        assertCounts(r.of(SNV), 1, 0, 1, 1);
        assertEquals(2, r.callsFiltered());
    }

    @Test
    void refOnlyAndNoCallGenotypesCountNothing() throws IOException {
        ConcordanceReport r = compare(
                records(CHR22 + " 180006 T A PASS 0|0", CHR22 + " 180024 C A PASS .|."),
                records(CHR22 + " 180006 T A PASS 0/0", CHR22 + " 180024 C A PASS ./.", CHR22 + " 180025 T G PASS ./1"));
        // A half call ./1 still carries one copy of the ALT.
        assertCounts(r.of(SNV), 0, 1, 0, 0);
    }

    @Test
    void symbolicAndStarAllelesAreSkippedAndCounted() throws IOException {
        ConcordanceReport r = compare(
                records(CHR22 + " 180024 C A PASS 0|1"),
                records(CHR22 + " 180024 C A,* PASS 1/2", CHR22 + " 180030 G <DEL> PASS 0/1"));
        assertCounts(r.of(SNV), 1, 0, 0, 1);
        assertEquals(2, r.callsSkipped());
        assertEquals(0, r.truthSkipped());
    }

    @Test
    void samplesAreChosenByNameOrFirstAndAWrongNameIsNotEchoed() throws IOException {
        Path data = ConcordanceFixtures.sampleData();
        Path trio = data.resolve("trio1.truth.vcf.gz");
        Path child = data.resolve("trio1_child.truth.vcf.gz");
        Path ref = ConcordanceFixtures.reference();
        ConcordanceReport named = Concordance.run(new Concordance.Inputs(trio, child, ref, null, "trio1_child", null));
        for (VariantClass c : VariantClass.values()) {
            assertEquals(1.0, named.of(c).f1());
            assertEquals(1.0, named.of(c).genotypeConcordance());
        }
        // without --truth-sample a trio's truth is refused, not read as its first sample (the father): other names
        // than pseudonyms may identify someone, so bcftools lists them
        UserException several = assertThrows(UserException.class, () -> Concordance.run(
                new Concordance.Inputs(trio, child, ref, null, null, null)));
        assertEquals("trio1.truth.vcf.gz has 3 samples: choose one with --truth-sample (list them with 'bcftools"
                + " query -l trio1.truth.vcf.gz')", several.getMessage());
        UserException e = assertThrows(UserException.class, () -> Concordance.run(
                new Concordance.Inputs(trio, child, ref, null, "25.03.18-062.17", null)));
        assertEquals("the sample named by --truth-sample is not in trio1.truth.vcf.gz: list the samples with"
                + " 'bcftools query -l trio1.truth.vcf.gz'", e.getMessage());
    }

    @Test
    void severalPseudonymisedSamplesAreListedByName() throws java.io.IOException {
        Path joint = dir.resolve("joint.vcf");
        Files.writeString(joint, "##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tGAP-HF5HX1Q9N0MR\tGAP-Q98C1F60GDFC\n");
        Path truth = ConcordanceFixtures.sampleData().resolve("trio1_child.truth.vcf.gz");
        UserException e = assertThrows(UserException.class, () -> Concordance.run(new Concordance.Inputs(truth, joint,
                ConcordanceFixtures.reference(), null, null, null)));
        assertEquals("joint.vcf has 2 samples: choose one with --calls-sample (GAP-HF5HX1Q9N0MR, GAP-Q98C1F60GDFC)",
                e.getMessage());
    }

    @Test
    void splitAndUnsplitTruthGiveTheSameAlleles() {
        Path data = ConcordanceFixtures.sampleData();
        ConcordanceReport r = Concordance.run(new Concordance.Inputs(data.resolve("hard1_proband.truth.vcf.gz"),
                data.resolve("hard1_proband.truth.nosplit.vcf.gz"), ConcordanceFixtures.reference(),
                data.resolve("confident.bed"), null, null));
        for (VariantClass c : VariantClass.values()) {
            assertEquals(0, r.of(c).fp() + r.of(c).fn(), c.name());
            assertEquals(r.of(c).tp(), r.of(c).genotypeMatches(), c.name());
            assertTrue(r.of(c).tp() > 0, c.name());
        }
    }

    @Test
    void badInputsAreOneLineUserErrors() throws IOException {
        Path ref = ConcordanceFixtures.reference();
        Path good = vcf(dir, "good.vcf", CHR22 + " 180024 C A PASS 0|1");
        Path wrongRef = vcf(dir, "wrongref.vcf", CHR22 + " 180024 G A PASS 0|1");
        Path wrongContig = vcf(dir, "contig.vcf", "chr1 100 G A PASS 0|1");
        Path sitesOnly = Files.writeString(dir.resolve("sites.vcf"),
                "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" + CHR22
                        + "\t180024\t.\tC\tA\t.\tPASS\t.\n");
        Path garbage = Files.writeString(dir.resolve("garbage.vcf"), "this is not a VCF\n");
        Path noFai = Files.copy(ref, dir.resolve("nofai.fa"));

        List<String[]> cases = List.of(
                new String[] {"missing.vcf", "truth VCF missing.vcf does not exist: check the path"},
                new String[] {wrongRef.toString(), "REF of the record at chr22_20_21M:180024 of wrongref.vcf differs"
                        + " from ref.fa: use the reference the VCFs were made with (-R)"},
                new String[] {wrongContig.toString(), "contig chr1 of contig.vcf is not in ref.fa: use the reference"
                        + " the VCFs were made with (-R)"},
                new String[] {sitesOnly.toString(), "truth VCF sites.vcf has no sample columns: concordance compares"
                        + " genotypes, give a VCF with a GT for the sample"},
                new String[] {garbage.toString(), "truth VCF garbage.vcf could not be read as VCF"});
        for (String[] c : cases) {
            UserException e = assertThrows(UserException.class, () -> Concordance.run(
                    new Concordance.Inputs(dir.resolve(c[0]), good, ref, null, null, null)));
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        UserException e = assertThrows(UserException.class, () -> Concordance.run(
                new Concordance.Inputs(good, good, noFai, null, null, null)));
        assertEquals("reference nofai.fa has no index nofai.fa.fai: create it with 'samtools faidx nofai.fa'",
                e.getMessage());
    }
}
