package gap.core.calling;

import gap.core.model.NearbyAllele;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes an indel (or an allele that changes length) and the reference, gives the SNVs a read shows when its aligner
 * runs it through the indel without a gap: the first {@link #DEPTH} mismatches of the haplotype laid on the reference
 * from the left past the indel, and from the right back over it. An aligner takes a few mismatches near a read's end
 * for cheaper than a gap (a read that starts inside a tandem duplication's second copy aligns to the first copy with
 * a mismatch or two), so these SNVs carry the indel's reads, not a variant of their own.
 */
final class IndelShadows {
    /** Mismatches per side: past two, a read is clipped or gapped rather than aligned through. */
    static final int DEPTH = 2;

    private IndelShadows() {}

    /** The SNVs (VCF form) of {@code event} seen within {@code reach} bases of it either side. */
    static List<NearbyAllele> of(NearbyAllele event, RefWindow ref, int reach) {
        List<NearbyAllele> out = new ArrayList<>();
        if (!event.isIndel()) {
            return out;
        }
        int from = event.position() - reach;
        String refText = ref.substring(from, event.end() + reach);
        String hap = ref.substring(from, event.position() - 1) + event.alt()
                + ref.substring(event.end() + 1, event.end() + reach);
        int n = Math.min(refText.length(), hap.length());
        // from the left: reference coordinates hold on the haplotype up to the indel
        int found = 0;
        for (int i = reach; i < n && found < DEPTH; i++) {
            found += add(out, from + i, refText.charAt(i), hap.charAt(i));
        }
        // from the right: the haplotype's end lies on the reference's end
        found = 0;
        for (int j = 0; j < n && found < DEPTH; j++) {
            int i = refText.length() - 1 - j;
            found += add(out, from + i, refText.charAt(i), hap.charAt(hap.length() - 1 - j));
        }
        return out;
    }

    private static int add(List<NearbyAllele> out, int position, char refBase, char hapBase) {
        if (refBase == hapBase) {
            return 0;
        }
        if (refBase != 'N' && hapBase != 'N') {
            out.add(new NearbyAllele(position, String.valueOf(refBase), String.valueOf(hapBase)));
        }
        return 1;
    }
}
