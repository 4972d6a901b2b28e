package gap.core.somatic;

/**
 * A germline SNV the normal carries on both chromosomes, with the tumour's informative fragments there: REF fragments
 * in the tumour of a patient hom-alt here come from another person's cells (or errors), which is what contamination
 * is estimated from (Mutect2's CalculateContamination reads hom-alt sites). {@code tumourOther} counts the tumour's
 * fragments showing a third base: sequencing errors, which turn an ALT base into REF about half as often.
 */
public record GermlineSite(String contig, int position, String ref, String alt, int tumourRef, int tumourDepth,
                           int tumourOther) implements java.io.Serializable {

    /** log10 odds by which the normal's hom-alt genotype must beat both others (100 to 1). */
    static final double MIN_LOG10_ODDS = 2;

    /**
     * The site when it is a biallelic SNV and the normal is hom-alt there by {@link #MIN_LOG10_ODDS}; else null.
     * {@code normal} and {@code tumour} are the engine's likelihoods over the site's alleles.
     */
    public static GermlineSite of(gap.core.model.CandidateSite site, gap.core.calling.ReadLikelihoods tumour,
                                  gap.core.calling.ReadLikelihoods normal) {
        if (site.alleleCount() != 2 || site.ref().length() != 1 || site.alleles().get(1).length() != 1
                || site.needsHaplotypes() || normal.readCount() == 0) {
            return null;
        }
        int[] alleles = {0, 1};
        double[] gl = normal.genotypeLog10(alleles); // 0/0, 0/1, 1/1
        if (gl[2] - Math.max(gl[0], gl[1]) < MIN_LOG10_ODDS) {
            return null;
        }
        int[] ad = tumour.alleleDepths(alleles);
        char ref = site.ref().charAt(0);
        char alt = site.alleles().get(1).charAt(0);
        int other = 0;
        for (gap.core.model.ReadEvidence e : tumour.evidence()) {
            char b = (char) e.bases()[0]; // an isolated SNV site: the fragment's base at the site
            if (b != ref && b != alt && b != 'N') {
                other++;
            }
        }
        return new GermlineSite(site.contig(), site.position(), site.ref(), site.alleles().get(1), ad[0],
                ad[0] + ad[1], other);
    }
}
