package gap.core.calling;

import gap.core.model.GenotypeLikelihoods;

/**
 * One sample's likelihoods at a joint site from its gVCF: {@code log10} over the site's alleles (VCF diploid order),
 * an allele the sample's record lacks taking its {@code <NON_REF>} likelihoods, and its allele depths.
 */
public record GvcfLikelihoods(double[] log10, int[] depths) implements SampleLikelihoods {
    @Override
    public double[] genotypeLog10(int[] alleles) {
        int k = alleles.length;
        double[] gl = new double[GenotypeLikelihoods.genotypeCount(k)];
        for (int hi = 0; hi < k; hi++) {
            for (int lo = 0; lo <= hi; lo++) {
                gl[GenotypeLikelihoods.index(lo, hi)] = log10[GenotypeLikelihoods.index(alleles[lo], alleles[hi])];
            }
        }
        return gl;
    }

    @Override
    public int[] alleleDepths(int[] alleles) {
        int[] ad = new int[alleles.length];
        for (int i = 0; i < ad.length; i++) {
            ad[i] = depths[alleles[i]];
        }
        return ad;
    }
}
