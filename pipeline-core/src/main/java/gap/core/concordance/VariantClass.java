package gap.core.concordance;

/** The two classes a concordance report is split by: SNV when REF and ALT are both one base, else INDEL. */
public enum VariantClass {
    SNV,
    INDEL;

    /** Takes a normalised REF and ALT, gives its class. */
    public static VariantClass of(String ref, String alt) {
        return ref.length() == 1 && alt.length() == 1 ? SNV : INDEL;
    }
}
