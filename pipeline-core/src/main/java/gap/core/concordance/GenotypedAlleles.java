package gap.core.concordance;

import java.util.Map;

/**
 * One side of a comparison: each normalised allele the chosen sample carries inside the confident regions, with
 * its copy number (1 het, 2 hom-alt; capped at 2), plus tallies of what was left out and why.
 *
 * @param copies            allele to copy number
 * @param records           VCF records read
 * @param filteredRecords   records left out for a FILTER other than PASS or "." (calls side only)
 * @param skippedSymbolic   symbolic ({@code <DEL>}, breakend) or {@code *} alleles in the sample's GT, left out
 * @param outsideConfident  normalised alleles left out because their POS lies outside the confident regions
 */
public record GenotypedAlleles(
        Map<AtomicAllele, Integer> copies, int records, int filteredRecords, int skippedSymbolic, int outsideConfident) {
    public GenotypedAlleles {
        copies = Map.copyOf(copies);
    }
}
