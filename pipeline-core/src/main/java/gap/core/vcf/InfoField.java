package gap.core.vcf;

import htsjdk.variant.vcf.VCFConstants;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import htsjdk.variant.vcf.VCFStandardHeaderLines;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The INFO fields gap writes: each one's VCF key, header line and, for a Float, the decimals it is written with (GATK's).
 * A Float is held in a call already rounded to those decimals ({@link #round}), so that every reader of a call, in
 * memory or from the written VCF, sees the same number; only the sinks turn it into text ({@link #format}). All are
 * declared whether or not a run fills them (VQSLOD needs a trained model, ExcessHet several samples), so the files of
 * different runs share one schema. Descriptions are the standard ones (VCF, GATK), so tools and users recognise them.
 */
public enum InfoField {
    AC(VCFStandardHeaderLines.getInfoLine(VCFConstants.ALLELE_COUNT_KEY), -1),
    /** AC / AN per alternate allele. */
    AF(VCFStandardHeaderLines.getInfoLine(VCFConstants.ALLELE_FREQUENCY_KEY), 3),
    AN(VCFStandardHeaderLines.getInfoLine(VCFConstants.ALLELE_NUMBER_KEY), -1),
    /** htsjdk's standard text ("Approximate read depth; some reads may have been filtered") says not what is counted. */
    DP(new VCFInfoHeaderLine(VCFConstants.DEPTH_KEY, 1, VCFHeaderLineType.Integer, "Fragments covering the site,"
            + " summed over the samples: read pairs whose mates overlap count once; reads gap filters out (unmapped,"
            + " secondary, supplementary, duplicate, QC-fail, low MAPQ) are not counted"), -1),
    QD(real("QD", "Variant Confidence/Quality by Depth"), 2),
    FS(real("FS", "Phred-scaled p-value using Fisher's exact test to detect strand bias"), 3),
    SOR(real("SOR", "Symmetric Odds Ratio of 2x2 contingency table to detect strand bias"), 3),
    MQ(VCFStandardHeaderLines.getInfoLine(VCFConstants.RMS_MAPPING_QUALITY_KEY), 2),
    MQ_RANK_SUM(real("MQRankSum", "Z-score From Wilcoxon rank sum test of Alt vs. Ref read mapping qualities"), 3),
    READ_POS_RANK_SUM(real("ReadPosRankSum", "Z-score from Wilcoxon rank sum test of Alt vs. Ref read position bias"),
            3),
    BASE_Q_RANK_SUM(real("BaseQRankSum", "Z-score from Wilcoxon rank sum test of Alt Vs. Ref base qualities"), 3),
    EXCESS_HET(real("ExcessHet", "Phred-scaled p-value for exact test of excess heterozygosity"), 4),
    /** The reads' own mismatches, alt against ref (bcftools' NMBZ): reads of a paralogue carry many. */
    NMBZ(real("NMBZ", "Z-score from Mann-Whitney U test of Alt vs. Ref reads' differences from the reference"
            + " (mismatched bases and indel events, the site itself excluded)"), 3),
    /** The same as a difference of means, defined where a z-score is not (few reads). */
    NMD(real("NMD", "Mean differences from the reference (mismatched bases and indel events, the site itself"
            + " excluded) of the Alt-supporting reads minus that of the Ref-supporting reads"), 2),
    SCD(real("SCD", "Fraction of Alt-supporting reads that are soft-clipped minus that of Ref-supporting reads (of"
            + " none: 0)"), 3),
    ENDD(real("ENDD", "Fraction of Alt-supporting reads with the site in the outer tenth of the read (clips counted)"
            + " minus that of Ref-supporting reads (of none: 0)"), 3),
    ABQR(real("ABQR", "Mean over Alt-supporting reads of the site's base quality divided by the read's mean base"
            + " quality"), 3),
    RPU(new VCFInfoHeaderLine("RPU", 1, VCFHeaderLineType.Integer, "Unit length (1-6 bases) of the longest"
            + " reference tandem repeat touching the site (at least 2 units and 4 bases); 0 when none"), -1),
    RPL(new VCFInfoHeaderLine("RPL", 1, VCFHeaderLineType.Integer, "Length in bases of that tandem repeat tract;"
            + " 0 when none"), -1),
    /** bcftools' MQ0F: reads placed with MAPQ 0 say the site is in a repeat or a duplication. */
    MQ0F(real("MQ0F", "Fraction of reads overlapping the site with MAPQ 0, counting the reads dropped for low MAPQ"
            + " (smaller is better)"), 3),
    LMQF(real("LMQF", "Fraction of reads overlapping the site with MAPQ below 20 (MAPQ 0 included), counting the"
            + " reads dropped for low MAPQ (smaller is better)"), 3),
    /** The scorer's log odds (GATK VQSR's name). */
    VQSLOD(real("VQSLOD", "Log odds of being a true variant versus being false under the trained gaussian mixture"
            + " model"), 4),
    /** The trained model's score (gap's own field): the call's chance of being false, phred-scaled. */
    GAPSCORE(real("GAPSCORE", "Phred-scaled probability that the call is false under gap's trained scoring model"
            + " (##scoringModel): -10*log10(1 - P(true)) from the model's evidence features, capped at 99"), 2),
    /** The children with a de novo call at a site. */
    DENOVO(new VCFInfoHeaderLine("DENOVO", VCFHeaderLineCount.UNBOUNDED, VCFHeaderLineType.String,
            "Children (sample pseudonyms) whose genotype here is de novo with FORMAT/DNQ at or above the run's"
            + " threshold"), -1);

    private static final Map<String, InfoField> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(InfoField::key, Function.identity()));

    private final VCFInfoHeaderLine headerLine;
    private final int decimals;

    InfoField(VCFInfoHeaderLine headerLine, int decimals) {
        this.headerLine = headerLine;
        this.decimals = decimals;
    }

    private static VCFInfoHeaderLine real(String key, String description) {
        return new VCFInfoHeaderLine(key, 1, VCFHeaderLineType.Float, description);
    }

    /** The VCF key, such as {@code MQRankSum}. */
    public String key() {
        return headerLine.getID();
    }

    public VCFInfoHeaderLine headerLine() {
        return headerLine;
    }

    /** Every field's header line, in declaration order. */
    public static List<VCFInfoHeaderLine> headerLines() {
        return Arrays.stream(values()).map(InfoField::headerLine).toList();
    }

    /** The field of {@code key}, or null when it is none of gap's (a population summary's, say). */
    public static InfoField byKey(String key) {
        return BY_KEY.get(key);
    }

    /** True for a Float written with fixed decimals. */
    public boolean isReal() {
        return decimals >= 0;
    }

    /** The decimals a Float is written with; -1 for any other field. */
    public int decimals() {
        return decimals;
    }

    /** {@code v} rounded to this field's decimals ({@link Decimals#round}). */
    public double round(double v) {
        return Decimals.round(v, decimals);
    }

    /** {@code v} as the VCF writes it, with this field's decimals ({@link Decimals#format}). */
    public String format(double v) {
        return Decimals.format(v, decimals);
    }
}
