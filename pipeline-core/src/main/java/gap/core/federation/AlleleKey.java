package gap.core.federation;

import java.util.Comparator;
import java.util.Map;

/**
 * Takes an allele as a calls row lists it, gives its identity across sites and runs: contig, 0-based start, exclusive
 * end, REF and ALT as the caller wrote them (left-normalised), less the trailing bases REF and ALT share. Trimming
 * makes the allele of a split multi-allelic ({@code CTT>CT} of {@code CTT>C,CT}) the one a sample called alone
 * ({@code CT>C}); it never moves the start. Merges and annotation join on this key.
 */
public record AlleleKey(String contigName, long start, long end, String referenceAllele, String alternateAllele) {
    public AlleleKey {
        if (start < 0 || end < start || referenceAllele.isEmpty() || alternateAllele.isEmpty()) {
            throw new IllegalArgumentException("bad allele " + contigName + ":" + start + "-" + end + " "
                    + referenceAllele + ">" + alternateAllele);
        }
    }

    /** The key of {@code alt} in a row at 0-based {@code start} with reference {@code ref}. */
    public static AlleleKey of(String contig, long start, String ref, String alt) {
        int r = ref.length();
        int a = alt.length();
        while (r > 1 && a > 1 && ref.charAt(r - 1) == alt.charAt(a - 1)) {
            r--;
            a--;
        }
        return new AlleleKey(contig, start, start + r, ref.substring(0, r), alt.substring(0, a));
    }

    /**
     * Whether an ALT is an allele of its own: not the {@code *} of a deletion overlapping the site (counted at the
     * deletion's own record) nor a symbolic allele such as {@code <NON_REF>}.
     */
    public static boolean isCountable(String alt) {
        return !alt.isEmpty() && !alt.equals("*") && !alt.startsWith("<") && alt.chars().allMatch(Character::isLetter);
    }

    /** Genome order: contigs in reference-dictionary order, then start, end, REF, ALT. */
    public static Comparator<AlleleKey> genomeOrder(Map<String, Integer> contigIndexes) {
        return Comparator.<AlleleKey>comparingInt(k -> contigIndex(contigIndexes, k.contigName()))
                .thenComparingLong(AlleleKey::start)
                .thenComparingLong(AlleleKey::end)
                .thenComparing(AlleleKey::referenceAllele)
                .thenComparing(AlleleKey::alternateAllele);
    }

    static int contigIndex(Map<String, Integer> contigIndexes, String contig) {
        Integer i = contigIndexes.get(contig);
        if (i == null) {
            throw new IllegalArgumentException("contig " + contig + " is not in the reference dictionary");
        }
        return i;
    }
}
