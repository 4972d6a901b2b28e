package gap.core.vcf;

import gap.core.model.Filters;
import htsjdk.variant.vcf.VCFFilterHeaderLine;
import java.util.List;

/** The caller's own FILTERs: PASS and LowQual (QUAL below {@code call.lowQual}), with their header lines. */
public final class FilterFields {
    /** The caller's filter, also one of the scorer's hard filters (GATK's name). */
    public static final String LOW_QUAL = "LowQual";

    private FilterFields() {}

    /** The header lines of PASS and of LowQual at {@code lowQual}. */
    public static List<VCFFilterHeaderLine> headerLines(double lowQual) {
        return List.of(new VCFFilterHeaderLine(Filters.PASS_NAME, "All filters passed"),
                new VCFFilterHeaderLine(LOW_QUAL, "Low quality: QUAL below " + number(lowQual)));
    }

    /** A threshold as settings write it: whole numbers without a decimal point. */
    public static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
