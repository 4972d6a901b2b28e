package gap.core.concordance;

import java.util.Objects;

/**
 * One normalised allele: a single SNV or a single left-aligned, trimmed indel in VCF form (1-based {@code pos}, an
 * indel carries one anchor base). Two alleles match when all four fields are equal.
 */
public record AtomicAllele(String contig, long pos, String ref, String alt) {
    public AtomicAllele {
        Objects.requireNonNull(contig, "contig");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(alt, "alt");
        if (pos < 1 || ref.isEmpty() || alt.isEmpty() || ref.equals(alt)) {
            throw new IllegalArgumentException("not an allele: " + contig + ":" + pos + " " + ref + ">" + alt);
        }
    }

    public VariantClass variantClass() {
        return VariantClass.of(ref, alt);
    }

    @Override
    public String toString() {
        return contig + ":" + pos + " " + ref + ">" + alt;
    }
}
