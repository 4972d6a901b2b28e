package gap.core.concordance;

import java.util.Map;

/**
 * What {@link Concordance} gives: the scores per {@link VariantClass}, and what each side left out.
 *
 * @param byClass           scores of each class (both classes always present)
 * @param regions           where alleles counted: the BED's file name or "whole genome"
 * @param truthSkipped      truth alleles left out as symbolic or {@code *}
 * @param callsSkipped      call alleles left out as symbolic or {@code *}
 * @param callsFiltered     call records left out for a FILTER other than PASS or "."
 * @param includeFiltered   true when every call record counted, whatever its FILTER
 * @param clusters          how haplotype matching went
 */
public record ConcordanceReport(Map<VariantClass, ClassCounts> byClass, String regions, int truthSkipped,
                                int callsSkipped, int callsFiltered, boolean includeFiltered, Clusters clusters) {
    /**
     * Clusters of alleles left over by exact matching, with alleles on both sides.
     *
     * @param compared  clusters formed
     * @param matched   clusters where alleles matched by haplotype sequence
     * @param tooLarge  clusters not compared for their size (their alleles stay unmatched)
     */
    public record Clusters(int compared, int matched, int tooLarge) {
        public static final Clusters NONE = new Clusters(0, 0, 0);
    }

    public ConcordanceReport {
        for (VariantClass c : VariantClass.values()) {
            if (!byClass.containsKey(c)) {
                throw new IllegalArgumentException("no counts for " + c);
            }
        }
        byClass = Map.copyOf(byClass);
    }

    public ClassCounts of(VariantClass variantClass) {
        return byClass.get(variantClass);
    }
}
