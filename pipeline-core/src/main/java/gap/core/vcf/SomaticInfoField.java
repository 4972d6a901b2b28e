package gap.core.vcf;

import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The INFO fields of somatic calls, Mutect2's keys and descriptions: each one's header line and, for a Float, the
 * decimals it is written with. As with {@link InfoField}, a call holds a Float already rounded ({@link #round}) and
 * only the sinks write it as text.
 */
public enum SomaticInfoField {
    TLOD(perAlt("TLOD", VCFHeaderLineType.Float, "Log 10 likelihood ratio score of variant existing versus not existing"),
            2),
    NLOD(perAlt("NLOD", VCFHeaderLineType.Float, "Normal log 10 likelihood ratio of diploid het or hom alt genotypes"),
            2),
    NALOD(perAlt("NALOD", VCFHeaderLineType.Float, "Log 10 odds that the normal holds the allele at some fraction (an"
            + " artifact it shares with the tumor); negative when the normal is clean"), 3),
    POPAF(perAlt("POPAF", VCFHeaderLineType.Float, "negative log 10 population allele frequencies of alt alleles"), 2),
    ECNT(new VCFInfoHeaderLine("ECNT", 1, VCFHeaderLineType.Integer,
            "Number of emitted events within the clustered-events window"), -1),
    MBQ(new VCFInfoHeaderLine("MBQ", VCFHeaderLineCount.R, VCFHeaderLineType.Integer, "median base quality by allele"),
            -1),
    MMQ(new VCFInfoHeaderLine("MMQ", VCFHeaderLineCount.R, VCFHeaderLineType.Integer,
            "median mapping quality by allele"), -1),
    MPOS(perAlt("MPOS", VCFHeaderLineType.Integer, "median distance from end of read"), -1),
    GERMQ(quality("GERMQ", "Phred-scaled quality that alt alleles are not germline variants"), -1),
    SEQQ(quality("SEQQ", "Phred-scaled quality that alt alleles are not sequencing errors"), -1),
    STRANDQ(quality("STRANDQ", "Phred-scaled quality of strand bias artifact"), -1),
    ROQ(quality("ROQ", "Phred-scaled qualities that alt allele are not due to read orientation artifact"), -1),
    CONTQ(quality("CONTQ", "Phred-scaled qualities that alt allele are not due to contamination"), -1),
    PON(new VCFInfoHeaderLine("PON", 0, VCFHeaderLineType.Flag, "site found in panel of normals"), -1);

    private static final Map<String, SomaticInfoField> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SomaticInfoField::key, Function.identity()));

    private final VCFInfoHeaderLine headerLine;
    private final int decimals;

    SomaticInfoField(VCFInfoHeaderLine headerLine, int decimals) {
        this.headerLine = headerLine;
        this.decimals = decimals;
    }

    private static VCFInfoHeaderLine perAlt(String key, VCFHeaderLineType type, String description) {
        return new VCFInfoHeaderLine(key, VCFHeaderLineCount.A, type, description);
    }

    private static VCFInfoHeaderLine quality(String key, String description) {
        return new VCFInfoHeaderLine(key, 1, VCFHeaderLineType.Integer, description);
    }

    public String key() {
        return headerLine.getID();
    }

    public VCFInfoHeaderLine headerLine() {
        return headerLine;
    }

    /** Every field's header line, in declaration order (also calls.parquet's INFO columns of a somatic run). */
    public static List<VCFInfoHeaderLine> headerLines() {
        return Arrays.stream(values()).map(SomaticInfoField::headerLine).toList();
    }

    /** The field of {@code key}, or null when it is none of these. */
    public static SomaticInfoField byKey(String key) {
        return BY_KEY.get(key);
    }

    /** The decimals a Float is written with; -1 for any other field. */
    public int decimals() {
        return decimals;
    }

    /** {@code v} rounded to this field's decimals ({@link Decimals#round}). */
    public double round(double v) {
        return Decimals.round(v, decimals);
    }
}
