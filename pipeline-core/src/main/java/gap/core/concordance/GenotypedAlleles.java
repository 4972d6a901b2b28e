package gap.core.concordance;

import java.util.Map;
import java.util.Set;

/**
 * One side of a comparison: each normalised allele the chosen sample carries inside the confident regions, with
 * its copy number (1 het, 2 hom-alt; capped at 2), plus tallies of what was left out and why.
 *
 * @param copies            allele to copy number
 * @param records           VCF records read
 * @param filteredRecords   records left out for a FILTER other than PASS or "." (calls side only)
 * @param skippedSymbolic   symbolic ({@code <DEL>}, breakend) or {@code *} alleles in the sample's GT, left out
 * @param outsideConfident  normalised alleles left out because their POS lies outside the confident regions
 * @param filteredOnly      alleles of {@code copies} that only records with a FILTER other than PASS or "." carry
 *                          (calls counted with every record; empty otherwise)
 */
public record GenotypedAlleles(Map<AtomicAllele, Integer> copies, int records, int filteredRecords,
                               int skippedSymbolic, int outsideConfident, Set<AtomicAllele> filteredOnly) {
    public GenotypedAlleles {
        copies = Map.copyOf(copies);
        filteredOnly = Set.copyOf(filteredOnly);
    }

    /** A side with no filtered-only alleles (truth, or PASS calls). */
    public GenotypedAlleles(Map<AtomicAllele, Integer> copies, int records, int filteredRecords, int skippedSymbolic,
                            int outsideConfident) {
        this(copies, records, filteredRecords, skippedSymbolic, outsideConfident, Set.of());
    }

    /** True when a record with FILTER PASS or "." carries {@code allele}. */
    public boolean passes(AtomicAllele allele) {
        return !filteredOnly.contains(allele);
    }
}
