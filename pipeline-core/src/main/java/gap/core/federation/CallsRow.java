package gap.core.federation;

import gap.core.model.Filters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What aggregation reads of one {@code calls.parquet} row: where it lies (0-based start), its alleles, its filters,
 * and each genotype's allele indexes ({@code -1} or null: not called). Sample ids are not part of it: counting never
 * needs to know whose genotype it counts.
 */
public record CallsRow(String contigName, long start, String referenceAllele, List<String> alternateAlleles,
                       Filters filters, List<List<Integer>> genotypeCalls) {
    public CallsRow {
        alternateAlleles = List.copyOf(alternateAlleles);
        List<List<Integer>> calls = new ArrayList<>();
        for (List<Integer> g : genotypeCalls) {
            // List.copyOf refuses nulls; a null allele index is a missing call, as -1 is
            calls.add(Collections.unmodifiableList(new ArrayList<>(g)));
        }
        genotypeCalls = List.copyOf(calls);
    }

    /** Glow writes {@code PASS} for passing records; an empty list is VCF's {@code .}, not a pass. */
    public boolean passes() {
        return filters.isPass();
    }
}
