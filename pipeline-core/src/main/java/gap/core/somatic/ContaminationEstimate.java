package gap.core.somatic;

import java.util.List;

/**
 * Takes the normal's hom-alt germline SNVs with the tumour's fragments there, gives the fraction of the tumour's
 * cells that come from another person and its standard error (Mutect2's CalculateContamination, single contaminant,
 * hom-alt sites): a contaminant carries REF at such a site with probability 1 − f, f the ALT's population frequency,
 * so REF fragments ~ Binomial(depth, c·(1 − f)) plus sequencing errors, counted from the third bases seen there.
 * Without a population frequency, f is unknown: a flat prior on it, given the patient is hom-alt, makes E[1 − f] = ¼.
 */
public record ContaminationEstimate(double contamination, double error, int sites) {
    /** E[1 − f] under a flat prior on f, given the patient is hom-alt (f² weighting): ∫(1−f)f² / ∫f² = 1/4. */
    static final double REF_SHARE_WITHOUT_RESOURCE = 0.25;

    public static final ContaminationEstimate NONE = new ContaminationEstimate(0, 0, 0);

    /**
     * @param populationAf per site, the ALT's population frequency, or NaN when the resource does not hold it
     */
    public static ContaminationEstimate of(List<GermlineSite> sites, double[] populationAf) {
        double ref = 0;
        double errors = 0;
        double expected = 0;
        for (int i = 0; i < sites.size(); i++) {
            GermlineSite s = sites.get(i);
            double f = populationAf == null || Double.isNaN(populationAf[i]) ? Double.NaN : populationAf[i];
            double refShare = Double.isNaN(f) ? REF_SHARE_WITHOUT_RESOURCE : 1 - f;
            ref += s.tumourRef();
            errors += s.tumourOther() / 2.0;
            expected += s.tumourDepth() * refShare;
        }
        if (expected == 0) {
            return new ContaminationEstimate(0, 0, sites.size());
        }
        double c = Math.max(0, (ref - errors) / expected);
        double se = Math.sqrt(Math.max(ref, 1)) / expected;
        return new ContaminationEstimate(Math.min(c, 1), se, sites.size());
    }

    /** The {@code contamination.table} text: GATK's columns, the sample by its pseudonym. */
    public String table(String samplePseudonym) {
        return "sample\tcontamination\terror\tsites\n" + samplePseudonym + "\t"
                + String.format(java.util.Locale.ROOT, "%.6f\t%.6f\t%d%n", contamination, error, sites);
    }
}
