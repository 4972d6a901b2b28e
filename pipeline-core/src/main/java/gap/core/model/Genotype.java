package gap.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sample's genotype at a site, with the VCF FORMAT values: {@code GT} as allele indexes (0 = REF, -1 for a
 * no-call: no fragment of the sample spans the site), {@code ploidy} copies of them (2, or 1 on a male's X outside the
 * PARs, his Y and chrM, where both indexes are the one allele: {@code 1}, not {@code 1/1}), {@code GQ} (phred, capped
 * at 99; -1 when absent), {@code PL} (normalised phred likelihoods, best = 0, VCF genotype order for the ploidy; empty
 * when absent), {@code AD} (informative fragments per allele), {@code DP} (fragments covering the site), {@code DNQ},
 * the phred posterior that a child's genotype is de novo (-1 when the sample is no trio's child or carries no
 * alternate allele), {@code AF}, the fraction of the sample's copies carrying each alternate allele where it is
 * measured rather than genotyped (chrM heteroplasmy; empty elsewhere), and {@code PP} (normalised phred posteriors,
 * VCF genotype order for the ploidy, one value per genotype as PL; empty when no prior beyond the population's moved
 * the genotype, as GATK's CalculateGenotypePosteriors writes them). Without PP, GT is the genotype of PL 0 and GQ the
 * next smallest PL; with it, both come from PP. {@code format} holds the FORMAT fields of other analyses by VCF key
 * (somatic calls' AF, F1R2, F2R1), sorted by key; the run's header declares them.
 */
public record Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp, int dnq,
                       int ploidy, List<Double> af, List<Integer> pp, Map<String, Object> format)
        implements java.io.Serializable {
    public Genotype {
        if (allele1 > allele2 || (allele1 < 0) != (allele2 < 0)) {
            throw new IllegalArgumentException("allele indexes must be ordered, or both missing: " + allele1 + "/"
                    + allele2);
        }
        if (ploidy < 1 || ploidy > 2 || (ploidy == 1 && allele1 != allele2)) {
            throw new IllegalArgumentException("a genotype has 1 or 2 copies, a haploid one a single allele");
        }
        pl = List.copyOf(pl);
        ad = List.copyOf(ad);
        af = List.copyOf(af);
        pp = List.copyOf(pp);
        format = format.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(format));
    }

    /** A genotype of {@code ploidy} copies, without posteriors or other analyses' FORMAT fields. */
    public Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp, int dnq,
                    int ploidy, List<Double> af) {
        this(allele1, allele2, gq, pl, ad, dp, dnq, ploidy, af, List.of(), Map.of());
    }

    /** A diploid genotype with posteriors (a trio's), without other FORMAT fields. */
    public Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp, int dnq,
                    List<Integer> pp) {
        this(allele1, allele2, gq, pl, ad, dp, dnq, 2, List.of(), pp, Map.of());
    }

    /** A diploid genotype with other analyses' FORMAT fields (somatic calls). */
    public Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp, int dnq,
                    Map<String, Object> format) {
        this(allele1, allele2, gq, pl, ad, dp, dnq, 2, List.of(), List.of(), format);
    }

    /** A diploid genotype. */
    public Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp, int dnq) {
        this(allele1, allele2, gq, pl, ad, dp, dnq, 2, List.of());
    }

    /** A diploid genotype without a de novo quality. */
    public Genotype(int allele1, int allele2, int gq, List<Integer> pl, List<Integer> ad, int dp) {
        this(allele1, allele2, gq, pl, ad, dp, -1);
    }

    /** A haploid genotype carrying {@code allele} (-1: a haploid no-call). */
    public static Genotype haploid(int allele, int gq, List<Integer> pl, List<Integer> ad, int dp) {
        return new Genotype(allele, allele, gq, pl, ad, dp, -1, 1, List.of());
    }

    /** {@code ./.} for a sample with no evidence at a site of {@code alleleCount} alleles: AD all 0, its DP kept. */
    public static Genotype noCall(int alleleCount, int dp) {
        return noCall(alleleCount, dp, 2);
    }

    /** A no-call of {@code ploidy} copies ({@code .} when haploid). */
    public static Genotype noCall(int alleleCount, int dp, int ploidy) {
        return new Genotype(-1, -1, -1, List.of(), java.util.Collections.nCopies(alleleCount, 0), dp, -1, ploidy,
                List.of());
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

    /** The GT allele indexes, one per copy. */
    public int[] gt() {
        return ploidy == 1 ? new int[] {allele1} : new int[] {allele1, allele2};
    }

    public Genotype withAd(List<Integer> newAd) {
        return new Genotype(allele1, allele2, gq, pl, newAd, dp, dnq, ploidy, af, pp, format);
    }

    public Genotype withDeNovoQuality(int quality) {
        return new Genotype(allele1, allele2, gq, pl, ad, dp, quality, ploidy, af, pp, format);
    }
}
