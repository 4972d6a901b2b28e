package gap.core.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** De novo posterior, Mendelian checks, relatedness and pedigrees on cases worked out by hand. */
class CohortTest {
    private static final double THETA = 1e-3;
    private static final double[] PRIORS = {Math.log10(1 - 1.5 * THETA), Math.log10(THETA), Math.log10(THETA / 2)};
    private final DeNovoCaller caller = new DeNovoCaller(1e-8);

    @Test
    void deNovoPosteriorOnAHandComputedCase() {
        // Child het with the alternatives 1e10 less likely; both parents hom-ref with het 1e10 less likely.
        // Paths to a het child: a new mutation in either parent's transmitted allele, ~2e-8 (times 0.99999998 the
        // rest), against a parent being het (θ·1e-10) or the child being 0/0 (1e-10): P = 0.99502, DNQ 23.03.
        double[] child = {-10, 0, -10};
        double[] refParent = {0, -10, -20};
        double p = caller.posterior(child, refParent, refParent, PRIORS, 2);
        assertEquals(0.9950199178869159, p, 1e-9);
        assertEquals(23.0276, DeNovoCaller.phred(p), 1e-3);
    }

    @Test
    void aThinParentLowersTheDeNovoPosterior() {
        // The father's het is only ten times less likely than hom-ref (a parent at a few reads): DNQ near 0.
        double p = caller.posterior(new double[] {-10, 0, -10}, new double[] {0, -1, -3}, new double[] {0, -10, -20},
                PRIORS, 2);
        assertEquals(3.953082377336613e-4, p, 1e-9);
    }

    @Test
    void aTransmittedAlleleIsNotDeNovo() {
        double p = caller.posterior(new double[] {-10, 0, -10}, new double[] {-10, 0, -10}, new double[] {0, -10, -20},
                PRIORS, 2);
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
        Relatedness.Estimate pc = Relatedness.estimate(parent, child);
        assertEquals(10, pc.sites());
        assertEquals(0, pc.ibs0(), 0);
        assertEquals(4.0 / 12, pc.kinship(), 1e-12);
        assertTrue(pc.looksParentChild());
        // Strangers: opposite homozygotes at 4 of the 9 sites both are called.
        int[] other = {0, 1, 0, 2, 0, 2, 0, 0, 2, -1};
        Relatedness.Estimate st = Relatedness.estimate(parent, other);
        assertEquals(9, st.sites());
        assertEquals(4.0 / 9, st.ibs0(), 1e-12);
        assertFalse(st.looksParentChild());
    }

    @Test
    void pedigreeTriosAndErrors(@TempDir Path tmp) throws Exception {
        Set<String> aliases = Set.of("dad", "mum", "kid");
        Path ped = Files.writeString(tmp.resolve("f.ped"), "#fam id pat mat sex pheno\nF dad 0 0 1 1\nF mum 0 0 2 1\nF kid dad mum 2 2\n");
        assertEquals(List.of(new Pedigree.Trio("kid", "dad", "mum")), Pedigree.read(ped, aliases).trios());
        assertEquals(2, Pedigree.read(ped, aliases).parentChildPairs().size());

        Path unknown = Files.writeString(tmp.resolve("u.ped"), "F SECRET 0 0 1 1\n");
        UserException e = assertThrows(UserException.class, () -> Pedigree.read(unknown, aliases));
        assertEquals("pedigree line 1: column 'individual' is not a sample_alias of the sample sheet", e.getMessage());
        Path self = Files.writeString(tmp.resolve("s.ped"), "F kid kid mum 2 2\n");
        assertTrue(assertThrows(UserException.class, () -> Pedigree.read(self, aliases)).getMessage()
                .contains("its own parent"));
        Path swapped = Files.writeString(tmp.resolve("x.ped"), "F dad 0 0 1 1\nF mum 0 0 2 1\nF kid mum dad 2 2\n");
        assertTrue(assertThrows(UserException.class, () -> Pedigree.read(swapped, aliases)).getMessage()
                .contains("line 3: column 'father' names an individual whose sex is female"));
    }
}
