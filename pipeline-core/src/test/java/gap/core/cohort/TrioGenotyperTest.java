package gap.core.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trio genotypes from hand-set likelihoods (log10, over REF and one ALT: 0/0, 0/1, 1/1) with the caller's SNV prior
 * (θ = 1e-3: 1 − 1.5θ, θ, θ/2), μ = 1e-8 and ε = 1e-4. The expected numbers come from summing the trio's joint
 * posterior over every parental genotype pair and transmission by hand (four picks of ¼, each allele kept with 1 − μ
 * or mutated; with ε the child's genotype has the population prior instead); DNQ from the same sum with ε = 0.
 */
class TrioGenotyperTest {
    private static final double THETA = 1e-3;
    private static final double[] PRIOR = {Math.log10(1 - 1.5 * THETA), Math.log10(THETA), Math.log10(THETA / 2)};
    private static final List<Trio> TRIO = List.of(new Trio(2, 0, 1)); // columns: father, mother, child
    private final TrioGenotyper genotyper = new TrioGenotyper(1e-8, 1e-4, 0.01, TRIO);

    private static Genotype gt(int a, int b) {
        return new Genotype(a, b, 30, List.of(0, 0, 0), List.of(10, 10), 20);
    }

    private static VariantCall call(String contig, Genotype father, Genotype mother, Genotype child) {
        return new VariantCall(contig, 100, List.of("A", "G"), 100, Filters.PASS, Map.of(), List.of(father, mother, child));
    }

    @Test
    void aMotherWhoseFewReadsBarelyShowTheChildsAlleleIsHet() {
        // Mother 1 G read of 16: het only 10^-0.5 less likely than hom-ref. Her het (θ·0.32·½ of the child's
        // transmissions) outweighs a new mutation (2μ) by ~8000 and a non-Mendelian site (εθ) by 1600:
        // P(mother 0/1) = 0.9992 (GQ 31), DNQ 0.
        VariantCall refined = genotyper.refine(call("chr1", gt(0, 0), gt(0, 0), gt(0, 1)),
                new double[][] {{0, -6, -20}, {0, -0.5, -10}, {-10, 0, -10}}, PRIOR);
        assertEquals(new Genotype(0, 1, 31, List.of(0, 0, 0), List.of(10, 10), 20, -1, List.of(31, 0, 95)),
                refined.genotype(1), "GT and GQ from the posteriors, written as PP; PL stays the likelihoods");
        assertEquals(0, refined.genotype(0).allele2());
        assertEquals(55, refined.genotype(0).gq());
        assertEquals(0, refined.genotype(2).dnq());
        assertEquals(62, refined.genotype(2).gq());
    }

    @Test
    void aChildAlleleBothWellCoveredParentsLackIsDeNovo() {
        // Father 27 reference reads (het 10^-8.1), mother 20 (het 10^-6): inherited ∝ θ·½·(10^-6 + 10^-8.1) against
        // de novo 2μ: P(de novo) = 0.9707, DNQ 15. Twenty reads of a parent cap DNQ near there: θ is 1e-5 of μ⁻¹.
        VariantCall refined = genotyper.refine(call("chr1", gt(0, 0), gt(0, 0), gt(0, 1)),
                new double[][] {{0, -8.1, -20}, {0, -6, -20}, {-10, 0, -10}}, PRIOR);
        assertEquals(15, refined.genotype(2).dnq());
        assertEquals(1, refined.genotype(2).allele2());
        assertEquals(24, refined.genotype(1).gq(), "the mother's hom-ref: 0.4% that she is het after all");
    }

    @Test
    void aNovelAlleleRaisesTheDeNovoQualityAndLeavesTheGenotypes() {
        // The same trio with the child's allele in no known-sites list: a parent carries it with 1 % of θ, so the
        // inherited paths shrink a hundredfold: P(de novo) = 0.99478, DNQ 23 (the same sum with het prior 1e-5).
        // The genotypes and their GQs keep the caller's prior.
        double[][] likelihoods = {{0, -8.1, -20}, {0, -6, -20}, {-10, 0, -10}};
        VariantCall known = genotyper.refine(call("chr1", gt(0, 0), gt(0, 0), gt(0, 1)), likelihoods, PRIOR,
                new boolean[] {false, false});
        VariantCall novel = genotyper.refine(call("chr1", gt(0, 0), gt(0, 0), gt(0, 1)), likelihoods, PRIOR,
                new boolean[] {false, true});
        assertEquals(15, known.genotype(2).dnq());
        assertEquals(23, novel.genotype(2).dnq());
        for (int s = 0; s < 3; s++) {
            assertEquals(known.genotype(s).gq(), novel.genotype(s).gq());
            assertEquals(known.genotype(s).allele2(), novel.genotype(s).allele2());
        }
    }

    @Test
    void aThinParentTakesTheAlleleAndTheDeNovoQualityFalls() {
        // The same child with a father of 8 reference reads (het 10^-2.4): his het explains it 100 times better than
        // a mutation and 20 times better than a non-Mendelian site: father 0/1 at 0.94 (GQ 12), DNQ 0.
        VariantCall refined = genotyper.refine(call("chr1", gt(0, 0), gt(0, 0), gt(0, 1)),
                new double[][] {{0, -2.4, -20}, {0, -9, -20}, {-10, 0, -10}}, PRIOR);
        assertEquals(1, refined.genotype(0).allele2());
        assertEquals(12, refined.genotype(0).gq());
        assertEquals(0, refined.genotype(2).dnq());
    }

    @Test
    void onChrMTheChildHasTheMothersGenotypeAndTheFatherHasNoSay() {
        // Both father and child hom-alt, the mother hom-ref: maternal inheritance leaves only a mutation (or the
        // child's likelihoods being wrong): P(de novo) = 0.99990, DNQ 40; the child keeps 1/1 (GQ 96).
        VariantCall refined = genotyper.refine(call("chrM", gt(1, 1), gt(0, 0), gt(1, 1)),
                new double[][] {{-20, -10, 0}, {0, -10, -20}, {-20, -10, 0}}, PRIOR);
        assertEquals(40, refined.genotype(2).dnq());
        assertEquals(96, refined.genotype(2).gq());
        assertEquals(2, refined.genotype(0).allele1() + refined.genotype(0).allele2(), "the father keeps his 1/1");
    }

    @Test
    void aMotherWhoIsNotTheMotherDoesNotBendTheChildsGenotype() {
        // chrM: the "mother" is hom-alt from 28 reads, the child hom-ref from 24. Mendel would rather make the child a
        // het against its 24 reads (10^-7.2) than allow a second mutation; a non-Mendelian site (ε) keeps it 0/0.
        VariantCall refined = genotyper.refine(call("chrM", gt(1, 1), gt(1, 1), gt(0, 0)),
                new double[][] {{-116, -8.4, 0}, {-116, -8.4, 0}, {0, -7.2, -97.7}}, PRIOR);
        assertEquals(0, refined.genotype(2).allele2());
        assertEquals(99, refined.genotype(2).gq());
        assertEquals(1, refined.genotype(1).allele1());
    }

    @Test
    void aTrioWithAMemberWithoutReadsIsLeftAsCalled() {
        VariantCall call = call("chr1", Genotype.noCall(2, 0), gt(0, 0), gt(0, 1));
        assertSame(call.genotypes().get(2), genotyper.refine(call,
                new double[][] {{0, 0, 0}, {0, -6, -20}, {-10, 0, -10}}, PRIOR).genotypes().get(2));
    }

    @Test
    void aSonOnXHasOnePosteriorPerAlleleAsHisPl() {
        // chrX outside the PARs: the father and the son are haploid (GT 1 value, PL and PP one per allele, as GATK
        // writes a haploid sample's), the mother diploid (three). The son's 12 G reads (his hom-ref 10^-10) and
        // his het mother's make him G with PP 0 and his REF PP the GQ; the father's REF reads keep him REF.
        Genotype father = Genotype.haploid(0, 99, List.of(0, 100), List.of(10, 0), 10);
        Genotype mother = gt(0, 1);
        Genotype son = Genotype.haploid(1, 99, List.of(100, 0), List.of(0, 12), 12);
        VariantCall call = new VariantCall("chrX", 100, List.of("A", "G"), 100, Filters.PASS, Map.of(),
                List.of(father, mother, son));
        double[][] gl = {{0, -5, -10}, {-10, 0, -10}, {-10, -5, 0}};
        VariantCall refined = genotyper.refine(new gap.core.calling.VariantCaller.Joint(call, gl, PRIOR,
                new int[] {1, 2, 1}), null);
        Genotype s = refined.genotype(2);
        assertEquals(List.of(1, 1, 1), List.of(s.ploidy(), s.allele1(), s.allele2()));
        assertEquals(2, s.pp().size(), "a haploid son's PP: one value per allele");
        assertEquals(0, (int) s.pp().get(1));
        assertEquals(Math.min(99, s.pp().get(0)), s.gq(), "GQ the next smallest PP");
        Genotype f = refined.genotype(0);
        assertEquals(List.of(1, 0, 2), List.of(f.ploidy(), f.allele1(), f.pp().size()));
        assertEquals(0, (int) f.pp().get(0));
        Genotype m = refined.genotype(1);
        assertEquals(List.of(2, 0, 1, 3), List.of(m.ploidy(), m.allele1(), m.allele2(), m.pp().size()));
    }
}
