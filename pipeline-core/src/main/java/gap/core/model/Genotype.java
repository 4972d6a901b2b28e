package gap.core.model;

import java.util.List;

/**
 * One sample's diploid genotype at a site, with the VCF FORMAT values: {@code GT} as two allele indexes (0 = REF),
 * {@code GQ} (phred, capped at 99), {@code PL} (normalised phred likelihoods, best = 0, VCF genotype order),
 * {@code AD} (informative fragments per allele) and {@code DP} (fragments covering the site).
 */
public record Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp) {
    public Genotype {
        if (allele1 > allele2) {
            throw new IllegalArgumentException("allele indexes must be ordered: " + allele1 + "/" + allele2);
        }
        pl = List.copyOf(pl);
        ad = List.copyOf(ad);
    }

    public boolean isHomRef() {
        return allele1 == 0 && allele2 == 0;
    }
}
