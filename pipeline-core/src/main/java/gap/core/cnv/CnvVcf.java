package gap.core.cnv;

import gap.core.vcf.CnvFields;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.GenotypeBuilder;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.variantcontext.VariantContextBuilder;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a sample's reported copy-number segments, gives them as VCF 4.2 structural records: {@code <DEL>} or
 * {@code <DUP>} at the base before the change (the first base of the contig for a change starting there), INFO
 * {@code END}, {@code SVTYPE}, {@code SVLEN} (negative for deletions), {@code IMPRECISE} with {@code CIPOS}/{@code
 * CIEND} of half a bin, {@code WHOLE_CONTIG} for aneuploidy, {@code WHOLE_ARM} for a change of one
 * chromosome arm; QUAL the CNQ; FORMAT {@code GT} (GATK's rules: one copy
 * lost {@code 0/1}, both {@code 1/1}, a gain {@code ./.}; haploid where one copy is expected), {@code CN}, {@code CNQ},
 * {@code MF} (the mosaic fraction, only where below 1), {@code BAF} (the heterozygous calls' minor allele fraction)
 * and {@code NP} (bins). Other samples of the run get {@code ./.}. The keys and header lines are gap's VCF vocabulary
 * ({@link CnvFields}); the FORMAT numbers are held as numbers, which the VCF sink writes with
 * the decimals {@link CnvFields#formatDecimals} gives.
 */
public final class CnvVcf {
    private CnvVcf() {}

    /** The header lines of the records ({@link CnvFields}). */
    public static List<VCFHeaderLine> headerLines() {
        return CnvFields.headerLines();
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
                .attribute(CnvFields.END, e.end())
                .attribute(CnvFields.SVTYPE, e.svType())
                .attribute(CnvFields.SVLEN, CnvFields.DEL.equals(e.svType()) ? -length : length)
                .attribute(CnvFields.IMPRECISE, true)
                .attribute(CnvFields.CIPOS, List.of(-binSize / 2, binSize / 2))
                .attribute(CnvFields.CIEND, List.of(-binSize / 2, binSize / 2))
                .genotypes(genotypes)
                .passFilters();
        if (e.wholeContig()) {
            vc.attribute(CnvFields.WHOLE_CONTIG, true);
        }
        if (e.wholeArm() != null) {
            vc.attribute(CnvFields.WHOLE_ARM, e.wholeArm());
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
                .attribute(CnvFields.COPY_NUMBER, s.copies())
                .attribute(CnvFields.COPY_NUMBER_QUALITY, e.quality());
        if (s.isMosaic()) {
            g.attribute(CnvFields.MOSAIC_FRACTION, s.fraction());
        }
        if (Double.isFinite(e.minorAlleleFraction())) {
            g.attribute(CnvFields.B_ALLELE_FRACTION, e.minorAlleleFraction());
        }
        return g.attribute(CnvFields.BINS, e.bins()).make();
    }
}
