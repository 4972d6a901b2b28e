package gap.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A called site: 1-based {@code position}, {@code alleles} with the reference first (VCF-valid, left-normalised),
 * phred {@code qual}, its {@link Filters}, site-level {@code info} by VCF INFO key (sorted by key; values typed:
 * Integer, Double, String, or lists of them, never numbers as text) and one genotype per sample of the run, in the
 * run's sample order; {@code ids} are the record's IDs (rsIDs from the known sites), none when unknown.
 */
public record VariantCall(String contig, int position, List<String> alleles, double qual, Filters filter,
                          Map<String, Object> info, List<Genotype> genotypes, List<String> ids)
        implements java.io.Serializable {
    public VariantCall {
        alleles = List.copyOf(alleles);
        ids = List.copyOf(ids);
        info = Collections.unmodifiableSortedMap(new TreeMap<>(info));
        genotypes = List.copyOf(genotypes);
        if (alleles.size() < 2) {
            throw new IllegalArgumentException("a call needs a reference and at least one alternate allele");
        }
        if (genotypes.isEmpty()) {
            throw new IllegalArgumentException("a call needs at least one sample's genotype");
        }
    }

    /** A call without IDs. */
    public VariantCall(String contig, int position, List<String> alleles, double qual, Filters filter,
                       Map<String, Object> info, List<Genotype> genotypes) {
        this(contig, position, alleles, qual, filter, info, genotypes, List.of());
    }

    /** A call of one sample. */
    public VariantCall(String contig, int position, List<String> alleles, double qual, Filters filter,
                       Map<String, Object> info, Genotype genotype) {
        this(contig, position, alleles, qual, filter, info, List.of(genotype));
    }

    public String ref() {
        return alleles.get(0);
    }

    /** Last reference base the record covers. */
    public int end() {
        return position + ref().length() - 1;
    }

    /** The genotype of the {@code sample}-th sample of the run. */
    public Genotype genotype(int sample) {
        return genotypes.get(sample);
    }

    /** True when some sample's genotype carries alternate allele {@code allele}. */
    public boolean carried(int allele) {
        return genotypes.stream().anyMatch(g -> g.carries(allele));
    }

    /** True when some sample carries an alternate allele. */
    public boolean hasVariantGenotype() {
        return genotypes.stream().anyMatch(Genotype::isVariant);
    }

    public VariantCall withInfo(Map<String, Object> newInfo) {
        return new VariantCall(contig, position, alleles, qual, filter, newInfo, genotypes, ids);
    }

    public VariantCall withFilter(Filters newFilter, Map<String, Object> newInfo) {
        return new VariantCall(contig, position, alleles, qual, newFilter, newInfo, genotypes, ids);
    }

    public VariantCall withGenotypes(List<Genotype> newGenotypes) {
        return new VariantCall(contig, position, alleles, qual, filter, info, newGenotypes, ids);
    }

    public VariantCall withIds(List<String> newIds) {
        return new VariantCall(contig, position, alleles, qual, filter, info, genotypes, newIds);
    }
}
