package gap.core.vcf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Takes a Float of gap's vocabulary and the decimals it is written with (GATK's), gives it rounded, as calls hold it,
 * or as text, as only the sinks write it; and finds those decimals by INFO or FORMAT key, germline, somatic or copy
 * number.
 */
public final class Decimals {
    private Decimals() {}

    /**
     * {@code v} rounded half-up to {@code places}, exactly the number its text in the VCF reads as (the double nearest
     * to it); NaN and infinities as they are.
     */
    public static double round(double v, int places) {
        return Double.isFinite(v) ? decimal(v, places).doubleValue() : v;
    }

    /**
     * {@code v} with {@code places} decimals, never "-0.000" (a sign on zero would mean nothing). The digits are those
     * of Java's {@code %.Nf}: both round the shortest decimal that names the double.
     */
    public static String format(double v, int places) {
        return Double.isFinite(v) ? decimal(v, places).toPlainString() : Double.toString(v);
    }

    /** A value as the VCF writes it: a number, or each number of a list, with {@code places} decimals; else as is. */
    public static Object text(Object value, int places) {
        if (value instanceof Number n) {
            return format(n.doubleValue(), places);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v instanceof Number n ? format(n.doubleValue(), places) : v).toList();
        }
        return value;
    }

    /** The decimals of the INFO field {@code key}: a Float of gap's (germline or somatic), else -1. */
    public static int ofInfo(String key) {
        InfoField germline = InfoField.byKey(key);
        if (germline != null) {
            return germline.decimals();
        }
        SomaticInfoField somatic = SomaticInfoField.byKey(key);
        return somatic == null ? -1 : somatic.decimals();
    }

    /** The decimals of the FORMAT field {@code key}: a Float of gap's (somatic or copy number), else -1. */
    public static int ofFormat(String key) {
        SomaticFormatField somatic = SomaticFormatField.byKey(key);
        return somatic != null ? somatic.decimals() : CnvFields.formatDecimals(key);
    }

    private static BigDecimal decimal(double v, int places) {
        if (places < 0) {
            throw new IllegalStateException("not a Float with fixed decimals");
        }
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP);
    }
}
