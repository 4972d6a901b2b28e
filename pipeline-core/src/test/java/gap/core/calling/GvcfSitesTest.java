package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.GvcfRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Joint sites from gVCF records: alleles merged, a sample's missing allele taking its {@code <NON_REF>} likelihoods. */
class GvcfSitesTest {
    private static final GvcfRecord.RawAnnotations RAW = new GvcfRecord.RawAnnotations(new int[4], 0, 0,
            new int[2][0], new int[2][0], new int[2][0], null);

    /** A variant record of REF C, ALT T at 100: PL over C, T, NON_REF (C/C, C/T, T/T, C/N, T/N, N/N). */
    private static GvcfRecord snv(String alt, int[] pl, int[] ad) {
        return new GvcfRecord("c", 100, 100, List.of("C", alt), 50, new int[] {0, 1}, 40, pl, 20, -1, ad, RAW);
    }

    @Test
    void aSampleWithABlockTakesItsNonRefLikelihoodsForEveryAlternate() {
        GvcfRecord a = snv("T", new int[] {400, 0, 300, 410, 310, 700}, new int[] {10, 10});
        GvcfRecord block = GvcfRecord.block("c", 90, 120, 'A', 30, new int[] {0, 30, 348}, 12);
        GvcfSites sites = GvcfSites.of(List.of(List.of(a), List.of(block)), 50);
        assertEquals(List.of(100), sites.positions(1, 200));
        GvcfSites.Site site = sites.at("c", 100);
        assertEquals(List.of("C", "T"), site.site().alleles());
        // sample A its own PL over C, T: -PL / 10
        assertArrayEquals(new double[] {-40, 0, -30}, site.likelihoods().get(0).log10(), 1e-12);
        // sample B: C/C 0, C/T from C/NON_REF 30, T/T from NON_REF/NON_REF 348
        assertArrayEquals(new double[] {0, -3, -34.8}, site.likelihoods().get(1).log10(), 1e-12);
        assertArrayEquals(new int[] {12, 0}, site.likelihoods().get(1).depths());
        assertTrue(site.covered()[1]);
        assertEquals(12, site.depths()[1]);
        assertNull(site.raws().get(1));
    }

    @Test
    void allelesOfDifferentReferenceLengthsAreExtendedAndAMissingOneIsNonRef() {
        // sample A: C>T; sample B: CAG>C (a deletion at the same position): the joint REF is CAG, A's T becomes TAG
        GvcfRecord a = snv("T", new int[] {400, 0, 300, 410, 310, 700}, new int[] {10, 10});
        GvcfRecord b = new GvcfRecord("c", 100, 102, List.of("CAG", "C"), 80, new int[] {1, 1}, 60,
                new int[] {600, 60, 0, 610, 70, 650}, 15, -1, new int[] {0, 15}, RAW);
        GvcfSites.Site site = GvcfSites.of(List.of(List.of(a), List.of(b)), 50).at("c", 100);
        assertEquals(List.of("CAG", "TAG", "C"), site.site().alleles());
        // A over CAG, TAG, C: C is A's NON_REF (index 2). Order 0/0 0/1 1/1 0/2 1/2 2/2
        assertArrayEquals(new double[] {-40, 0, -30, -41, -31, -70}, site.likelihoods().get(0).log10(), 1e-12);
        assertArrayEquals(new int[] {10, 10, 0}, site.likelihoods().get(0).depths());
        // B over CAG, TAG, C: TAG is B's NON_REF (index 2), C its allele 1: 0/0 -60, 0/1 (0/N) -61, 1/1 (N/N) -65,
        // 0/2 (0/1) -6, 1/2 (1/N) -7, 2/2 (1/1) 0
        assertArrayEquals(new double[] {-60, -61, -65, -6, -7, 0}, site.likelihoods().get(1).log10(), 1e-12);
        assertEquals(102, site.site().spanEnd());
    }

    @Test
    void aSampleWithoutAnyRecordThereHasNoSay() {
        GvcfRecord a = snv("T", new int[] {400, 0, 300, 410, 310, 700}, new int[] {10, 10});
        GvcfSites.Site site = GvcfSites.of(List.of(List.of(a), List.of()), 50).at("c", 100);
        assertFalse(site.covered()[1]);
        VariantCaller.Joint joint = new VariantCaller(TestParams.defaults()).call(site.site(), site.likelihoods(),
                site.covered(), site.depths(), new int[] {2, 2});
        assertEquals(1, joint.call().genotype(0).allele2());
        assertFalse(joint.call().genotype(1).isCalled());
    }

    @Test
    void aOnePositionBlockListingAnotherBaseGivesItsNonRefLikelihoodsToTheAlleleItLacks() {
        // the child: C>A at 100; a parent's block at 100 lists the T of one error read: PL over C, T, NON_REF
        // (C/C 0, C/T 5, T/T 288, C/N 27, T/N 291, N/N 313). For the child's A the parent takes its NON_REF:
        // C/C 0, C/A -2.7 (C/N), A/A -31.3 (N/N); its T read is no evidence for A
        GvcfRecord child = snv("A", new int[] {400, 0, 300, 410, 310, 700}, new int[] {10, 10});
        GvcfRecord parent = GvcfRecord.alleleBlock("c", 100, List.of("C", "T"), new int[] {0, 0}, 5,
                new int[] {0, 5, 288, 27, 291, 313}, 10);
        GvcfSites sites = GvcfSites.of(List.of(List.of(child), List.of(parent)), 50);
        assertEquals(List.of(100), sites.positions(1, 200)); // a block never makes a joint site
        GvcfSites.Site site = sites.at("c", 100);
        assertEquals(List.of("C", "A"), site.site().alleles());
        assertArrayEquals(new double[] {0, -2.7, -31.3}, site.likelihoods().get(1).log10(), 1e-12);
        assertArrayEquals(new int[] {10, 0}, site.likelihoods().get(1).depths());
        // where the child's allele is the parent's T, the parent's own T likelihoods count
        GvcfRecord childT = snv("T", new int[] {400, 0, 300, 410, 310, 700}, new int[] {10, 10});
        GvcfSites.Site t = GvcfSites.of(List.of(List.of(childT), List.of(parent)), 50).at("c", 100);
        assertArrayEquals(new double[] {0, -0.5, -28.8}, t.likelihoods().get(1).log10(), 1e-12);
    }

    @Test
    void atADeletionASampleWithBlocksTakesTheSurestBlockOverTheDeletedBases() {
        // sample A: CAG>C at 100 (REF over 100-102); sample B's blocks: 90-100 het PL 30, 101-120 het PL 33. The
        // reads over the deleted bases 101-102 tell the deletion apart: B's likelihoods from the second block
        GvcfRecord a = new GvcfRecord("c", 100, 102, List.of("CAG", "C"), 80, new int[] {0, 1}, 60,
                new int[] {600, 0, 650, 610, 70, 700}, 15, -1, new int[] {7, 8}, RAW);
        GvcfRecord first = GvcfRecord.block("c", 90, 100, 'C', 30, new int[] {0, 30, 348}, 10);
        GvcfRecord second = GvcfRecord.block("c", 101, 120, 'A', 33, new int[] {0, 33, 360}, 11);
        GvcfSites.Site site = GvcfSites.of(List.of(List.of(a), List.of(first, second)), 50).at("c", 100);
        assertArrayEquals(new double[] {0, -3.3, -36}, site.likelihoods().get(1).log10(), 1e-12);
        assertArrayEquals(new int[] {11, 0}, site.likelihoods().get(1).depths());
        // an SNV at 100 (REF one base) keeps the block at 100
        GvcfRecord snv = snv("T", new int[] {400, 0, 300, 410, 310, 700}, new int[] {10, 10});
        GvcfSites.Site one = GvcfSites.of(List.of(List.of(snv), List.of(first, second)), 50).at("c", 100);
        assertArrayEquals(new double[] {0, -3, -34.8}, one.likelihoods().get(1).log10(), 1e-12);
    }

    @Test
    void aSiteWhereEverySamplesEvidenceFavoursHomRefCannotVary() {
        // A's record at 100 is hom-ref (two T reads among 24: PL 0 first), B's block there too: nothing to call
        GvcfRecord a = new GvcfRecord("c", 100, 100, List.of("C", "T"), 0, new int[] {0, 0}, 15,
                new int[] {0, 15, 339, 63, 345, 393}, 24, -1, new int[] {22, 2}, RAW);
        GvcfRecord block = GvcfRecord.block("c", 90, 120, 'C', 30, new int[] {0, 30, 348}, 12);
        assertFalse(GvcfSites.of(List.of(List.of(a), List.of(block)), 50).mayVary(100));
        assertNull(call(GvcfSites.of(List.of(List.of(a), List.of(block)), 50)));
        // A het: it may
        GvcfRecord het = snv("T", new int[] {400, 0, 300, 410, 310, 700}, new int[] {10, 10});
        assertTrue(GvcfSites.of(List.of(List.of(het), List.of(block)), 50).mayVary(100));
        // B's one-position block at 100 favours C/T (PL 0 second): B may carry A's T, and does
        GvcfRecord listing = GvcfRecord.alleleBlock("c", 100, List.of("C", "T"), new int[] {0, 1}, 60,
                new int[] {60, 0, 164, 88, 167, 194}, 17);
        GvcfSites mixed = GvcfSites.of(List.of(List.of(a), List.of(listing)), 50);
        assertTrue(mixed.mayVary(100));
        assertEquals(1, call(mixed).call().genotype(1).allele2());
        // a tie between hom-ref and het goes to hom-ref, as the caller's GT does
        GvcfRecord tie = GvcfRecord.block("c", 90, 120, 'C', 0, new int[] {0, 0, 348}, 12);
        assertFalse(GvcfSites.of(List.of(List.of(a), List.of(tie)), 50).mayVary(100));
        assertNull(call(GvcfSites.of(List.of(List.of(a), List.of(tie)), 50)));
    }

    @Test
    void atADeletionEveryBlockOverItsBasesMustFavourHomRef() {
        // A's hom-ref CAG>C at 100 spans 100-102; B's block 101-120 favours a non-reference genotype: B's
        // likelihoods may come from it
        GvcfRecord a = new GvcfRecord("c", 100, 102, List.of("CAG", "C"), 0, new int[] {0, 0}, 20,
                new int[] {0, 20, 400, 30, 410, 450}, 15, -1, new int[] {13, 2}, RAW);
        GvcfRecord first = GvcfRecord.block("c", 90, 100, 'C', 30, new int[] {0, 30, 348}, 10);
        GvcfRecord second = GvcfRecord.block("c", 101, 120, 'A', 0, new int[] {80, 40, 0}, 11);
        GvcfSites sites = GvcfSites.of(List.of(List.of(a), List.of(first, second)), 50);
        assertTrue(sites.mayVary(100));
        assertEquals(1, call(sites).call().genotype(1).allele1()); // het PL 40 > 30: the site takes it, 1/1
        // a het-favouring block there (het PL 0) is never the surer one: the check does not weigh which block the
        // site takes, so it says the site may vary where the caller calls nothing
        GvcfRecord het = GvcfRecord.block("c", 101, 120, 'A', 0, new int[] {50, 0, 360}, 11);
        GvcfSites unsure = GvcfSites.of(List.of(List.of(a), List.of(first, het)), 50);
        assertTrue(unsure.mayVary(100));
        assertNull(call(unsure));
        // an SNV at 100 keeps the block at 100 alone
        GvcfRecord snv = new GvcfRecord("c", 100, 100, List.of("C", "T"), 0, new int[] {0, 0}, 15,
                new int[] {0, 15, 339, 63, 345, 393}, 24, -1, new int[] {22, 2}, RAW);
        assertFalse(GvcfSites.of(List.of(List.of(snv), List.of(first, second)), 50).mayVary(100));
        // no block there: a hom-ref variant record spanning the position stands for it
        GvcfRecord spanning = new GvcfRecord("c", 99, 101, List.of("GCA", "G"), 0, new int[] {0, 0}, 20,
                new int[] {0, 20, 400, 30, 410, 450}, 15, -1, new int[] {13, 2}, RAW);
        GvcfRecord spanningHet = new GvcfRecord("c", 99, 101, List.of("GCA", "G"), 0, new int[] {0, 1}, 20,
                new int[] {20, 0, 400, 30, 410, 450}, 15, -1, new int[] {13, 2}, RAW);
        assertFalse(GvcfSites.of(List.of(List.of(snv), List.of(spanning)), 50).mayVary(100));
        assertTrue(GvcfSites.of(List.of(List.of(snv), List.of(spanningHet)), 50).mayVary(100));
    }

    /** Random samples' records at 100: where a site cannot vary, the caller calls nothing there. */
    @Test
    void whereASiteCannotVaryTheCallerCallsNothing() {
        java.util.Random random = new java.util.Random(5);
        int cannot = 0;
        for (int n = 0; n < 2000; n++) {
            List<List<GvcfRecord>> samples = new java.util.ArrayList<>();
            for (int s = 0; s < 3; s++) {
                List<GvcfRecord> records = new java.util.ArrayList<>();
                int kind = random.nextInt(4);
                if (kind == 0 || s == 0) {
                    String alt = random.nextBoolean() ? "T" : "CA";
                    records.add(new GvcfRecord("c", 100, 100, List.of("C", alt), 0, new int[] {0, 0}, 10,
                            randomPl(random, 6), 20, -1, new int[] {18, 2}, RAW));
                } else if (kind == 1) {
                    records.add(GvcfRecord.block("c", 90, 120, 'C', 10, randomPl(random, 3), 12));
                } else if (kind == 2) {
                    records.add(GvcfRecord.alleleBlock("c", 100, List.of("C", "G"), new int[] {0, 0}, 10,
                            randomPl(random, 6), 9));
                }
                samples.add(records);
            }
            GvcfSites sites = GvcfSites.of(samples, 50);
            if (!sites.mayVary(100)) {
                cannot++;
                assertNull(call(sites), samples.toString());
            }
        }
        assertTrue(cannot > 100 && cannot < 1900, "both answers drawn: " + cannot);
    }

    /** PLs with hom-ref's least about half the time, ties included. */
    private static int[] randomPl(java.util.Random random, int count) {
        int[] pl = new int[count];
        for (int g = 0; g < count; g++) {
            pl[g] = random.nextInt(4) * 30;
        }
        if (random.nextBoolean()) {
            pl[0] = 0;
        }
        return pl;
    }

    private static VariantCaller.Joint call(GvcfSites sites) {
        GvcfSites.Site site = sites.at("c", 100);
        return new VariantCaller(TestParams.defaults()).call(site.site(), site.likelihoods(), site.covered(),
                site.depths(), new int[] {2, 2, 2}.length == site.covered().length ? new int[] {2, 2, 2}
                        : new int[] {2, 2});
    }
}
