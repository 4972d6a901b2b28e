package gap.core.cnv;

import gap.core.vcf.CnvFields;

/**
 * A called segment of one sample: 1-based inclusive {@code start}–{@code end} on {@code contig} (the outer edges of its
 * first and last bins; a whole-contig call spans the contig, a whole-arm call its arm), its usable {@code bins}, mean
 * log2 copy ratio against the sample's baseline, copy state and quality (CNQ, phred), the heterozygous SNV calls it
 * holds and their estimated minor allele fraction (NaN without any), and its {@link Span}. {@link #isEvent} says
 * whether it is reported as a change.
 */
public record CnvSegment(String contig, int start, int end, int bins, double meanLog2, CopyState state,
                         double quality, int hets, double minorAlleleFraction, Span span, boolean isEvent) {

    /** What a segment spans: a stretch found by segmentation, one whole chromosome arm, or the whole contig. */
    public enum Span { SEGMENT, P_ARM, Q_ARM, CONTIG }

    /** {@code DEL} or {@code DUP} against the expected copies; null when neutral. */
    public String svType() {
        return !state.isCopyChange() ? null : state.copies() < state.expected() ? CnvFields.DEL : CnvFields.DUP;
    }

    public int length() {
        return end - start + 1;
    }

    /** Whether it spans its whole contig (aneuploidy). */
    public boolean wholeContig() {
        return span == Span.CONTIG;
    }

    /** The arm it spans whole, {@code p} or {@code q}; null when it spans no arm whole. */
    public String wholeArm() {
        return span == Span.P_ARM ? "p" : span == Span.Q_ARM ? "q" : null;
    }
}
