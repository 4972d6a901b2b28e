package gap.core.calling;

/**
 * What genotyping needs of one sample at a site: log10 P(data | genotype) over any subset of the site's alleles, and
 * the informative fragments per allele of that subset. Reads give it ({@link ReadLikelihoods}); so does a gVCF record's
 * PL ({@link GvcfLikelihoods}).
 */
public interface SampleLikelihoods {
    /** Diploid genotype likelihoods over {@code alleles} (indexes into the site's alleles, ascending), VCF order. */
    double[] genotypeLog10(int[] alleles);

    /** Informative fragments per allele of {@code alleles}. */
    int[] alleleDepths(int[] alleles);
}
