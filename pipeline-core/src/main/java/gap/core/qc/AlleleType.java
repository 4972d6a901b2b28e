package gap.core.qc;

import java.util.Locale;

/**
 * Takes a REF and an ALT allele, gives the variant type {@code bcftools stats} counts it as, with its length
 * (htslib's {@code bcf_set_variant_type}): SNP when one base differs once common prefix and suffix are trimmed, MNP
 * when several do and REF and ALT are of one length, INDEL when trimming leaves one side empty (length ALT minus
 * REF: deletions negative), OTHER for symbolic and complex alleles, OVERLAP for {@code *}, REF for {@code .} or an
 * ALT equal to REF. The flags combine into a record's type as htslib's do; {@link #REF} is 0, so a record whose
 * alleles are all REF-like has type 0 (a "no-ALT" record).
 */
public record AlleleType(int flag, int length) {
    public static final int REF = 0;
    public static final int SNP = 1;
    public static final int MNP = 2;
    public static final int INDEL = 4;
    public static final int OTHER = 8;
    public static final int BND = 16;
    public static final int OVERLAP = 32;

    public boolean is(int flags) {
        return (flag & flags) != 0;
    }

    public static AlleleType of(String ref, String alt) {
        if (alt.equals("*")) {
            return new AlleleType(OVERLAP, 0);
        }
        if (ref.length() == 1 && alt.length() == 1) {
            // mpileup writes X for "any other allele": not a variant
            if (alt.equals(".") || alt.equals("X") || upper(ref.charAt(0)) == upper(alt.charAt(0))) {
                return new AlleleType(REF, 0);
            }
            return new AlleleType(SNP, 1);
        }
        if (alt.startsWith("<")) {
            String inner = alt.toUpperCase(Locale.ROOT);
            if (inner.equals("<X>") || inner.equals("<*>") || inner.equals("<NON_REF>")) {
                return new AlleleType(REF, 0);
            }
            return new AlleleType(OTHER, 0);
        }
        int r = 0;
        int a = 0;
        while (r < ref.length() && a < alt.length() && upper(ref.charAt(r)) == upper(alt.charAt(a))) {
            r++;
            a++;
        }
        if (a < alt.length() && r == ref.length()) {
            char c = alt.charAt(a);
            if (c == '[' || c == ']') {
                return new AlleleType(BND, 0);
            }
            return new AlleleType(INDEL, alt.length() - ref.length());
        }
        if (r < ref.length() && a == alt.length()) {
            return new AlleleType(INDEL, alt.length() - ref.length());
        }
        if (r == ref.length()) {
            return new AlleleType(REF, 0);
        }
        // Both have bases left after the common prefix: trim the common suffix, keeping at least one base each.
        int re = ref.length() - 1;
        int ae = alt.length() - 1;
        while (re > r && ae > a && upper(ref.charAt(re)) == upper(alt.charAt(ae))) {
            re--;
            ae--;
        }
        if (ae == a) {
            if (re == r) {
                return new AlleleType(SNP, 1);
            }
            int length = -(re - r);
            return new AlleleType(upper(ref.charAt(re)) == upper(alt.charAt(ae)) ? INDEL : OTHER, length);
        }
        if (re == r) {
            int length = ae - a;
            return new AlleleType(upper(ref.charAt(re)) == upper(alt.charAt(ae)) ? INDEL : OTHER, length);
        }
        int type = re - r == ae - a ? MNP : OTHER;
        return new AlleleType(type, re - r > ae - a ? -(re - r + 1) : ae - a + 1);
    }

    private static char upper(char c) {
        return Character.toUpperCase(c);
    }
}
