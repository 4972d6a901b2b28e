package gap.core.qc;

import gap.core.io.VcfRecords;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.vcf.FormatFields;
import gap.core.vcf.InfoField;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One VCF record as the QC statistics read it, whether it comes from gap's own calls or from a VCF file: alleles
 * (REF first), QUAL as the file holds it (a float, NaN when missing, as htslib reads it), its {@link Filters}, INFO
 * DP, AN and AC when present, and each sample's genotype. Unlike a {@link VariantCall}, a genotype may have any
 * ploidy and keep its GT order and half-missing alleles: QC counts any caller's VCF as bcftools stats does.
 */
public record CallRecord(String contig, int position, List<String> alleles, float qual, Filters filter,
                         Integer infoDepth, Integer infoAn, List<Integer> infoAc, List<Call> genotypes) {

    /**
     * One sample's genotype: allele indexes in GT order ({@code -1} for a missing allele; the array's length is the
     * ploidy), and GQ, DP, AD and DNQ ({@code -1}, {@code -1}, null and {@code -1} when absent; an AD value of -1 is
     * missing).
     */
    public record Call(int[] gt, int gq, int dp, int[] ad, int dnq) {
        public Call(int[] gt, int gq, int dp, int[] ad) {
            this(gt, gq, dp, ad, -1);
        }
    }

    /** The INFO fields QC reads, as gap declares them. */
    private static final List<VCFInfoHeaderLine> COUNTS = List.of(InfoField.DP.headerLine(), InfoField.AN.headerLine(),
            InfoField.AC.headerLine());

    public CallRecord {
        alleles = List.copyOf(alleles);
        infoAc = infoAc == null ? null : List.copyOf(infoAc);
        genotypes = List.copyOf(genotypes);
    }

    /**
     * A gap call as its VCF holds it: QUAL rounded to the two decimals htsjdk writes, so that statistics from the
     * calls and from the written file agree.
     */
    public static CallRecord of(VariantCall call) {
        Object dp = call.info().get(InfoField.DP.key());
        List<Call> samples = new ArrayList<>();
        for (Genotype g : call.genotypes()) {
            samples.add(new Call(new int[] {g.allele1(), g.allele2()}, g.gq(), g.dp(),
                    g.ad().stream().mapToInt(Integer::intValue).toArray(), g.dnq()));
        }
        Object an = call.info().get(InfoField.AN.key());
        Object ac = call.info().get(InfoField.AC.key());
        @SuppressWarnings("unchecked")
        List<Integer> acList = ac instanceof List<?> l ? (List<Integer>) l : null;
        return new CallRecord(call.contig(), call.position(), call.alleles(), asWritten(call.qual()),
                call.filter(), dp instanceof Integer i ? i : null, an instanceof Integer n ? n : null, acList, samples);
    }

    /** A record read by htsjdk, with its samples in {@code samples} order. */
    public static CallRecord of(VariantContext vc, List<String> samples) {
        List<String> alleles = new ArrayList<>();
        for (Allele a : vc.getAlleles()) {
            alleles.add(a.getDisplayString());
        }
        float qual = vc.hasLog10PError() ? (float) vc.getPhredScaledQual() : Float.NaN;
        Map<String, Object> info = VcfRecords.info(vc, COUNTS);
        Integer dp = info.get(InfoField.DP.key()) instanceof Integer i ? i : null;
        Integer an = info.get(InfoField.AN.key()) instanceof Integer i ? i : null;
        @SuppressWarnings("unchecked")
        List<Integer> ac = info.get(InfoField.AC.key()) instanceof List<?> l ? (List<Integer>) l : null;
        List<Call> calls = new ArrayList<>();
        for (String s : samples) {
            htsjdk.variant.variantcontext.Genotype g = vc.getGenotype(s);
            int[] gt = new int[g.getPloidy()];
            for (int i = 0; i < gt.length; i++) {
                Allele a = g.getAllele(i);
                gt[i] = a.isNoCall() ? -1 : vc.getAlleleIndex(a);
            }
            Integer dnq = VcfRecords.integer(g.getExtendedAttribute(FormatFields.DE_NOVO_QUALITY));
            calls.add(new Call(gt, g.hasGQ() ? g.getGQ() : -1, g.hasDP() ? g.getDP() : -1, g.hasAD() ? g.getAD() : null,
                    dnq == null ? -1 : dnq));
        }
        return new CallRecord(vc.getContig(), vc.getStart(), alleles, qual, VcfRecords.filters(vc), dp, an, ac, calls);
    }

    /** QUAL as htsjdk's VCF writer prints it ({@code %.2f}, trailing {@code .00} dropped), read back as htslib does. */
    static float asWritten(double qual) {
        double written = (qual / -10.0) * -10.0; // the writer keeps log10(P error) and multiplies back
        if (!Double.isFinite(written)) {
            return (float) written;
        }
        // the number "%.2f" prints (Java rounds the shortest decimal of the double half up, as BigDecimal.valueOf does)
        return (float) BigDecimal.valueOf(written).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
