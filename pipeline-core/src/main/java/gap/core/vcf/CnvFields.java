package gap.core.vcf;

import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import htsjdk.variant.vcf.VCFSimpleHeaderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys and header lines of gap's copy-number records: the symbolic ALTs {@code <DEL>} and {@code <DUP>}, the
 * structural INFO of VCF 4.2 ({@code END}, {@code SVTYPE}, {@code SVLEN}, {@code IMPRECISE}, {@code CIPOS},
 * {@code CIEND}), gap's {@code WHOLE_CONTIG} flag and {@code WHOLE_ARM}, and FORMAT {@code CN}, {@code CNQ} (GATK gCNV's names),
 * {@code MF} (mosaic fraction), {@code BAF} and {@code NP} (bins).
 */
public final class CnvFields {
    public static final String DEL = "DEL";
    public static final String DUP = "DUP";
    public static final String END = "END";
    public static final String SVTYPE = "SVTYPE";
    public static final String SVLEN = "SVLEN";
    public static final String IMPRECISE = "IMPRECISE";
    public static final String CIPOS = "CIPOS";
    public static final String CIEND = "CIEND";
    /** INFO flag of a change spanning its whole contig (aneuploidy). */
    public static final String WHOLE_CONTIG = "WHOLE_CONTIG";
    /** INFO {@code p} or {@code q} of a change spanning one chromosome arm whole. */
    public static final String WHOLE_ARM = "WHOLE_ARM";
    public static final String COPY_NUMBER = "CN";
    public static final String COPY_NUMBER_QUALITY = "CNQ";
    public static final String MOSAIC_FRACTION = "MF";
    public static final String B_ALLELE_FRACTION = "BAF";
    public static final String BINS = "NP";

    private CnvFields() {}

    /** The decimals a Float FORMAT field of these records is written with (as much as the estimate holds); else -1. */
    public static int formatDecimals(String key) {
        return switch (key) {
            case COPY_NUMBER_QUALITY, MOSAIC_FRACTION -> 2;
            case B_ALLELE_FRACTION -> 3;
            default -> -1;
        };
    }

    /** Their header lines: the two ALTs, the INFO fields, the FORMAT fields. */
    public static List<VCFHeaderLine> headerLines() {
        List<VCFHeaderLine> lines = new ArrayList<>();
        lines.add(new VCFSimpleHeaderLine("ALT", Map.of("ID", DEL, "Description", "Deletion relative to the"
                + " reference (copy number below the expected)")));
        lines.add(new VCFSimpleHeaderLine("ALT", Map.of("ID", DUP, "Description", "Region of elevated copy number"
                + " relative to the reference")));
        lines.add(new VCFInfoHeaderLine(END, 1, VCFHeaderLineType.Integer, "End position of the variant described"
                + " in this record"));
        lines.add(new VCFInfoHeaderLine(SVTYPE, 1, VCFHeaderLineType.String, "Type of structural variant"));
        lines.add(new VCFInfoHeaderLine(SVLEN, VCFHeaderLineCount.A, VCFHeaderLineType.Integer, "Difference in"
                + " length between REF and ALT alleles"));
        lines.add(new VCFInfoHeaderLine(IMPRECISE, 0, VCFHeaderLineType.Flag, "Imprecise structural variation"));
        lines.add(new VCFInfoHeaderLine(CIPOS, 2, VCFHeaderLineType.Integer, "Confidence interval around POS for"
                + " imprecise variants"));
        lines.add(new VCFInfoHeaderLine(CIEND, 2, VCFHeaderLineType.Integer, "Confidence interval around END for"
                + " imprecise variants"));
        lines.add(new VCFInfoHeaderLine(WHOLE_CONTIG, 0, VCFHeaderLineType.Flag, "The copy-number change spans the"
                + " whole contig (aneuploidy), from depth and B-allele fractions together"));
        lines.add(new VCFInfoHeaderLine(WHOLE_ARM, 1, VCFHeaderLineType.String, "The copy-number change spans this"
                + " chromosome arm (p or q) whole, from depth and B-allele fractions together (GRCh37/GRCh38"
                + " centromeres)"));
        lines.add(new VCFFormatHeaderLine(COPY_NUMBER, 1, VCFHeaderLineType.Integer, "Copy number genotype for"
                + " imprecise events (copies in the cells carrying the change)"));
        lines.add(new VCFFormatHeaderLine(COPY_NUMBER_QUALITY, 1, VCFHeaderLineType.Float, "Copy number genotype"
                + " quality for imprecise events"));
        lines.add(new VCFFormatHeaderLine(MOSAIC_FRACTION, 1, VCFHeaderLineType.Float, "Mosaic fraction: share of"
                + " cells carrying the copy-number change, where below 1"));
        lines.add(new VCFFormatHeaderLine(B_ALLELE_FRACTION, 1, VCFHeaderLineType.Float, "Minor allele fraction of"
                + " the sample's heterozygous SNV calls in the event (B-allele fraction evidence)"));
        lines.add(new VCFFormatHeaderLine(BINS, 1, VCFHeaderLineType.Integer, "Number of bins in the event"));
        return lines;
    }
}
