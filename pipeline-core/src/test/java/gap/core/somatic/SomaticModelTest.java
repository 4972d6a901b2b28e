package gap.core.somatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.calling.CallingParameters;
import gap.core.calling.GenotypeLikelihoodsModel;
import gap.core.calling.ReadLikelihoods;
import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.ReadEvidence;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutect2's somatic model on hand-made pileups whose values were worked out by hand or by an independent
 * calculation: the allele-fraction likelihood (exact Dirichlet-multinomial when reads are unambiguous; the exact
 * integral over the fraction otherwise), TLOD, NLOD, the read-orientation model, the F-score threshold and the
 * contamination estimate.
 */
class SomaticModelTest {
    private static final double LN10 = Math.log(10);
    private static final RefWindow REF = RefWindow.of("chr1", 1, "ACGTACGTACGTACGTACGT");
    /** An isolated SNV A>C at position 5 (the reference's A). */
    private static final CandidateSite SITE = new CandidateSite("chr1", 5, List.of("A", "C"), 5, 0, List.of());
    private static final GenotypeLikelihoodsModel ENGINE = new GenotypeLikelihoodsModel(CallingParameters.defaults());

    @Test
    void unambiguousReadsGiveTheDirichletMultinomialEvidence() {
        // 3 REF and 2 ALT fragments that fit only their own allele: under a flat Dirichlet the evidence is
        // ∫ f^2 (1-f)^3 df = 2!·3!/6! = 1/60, exactly, and the posterior is Dirichlet(1+3, 1+2).
        double[][] ln = {{0, -1000}, {0, -1000}, {0, -1000}, {-1000, 0}, {-1000, 0}};
        assertEquals(Math.log(1.0 / 60), SomaticLikelihoods.logEvidence(ln, SomaticLikelihoods.flatPrior(2)), 1e-9);
        double[] posterior = SomaticLikelihoods.fractionPosterior(ln, SomaticLikelihoods.flatPrior(2));
        assertEquals(4, posterior[0], 1e-9);
        assertEquals(3, posterior[1], 1e-9);
        assertEquals(3.0 / 7, SomaticLikelihoods.meanFractions(ln, 2)[1], 1e-9);
        // without the ALT every fragment is REF: evidence Σ ln L(REF) = 2·(-1000); TLOD = ln(1/60) + 2000
        assertEquals(Math.log(1.0 / 60) + 2000, SomaticLikelihoods.somaticLogOdds(ln, 2)[0], 1e-9);
    }

    @Test
    void tlodOfAHandMadePileupApproachesTheExactIntegralFromBelow() {
        // 8 REF and 2 ALT fragments, Q30 bases (the engine: match ln(0.999), mismatch ln(0.001/3)).
        // The exact log evidence ln ∫ Π_r [f L_alt(r) + (1-f) L_ref(r)] df is -6.21056 (numerical integration,
        // 200,000 midpoints); without the ALT it is 8 ln 0.999 + 2 ln(0.001/3) = -16.02074; the exact TLOD is
        // (-6.21056 + 16.02074) / ln 10 = 4.26051. The variational bound is below the exact evidence, a little.
        ReadLikelihoods tumour = ENGINE.compute(pileup(8, 2, 30), REF);
        double tlod = SomaticLikelihoods.somaticLogOdds(SomaticGenotyper.lnMatrix(tumour, new int[] {0, 1}), 2)[0]
                / LN10;
        assertTrue(tlod <= 4.26051 + 1e-6, "a lower bound: " + tlod);
        assertTrue(tlod > 4.26051 - 0.1, "close to the exact integral: " + tlod);
    }

    @Test
    void nlodOfACleanNormalIsTenTimesLogTwoAlmost() {
        // 10 REF fragments at Q30: each adds ln 0.999 - ln(½·0.999 + ½·0.001/3) = 0.6928136 nats; NLOD = 6.928136
        // nats = 3.008851 log10.
        ReadLikelihoods normal = ENGINE.compute(pileup(10, 0, 30), REF);
        double nlod = SomaticLikelihoods.normalLogOdds(SomaticGenotyper.lnMatrix(normal, new int[] {0, 1}), 2)[0]
                / LN10;
        assertEquals(3.0088511, nlod, 1e-6);
    }

    @Test
    void germlineInTheNormalIsNotEmittedAndAcleanNormalIs() {
        SomaticGenotyper genotyper = new SomaticGenotyper(SomaticParameters.defaults(), 10);
        Pileup tumourPileup = pileup(20, 10, 30);
        ReadLikelihoods tumour = ENGINE.compute(tumourPileup, REF);
        Pileup hetNormal = pileup(6, 6, 30);
        assertNull(genotyper.call(REF, SITE, tumourPileup, tumour, hetNormal, ENGINE.compute(hetNormal, REF)),
                "the normal carries it: germline, NLOD far below 2.2");
        Pileup cleanNormal = pileup(20, 0, 30);
        SomaticSite call = genotyper.call(REF, SITE, tumourPileup, tumour, cleanNormal,
                ENGINE.compute(cleanNormal, REF));
        assertNotNull(call);
        assertEquals(List.of(20, 10), Arrays.stream(call.tumour().ad()).boxed().toList());
        assertEquals(List.of(20, 0), Arrays.stream(call.normal().ad()).boxed().toList());
        // pileup(): REF fragments alternate F1R2/F2R1; ALT fragments likewise
        assertEquals(10, call.tumour().f1r2()[0]);
        assertEquals(5, call.tumour().f1r2()[1]);
        assertEquals(5, call.tumour().f2r1()[1]);
        assertEquals(2 * 10 * Math.log10(2), call.nlod()[0], 0.01);
    }

    @Test
    void orientationModelOnHandMadeCounts() {
        // Before learning: α = 1, β = 20 for the artefact's fraction, prior 0.005 per orientation, Q30 errors
        // (leak 0.001/3). 4 ALT fragments, all F1R2 (30 F1R2 fragments, 26 F2R1): given 4 ALT fragments, an F1R2
        // artefact puts all 4 in F1R2 with probability ≈ 0.99 (the leak to F2R1 is 26·0.00033); a real variant
        // spreads them as the fragments are, all in F1R2 with C(30,4)/C(56,4) = 27405/367290 = 0.07461. Posterior
        // = 0.005·0.99 / (0.005·0.99 + 0.99·0.07461) ≈ 0.0628; computed exactly: 0.062526.
        OneSidedArtifactModel model = new OneSidedArtifactModel(0.01, 0.5, 1, true);
        double betaSeq = 1 / (0.001 / 3) - 1;
        OneSidedArtifactModel.Posterior oneSided = model.posterior("C>A",
                new OneSidedArtifactModel.Counts(30, 4, 26, 0), betaSeq);
        assertEquals(0.062526, oneSided.group1(), 1e-5);
        assertEquals(0.0, oneSided.group2(), 1e-9);
        OneSidedArtifactModel.Posterior balanced = model.posterior("C>A",
                new OneSidedArtifactModel.Counts(30, 2, 26, 2), betaSeq);
        assertEquals(3.3748e-6, balanced.artifact(), 1e-9);
    }

    @Test
    void orientationPriorIsLearnedPerClass() {
        // A class whose ALT fragments are all in one orientation learns a high prior; a balanced class a low one.
        OneSidedArtifactModel model = new OneSidedArtifactModel(0.01, 0.5, 1, true);
        double betaSeq = 1 / (0.001 / 3) - 1;
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < 20; i++) {
                OneSidedArtifactModel.Counts oxo = new OneSidedArtifactModel.Counts(30, 5, 28, 0);
                model.record("C>A", oxo, model.posterior("C>A", oxo, betaSeq));
                OneSidedArtifactModel.Counts real = new OneSidedArtifactModel.Counts(30, 6, 28, 5);
                model.record("C>T", real, model.posterior("C>T", real, betaSeq));
            }
            model.learn();
        }
        assertTrue(model.prior("C>A")[0] > 0.8, "one-sided class: " + Arrays.toString(model.prior("C>A")));
        assertTrue(model.prior("C>T")[0] < 0.05, "balanced class: " + Arrays.toString(model.prior("C>T")));
        OneSidedArtifactModel.Counts three = new OneSidedArtifactModel.Counts(30, 3, 28, 0);
        assertTrue(model.posterior("C>A", three, betaSeq).artifact() > 0.5);
        assertTrue(model.posterior("C>T", three, betaSeq).artifact() < 0.5);
    }

    @Test
    void thresholdMaximisesTheExpectedFScore() {
        // sorted p = .01 .02 .5 .9 .99; passing the first n: F = 2TP / (2TP + FN + FP) with TP = Σ(1-p), FP = Σp:
        // n=1 .5531, n=2 .8603, n=3 .8853, n=4 .7812, n=5 .6807: the best passes three, threshold 0.5.
        List<Double> p = new ArrayList<>(List.of(0.9, 0.01, 0.99, 0.5, 0.02));
        assertEquals(0.5, FilterThreshold.optimalFScore(p, 1), 1e-12);
        // expected false-discovery rate: .01/1, .03/2, .53/3 = .177 > .05: the threshold stops at .02
        assertEquals(0.02, FilterThreshold.falseDiscoveryRate(p, 0.05), 1e-12);
    }

    @Test
    void contaminationFromHomAltSites() {
        // two hom-alt sites of the normal, 100 tumour fragments each, 3 and 1 REF and 2 third-base errors (one of
        // which, by symmetry, would have turned ALT into REF): population AF 0.5, so a contaminant shows REF in
        // half its reads: c = (4 - 1) / (200 · 0.5) = 0.03
        List<GermlineSite> sites = List.of(new GermlineSite("chr1", 10, "A", "G", 3, 100, 2),
                new GermlineSite("chr1", 20, "C", "T", 1, 100, 0));
        ContaminationEstimate c = ContaminationEstimate.of(sites, new double[] {0.5, 0.5});
        assertEquals(0.03, c.contamination(), 1e-12);
        assertEquals(Math.sqrt(4) / 100, c.error(), 1e-12);
        // without population frequencies, E[1 - f] = 1/4 for a hom-alt patient: c = 3 / 50
        assertEquals(0.06, ContaminationEstimate.of(sites, null).contamination(), 1e-12);
    }

    /** REF fragments then ALT fragments at one quality, alternating F1R2 and F2R1, forward and reverse. */
    static Pileup pileup(int ref, int alt, int quality) {
        List<ReadEvidence> evidence = new ArrayList<>();
        for (int i = 0; i < ref + alt; i++) {
            byte base = (byte) (i < ref ? 'A' : 'C');
            evidence.add(new ReadEvidence("r" + i, new byte[] {base}, new byte[] {(byte) quality}, 60, i % 2 == 1,
                    30, quality, false, i % 2 == 0));
        }
        return new Pileup(SITE, evidence, ref + alt);
    }
}
