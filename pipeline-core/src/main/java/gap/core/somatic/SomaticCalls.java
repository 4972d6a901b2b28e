package gap.core.somatic;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.vcf.SomaticFormatField;
import gap.core.vcf.SomaticInfoField;
import htsjdk.variant.vcf.VCFFilterHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Takes a somatic site with its filter verdict and what the run knows of it, gives the call as the sinks write it:
 * Mutect2's INFO (TLOD, NLOD, NALOD, POPAF, ECNT, MBQ, MMQ, MPOS, the filters' phred-scaled posteriors GERMQ, SEQQ,
 * STRANDQ, ROQ, CONTQ, and PON; {@link SomaticInfoField}), no QUAL, and per sample GT (tumour 0/ALT of best TLOD,
 * normal 0/0), AD, DP and the FORMAT fields AF, F1R2, F2R1 ({@link SomaticFormatField}); and the header lines
 * declaring them. Floats are held rounded to their decimals: the sinks write them.
 */
public final class SomaticCalls {
    private static final int MAX_QUAL = 99;

    private SomaticCalls() {}

    /** The VCF record of a site; {@code populationAf} per ALT, as the filters used it. */
    public static VariantCall of(SomaticSite s, SomaticFilterEngine.Verdict verdict, double[] populationAf,
                                 boolean inPanel, int events) {
        Map<String, Object> info = new LinkedHashMap<>();
        put(info, SomaticInfoField.TLOD, s.tlod());
        if (s.hasNormal()) {
            put(info, SomaticInfoField.NLOD, s.nlod());
            put(info, SomaticInfoField.NALOD, s.nalod());
        }
        double[] popaf = new double[s.altCount()];
        for (int a = 0; a < popaf.length; a++) {
            popaf[a] = -StrictMath.log10(Math.max(populationAf[a], 1e-300));
        }
        put(info, SomaticInfoField.POPAF, popaf);
        info.put(SomaticInfoField.ECNT.key(), events);
        info.put(SomaticInfoField.MBQ.key(), boxed(s.medianBaseQuality()));
        info.put(SomaticInfoField.MMQ.key(), boxed(s.medianMappingQuality()));
        info.put(SomaticInfoField.MPOS.key(),
                boxed(Arrays.copyOfRange(s.medianReadPosition(), 1, s.alleles().size())));
        putQual(info, SomaticInfoField.GERMQ, verdict.probabilities().get(SomaticFilter.GERMLINE));
        putQual(info, SomaticInfoField.SEQQ, verdict.probabilities().get(SomaticFilter.WEAK_EVIDENCE));
        putQual(info, SomaticInfoField.STRANDQ, verdict.probabilities().get(SomaticFilter.STRAND_BIAS));
        putQual(info, SomaticInfoField.ROQ, verdict.probabilities().get(SomaticFilter.ORIENTATION));
        putQual(info, SomaticInfoField.CONTQ, verdict.probabilities().get(SomaticFilter.CONTAMINATION));
        if (inPanel) {
            info.put(SomaticInfoField.PON.key(), true);
        }
        List<Genotype> genotypes = new ArrayList<>();
        genotypes.add(genotype(s.tumour(), 0, s.bestAlt()));
        if (s.hasNormal()) {
            genotypes.add(genotype(s.normal(), 0, 0));
        }
        Filters filter = Filters.failed(verdict.failed().stream().map(SomaticFilter::vcfName).toList());
        return new VariantCall(s.contig(), s.position(), s.alleles(), Double.NaN, filter, info, genotypes);
    }

    private static Genotype genotype(SampleEvidence e, int allele1, int allele2) {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put(SomaticFormatField.AF.key(), rounded(SomaticFormatField.AF::round, e.af()));
        format.put(SomaticFormatField.F1R2.key(), boxed(e.f1r2()));
        format.put(SomaticFormatField.F2R1.key(), boxed(e.f2r1()));
        return new Genotype(allele1, allele2, -1, List.of(), boxed(e.ad()), e.dp(), -1, format);
    }

    private static void putQual(Map<String, Object> info, SomaticInfoField field, Double p) {
        if (p != null) {
            info.put(field.key(), (int) Math.min(MAX_QUAL, Math.round(-10 * StrictMath.log10(Math.max(p, 1e-100)))));
        }
    }

    /** The header lines of somatic calls: filters, INFO and FORMAT fields, and what the run was. */
    public static List<VCFHeaderLine> headerLines(Map<String, String> runLines) {
        List<VCFHeaderLine> lines = new ArrayList<>();
        runLines.forEach((k, v) -> lines.add(new VCFHeaderLine(k, v)));
        for (SomaticFilter f : SomaticFilter.values()) {
            lines.add(new VCFFilterHeaderLine(f.vcfName(), f.description()));
        }
        lines.addAll(SomaticInfoField.headerLines());
        lines.addAll(SomaticFormatField.headerLines());
        return lines;
    }

    /** A Float field's values per ALT, each rounded to the field's decimals. */
    private static void put(Map<String, Object> info, SomaticInfoField field, double[] values) {
        info.put(field.key(), rounded(field::round, values));
    }

    private static List<Double> rounded(DoubleUnaryOperator round, double[] values) {
        return Arrays.stream(values).map(round).boxed().toList();
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
