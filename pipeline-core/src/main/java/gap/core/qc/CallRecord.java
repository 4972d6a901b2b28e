package gap.core.qc;

import gap.core.io.VcfSink;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * One VCF record as the QC statistics read it, whether it comes from gap's own calls or from a VCF file: alleles
 * (REF first), QUAL as the file holds it (a float, NaN when missing, as htslib reads it), FILTER text ({@code PASS},
 * names joined by {@code ;}, or {@code .}), INFO DP, AN and AC when present, and each sample's genotype.
 */
public record CallRecord(String contig, int position, List<String> alleles, float qual, String filter,
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
        Object dp = call.info().get("DP");
        List<Call> samples = new ArrayList<>();
        for (Genotype g : call.genotypes()) {
            samples.add(new Call(g.gt(), g.gq(), g.dp(),
                    g.ad().stream().mapToInt(Integer::intValue).toArray(), g.dnq()));
        }
        Object an = call.info().get("AN");
        Object ac = call.info().get("AC");
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
        String filter = vc.isFiltered() ? String.join(";", new TreeSet<>(vc.getFilters())) : vc.filtersWereApplied() ? "PASS" : ".";
        float qual = vc.hasLog10PError() ? (float) vc.getPhredScaledQual() : Float.NaN;
        Integer dp = vc.hasAttribute("DP") ? integer(vc.getAttribute("DP")) : null;
        Integer an = vc.hasAttribute("AN") ? integer(vc.getAttribute("AN")) : null;
        List<Integer> ac = null;
        if (vc.hasAttribute("AC")) {
            ac = new ArrayList<>();
            for (Object o : vc.getAttributeAsList("AC")) {
                Integer v = integer(o);
                if (v == null) {
                    ac = null;
                    break;
                }
                ac.add(v);
            }
        }
        List<Call> calls = new ArrayList<>();
        for (String s : samples) {
            htsjdk.variant.variantcontext.Genotype g = vc.getGenotype(s);
            int[] gt = new int[g.getPloidy()];
            for (int i = 0; i < gt.length; i++) {
                Allele a = g.getAllele(i);
                gt[i] = a.isNoCall() ? -1 : vc.getAlleleIndex(a);
            }
            Integer dnq = integer(g.getExtendedAttribute(VcfSink.DE_NOVO_QUALITY));
            calls.add(new Call(gt, g.hasGQ() ? g.getGQ() : -1, g.hasDP() ? g.getDP() : -1, g.hasAD() ? g.getAD() : null,
                    dnq == null ? -1 : dnq));
        }
        return new CallRecord(vc.getContig(), vc.getStart(), alleles, qual, filter, dp, an, ac, calls);
    }

    /** QUAL as htsjdk's VCF writer prints it ({@code %.2f}, trailing {@code .00} dropped), read back as htslib does. */
    static float asWritten(double qual) {
        double written = (qual / -10.0) * -10.0; // the writer keeps log10(P error) and multiplies back
        return (float) Double.parseDouble(String.format(Locale.US, "%.2f", written));
    }

    private static Integer integer(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Integer i) {
            return i;
        }
        try {
            return Integer.valueOf(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
