package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * FS (Fisher's exact test, phred) and SOR on strand tables. P-values from R 4.2.2 {@code fisher.test}, the small
 * tables also by hand from the hypergeometric distribution.
 */
class StrandBiasTest {
    @Test
    void fisherExactByHand() {
        // {{3,0},{0,3}}: margins 3/3/3 of 6, P(x) = C(3,x)C(3,3-x)/20 = 1,9,9,1 /20; as or less likely than x=3:
        // x=0 and x=3 → p = 2/20.
        assertEquals(0.1, FisherExactTest.twoSidedP(new int[][] {{3, 0}, {0, 3}}), 1e-12);
        // {{2,2},{4,0}}: N 8, row0 4, col0 6: x = 2,3,4 with 6,16,6 /28; p = 12/28.
        assertEquals(12.0 / 28, FisherExactTest.twoSidedP(new int[][] {{2, 2}, {4, 0}}), 1e-12);
        assertEquals(1, FisherExactTest.twoSidedP(new int[][] {{0, 0}, {0, 0}}), 0);
        assertEquals(1, FisherExactTest.twoSidedP(new int[][] {{0, 0}, {15, 0}}), 0); // one possible table
    }

    @Test
    void fisherExactAgainstR() {
        assertEquals(5.36724119143e-04, FisherExactTest.twoSidedP(new int[][] {{10, 2}, {3, 15}}), 1e-12);
        assertEquals(1.45460882348e-12, FisherExactTest.twoSidedP(new int[][] {{75, 25}, {25, 75}}), 1e-20);
    }

    @Test
    void fisherStrandIsPhredScaled() {
        assertEquals(10.0, new StrandBias(3, 0, 0, 3).fisherStrand(), 1e-9);
        assertEquals(32.70248888083, new StrandBias(10, 2, 3, 15).fisherStrand(), 1e-6);
        assertEquals(3.67976785295, new StrandBias(2, 2, 4, 0).fisherStrand(), 1e-6);
        assertEquals(0.0, new StrandBias(5, 5, 5, 5).fisherStrand(), 0);
    }

    @Test
    void fisherStrandScalesLargeTablesToAbout200AndIgnoresTinyOnes() {
        // 800 fragments: each cell divided by 4 → {{75,25},{25,75}}, p from R.
        assertEquals(118.37253782380, new StrandBias(300, 100, 100, 300).fisherStrand(), 1e-6);
        // 2 fragments or fewer: GATK leaves the table out, p = 1.
        assertEquals(0.0, new StrandBias(0, 0, 2, 0).fisherStrand(), 0);
    }

    @Test
    void strandOddsRatioAsGatkDocumentsIt() {
        // GATK's worked example: 1450 345 160 212, +1 each: R = (1451·213)/(346·161) = 5.54812, R + 1/R = 5.72836,
        // refRatio 346/1451, altRatio 161/213: SOR = ln 5.72836 + ln 0.238456 - ln 0.755869 = 0.592.
        assertEquals(0.592, new StrandBias(1450, 345, 160, 212).strandOddsRatio(), 5e-4);
        // {{2,2},{4,0}} +1: R = (3/3)(1/5) = 0.2, R + 1/R = 5.2, refRatio 1, altRatio 1/5: ln 5.2 + ln 5.
        assertEquals(Math.log(5.2) + Math.log(5), new StrandBias(2, 2, 4, 0).strandOddsRatio(), 1e-12);
        // balanced: R = 1, ln 2
        assertEquals(Math.log(2), new StrandBias(5, 5, 5, 5).strandOddsRatio(), 1e-12);
    }
}
