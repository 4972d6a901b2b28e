package gap.core.model;

/** An alternate allele of a neighbouring candidate site, in VCF form: 1-based position, its REF and ALT. */
public record NearbyAllele(int position, String ref, String alt) {}
