package gap.core.vcf;

import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The FORMAT fields of somatic calls beyond GT, AD and DP, Mutect2's: the allele fractions (a Float held rounded, as
 * {@link SomaticInfoField}'s) and the F1R2/F2R1 read counts of the orientation-bias model.
 */
public enum SomaticFormatField {
    AF(new VCFFormatHeaderLine("AF", VCFHeaderLineCount.A, VCFHeaderLineType.Float,
            "Allele fractions of alternate alleles in the tumor"), 3),
    F1R2(new VCFFormatHeaderLine("F1R2", VCFHeaderLineCount.R, VCFHeaderLineType.Integer,
            "Count of reads in F1R2 pair orientation supporting each allele"), -1),
    F2R1(new VCFFormatHeaderLine("F2R1", VCFHeaderLineCount.R, VCFHeaderLineType.Integer,
            "Count of reads in F2R1 pair orientation supporting each allele"), -1);

    private static final Map<String, SomaticFormatField> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SomaticFormatField::key, Function.identity()));

    private final VCFFormatHeaderLine headerLine;
    private final int decimals;

    SomaticFormatField(VCFFormatHeaderLine headerLine, int decimals) {
        this.headerLine = headerLine;
        this.decimals = decimals;
    }

    public String key() {
        return headerLine.getID();
    }

    public VCFFormatHeaderLine headerLine() {
        return headerLine;
    }

    /** Every field's header line, in declaration order (also calls.parquet's extra genotype columns). */
    public static List<VCFFormatHeaderLine> headerLines() {
        return Arrays.stream(values()).map(SomaticFormatField::headerLine).toList();
    }

    /** The field of {@code key}, or null when it is none of these. */
    public static SomaticFormatField byKey(String key) {
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
