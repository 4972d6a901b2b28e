package gap.core.model;

/**
 * An allele near a site, in VCF form (1-based position, its REF and ALT): an alternate allele of a neighbouring
 * candidate site, or one event of an assembled haplotype.
 */
public record NearbyAllele(int position, String ref, String alt) {
    /** Last reference base the allele's REF covers. */
    public int end() {
        return position + ref.length() - 1;
    }

    /** True when REF and ALT differ in length. */
    public boolean isIndel() {
        return ref.length() != alt.length();
    }
}
