package gap.core.qc.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats numbers as C's {@code printf("%.Nf")} does under glibc, so that files meant to equal a C tool's output do:
 * the exact binary value rounded half to even. Java's {@code %.Nf} rounds the shortest decimal half up instead, and
 * the two differ (0.125 is "0.12" in C, "0.13" in Java).
 */
final class CFormat {
    private CFormat() {}

    static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        String s = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return s.startsWith("-") && s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /** {@code %f}: six decimals. */
    static String fixed(double value) {
        return fixed(value, 6);
    }
}
