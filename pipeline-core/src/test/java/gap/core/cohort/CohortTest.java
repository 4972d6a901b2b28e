package gap.core.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** De novo posterior, Mendelian checks, relatedness and pedigrees on cases worked out by hand. */
class CohortTest {
    private static final double THETA = 1e-3;
    private static final double[] PRIORS = {Math.log10(1 - 1.5 * THETA), Math.log10(THETA), Math.log10(THETA / 2)};
    private final TrioModel caller = new TrioModel(1e-8, 1e-4);

    @Test
    void deNovoPosteriorOnAHandComputedCase() {
        // Child het with the alternatives 1e10 less likely; both parents hom-ref with het 1e10 less likely.
        // Paths to a het child: a new mutation in either parent's transmitted allele, ~2e-8 (times 0.99999998 the
        // rest), against a parent being het (θ·1e-10) or the child being 0/0 (1e-10): P = 0.99502, DNQ 23.03.
        double[] child = {-10, 0, -10};
        double[] refParent = {0, -10, -20};
        double p = caller.deNovo(child, refParent, refParent, PRIORS, 2, false);
        assertEquals(0.9950199178869159, p, 1e-9);
        assertEquals(23.0276, TrioModel.phred(p), 1e-3);
    }

    @Test
    void aNovelAlleleIsRarerInAParent() {
        // Priors 1-1.5θ, θ, θ/2 with the alternate allele in no list and a share of 0.01: het 1e-5, hom-alt 5e-6,
        // hom-ref takes the rest (1 - 1.5e-5), so the priors still add up to 1.
        double[] novel = TrioModel.novelPriorsLog10(PRIORS, new boolean[] {false, true}, 0.01);
        assertEquals(1e-5, Math.pow(10, novel[1]), 1e-15);
        assertEquals(5e-6, Math.pow(10, novel[2]), 1e-15);
        assertEquals(1 - 1.5e-5, Math.pow(10, novel[0]), 1e-12);
        // Child het, each parent's het 1e-6 as likely as hom-ref (20 reference reads): against a parent's het at
        // θ = 1e-3 the posterior is 0.94780 (DNQ 12.8); at 1e-5, 0.99453 (DNQ 22.6). Computed apart by summing the
        // same transmission model over the nine parental genotype pairs.
        double[] child = {-10, 0, -10};
        double[] parent = {0, -6, -20};
        assertEquals(0.9477998187409494, caller.deNovo(child, parent, parent, PRIORS, 2, false), 1e-9);
        assertEquals(0.9945300771711726, caller.deNovo(child, parent, parent, novel, 2, false), 1e-9);
        // An allele both parents may carry unseen: nothing changes for a known one.
        assertEquals(PRIORS[1], TrioModel.novelPriorsLog10(PRIORS, new boolean[] {false, false}, 0.01)[1], 0);
    }

    @Test
    void aThinParentLowersTheDeNovoPosterior() {
        // The father's het is only ten times less likely than hom-ref (a parent at a few reads): DNQ near 0.
        double p = caller.deNovo(new double[] {-10, 0, -10}, new double[] {0, -1, -3}, new double[] {0, -10, -20},
                PRIORS, 2, false);
        assertEquals(3.953082377336613e-4, p, 1e-9);
    }

    @Test
    void aTransmittedAlleleIsNotDeNovo() {
        double p = caller.deNovo(new double[] {-10, 0, -10}, new double[] {-10, 0, -10}, new double[] {0, -10, -20},
                PRIORS, 2, false);
        assertTrue(p < 1e-7, "a het father explains the child: " + p);
    }

    @Test
    void mendelianViolations() {
        int[] ref = {0, 0};
        int[] het = {0, 1};
        int[] hom = {1, 1};
        assertFalse(MendelianCheck.violates(het, het, ref, false));
        assertTrue(MendelianCheck.violates(hom, het, ref, false), "the mother has no alternate allele to give");
        assertTrue(MendelianCheck.violates(het, ref, ref, false), "de novo: no parent has it");
        assertFalse(MendelianCheck.violates(new int[] {1, 2}, new int[] {0, 1}, new int[] {0, 2}, false));
        assertFalse(MendelianCheck.violates(het, null, ref, false), "not all called: nothing to say");
        assertFalse(MendelianCheck.violates(hom, ref, hom, true), "chrM comes from the mother");
        assertTrue(MendelianCheck.violates(hom, hom, ref, true));
    }

    @Test
    void relatednessTellsParentFromStranger() {
        // 10 sites. Parent–child: share an allele everywhere; 4 het/het, 5 and 7 hets: (4 - 2·0) / 12 = 1/3.
        int[] parent = {1, 1, 1, 1, 1, 0, 2, 2, 0, 0};
        int[] child = {1, 1, 1, 1, 2, 1, 1, 1, 0, 0};
        Relatedness.Estimate pc = estimate(parent, child);
        assertEquals(10, pc.sites());
        assertEquals(0, pc.ibs0(), 0);
        assertEquals(4.0 / 12, pc.kinship(), 1e-12);
        assertTrue(pc.looksParentChild());
        // Strangers: opposite homozygotes at 4 of the 9 sites both are called.
        int[] other = {0, 1, 0, 2, 0, 2, 0, 0, 2, -1};
        Relatedness.Estimate st = estimate(parent, other);
        assertEquals(9, st.sites());
        assertEquals(4.0 / 9, st.ibs0(), 1e-12);
        assertFalse(st.looksParentChild());
    }

    private static Relatedness.Estimate estimate(int[] a, int[] b) {
        Relatedness.Tally t = new Relatedness.Tally();
        for (int i = 0; i < a.length; i++) {
            t.add(a[i], b[i]);
        }
        return t.estimate();
    }

    @Test
    void pedigreeTriosRelationsAndErrors(@TempDir Path tmp) throws Exception {
        List<String> aliases = List.of("dad", "mum", "kid", "sib");
        List<String> sexes = List.of("male", "female", "female", "unknown");
        Path ped = Files.writeString(tmp.resolve("f.ped"),
                "#fam id pat mat sex pheno\nF dad 0 0 1 1\nF mum 0 0 2 1\nF kid dad mum 2 2\nF sib dad mum 0 1\n");
        Pedigree p = Pedigree.read(ped, aliases, sexes);
        assertEquals(List.of(new Trio(2, 0, 1), new Trio(3, 0, 1)), p.trios());
        assertEquals(Pedigree.Relation.PARENT_CHILD, p.relation(2, 0));
        assertEquals(Pedigree.Relation.UNRELATED, p.relation(0, 1));
        assertEquals(Pedigree.Relation.SIBLINGS, p.relation(2, 3));
        assertEquals(Pedigree.Relation.UNKNOWN, Pedigree.none().relation(0, 1));

        assertEquals("pedigree line 1: column 'individual' is none of the samples (sample_alias of the sample sheet,"
                + " or @RG SM of an -I file)",
                error(tmp, "F SECRET 0 0 1 1\n", aliases, sexes));
        assertTrue(error(tmp, "F kid kid mum 2 2\n", aliases, sexes).contains("its own parent"));
        assertTrue(error(tmp, "F dad 0 0 1 1\nF mum 0 0 2 1\nF kid mum dad 2 2\n", aliases, sexes)
                .contains("line 3: column 'father' names an individual whose sex is female"));
        assertEquals("pedigree line 1: column 'father' names no individual of the pedigree: give the parent a line of"
                + " its own, or 0 for a parent who was not sequenced", error(tmp, "F kid SECRET 0 2 2\n", aliases, sexes));
        assertEquals("pedigree line 1: column 'sex' disagrees with the sample sheet's sex of the same sample: correct"
                + " one of them", error(tmp, "F dad 0 0 2 1\n", aliases, sexes));
        // the sheet's sex counts where the pedigree's is unknown: a female named as father
        assertTrue(error(tmp, "F mum 0 0 0 1\nF kid mum 0 2 2\n", aliases, sexes)
                .contains("line 2: column 'father' names an individual whose sex is female"));
    }

    @Test
    void pedigreeCyclesOfAnyLengthAreRefused(@TempDir Path tmp) throws Exception {
        List<String> aliases = List.of("a", "b", "c", "d", "e");
        List<String> sexes = List.of("unknown", "unknown", "unknown", "unknown", "unknown");
        // two generations: a and b each other's father; sexes consistent (all male)
        assertTrue(error(tmp, "F a b 0 1 1\nF b a 0 1 1\n", aliases, sexes)
                .matches("pedigree line 1: the individual is its own ancestor .*"));
        // three generations through a mother: a <- b <- c <- a
        assertTrue(error(tmp, "F a b 0 1 1\nF b 0 c 1 1\nF c a 0 2 1\n", aliases, sexes)
                .contains("is its own ancestor"));
        // five generations, with a sound individual first
        assertTrue(error(tmp, "F e 0 0 2 1\nF a b e 1 1\nF b c 0 1 1\nF c d 0 1 1\nF d a 0 1 1\n",
                aliases, List.of("unknown", "unknown", "unknown", "unknown", "unknown")).contains("its own ancestor"));
        // grandparents shared by two lines (a diamond) are no cycle
        Path ped = Files.writeString(tmp.resolve("ok.ped"), "F a 0 0 1 1\nF b 0 0 2 1\nF c a b 1 1\nF d a b 2 1\n"
                + "F e c d 0 1\n");
        assertEquals(3, Pedigree.read(ped, aliases, sexes).trios().size());
    }

    private static String error(Path dir, String text, List<String> aliases, List<String> sexes) throws Exception {
        Path ped = Files.writeString(dir.resolve("e.ped"), text);
        return assertThrows(UserException.class, () -> Pedigree.read(ped, aliases, sexes)).getMessage();
    }
}
