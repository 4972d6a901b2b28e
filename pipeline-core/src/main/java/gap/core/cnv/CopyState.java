package gap.core.cnv;

/**
 * A copy-number state of a segment: {@code copies} in the cells that carry the change, {@code fraction} the share of
 * cells that do (1: constitutional; below 1: mosaic), against {@code expected} copies (2 on autosomes; 1 on a male's X
 * outside the PARs and on his Y); {@code loh} for two copies of one haplotype (copy-neutral loss of heterozygosity,
 * uniparental disomy), weighed so that it is not mistaken for a change of depth, and not reported. A state with
 * copies equal to expected and no LOH is neutral.
 */
public record CopyState(int copies, double fraction, int expected, boolean loh) {

    public CopyState(int copies, double fraction, int expected) {
        this(copies, fraction, expected, false);
    }

    public static CopyState neutral(int expected) {
        return new CopyState(expected, 1, expected);
    }

    public boolean isNeutral() {
        return copies == expected && !loh;
    }

    /** A loss or gain of copies (a DEL or DUP to report), not copy-neutral. */
    public boolean isCopyChange() {
        return copies != expected;
    }

    public boolean isMosaic() {
        return !isNeutral() && fraction < 1;
    }

    /** Depth against a sample of the expected copies: {@code 1 + f·(copies - expected) / expected}. */
    public double ratio() {
        return 1 + fraction * (copies - expected) / (double) expected;
    }

    /** Mean copies over all cells. */
    public double meanCopies() {
        return expected + fraction * (copies - expected);
    }

    /**
     * The minor allele fractions of heterozygous sites this state gives where two haplotypes are expected: a loss of one
     * haplotype in a share f of cells (1-f)/(2-f), 0 when f = 1 (loss of heterozygosity); a gain of c-2 copies of one
     * haplotype 1/(2 + f(c-2)); for an even gain also the balanced 1/2 (2 + 2 as well as 1 + 3). A loss of both leaves
     * only unchanged cells' reads: 1/2. Null where no second haplotype is expected (one copy expected).
     */
    public double[] minorFractions() {
        if (expected != 2) {
            return null;
        }
        if (loh) { // one haplotype twice in a share f of cells: (1-f)/2
            return new double[] {fraction >= 1 ? 0 : (1 - fraction) / 2};
        }
        if (copies == 2 || copies == 0) {
            return new double[] {0.5};
        }
        if (copies == 1) {
            return new double[] {fraction >= 1 ? 0 : (1 - fraction) / (2 - fraction)};
        }
        double oneSided = 1 / (2 + fraction * (copies - 2));
        return copies % 2 == 0 ? new double[] {oneSided, 0.5} : new double[] {oneSided};
    }
}
