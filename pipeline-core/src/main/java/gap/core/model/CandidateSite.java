package gap.core.model;

import java.util.List;

/**
 * A position whose alternate alleles are worth genotyping. {@code alleles} are VCF alleles sharing the reference
 * allele at index 0. {@code spanEnd} is the last reference position a read must reach to tell the alleles apart:
 * past every equivalent placement of its indels in a repeat, plus one base. {@code repeatUnits} counts the units
 * of the tandem repeat its indels sit in (0 when it has none). {@code neighbours} are the indel alleles of other
 * candidate sites close enough to change how reads align here; {@code contexts} the assembled haplotypes around the
 * site, each as its other events within the window (phase). {@code windowStart}..{@code windowEnd} (inclusive) is
 * the stretch reads are aligned over when the site needs haplotypes: the site, the whole repeat tract it touches,
 * and a flank either side.
 */
public record CandidateSite(String contig, int position, List<String> alleles, int spanEnd, int repeatUnits,
                            List<NearbyAllele> neighbours, List<List<NearbyAllele>> contexts, int windowStart,
                            int windowEnd) {
    public CandidateSite {
        alleles = List.copyOf(alleles);
        neighbours = List.copyOf(neighbours);
        contexts = List.copyOf(contexts);
        if (spanEnd < position + alleles.get(0).length() - 1) {
            throw new IllegalArgumentException("span must cover the reference allele");
        }
    }

    /** A site without assembled contexts, its window the site and {@code flank} bases either side. */
    public CandidateSite(String contig, int position, List<String> alleles, int spanEnd, int repeatUnits,
                         List<NearbyAllele> neighbours, int flank) {
        this(contig, position, alleles, spanEnd, repeatUnits, neighbours, List.of(), position - flank,
                spanEnd + flank);
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

    /**
     * True when reads must be aligned to haplotypes: the site has an indel or a multi-base allele, or a neighbour or an
     * assembled haplotype changes the bases around it; else the base at the site suffices.
     */
    public boolean needsHaplotypes() {
        return hasIndel() || ref().length() > 1 || !neighbours.isEmpty() || !contexts.isEmpty();
    }

    public CandidateSite withNeighbours(List<NearbyAllele> nearby, List<List<NearbyAllele>> assembled) {
        return new CandidateSite(contig, position, alleles, spanEnd, repeatUnits, nearby, assembled, windowStart,
                windowEnd);
    }
}
