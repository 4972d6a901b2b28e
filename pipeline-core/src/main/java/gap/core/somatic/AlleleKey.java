package gap.core.somatic;

/**
 * An allele written minimally (shared trailing, then leading, bases trimmed, one kept), so a resource's record and a
 * call that write one allele differently (a longer REF for a multi-allelic site) meet.
 */
record AlleleKey(String contig, int position, String ref, String alt) {
    static AlleleKey of(String contig, int position, String ref, String alt) {
        int end = 0;
        while (end < ref.length() - 1 && end < alt.length() - 1
                && ref.charAt(ref.length() - 1 - end) == alt.charAt(alt.length() - 1 - end)) {
            end++;
        }
        String r = ref.substring(0, ref.length() - end);
        String a = alt.substring(0, alt.length() - end);
        int start = 0;
        while (start < r.length() - 1 && start < a.length() - 1 && r.charAt(start) == a.charAt(start)) {
            start++;
        }
        return new AlleleKey(contig, position + start, r.substring(start), a.substring(start));
    }
}
