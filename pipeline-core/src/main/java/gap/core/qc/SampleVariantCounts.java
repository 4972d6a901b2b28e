package gap.core.qc;

/**
 * One sample's variant counts in a call set: the {@code PSC} and {@code PSI} rows of {@code bcftools stats}
 * (genotype counts of SNPs, transitions and transversions of the first ALT in the genotype, non-reference indel
 * genotypes, depth, singletons, haploid and missing genotypes, insertion and deletion hets and hom-alts) and gap's
 * own counts of non-reference genotypes at PASS and at filtered records.
 */
public record SampleVariantCounts(String sample, long homRef, long homAlt, long het, long transitions,
                                  long transversions, long indels, long depthSum, long depthCount, long singletons,
                                  long hapRef, long hapAlt, long missing, long insertionHets, long deletionHets,
                                  long insertionHomAlts, long deletionHomAlts, long nonRefPass, long nonRefFiltered) {
    static final int HOM_REF = 0;
    static final int HOM_ALT = 1;
    static final int HET = 2;
    static final int TS = 3;
    static final int TV = 4;
    static final int INDELS = 5;
    static final int DEPTH_SUM = 6;
    static final int DEPTH_COUNT = 7;
    static final int SINGLETONS = 8;
    static final int HAP_REF = 9;
    static final int HAP_ALT = 10;
    static final int MISSING = 11;
    static final int INS_HETS = 12;
    static final int DEL_HETS = 13;
    static final int INS_HOMS = 14;
    static final int DEL_HOMS = 15;
    static final int NON_REF_PASS = 16;
    static final int NON_REF_FILTERED = 17;
    static final int FIELDS = 18;

    static SampleVariantCounts of(String sample, long[] c) {
        return new SampleVariantCounts(sample, c[HOM_REF], c[HOM_ALT], c[HET], c[TS], c[TV], c[INDELS], c[DEPTH_SUM],
                c[DEPTH_COUNT], c[SINGLETONS], c[HAP_REF], c[HAP_ALT], c[MISSING], c[INS_HETS], c[DEL_HETS],
                c[INS_HOMS], c[DEL_HOMS], c[NON_REF_PASS], c[NON_REF_FILTERED]);
    }

    /** Transitions over transversions of the sample's SNP genotypes; NaN without transversions. */
    public double tsTv() {
        return transversions == 0 ? Double.NaN : (double) transitions / transversions;
    }

    /** Het over hom-alt SNP genotypes, as read from PSC; NaN without hom-alts. */
    public double hetHomRatio() {
        return homAlt == 0 ? Double.NaN : (double) het / homAlt;
    }

    /** Insertion over deletion genotypes (het and hom-alt), from PSI; NaN without deletions. */
    public double insDelRatio() {
        long del = deletionHets + deletionHomAlts;
        return del == 0 ? Double.NaN : (double) (insertionHets + insertionHomAlts) / del;
    }

    /** SNP genotypes carrying an ALT (het or hom-alt). */
    public long snvs() {
        return het + homAlt;
    }

    /** PSC's average depth: FORMAT DP (else the sum of AD) over the sample's genotypes with one. */
    public double meanDepth() {
        return depthCount == 0 ? 0 : (float) depthSum / (float) depthCount;
    }
}
