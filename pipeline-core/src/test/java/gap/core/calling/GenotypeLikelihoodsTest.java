package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gap.core.model.CandidateSite;
import gap.core.model.Filters;
import gap.core.model.Pileup;
import gap.core.model.ReadEvidence;
import gap.core.model.VariantCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-made pileups at an isolated SNV site, with answers worked out by hand. A base of quality Q has error
 * e = 10^(-Q/10): P(base | allele) = 1 - e when they match, e/3 when not. A diploid genotype a/b gives a read
 * ½P(r|a) + ½P(r|b). Priors (SNV heterozygosity θ = 1e-3): 0/0 = 1 - 1.5θ, 0/1 = θ, 1/1 = θ/2, 1/2 = θ².
 */
class GenotypeLikelihoodsTest {
    private static final double TOL = 1e-9;
    /** Independent errors, as the sums below assume (EngineModelTest covers the dependent model). */
    private final CallingParameters params = TestParams.with("model.errorDependency", "0");
    private final GenotypeLikelihoodsModel model = new GenotypeLikelihoodsModel(params);
    private final VariantCaller caller = new VariantCaller(params);

    private static CandidateSite site(String... alleles) {
        return new CandidateSite("chr1", 100, List.of(alleles), 100, 0, List.of(), 20);
    }

    private static List<ReadEvidence> reads(String bases, int quality, int mapq) {
        List<ReadEvidence> out = new ArrayList<>();
        for (char b : bases.toCharArray()) {
            out.add(new ReadEvidence("r" + out.size() + b + quality, new byte[] {(byte) b}, new byte[] {(byte) quality},
                    mapq, false));
        }
        return out;
    }

    private static List<ReadEvidence> concat(List<ReadEvidence> a, List<ReadEvidence> b) {
        List<ReadEvidence> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private ReadLikelihoods likelihoods(CandidateSite site, List<ReadEvidence> evidence) {
        return model.compute(new Pileup(site, evidence, evidence.size()), null);
    }

    private VariantCall call(CandidateSite site, List<ReadEvidence> evidence) {
        Pileup pileup = new Pileup(site, evidence, evidence.size());
        return caller.call(pileup, model.compute(pileup, null));
    }

    @Test
    void homRefFiveMatchingReads() {
        // 0/0: 5·log10(0.999); 0/1: 5·log10(½·0.999 + ½·0.001/3); 1/1: 5·log10(0.001/3)
        CandidateSite site = site("A", "C");
        double[] gl = likelihoods(site, reads("AAAAA", 30, 60)).genotypeLog10(new int[] {0, 1});
        assertEquals(5 * Math.log10(0.999), gl[0], TOL);
        assertEquals(5 * Math.log10(0.5 * 0.999 + 0.5 * 0.001 / 3), gl[1], TOL);
        assertEquals(5 * Math.log10(0.001 / 3), gl[2], TOL);
        assertNull(call(site, reads("AAAAA", 30, 60)), "hom-ref is not a call");
    }

    @Test
    void hetThreeAndThree() {
        // GL = [-10.4327, -1.8079, -10.4327] → PL 86,0,86. Posterior of 0/0 ∝ 10^-10.4327·(1-1.5e-3):
        // QUAL = 56.25; GQ the next smallest PL, 86, as GATK writes it.
        VariantCall call = call(site("A", "C"), reads("AAACCC", 30, 60));
        assertEquals(0, call.genotype(0).allele1());
        assertEquals(1, call.genotype(0).allele2());
        assertEquals(List.of(86, 0, 86), call.genotype(0).pl());
        assertEquals(56.25, call.qual(), 1e-9);
        assertEquals(86, call.genotype(0).gq());
        assertEquals(List.of(3, 3), call.genotype(0).ad());
        assertEquals(Filters.PASS, call.filter());
    }

    @Test
    void homAltFourReads() {
        // GL = [-13.9085, -1.2053, -0.0017] → PL 139,12,0; QUAL 106.58; GQ the next smallest PL, 12.
        VariantCall call = call(site("A", "C"), reads("CCCC", 30, 60));
        assertEquals(1, call.genotype(0).allele1());
        assertEquals(1, call.genotype(0).allele2());
        assertEquals(List.of(139, 12, 0), call.genotype(0).pl());
        assertEquals(106.58, call.qual(), 1e-9);
        assertEquals(12, call.genotype(0).gq());
        assertEquals(List.of(0, 4), call.genotype(0).ad());
    }

    @Test
    void triAllelicHetAltAlt() {
        // Alleles A,C,G; three C and three G reads. VCF order 0/0,0/1,1/1,0/2,1/2,2/2:
        // GL = [-20.863, -11.335, -10.433, -11.335, -1.808, -10.433] → PL 191,95,86,95,0,86; QUAL 130.56; GQ 86.
        VariantCall call = call(site("A", "C", "G"), reads("CCCGGG", 30, 60));
        assertEquals(List.of("A", "C", "G"), call.alleles());
        assertEquals(1, call.genotype(0).allele1());
        assertEquals(2, call.genotype(0).allele2());
        assertEquals(List.of(191, 95, 86, 95, 0, 86), call.genotype(0).pl());
        assertEquals(130.56, call.qual(), 1e-9);
        assertEquals(86, call.genotype(0).gq());
        assertEquals(List.of(0, 3, 3), call.genotype(0).ad());
    }

    @Test
    void lowBaseQualityAltReadsDoNotMakeACall() {
        // Three A at Q30 and three C at Q5 (e = 0.316): GL = [-2.933, -2.116, -10.927] → PL 8,0,88, but the het
        // posterior loses to 0/0's prior: QUAL 0.03, no call.
        CandidateSite site = site("A", "C");
        List<ReadEvidence> evidence = concat(reads("AAA", 30, 60), reads("CCC", 5, 60));
        double[] gl = likelihoods(site, evidence).genotypeLog10(new int[] {0, 1});
        assertEquals(-2.9326672994810403, gl[0], TOL);
        assertEquals(-2.1155181823418534, gl[1], TOL);
        assertEquals(-10.926629380039294, gl[2], TOL);
        assertNull(call(site, evidence));
    }

    @Test
    void mappingQualityZeroReadSaysNothing() {
        // Base qualities are capped at MAPQ; Q0 means e = 0.75, so a base is ¼ likely under every allele and
        // shifts every genotype likelihood by the same log10(¼): PL, QUAL and GQ are those of the het case.
        CandidateSite site = site("A", "C");
        List<ReadEvidence> evidence = concat(reads("AAACCC", 30, 60), reads("CCC", 40, 0));
        double[] without = likelihoods(site, reads("AAACCC", 30, 60)).genotypeLog10(new int[] {0, 1});
        double[] with = likelihoods(site, evidence).genotypeLog10(new int[] {0, 1});
        for (int g = 0; g < 3; g++) {
            assertEquals(without[g] + 3 * Math.log10(0.25), with[g], TOL);
        }
        VariantCall call = call(site, evidence);
        assertEquals(List.of(86, 0, 86), call.genotype(0).pl());
        assertEquals(56.25, call.qual(), 1e-9);
    }

    @Test
    void globalMismappingCapsOneReadsWeight() {
        // A Q60 mismatch would be log10(1e-6/3) = -6.48 against the match; the floor keeps it at best - 4.5.
        ReadLikelihoods rl = likelihoods(site("A", "C"), reads("C", 60, 60));
        assertEquals(Math.log10(1 - 1e-6) - 4.5, rl.get(0, 0), TOL);
    }
}
