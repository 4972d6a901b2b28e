package gap.core.somatic;

import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import htsjdk.variant.vcf.VCFFilterHeaderLine;
import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a somatic site with its filter verdict and what the run knows of it, gives the call as the sinks write it:
 * Mutect2's INFO (TLOD, NLOD, NALOD, POPAF, ECNT, MBQ, MMQ, MPOS, the filters' phred-scaled posteriors GERMQ, SEQQ,
 * STRANDQ, ROQ, CONTQ, and PON), no QUAL, and per sample GT (tumour 0/ALT of best TLOD, normal 0/0), AD, DP and the
 * FORMAT fields AF, F1R2, F2R1; and the header lines declaring them.
 */
public final class SomaticCalls {
    public static final String TLOD = "TLOD";
    public static final String NLOD = "NLOD";
    public static final String NALOD = "NALOD";
    public static final String POPAF = "POPAF";
    public static final String F1R2 = "F1R2";
    public static final String F2R1 = "F2R1";
    public static final String AF = "AF";
    private static final int MAX_QUAL = 99;

    private SomaticCalls() {}

    /** The VCF record of a site; {@code populationAf} per ALT, as the filters used it. */
    public static VariantCall of(SomaticSite s, SomaticFilterEngine.Verdict verdict, double[] populationAf,
                                 boolean inPanel, int events) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put(TLOD, fixed(s.tlod(), 2));
        if (s.hasNormal()) {
            info.put(NLOD, fixed(s.nlod(), 2));
            info.put(NALOD, fixed(s.nalod(), 3));
        }
        double[] popaf = new double[s.altCount()];
        for (int a = 0; a < popaf.length; a++) {
            popaf[a] = -StrictMath.log10(Math.max(populationAf[a], 1e-300));
        }
        info.put(POPAF, fixed(popaf, 2));
        info.put("ECNT", events);
        info.put("MBQ", boxed(s.medianBaseQuality()));
        info.put("MMQ", boxed(s.medianMappingQuality()));
        info.put("MPOS", boxed(java.util.Arrays.copyOfRange(s.medianReadPosition(), 1, s.alleles().size())));
        putQual(info, "GERMQ", verdict.probabilities().get(SomaticFilter.GERMLINE));
        putQual(info, "SEQQ", verdict.probabilities().get(SomaticFilter.WEAK_EVIDENCE));
        putQual(info, "STRANDQ", verdict.probabilities().get(SomaticFilter.STRAND_BIAS));
        putQual(info, "ROQ", verdict.probabilities().get(SomaticFilter.ORIENTATION));
        putQual(info, "CONTQ", verdict.probabilities().get(SomaticFilter.CONTAMINATION));
        if (inPanel) {
            info.put("PON", true);
        }
        List<Genotype> genotypes = new ArrayList<>();
        genotypes.add(genotype(s.tumour(), 0, s.bestAlt()));
        if (s.hasNormal()) {
            genotypes.add(genotype(s.normal(), 0, 0));
        }
        String filter = verdict.failed().isEmpty() ? "PASS"
                : String.join(";", verdict.failed().stream().map(SomaticFilter::vcfName).toList());
        return new VariantCall(s.contig(), s.position(), s.alleles(), Double.NaN, filter, info, genotypes);
    }

    private static Genotype genotype(SampleEvidence e, int allele1, int allele2) {
        Map<String, Object> format = new LinkedHashMap<>();
        format.put(AF, fixed(e.af(), 3));
        format.put(F1R2, boxed(e.f1r2()));
        format.put(F2R1, boxed(e.f2r1()));
        return new Genotype(allele1, allele2, -1, List.of(), boxed(e.ad()), e.dp(), -1, format);
    }

    private static void putQual(Map<String, Object> info, String key, Double p) {
        if (p != null) {
            info.put(key, (int) Math.min(MAX_QUAL, Math.round(-10 * StrictMath.log10(Math.max(p, 1e-100)))));
        }
    }

    /** The header lines of somatic calls: filters, INFO and FORMAT fields, and what the run was. */
    public static List<VCFHeaderLine> headerLines(Map<String, String> runLines) {
        List<VCFHeaderLine> lines = new ArrayList<>();
        runLines.forEach((k, v) -> lines.add(new VCFHeaderLine(k, v)));
        for (SomaticFilter f : SomaticFilter.values()) {
            lines.add(new VCFFilterHeaderLine(f.vcfName(), f.description()));
        }
        lines.addAll(infoLines());
        lines.addAll(formatLines());
        return lines;
    }

    /** The INFO lines of somatic calls (also calls.parquet's INFO columns). */
    public static List<VCFInfoHeaderLine> infoLines() {
        return List.of(
                new VCFInfoHeaderLine(TLOD, VCFHeaderLineCount.A, VCFHeaderLineType.Float,
                        "Log 10 likelihood ratio score of variant existing versus not existing"),
                new VCFInfoHeaderLine(NLOD, VCFHeaderLineCount.A, VCFHeaderLineType.Float,
                        "Normal log 10 likelihood ratio of diploid het or hom alt genotypes"),
                new VCFInfoHeaderLine(NALOD, VCFHeaderLineCount.A, VCFHeaderLineType.Float,
                        "Log 10 odds that the normal holds the allele at some fraction (an artifact it shares with"
                                + " the tumor); negative when the normal is clean"),
                new VCFInfoHeaderLine(POPAF, VCFHeaderLineCount.A, VCFHeaderLineType.Float,
                        "negative log 10 population allele frequencies of alt alleles"),
                new VCFInfoHeaderLine("ECNT", 1, VCFHeaderLineType.Integer,
                        "Number of emitted events within the clustered-events window"),
                new VCFInfoHeaderLine("MBQ", VCFHeaderLineCount.R, VCFHeaderLineType.Integer,
                        "median base quality by allele"),
                new VCFInfoHeaderLine("MMQ", VCFHeaderLineCount.R, VCFHeaderLineType.Integer,
                        "median mapping quality by allele"),
                new VCFInfoHeaderLine("MPOS", VCFHeaderLineCount.A, VCFHeaderLineType.Integer,
                        "median distance from end of read"),
                new VCFInfoHeaderLine("GERMQ", 1, VCFHeaderLineType.Integer,
                        "Phred-scaled quality that alt alleles are not germline variants"),
                new VCFInfoHeaderLine("SEQQ", 1, VCFHeaderLineType.Integer,
                        "Phred-scaled quality that alt alleles are not sequencing errors"),
                new VCFInfoHeaderLine("STRANDQ", 1, VCFHeaderLineType.Integer,
                        "Phred-scaled quality of strand bias artifact"),
                new VCFInfoHeaderLine("ROQ", 1, VCFHeaderLineType.Integer,
                        "Phred-scaled qualities that alt allele are not due to read orientation artifact"),
                new VCFInfoHeaderLine("CONTQ", 1, VCFHeaderLineType.Integer,
                        "Phred-scaled qualities that alt allele are not due to contamination"),
                new VCFInfoHeaderLine("PON", 0, VCFHeaderLineType.Flag, "site found in panel of normals"));
    }

    /** The FORMAT lines beyond GT, AD, DP. */
    public static List<VCFFormatHeaderLine> formatLines() {
        return List.of(
                new VCFFormatHeaderLine(AF, VCFHeaderLineCount.A, VCFHeaderLineType.Float,
                        "Allele fractions of alternate alleles in the tumor"),
                new VCFFormatHeaderLine(F1R2, VCFHeaderLineCount.R, VCFHeaderLineType.Integer,
                        "Count of reads in F1R2 pair orientation supporting each allele"),
                new VCFFormatHeaderLine(F2R1, VCFHeaderLineCount.R, VCFHeaderLineType.Integer,
                        "Count of reads in F2R1 pair orientation supporting each allele"));
    }

    private static List<String> fixed(double[] values, int decimals) {
        List<String> out = new ArrayList<>();
        for (double v : values) {
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
            out.add(s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s);
        }
        return out;
    }

    private static List<Integer> boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
