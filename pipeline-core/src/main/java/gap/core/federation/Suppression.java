package gap.core.federation;

/**
 * Takes an allele's summed counts, gives what may be released of them. Published attacks on beacons and
 * allele-frequency releases (membership inference, Shringarpure and Bustamante 2015; genome reconstruction, Ayoz et
 * al. 2021 and Bioinformatics 2025; see ../shared/research/anchors.md §6) work best on rare alleles and small
 * cohorts, so no released count may single out fewer than {@code minCount} alleles or people:
 * <ul>
 * <li>the row is suppressed (flag set, every count null) unless AC ≥ minCount, AN − AC is 0 or ≥ minCount (the
 * other alleles there are as telling when few: the minor allele may be the reference), at least minCount samples
 * have a called genotype, and AN ≥ minAn;
 * <li>of a released row, the hom-alt count alone is withheld (null) unless it and the called samples that are not
 * hom-alt are each 0 or ≥ minCount.
 * </ul>
 * Applied when a summary is written, never to the sums a merge adds: {@code minCount} 0 releases everything.
 */
public record Suppression(long minCount, long minAn) {
    public static final long DEFAULT_MIN_COUNT = 5;

    public Suppression {
        if (minCount < 0 || minAn < 0) {
            throw new IllegalArgumentException("thresholds must not be negative");
        }
    }

    public SummaryRow apply(AlleleKey key, AlleleCounts c) {
        boolean released = c.alleleCount() >= minCount
                && zeroOrAtLeast(c.alleleNumber() - c.alleleCount())
                && c.calledSamples() >= minCount
                && c.alleleNumber() >= minAn;
        if (!released) {
            return SummaryRow.suppressed(key);
        }
        boolean homAltReleased = zeroOrAtLeast(c.homAltCount()) && zeroOrAtLeast(c.calledSamples() - c.homAltCount());
        return new SummaryRow(key, false, c.alleleCount(), c.alleleNumber(), homAltReleased ? c.homAltCount() : null,
                c.calledSamples());
    }

    private boolean zeroOrAtLeast(long n) {
        return n == 0 || n >= minCount;
    }

    /** How the metadata and the README state the rule. */
    public String describe() {
        return "min-count=" + minCount + " min-an=" + minAn;
    }
}
