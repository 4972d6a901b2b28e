package gap.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A called site: 1-based {@code position}, {@code alleles} with the reference first (VCF-valid, left-normalised),
 * phred {@code qual}, the filter ({@code PASS} or a filter name), site-level {@code info} by VCF INFO key (sorted by
 * key) and the sample's genotype.
 */
public record VariantCall(String contig, int position, List<String> alleles, double qual, String filter,
                          Map<String, Object> info, Genotype genotype) {
    public VariantCall {
        alleles = List.copyOf(alleles);
        info = Collections.unmodifiableSortedMap(new TreeMap<>(info));
        if (alleles.size() < 2) {
            throw new IllegalArgumentException("a call needs a reference and at least one alternate allele");
        }
    }

    public String ref() {
        return alleles.get(0);
    }

    /** Last reference base the record covers. */
    public int end() {
        return position + ref().length() - 1;
    }
}
