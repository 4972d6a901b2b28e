package gap.core.cnv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copy states of hand-made segments whose state is known: depth and allele fractions as a 30x sample shows them. */
class SegmentCallerTest {
    private final SegmentCaller caller = new SegmentCaller(CnvParameters.defaults());
    private static final double NOISE = 0.18;
    private static final double FLOOR = Math.log(0.5 / 200) / Math.log(2);

    private static AlleleEvidence hets(double minor, int n, int homAlts) {
        // n hets of 30 reads, half with the alternate allele on the minor haplotype, half on the major
        List<AlleleEvidence.Het> h = new ArrayList<>();
        int alt = (int) Math.round(30 * minor);
        h.addAll(Collections.nCopies(n / 2, new AlleleEvidence.Het(alt, 30)));
        h.addAll(Collections.nCopies(n - n / 2, new AlleleEvidence.Het(30 - alt, 30)));
        return new AlleleEvidence(h, homAlts);
    }

    @Test
    void aNeutralSegmentIsNeutral() {
        SegmentCaller.Call c = caller.call(0.02, 200, NOISE, FLOOR, 2, hets(0.5, 80, 50), 0.6);
        assertTrue(c.state().isNeutral(), c.toString());
        assertTrue(c.quality() >= 20, c.toString());
    }

    @Test
    void aHeterozygousDeletionWithLossOfHeterozygosity() {
        SegmentCaller.Call c = caller.call(-1.0, 150, NOISE, FLOOR, 2, new AlleleEvidence(List.of(), 90), 0.6);
        assertEquals(new CopyState(1, 1, 2), c.state());
        assertEquals(99, c.quality(), 1e-9);
    }

    @Test
    void aHomozygousDeletionReadsNothing() {
        SegmentCaller.Call c = caller.call(FLOOR, 16, NOISE, FLOOR, 2, new AlleleEvidence(List.of(), 0), 0.6);
        assertEquals(new CopyState(0, 1, 2), c.state());
    }

    @Test
    void aDuplicationHasThirds() {
        SegmentCaller.Call c = caller.call(0.585, 100, NOISE, FLOOR, 2, hets(1.0 / 3, 40, 25), 0.6);
        assertEquals(new CopyState(3, 1, 2), c.state());
        assertEquals(99, c.quality(), 1e-9);
    }

    @Test
    void aMosaicLossIsCalledMosaicAtItsFraction() {
        // a loss in 40 % of cells: ratio 0.8 (log2 -0.322), minor fraction 0.375
        double log2 = Math.log(0.8) / Math.log(2);
        SegmentCaller.Call c = caller.call(log2, 200, NOISE, FLOOR, 2, hets(0.375, 100, 60), 0.6);
        assertEquals(1, c.state().copies());
        assertEquals(0.4, c.state().fraction(), 0.051);
        assertTrue(c.state().isMosaic());
    }

    @Test
    void depthAloneAFewPerCentOffIsNotAChange() {
        // 5 % more depth over a long segment whose alleles sit at 1/2: within the systematic allowance
        double log2 = Math.log(1.05) / Math.log(2);
        SegmentCaller.Call c = caller.call(log2, 300, NOISE, FLOOR, 2, hets(0.5, 120, 80), 0.6);
        assertTrue(c.state().isNeutral(), c.toString());
    }

    @Test
    void oneExpectedCopyLostIsCopyNumberZero() {
        // a male's X outside the PARs: one copy expected, none left
        SegmentCaller.Call c = caller.call(FLOOR, 50, NOISE, FLOOR, 1, null, 0.6);
        assertEquals(new CopyState(0, 1, 1), c.state());
        assertEquals(0, c.state().ratio(), 1e-12);
    }

    @Test
    void aRunOfHomozygosityIsNotADeletion() {
        // two copies' depth and no het among 90 SNV calls: copy-neutral loss of heterozygosity (a run of
        // homozygosity, isodisomy), which a caller without such a state would take for a loss of one copy
        SegmentCaller.Call c = caller.call(0.01, 150, NOISE, FLOOR, 2, new AlleleEvidence(List.of(), 90), 0.6);
        assertTrue(c.state().loh() && !c.state().isCopyChange(), c.toString());
        assertEquals(new CopyState(2, 1, 2, true), c.state());
    }
}
