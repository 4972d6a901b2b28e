package gap.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sample's diploid genotype at a site, with the VCF FORMAT values: {@code GT} as two allele indexes (0 = REF,
 * both -1 for a no-call, {@code ./.}: no fragment of the sample spans the site), {@code GQ} (phred, capped at 99; -1
 * when absent), {@code PL} (normalised phred likelihoods, best = 0, VCF genotype order; empty when absent), {@code AD}
 * (informative fragments per allele), {@code DP} (fragments covering the site) and {@code DNQ}, the phred posterior
 * that a child's genotype is de novo (-1 when the sample is no trio's child or carries no alternate allele).
 * {@code format} holds the FORMAT fields of other analyses by VCF key (somatic calls' AF, F1R2, F2R1), sorted by key;
 * the run's header declares them.
 */
public record Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp, int dnq,
                       Map<String, Object> format) implements java.io.Serializable {
    public Genotype {
        if (allele1 > allele2 || (allele1 < 0) != (allele2 < 0)) {
            throw new IllegalArgumentException("allele indexes must be ordered, or both missing: " + allele1 + "/"
                    + allele2);
        }
        pl = List.copyOf(pl);
        ad = List.copyOf(ad);
        format = format.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(format));
    }

    /** A genotype without other FORMAT fields. */
    public Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp, int dnq) {
        this(allele1, allele2, gq, pl, ad, dp, dnq, Map.of());
    }

    /** A genotype without a de novo quality. */
    public Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp) {
        this(allele1, allele2, gq, pl, ad, dp, -1);
    }

    /** {@code ./.} for a sample with no evidence at a site of {@code alleleCount} alleles: AD all 0, its DP kept. */
    public static Genotype noCall(int alleleCount, int dp) {
        return new Genotype(-1, -1, -1, List.of(), java.util.Collections.nCopies(alleleCount, 0), dp);
    }

    public boolean isCalled() {
        return allele1 >= 0;
    }

    public boolean isHomRef() {
        return allele1 == 0 && allele2 == 0;
    }

    /** Called and carrying an alternate allele. */
    public boolean isVariant() {
        return allele2 > 0;
    }

    /** Called, one REF and one alternate allele. */
    public boolean isHetRef() {
        return allele1 == 0 && allele2 > 0;
    }

    public boolean carries(int allele) {
        return allele1 == allele || allele2 == allele;
    }

    public Genotype withDeNovoQuality(int quality) {
        return new Genotype(allele1, allele2, gq, pl, ad, dp, quality, format);
    }
}
