package gap.core.concordance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Takes one REF/ALT pair of a VCF record, gives its atomic alleles: SNVs and left-aligned, trimmed indels, each
 * with one anchor base. Both sides of a comparison go through here, so equal haplotypes written differently get
 * equal keys.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Upper-case, then trim the common suffix, then the common prefix (moving POS right).</li>
 *   <li>Same length left (SNV or MNP): one SNV per differing base. {@code AC>GT} gives {@code A>G} and
 *       {@code C>T}.</li>
 *   <li>Different lengths (indel or complex): place one gap of |len(REF) - len(ALT)| bases in the shorter allele
 *       where it leaves the fewest mismatches, the leftmost such place on ties; each remaining mismatch is an SNV
 *       and the gap is one indel. So {@code CA>T} at POS p (base before it X) gives the deletion {@code XC>X} at
 *       p-1 plus the SNV {@code A>T} at p+1: both placements cost one mismatch and the leftmost wins. That is how
 *       bcftools call writes such an event, and it agrees with left-aligning.</li>
 *   <li>Left-align each indel against the reference, the classic vt/bcftools way: while the base before the gap
 *       equals the gap's last base, rotate that base into the gap and move one to the left; never past base 1 of
 *       the contig, which stays as anchor. The anchor base always comes from the reference, never from the record,
 *       because an SNV of the same record may sit on it.</li>
 *   <li>An indel at the very start of a contig (no base before it) takes the base after it as anchor, as VCF
 *       says.</li>
 * </ol>
 * Precondition, checked by the reader: the contig is in the reference and REF agrees with it. Symbolic and
 * {@code *} alleles are the reader's to skip.
 */
public final class VariantNormalizer {
    private static final Comparator<AtomicAllele> BY_POSITION =
            Comparator.comparingLong(AtomicAllele::pos).thenComparing(AtomicAllele::ref).thenComparing(AtomicAllele::alt);

    private final ReferenceBases reference;

    public VariantNormalizer(ReferenceBases reference) {
        this.reference = reference;
    }

    /** The atomic alleles of {@code ref>alt} at 1-based {@code pos}, by position; empty when they are equal. */
    public List<AtomicAllele> normalize(String contig, long pos, String ref, String alt) {
        String r = ref.toUpperCase(Locale.ROOT);
        String a = alt.toUpperCase(Locale.ROOT);
        int suffix = 0;
        while (suffix < r.length() && suffix < a.length()
                && r.charAt(r.length() - 1 - suffix) == a.charAt(a.length() - 1 - suffix)) {
            suffix++;
        }
        r = r.substring(0, r.length() - suffix);
        a = a.substring(0, a.length() - suffix);
        int prefix = 0;
        while (prefix < r.length() && prefix < a.length() && r.charAt(prefix) == a.charAt(prefix)) {
            prefix++;
        }
        r = r.substring(prefix);
        a = a.substring(prefix);
        long start = pos + prefix; // reference position of r's first base (or of the base an insertion precedes)

        List<AtomicAllele> out = new ArrayList<>();
        if (r.length() == a.length()) {
            for (int i = 0; i < r.length(); i++) {
                if (r.charAt(i) != a.charAt(i)) {
                    out.add(new AtomicAllele(contig, start + i, String.valueOf(r.charAt(i)), String.valueOf(a.charAt(i))));
                }
            }
            return out;
        }
        boolean deletion = r.length() > a.length();
        String longer = deletion ? r : a;
        String shorter = deletion ? a : r;
        int gap = longer.length() - shorter.length();
        int k = bestGapOffset(shorter, longer, gap);
        for (int i = 0; i < shorter.length(); i++) {
            int j = i < k ? i : i + gap; // the base of the longer allele that shorter[i] lines up with
            if (shorter.charAt(i) != longer.charAt(j)) {
                long at = start + (deletion ? j : i);
                char refBase = deletion ? longer.charAt(j) : shorter.charAt(i);
                char altBase = deletion ? shorter.charAt(i) : longer.charAt(j);
                out.add(new AtomicAllele(contig, at, String.valueOf(refBase), String.valueOf(altBase)));
            }
        }
        out.add(indel(contig, start + k, longer.substring(k, k + gap), deletion));
        out.sort(BY_POSITION);
        return out;
    }

    /**
     * Where to put a gap of {@code gap} bases in {@code shorter} (0 = before its first base) so that it lines up
     * with {@code longer} with the fewest mismatches; leftmost on ties. Linear: mismatches left and right of each
     * offset are running sums.
     */
    static int bestGapOffset(String shorter, String longer, int gap) {
        int m = shorter.length();
        int[] left = new int[m + 1];   // left[k]: mismatches of shorter[0..k) against longer[0..k)
        int[] right = new int[m + 1];  // right[k]: mismatches of shorter[k..m) against longer[k+gap..m+gap)
        for (int i = 0; i < m; i++) {
            left[i + 1] = left[i] + (shorter.charAt(i) != longer.charAt(i) ? 1 : 0);
        }
        for (int i = m - 1; i >= 0; i--) {
            right[i] = right[i + 1] + (shorter.charAt(i) != longer.charAt(i + gap) ? 1 : 0);
        }
        int best = 0;
        for (int k = 1; k <= m; k++) {
            if (left[k] + right[k] < left[best] + right[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The indel that deletes {@code seq} from, or inserts it into, the reference just before 1-based {@code gapAt},
     * left-aligned and written with one anchor base.
     */
    private AtomicAllele indel(String contig, long gapAt, String seq, boolean deletion) {
        long q = gapAt;
        String s = seq;
        while (q > 2 && reference.base(contig, q - 1) == s.charAt(s.length() - 1)) {
            s = reference.base(contig, q - 1) + s.substring(0, s.length() - 1);
            q--;
        }
        if (q >= 2) {
            String anchor = String.valueOf(reference.base(contig, q - 1));
            return deletion
                    ? new AtomicAllele(contig, q - 1, anchor + s, anchor)
                    : new AtomicAllele(contig, q - 1, anchor, anchor + s);
        }
        // At base 1 there is no base before the gap: anchor on the base after it.
        String after = String.valueOf(reference.base(contig, deletion ? s.length() + 1 : 1));
        return deletion
                ? new AtomicAllele(contig, 1, s + after, after)
                : new AtomicAllele(contig, 1, after, s + after);
    }
}
