package gap.core.cnv;

import gap.core.vcf.CnvFields;

/**
 * A called segment of one sample: 1-based inclusive {@code start}–{@code end} on {@code contig} (the outer edges of its
 * first and last bins; a whole-contig call spans the contig), its usable {@code bins}, mean log2 copy ratio against
 * the sample's baseline, copy state and quality (CNQ, phred), the heterozygous SNV calls it holds and their estimated
 * minor allele fraction (NaN without any), and whether it is a whole-contig call. {@link #isEvent} says whether it is
 * reported as a change.
 */
public record CnvSegment(String contig, int start, int end, int bins, double meanLog2, CopyState state,
                         double quality, int hets, double minorAlleleFraction, boolean wholeContig, boolean isEvent) {

    /** {@code DEL} or {@code DUP} against the expected copies; null when neutral. */
    public String svType() {
        return !state.isCopyChange() ? null : state.copies() < state.expected() ? CnvFields.DEL : CnvFields.DUP;
    }

    public int length() {
        return end - start + 1;
    }
}
