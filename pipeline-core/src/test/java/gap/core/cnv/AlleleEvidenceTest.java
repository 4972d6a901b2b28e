package gap.core.cnv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * B-allele evidence on hand-made allele counts. Expected log likelihoods were worked out independently in Python from
 * the formula (beta-binomial, concentration 200, half on each haplotype, 1 % uniform outliers):
 * {@code log((1-e)(BB(k;n,b)/2 + BB(k;n,1-b)/2) + e/(n+1))} with {@code BB} from {@code math.lgamma}.
 */
class AlleleEvidenceTest {
    private final BafModel model = new BafModel(200, 0.01);

    private static List<AlleleEvidence.Het> hets(int times, int alt, int depth) {
        return new ArrayList<>(Collections.nCopies(times, new AlleleEvidence.Het(alt, depth)));
    }

    @Test
    void siteLikelihoodsMatchTheFormula() {
        assertEquals(-1.7911119798, model.logLikelihood(10, 20, 0.5), 1e-9);
        assertEquals(-2.6434648201, model.logLikelihood(10, 30, 1.0 / 3), 1e-9);
        assertEquals(-8.0391382681, model.logLikelihood(0, 30, 0.5), 1e-9);
        // the same count on the other haplotype is as likely
        assertEquals(model.logLikelihood(10, 30, 1.0 / 3), model.logLikelihood(20, 30, 1.0 / 3), 1e-12);
    }

    @Test
    void aGainOfOneHaplotypeIsEstimatedAtOneThird() {
        List<AlleleEvidence.Het> h = hets(30, 10, 30);
        h.addAll(hets(30, 20, 30));
        double b = new AlleleEvidence(h, 0).minorFraction(model);
        assertEquals(1.0 / 3, b, 0.01);
    }

    @Test
    void balancedHetsAreBalancedAndImbalancedOnesAreNot() {
        List<AlleleEvidence.Het> balanced = hets(10, 15, 30);
        balanced.addAll(hets(5, 14, 30));
        balanced.addAll(hets(5, 16, 30));
        assertEquals(0.5, new AlleleEvidence(balanced, 12).minorFraction(model), 1e-12);
        assertTrue(new AlleleEvidence(balanced, 12).balanced(model, 0.6, 0.05, 10));
        List<AlleleEvidence.Het> third = hets(10, 10, 30);
        third.addAll(hets(10, 20, 30));
        assertFalse(new AlleleEvidence(third, 12).balanced(model, 0.6, 0.05, 10));
        assertFalse(new AlleleEvidence(hets(9, 15, 30), 6).balanced(model, 0.6, 0.05, 10), "too few hets");
    }

    @Test
    void lossOfHeterozygosityIsToldByTheShareOfHets() {
        // 40 hom-alt calls and no het where the sample's het share is 0.6: two haplotypes give log(0.4) each,
        // one haplotype log(1 - 0.6 * 0.05) each
        AlleleEvidence loh = new AlleleEvidence(List.of(), 40);
        assertEquals(40 * Math.log(0.4), loh.logLikelihood(model, 0.5, 0.6, 0.05), 1e-12);
        assertEquals(40 * Math.log(0.97), loh.logLikelihood(model, 0, 0.6, 0.05), 1e-12);
        // a het at a lost haplotype's site is an error, uniform over its 31 possible counts
        AlleleEvidence stray = new AlleleEvidence(hets(1, 15, 30), 40);
        assertEquals(Math.log(0.03) + 40 * Math.log(0.97) - Math.log(31), stray.logLikelihood(model, 0, 0.6, 0.05),
                1e-12);
    }

    @Test
    void aMosaicLossMovesFractionsPartWay() {
        // a loss of one haplotype in 40 % of cells: minor fraction (1 - 0.4) / (2 - 0.4) = 0.375
        CopyState mosaic = new CopyState(1, 0.4, 2);
        assertEquals(0.375, mosaic.minorFractions()[0], 1e-12);
        assertEquals(0.8, mosaic.ratio(), 1e-12);
        assertEquals(1.6, mosaic.meanCopies(), 1e-12);
        // 100 hets of 24 reads spread as binomial(24, 0.375) counts on the minor haplotype (100 x pmf, rounded):
        // the estimate, worked out in Python with the same formula over the same grid, is 0.38
        int[][] spread = {{3, 1}, {4, 2}, {5, 4}, {6, 8}, {7, 12}, {8, 16}, {9, 17}, {10, 15}, {11, 11}, {12, 7},
            {13, 4}, {14, 2}, {15, 1}};
        List<AlleleEvidence.Het> h = new ArrayList<>();
        for (int[] kw : spread) {
            h.addAll(hets(kw[1], kw[0], 24));
        }
        assertEquals(0.38, new AlleleEvidence(h, 0).minorFraction(model), 1e-12);
        // a trisomy 1/3, a full loss 0 (loss of heterozygosity)
        assertEquals(1.0 / 3, new CopyState(3, 1, 2).minorFractions()[0], 1e-12);
        assertEquals(0, new CopyState(1, 1, 2).minorFractions()[0], 1e-12);
    }
}
