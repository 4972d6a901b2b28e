package gap.core.somatic;

/**
 * The filters of somatic calls, named as Mutect2's FilterMutectCalls names them in FILTER, each with the kind of
 * error it stands for: a technical artefact, a real variant that is not somatic, or a sequencing error. Errors of
 * different kinds combine as independent: P(error) = 1 − (1 − max artefact)(1 − max non-somatic)(1 − sequencing).
 */
public enum SomaticFilter {
    WEAK_EVIDENCE("weak_evidence", Kind.SEQUENCING, "Mutation does not meet likelihood threshold"),
    GERMLINE("germline", Kind.NON_SOMATIC, "Evidence indicates this site is germline, not somatic"),
    CONTAMINATION("contamination", Kind.NON_SOMATIC, "Contamination from another person's cells"),
    NORMAL_ARTIFACT("normal_artifact", Kind.ARTIFACT, "Artifact is present in the normal sample"),
    STRAND_BIAS("strand_bias", Kind.ARTIFACT, "Evidence for alt allele comes from one read direction only"),
    ORIENTATION("orientation", Kind.ARTIFACT, "Orientation bias (in one of F1R2 or F2R1) seen in the tumor: a"
            + " single-strand artifact such as oxoG or FFPE deamination"),
    CLUSTERED_EVENTS("clustered_events", Kind.ARTIFACT, "Clustered events observed in the tumor"),
    BASE_QUAL("base_qual", Kind.ARTIFACT, "Alt median base quality below the threshold (and below the ref's)"),
    MAP_QUAL("map_qual", Kind.ARTIFACT, "Ref or alt median mapping quality below the threshold"),
    POSITION("position", Kind.ARTIFACT, "Median distance of alt variants from end of reads below the threshold"),
    SLIPPAGE("slippage", Kind.ARTIFACT, "Site filtered due to contraction of short tandem repeat region"),
    MULTIALLELIC("multiallelic", Kind.ARTIFACT, "Site filtered because too many alt alleles pass tumor LOD"),
    PANEL_OF_NORMALS("panel_of_normals", Kind.ARTIFACT, "Blacklisted site in panel of normals");

    /** What a filter's error is. */
    public enum Kind { ARTIFACT, NON_SOMATIC, SEQUENCING }

    private final String vcfName;
    private final Kind kind;
    private final String description;

    SomaticFilter(String vcfName, Kind kind, String description) {
        this.vcfName = vcfName;
        this.kind = kind;
        this.description = description;
    }

    /** The FILTER name, Mutect2's. */
    public String vcfName() {
        return vcfName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }
}
