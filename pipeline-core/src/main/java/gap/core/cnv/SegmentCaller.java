package gap.core.cnv;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes a segment's mean log2 copy ratio (against the sample's baseline), its bins, the sample's bin noise and the
 * segment's B-allele evidence, gives its copy state and quality: every state (neutral; loss to 0 or 1 copy; gain of 1
 * to 4 copies; constitutional, or one copy off and mosaic in 5 % steps of cells from {@code minMosaicFraction}) is
 * weighed by the depth (Gaussian on the mean log2 ratio, with the bins' noise over their number and a systematic
 * floor), the allele fractions and its prior. The copy number of highest posterior (summed over the shares of cells) is called, with the
 * share of highest posterior within it, and CNQ the phred probability that the copy number is wrong.
 */
public final class SegmentCaller {
    static final int MAX_QUALITY = 99;
    private static final int MAX_GAIN = 4;
    private static final double STEP = 0.05;

    private final CnvParameters params;
    private final BafModel baf;

    public SegmentCaller(CnvParameters params) {
        this.params = params;
        this.baf = new BafModel(params.bafConcentration(), params.bafOutlierRate());
    }

    public BafModel bafModel() {
        return baf;
    }

    /**
     * What a segment was called: its state and quality (phred, capped at 99), and the log of its data's likelihood
     * summed over the states and their priors (how well some state explains it: what a baseline is chosen by).
     */
    public record Call(CopyState state, double quality, double logMarginal) {}

    /**
     * @param meanLog2 the segment's mean log2 ratio against the baseline
     * @param bins     its bins
     * @param noise    the sample's bin noise (SD of log2 ratios)
     * @param floorLog2 the lowest log2 ratio a bin can take (no reads: the floor of the counts)
     * @param expected copies expected here
     * @param alleles  the segment's SNV calls; their fractions count where two haplotypes are expected
     * @param hetShare the sample's share of heterozygous SNV calls
     */
    public Call call(double meanLog2, int bins, double noise, double floorLog2, int expected, AlleleEvidence alleles,
                     double hetShare) {
        return call(meanLog2, bins, noise, params.systematicSd(), floorLog2, expected, alleles, hetShare);
    }

    /** As above with the sample's systematic SD of segment means ({@code systematic}, log2) measured. */
    public Call call(double meanLog2, int bins, double noise, double systematic, double floorLog2, int expected,
                     AlleleEvidence alleles, double hetShare) {
        List<CopyState> states = states(expected);
        double sd = Math.sqrt(noise * noise / bins + systematic * systematic);
        double[] score = new double[states.size()];
        int fullStates = 0;
        int mosaicStates = 0;
        for (CopyState s : states) {
            if (!s.isNeutral()) {
                if (s.isMosaic()) {
                    mosaicStates++;
                } else {
                    fullStates++;
                }
            }
        }
        for (int i = 0; i < states.size(); i++) {
            CopyState s = states.get(i);
            double expectedLog2 = Math.max(floorLog2, log2(s.ratio()));
            double z = (meanLog2 - expectedLog2) / sd;
            score[i] = -0.5 * z * z + logPrior(s, fullStates, mosaicStates) + alleleLogLikelihood(s, alleles, hetShare);
        }
        // The copy number is called on its posterior summed over the shares of cells, then the share within it:
        // CNQ says how sure the copy number is, MF how much of the sample carries it.
        double total = logSumExp(score);
        int kind = Integer.MIN_VALUE;
        double bestMarginal = Double.NEGATIVE_INFINITY;
        for (int c = -1; c <= expected + MAX_GAIN; c++) {
            double m = logSumExp(select(score, states, c, true));
            if (m > bestMarginal) {
                bestMarginal = m;
                kind = c;
            }
        }
        int best = -1;
        for (int i = 0; i < states.size(); i++) {
            if (kind(states.get(i)) == kind && (best < 0 || score[i] > score[best])) {
                best = i;
            }
        }
        double wrong = logSumExp(select(score, states, kind, false)) - total;
        double quality = wrong == Double.NEGATIVE_INFINITY ? MAX_QUALITY
                : Math.min(MAX_QUALITY, -10 * wrong / Math.log(10));
        return new Call(states.get(best), Math.max(0, quality), total);
    }

    /** What a state is called as: its copies, or -1 for copy-neutral loss of heterozygosity. */
    private static int kind(CopyState s) {
        return s.loh() ? -1 : s.copies();
    }

    /** The scores of the states of ({@code same}) or not of {@code kind}. */
    private static double[] select(double[] score, List<CopyState> states, int kind, boolean same) {
        return java.util.stream.IntStream.range(0, score.length)
                .filter(i -> (kind(states.get(i)) == kind) == same).mapToDouble(i -> score[i]).toArray();
    }

    /** The states weighed for a segment of {@code expected} copies. */
    List<CopyState> states(int expected) {
        List<CopyState> states = new ArrayList<>();
        states.add(CopyState.neutral(expected));
        List<Double> fractions = new ArrayList<>();
        for (int k = 0; ; k++) {
            double f = Math.round((params.minMosaicFraction() + k * STEP) * 1000) / 1000.0;
            if (f >= 1 - 1e-9) {
                break;
            }
            fractions.add(f);
        }
        fractions.add(1.0);
        for (int c = 0; c <= expected + MAX_GAIN; c++) {
            if (c == expected) {
                continue;
            }
            // Mosaic states only one copy from the expected: a mosaic change of several copies is rare, and two
            // copies gained in half the cells read exactly as one copy gained in all (ratio 1.5, fractions 1/3).
            for (double f : Math.abs(c - expected) == 1 ? fractions : List.of(1.0)) {
                states.add(new CopyState(c, f, expected));
            }
        }
        if (expected == 2) { // copy-neutral LOH, so that absent hets are not taken for a change of depth
            for (double f : fractions) {
                states.add(new CopyState(2, f, 2, true));
            }
        }
        return states;
    }

    private double logPrior(CopyState s, int fullStates, int mosaicStates) {
        double event = params.eventPrior();
        if (s.isNeutral()) {
            return Math.log(1 - event);
        }
        double mosaic = params.mosaicPrior();
        return s.isMosaic() ? Math.log(event * mosaic / mosaicStates) : Math.log(event * (1 - mosaic) / fullStates);
    }

    private double alleleLogLikelihood(CopyState s, AlleleEvidence alleles, double hetShare) {
        double[] b = s.minorFractions();
        if (b == null || alleles == null || !(hetShare > 0 && hetShare < 1)) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (double v : b) {
            best = Math.max(best, alleles.logLikelihood(baf, v, hetShare, params.lohHetShare()));
        }
        return best;
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    static double logSumExp(double[] v) {
        return logSumExp(v, -1);
    }

    /** log(sum(exp(v))) over every index but {@code skip}. */
    static double logSumExp(double[] v, int skip) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if (i != skip) {
                max = Math.max(max, v[i]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            if (i != skip) {
                sum += Math.exp(v[i] - max);
            }
        }
        return max + Math.log(sum);
    }
}
