package gap.core.vcf;

import htsjdk.variant.vcf.VCFConstants;
import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFStandardHeaderLines;
import java.util.ArrayList;
import java.util.List;

/** The FORMAT fields gap writes: the standard GT, AD, DP, GQ and PL, a trio's PP, a trio child's DNQ and a chrM sample's AF. */
public final class FormatFields {
    /** FORMAT key of the genotype posteriors a prior beyond the population's gives (GATK's name). */
    public static final String POSTERIORS = "PP";
    /** FORMAT key of a child's de novo quality. */
    public static final String DE_NOVO_QUALITY = "DNQ";

    /** FORMAT key of a chrM sample's heteroplasmy fractions (Mutect2's name). */
    public static final String ALLELE_FRACTION = "AF";

    private FormatFields() {}

    /** Their header lines, in the order written. */
    public static List<VCFFormatHeaderLine> headerLines() {
        List<VCFFormatHeaderLine> lines = new ArrayList<>();
        lines.add(VCFStandardHeaderLines.getFormatLine(VCFConstants.GENOTYPE_KEY));
        lines.add(VCFStandardHeaderLines.getFormatLine(VCFConstants.GENOTYPE_ALLELE_DEPTHS));
        lines.add(new VCFFormatHeaderLine(VCFConstants.DEPTH_KEY, 1, VCFHeaderLineType.Integer, "Fragments of the sample"
                + " covering the site: read pairs whose mates overlap count once; filtered reads are not counted"));
        for (String key : List.of(VCFConstants.GENOTYPE_QUALITY_KEY, VCFConstants.GENOTYPE_PL_KEY)) {
            lines.add(VCFStandardHeaderLines.getFormatLine(key));
        }
        lines.add(new VCFFormatHeaderLine(POSTERIORS, VCFHeaderLineCount.G, VCFHeaderLineType.Integer,
                "Phred-scaled posterior genotype probabilities (the trio's), normalised; GT and GQ follow them"));
        lines.add(new VCFFormatHeaderLine(DE_NOVO_QUALITY, 1, VCFHeaderLineType.Integer,
                "Phred-scaled posterior that the child's genotype is de novo, from the trio's genotype likelihoods"));
        lines.add(new VCFFormatHeaderLine(ALLELE_FRACTION, VCFHeaderLineCount.A, VCFHeaderLineType.Float,
                "Allele fractions of alternate alleles in the sample's mitochondrial DNA (heteroplasmy), chrM only"));
        return lines;
    }
}
