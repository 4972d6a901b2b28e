package gap.core.federation;

/**
 * One row of a summary: an allele, whether its counts are suppressed, and its counts — all null when suppressed;
 * of a released row, {@code homAltCount} alone may be null (withheld, see {@link Suppression}).
 */
public record SummaryRow(AlleleKey key, boolean suppressed, Long alleleCount, Long alleleNumber, Long homAltCount,
                         Long calledSamples) {
    public SummaryRow {
        boolean valid = suppressed
                ? alleleCount == null && alleleNumber == null && homAltCount == null && calledSamples == null
                : alleleCount != null && alleleNumber != null && calledSamples != null;
        if (!valid) {
            throw new IllegalArgumentException("a suppressed row has no counts; a released one has AC, AN and"
                    + " called samples");
        }
    }

    public static SummaryRow suppressed(AlleleKey key) {
        return new SummaryRow(key, true, null, null, null, null);
    }

    /** Every count of an unsuppressed row, as it was before suppression: what a merge sums. */
    public static SummaryRow exact(AlleleKey key, AlleleCounts c) {
        return new SummaryRow(key, false, c.alleleCount(), c.alleleNumber(), c.homAltCount(), c.calledSamples());
    }

    /** AC / AN; null when suppressed or AN is 0. */
    public Double alleleFrequency() {
        return alleleCount == null || alleleNumber == 0 ? null : (double) alleleCount / alleleNumber;
    }

    /** The counts of a row with every count present (a summary exported for a merge). */
    public AlleleCounts counts() {
        if (suppressed || homAltCount == null) {
            throw new IllegalStateException("a suppressed or withheld count cannot be summed");
        }
        return new AlleleCounts(alleleCount, alleleNumber, homAltCount, calledSamples);
    }
}
