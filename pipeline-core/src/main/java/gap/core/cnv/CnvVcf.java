package gap.core.cnv;

import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.GenotypeBuilder;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.variantcontext.VariantContextBuilder;
import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import htsjdk.variant.vcf.VCFSimpleHeaderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a sample's reported copy-number segments, gives them as VCF 4.2 structural records: {@code <DEL>} or
 * {@code <DUP>} at the base before the change (the first base of the contig for a change starting there), INFO
 * {@code END}, {@code SVTYPE}, {@code SVLEN} (negative for deletions), {@code IMPRECISE} with {@code CIPOS}/{@code
 * CIEND} of half a bin, {@code WHOLE_CONTIG} for aneuploidy; QUAL the CNQ; FORMAT {@code GT} (GATK's rules: one copy
 * lost {@code 0/1}, both {@code 1/1}, a gain {@code ./.}; haploid where one copy is expected), {@code CN}, {@code CNQ},
 * {@code MF} (the mosaic fraction, only where below 1), {@code BAF} (the heterozygous calls' minor allele fraction)
 * and {@code NP} (bins). Other samples of the run get {@code ./.}.
 */
public final class CnvVcf {
    public static final String WHOLE_CONTIG = "WHOLE_CONTIG";

    private CnvVcf() {}

    public static List<VCFHeaderLine> headerLines() {
        List<VCFHeaderLine> lines = new ArrayList<>();
        lines.add(new VCFSimpleHeaderLine("ALT", Map.of("ID", "DEL", "Description", "Deletion relative to the"
                + " reference (copy number below the expected)")));
        lines.add(new VCFSimpleHeaderLine("ALT", Map.of("ID", "DUP", "Description", "Region of elevated copy number"
                + " relative to the reference")));
        lines.add(new VCFInfoHeaderLine("END", 1, VCFHeaderLineType.Integer, "End position of the variant described"
                + " in this record"));
        lines.add(new VCFInfoHeaderLine("SVTYPE", 1, VCFHeaderLineType.String, "Type of structural variant"));
        lines.add(new VCFInfoHeaderLine("SVLEN", VCFHeaderLineCount.A, VCFHeaderLineType.Integer, "Difference in"
                + " length between REF and ALT alleles"));
        lines.add(new VCFInfoHeaderLine("IMPRECISE", 0, VCFHeaderLineType.Flag, "Imprecise structural variation"));
        lines.add(new VCFInfoHeaderLine("CIPOS", 2, VCFHeaderLineType.Integer, "Confidence interval around POS for"
                + " imprecise variants"));
        lines.add(new VCFInfoHeaderLine("CIEND", 2, VCFHeaderLineType.Integer, "Confidence interval around END for"
                + " imprecise variants"));
        lines.add(new VCFInfoHeaderLine(WHOLE_CONTIG, 0, VCFHeaderLineType.Flag, "The copy-number change spans the"
                + " whole contig (aneuploidy), from depth and B-allele fractions together"));
        lines.add(new VCFFormatHeaderLine("CN", 1, VCFHeaderLineType.Integer, "Copy number genotype for imprecise"
                + " events (copies in the cells carrying the change)"));
        lines.add(new VCFFormatHeaderLine("CNQ", 1, VCFHeaderLineType.Float, "Copy number genotype quality for"
                + " imprecise events"));
        lines.add(new VCFFormatHeaderLine("MF", 1, VCFHeaderLineType.Float, "Mosaic fraction: share of cells"
                + " carrying the copy-number change, where below 1"));
        lines.add(new VCFFormatHeaderLine("BAF", 1, VCFHeaderLineType.Float, "Minor allele fraction of the sample's"
                + " heterozygous SNV calls in the event (B-allele fraction evidence)"));
        lines.add(new VCFFormatHeaderLine("NP", 1, VCFHeaderLineType.Integer, "Number of bins in the event"));
        return lines;
    }

    /** 1-based POS of an event's record: the base before it, or the contig's first for an event starting there. */
    public static int position(CnvSegment e) {
        return e.start() > 1 ? e.start() - 1 : 1;
    }

    /**
     * The record of one event of sample {@code sample} (index among {@code samples}); {@code refBase} is the
     * reference base at {@link #position}.
     */
    public static VariantContext record(CnvSegment e, int sample, List<String> samples, int binSize, byte refBase) {
        int pos = position(e);
        Allele ref = Allele.create((byte) Character.toUpperCase(refBase), true);
        Allele alt = Allele.create("<" + e.svType() + ">", false);
        int length = e.end() - e.start() + 1;
        List<Genotype> genotypes = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            genotypes.add(s == sample ? genotype(samples.get(s), e, ref, alt)
                    : new GenotypeBuilder(samples.get(s), List.of(Allele.NO_CALL, Allele.NO_CALL)).make());
        }
        VariantContextBuilder vc = new VariantContextBuilder("gap", e.contig(), pos, e.end(), List.of(ref, alt))
                .log10PError(e.quality() / -10.0)
                .attribute("END", e.end())
                .attribute("SVTYPE", e.svType())
                .attribute("SVLEN", "DEL".equals(e.svType()) ? -length : length)
                .attribute("IMPRECISE", true)
                .attribute("CIPOS", List.of(-binSize / 2, binSize / 2))
                .attribute("CIEND", List.of(-binSize / 2, binSize / 2))
                .genotypes(genotypes)
                .passFilters();
        if (e.wholeContig()) {
            vc.attribute(WHOLE_CONTIG, true);
        }
        return vc.make();
    }

    private static Genotype genotype(String sample, CnvSegment e, Allele ref, Allele alt) {
        CopyState s = e.state();
        List<Allele> gt;
        if (s.copies() > s.expected()) {
            gt = s.expected() == 1 ? List.of(Allele.NO_CALL) : List.of(Allele.NO_CALL, Allele.NO_CALL);
        } else if (s.expected() == 1) {
            gt = List.of(alt);
        } else {
            gt = s.copies() == 0 && !s.isMosaic() ? List.of(alt, alt) : List.of(ref, alt);
        }
        GenotypeBuilder g = new GenotypeBuilder(sample, gt)
                .attribute("CN", s.copies())
                .attribute("CNQ", round(e.quality(), 2));
        if (s.isMosaic()) {
            g.attribute("MF", round(s.fraction(), 2));
        }
        if (Double.isFinite(e.minorAlleleFraction())) {
            g.attribute("BAF", round(e.minorAlleleFraction(), 3));
        }
        return g.attribute("NP", e.bins()).make();
    }

    /** Rounded to {@code digits} decimals as text, so the VCF says no more than the estimate holds. */
    static String round(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
