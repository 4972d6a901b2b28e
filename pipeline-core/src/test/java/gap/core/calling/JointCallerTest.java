package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.CandidateSite;
import gap.core.model.Genotype;
import gap.core.model.Pileup;
import gap.core.model.ReadEvidence;
import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Joint calls of hand-made samples at an isolated SNV site. Samples are independent under the genotype prior, so a
 * sample's genotype, GQ and PL are those it gets alone, and QUAL is the phred probability that every sample is
 * hom-ref: the sum of each sample's -10·log10 P(0/0).
 */
class JointCallerTest {
    private final CallingParameters params = TestParams.with("model.errorDependency", "0");
    private final GenotypeLikelihoodsModel model = new GenotypeLikelihoodsModel(params);
    private final VariantCaller caller = new VariantCaller(params);
    private final Annotator annotator = new Annotator();

    private static CandidateSite site(String... alleles) {
        return new CandidateSite("chr1", 100, List.of(alleles), 100, 0, List.of(), 20);
    }

    private static Pileup pileup(CandidateSite site, String bases, int depth) {
        List<ReadEvidence> out = new ArrayList<>();
        for (char b : bases.toCharArray()) {
            out.add(new ReadEvidence("r" + out.size(), new byte[] {(byte) b}, new byte[] {30}, 60, false));
        }
        return new Pileup(site, out, depth);
    }

    private VariantCall call(CandidateSite site, Pileup... pileups) {
        List<ReadLikelihoods> likelihoods = new ArrayList<>();
        for (Pileup p : pileups) {
            likelihoods.add(model.compute(p, null));
        }
        VariantCaller.Joint joint = caller.call(List.of(pileups), likelihoods);
        return joint == null ? null : annotator.annotate(joint.call(), List.of(pileups), likelihoods);
    }

    @Test
    void aHomRefSampleKeepsItsOwnGenotypeAndAddsAlmostNothingToQual() {
        // Alone, AAACCC is 0/1 with QUAL 56.25, GQ 86, PL 86,0,86 (GenotypeLikelihoodsTest). Five A reads give
        // P(0/1) ≈ θ·(½)^5 = 3.1e-5, so -10·log10 P(0/0) ≈ 0.0001: QUAL stays 56.25.
        CandidateSite site = site("A", "C");
        VariantCall call = call(site, pileup(site, "AAACCC", 6), pileup(site, "AAAAA", 5));
        assertEquals(56.25, call.qual(), 1e-9);
        assertEquals(new Genotype(0, 1, 86, List.of(86, 0, 86), List.of(3, 3), 6), call.genotype(0));
        Genotype homRef = call.genotype(1);
        assertTrue(homRef.isHomRef());
        assertEquals(List.of(5, 0), homRef.ad());
        assertEquals(11, call.info().get("DP"), "site depth: both samples");
        assertEquals(List.of(1), call.info().get(InfoField.AC.key()));
        assertEquals(4, call.info().get(InfoField.AN.key()));
        assertEquals(List.of(0.25), call.info().get(InfoField.AF.key()));
        assertTrue(call.info().containsKey(InfoField.EXCESS_HET.key()), "several samples");
        assertEquals(9.38, call.info().get(InfoField.QD.key()), "QUAL over the variant sample's informative reads: 56.25/6");
    }

    @Test
    void aSampleWithoutReadsHereIsNoCallAndOutOfAn() {
        CandidateSite site = site("A", "C");
        VariantCall call = call(site, pileup(site, "", 2), pileup(site, "CCCC", 4));
        Genotype missing = call.genotype(0);
        assertFalse(missing.isCalled());
        assertEquals(2, missing.dp(), "its depth is kept: reads overlap the site without spanning it");
        assertEquals(List.of(0, 0), missing.ad());
        assertEquals(-1, missing.gq());
        assertTrue(missing.pl().isEmpty());
        assertEquals(List.of(2), call.info().get(InfoField.AC.key()));
        assertEquals(2, call.info().get(InfoField.AN.key()));
        assertEquals(List.of(1.0), call.info().get(InfoField.AF.key()));
    }

    @Test
    void eachSamplesAlleleIsKeptAndQualSumsOverSamples() {
        // AAACCC alone: QUAL 56.25. AAAGGG is the same evidence for G. Over REF and both ALTs each sample's 0/0
        // posterior is as alone (the other ALT's genotypes are ~1e-9 as likely), so QUAL = 56.25 + 56.25.
        CandidateSite site = site("A", "C", "G");
        VariantCall call = call(site, pileup(site, "AAACCC", 6), pileup(site, "AAAGGG", 6));
        assertEquals(List.of("A", "C", "G"), call.alleles());
        assertEquals(0, call.genotype(0).allele1());
        assertEquals(1, call.genotype(0).allele2());
        assertEquals(0, call.genotype(1).allele1());
        assertEquals(2, call.genotype(1).allele2());
        assertEquals(112.5, call.qual(), 0.02);
        assertEquals(List.of(1, 1), call.info().get(InfoField.AC.key()));
        assertEquals(List.of(3, 0, 3), call.genotype(1).ad());
    }

    @Test
    void noSampleCarryingAnAlternateAlleleIsNoCall() {
        CandidateSite site = site("A", "C");
        assertNull(call(site, pileup(site, "AAAAA", 5), pileup(site, "AAAAC", 5)));
        assertNull(call(site, pileup(site, "", 0), pileup(site, "", 0)));
    }
}
