package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.model.Genotype;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ExcessHet on genotype counts worked out by hand: with N samples and r copies of the rarer allele, the number of
 * hets h (same parity as r) has P(h) ∝ 2^h / (((r-h)/2)! h! (N-h-(r-h)/2)!) under Hardy–Weinberg.
 */
class ExcessHetTest {
    @Test
    void threeHetsOfThree() {
        // r = 3: h = 1 → 2/(1!1!1!) = 2; h = 3 → 8/(0!3!0!) = 4/3. P(h=3) = (4/3)/(10/3) = 0.4.
        // mid-p = P(h>3) + P(h=3)/2 = 0.2; phred 10·log10(5) = 6.9897.
        assertEquals(0.2, ExcessHet.midP(0, 3, 0), 1e-12);
        assertEquals(10 * Math.log10(5), ExcessHet.phred(0, 3, 0), 1e-9);
    }

    @Test
    void fewerHetsThanExpectedScoresLow() {
        // 2 hom-ref, 0 het, 2 hom-alt: r = 4, h ∈ {0,2,4}: h=0 → 1/(2!0!2!) = 1/4; h=2 → 4/(1!2!1!) = 2;
        // h=4 → 16/(0!4!0!) = 2/3. mid-p = P(h>0) + P(h=0)/2 = (2 + 2/3 + 1/8) / (1/4 + 2 + 2/3).
        double expected = (2 + 2.0 / 3 + 1.0 / 8) / (0.25 + 2 + 2.0 / 3);
        assertEquals(expected, ExcessHet.midP(2, 0, 2), 1e-12);
    }

    @Test
    void oneRareCopyIsAHalf() {
        assertEquals(0.5, ExcessHet.midP(2, 1, 0), 0);
        assertEquals(10 * Math.log10(2), ExcessHet.phred(2, 1, 0), 1e-9);
    }

    @Test
    void fromGenotypesAltAllelesLumped() {
        // 0/1 and 0/2 are het with REF, 1/2 counts as hom-alt (alternate alleles lumped), 0/0 hom-ref.
        List<Genotype> gts = List.of(gt(0, 1), gt(0, 2), gt(1, 2), gt(0, 0));
        assertEquals(ExcessHet.phred(1, 2, 1), ExcessHet.of(gts), 0);
    }

    @Test
    void manyHetsAreFlaggedAndCapped() {
        // 100 hets of 100: hugely unlikely under HWE; GATK caps at p = 1e-16, phred 160.
        assertEquals(160.0, ExcessHet.phred(0, 100, 0), 1e-9);
    }

    private static Genotype gt(int a, int b) {
        return new Genotype(a, b, 99, List.of(0, 0, 0), List.of(0, 0), 0);
    }
}
