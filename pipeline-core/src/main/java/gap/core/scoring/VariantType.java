package gap.core.scoring;

import gap.core.model.VariantCall;

/**
 * The two classes the scorer models apart, as VQSR does: SNV (every allele one base) and INDEL (any allele of
 * another length than REF, mixed sites included).
 */
public enum VariantType {
    SNV("SNP"),
    INDEL("INDEL");

    private final String gatkName;

    VariantType(String gatkName) {
        this.gatkName = gatkName;
    }

    /** The name GATK uses in tranche filters. */
    public String gatkName() {
        return gatkName;
    }

    public static VariantType of(VariantCall call) {
        int refLength = call.ref().length();
        return call.alleles().stream().allMatch(a -> a.length() == refLength) ? SNV : INDEL;
    }
}
