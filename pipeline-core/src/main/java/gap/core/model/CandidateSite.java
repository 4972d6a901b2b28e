package gap.core.model;

import java.util.List;

/**
 * A position whose alternate alleles are worth genotyping. {@code alleles} are VCF alleles sharing the reference
 * allele at index 0. {@code spanEnd} is the last reference position a read must reach to tell the alleles apart:
 * past every equivalent placement of its indels in a repeat, plus one base. {@code repeatUnits} counts the units
 * of the tandem repeat its indels sit in (0 when it has none), for the indel error model.
 * {@code neighbours} are the indel alleles of other candidate sites close enough to change how reads align here.
 */
public record CandidateSite(String contig, int position, List<String> alleles, int spanEnd, int repeatUnits,
                            List<NearbyAllele> neighbours) {
    public CandidateSite {
        alleles = List.copyOf(alleles);
        neighbours = List.copyOf(neighbours);
        if (spanEnd < position + alleles.get(0).length() - 1) {
            throw new IllegalArgumentException("span must cover the reference allele");
        }
    }

    public String ref() {
        return alleles.get(0);
    }

    public int alleleCount() {
        return alleles.size();
    }

    public boolean hasIndel() {
        return alleles.stream().anyMatch(a -> a.length() != ref().length());
    }

    /** True when reads must be aligned to haplotypes: the site or a neighbour has an indel; else bases suffice. */
    public boolean needsHaplotypes() {
        return hasIndel() || !neighbours.isEmpty();
    }

    public CandidateSite withNeighbours(List<NearbyAllele> nearby) {
        return new CandidateSite(contig, position, alleles, spanEnd, repeatUnits, nearby);
    }
}
