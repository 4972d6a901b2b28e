package gap.core.cnv;

import gap.core.model.Sex;
import java.util.List;

/**
 * The copy-number analysis of one sample: every segment (neutral ones included) in genome order, the sex it was
 * judged with, its bins' noise (robust SD of log2 ratios) and the systematic SD of its segment means, the baseline
 * (log2 of its depth against the panel's where two balanced haplotypes are; when no segment can say, fitted to all
 * segments' depth and allele fractions), usable and masked bins, the heterozygous SNV calls used, and points to plot: per usable bin its position and log2
 * ratio against the baseline, and the positions and alternate fractions of heterozygous calls, evenly thinned to at
 * most {@link #PLOTTED_POINTS} (every k-th in genome order from the first).
 */
public record CnvResult(String sample, Sex sex, List<CnvSegment> segments, double noise, double systematic,
                        double baseline,
                        boolean baselineFromAlleles, int usableBins, int maskedBins, int hets, List<Point> ratios,
                        List<Point> alleleFractions) {

    /** The most allele-fraction points kept: a plot's worth, whatever the number of calls. */
    public static final int PLOTTED_POINTS = 1000;

    /** A plotted point: contig, 1-based position, value. */
    public record Point(String contig, int position, double value) {}

    public CnvResult {
        segments = List.copyOf(segments);
        ratios = List.copyOf(ratios);
        alleleFractions = List.copyOf(alleleFractions);
    }

    /** The segments reported as changes. */
    public List<CnvSegment> events() {
        return segments.stream().filter(CnvSegment::isEvent).toList();
    }
}
