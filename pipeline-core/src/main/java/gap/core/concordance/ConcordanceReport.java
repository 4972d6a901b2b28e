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
 */
public record ConcordanceReport(Map<VariantClass, ClassCounts> byClass, String regions, int truthSkipped,
                                int callsSkipped, int callsFiltered, boolean includeFiltered) {
    /** A report on PASS (or ".") call records only. */
    public ConcordanceReport(Map<VariantClass, ClassCounts> byClass, String regions, int truthSkipped,
                             int callsSkipped, int callsFiltered) {
        this(byClass, regions, truthSkipped, callsSkipped, callsFiltered, false);
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
