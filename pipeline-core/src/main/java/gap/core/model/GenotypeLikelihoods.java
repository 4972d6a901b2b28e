package gap.core.model;

import java.util.Arrays;

/**
 * log10 P(reads | genotype) for every diploid genotype over {@code alleleCount} alleles, in VCF order:
 * genotype a/b (a ≤ b) sits at index b(b+1)/2 + a, so 0/0, 0/1, 1/1, 0/2, 1/2, 2/2, …
 */
public final class GenotypeLikelihoods {
    private final int alleleCount;
    private final double[] log10;

    public GenotypeLikelihoods(int alleleCount, double[] log10) {
        if (log10.length != genotypeCount(alleleCount)) {
            throw new IllegalArgumentException(alleleCount + " alleles need " + genotypeCount(alleleCount) + " values");
        }
        this.alleleCount = alleleCount;
        this.log10 = log10.clone();
    }

    public static int genotypeCount(int alleleCount) {
        return alleleCount * (alleleCount + 1) / 2;
    }

    /** VCF index of genotype a/b, in either order. */
    public static int index(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return hi * (hi + 1) / 2 + lo;
    }

    /** The two allele indexes of VCF genotype index {@code g}, low first. */
    public static int[] alleles(int g) {
        int hi = 0;
        while ((hi + 1) * (hi + 2) / 2 <= g) {
            hi++;
        }
        return new int[] {g - hi * (hi + 1) / 2, hi};
    }

    public int alleleCount() {
        return alleleCount;
    }

    public int size() {
        return log10.length;
    }

    public double log10(int genotypeIndex) {
        return log10[genotypeIndex];
    }

    public double[] toArray() {
        return log10.clone();
    }

    /** Phred-scaled, normalised so the best genotype is 0, rounded as VCF PL values are. */
    public int[] toPL() {
        double best = Arrays.stream(log10).max().orElse(0);
        int[] pl = new int[log10.length];
        for (int g = 0; g < log10.length; g++) {
            pl[g] = (int) Math.round(-10 * (log10[g] - best));
        }
        return pl;
    }

    @Override
    public String toString() {
        return "GenotypeLikelihoods" + Arrays.toString(log10);
    }
}
