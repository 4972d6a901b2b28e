package gap.core.calling;

import java.util.Arrays;

/**
 * Takes the fragments' bases, strands and qualities at one site, gives the qualities to use when their errors are not
 * independent, as bcftools' error model (samtools errmod) has it: among the fragments showing the same base on the
 * same strand, taken from the best quality down, the k-th counts with its quality scaled by
 * {@code 0.7 (1 - d)^k + 0.3}, d the error dependency. Three to five reads that carry the same error (a context the
 * sequencer misreads on one strand, a cluster of low-quality calls) are then not three to five independent chances of
 * being wrong, which is what turns them into a false het, or a hom-alt into a het when they read the reference. The
 * rank is counted per strand, as errmod counts it: a context error repeats on the strand that misreads it, while a
 * true allele's reads come from both. The first fragment of each base and strand keeps its quality, and no quality
 * falls below three tenths of itself: no absolute threshold, so Q20 and Q37 reads are treated alike. (htslib's
 * errmod ranks and decays the same way but weighs each base's binomial-tail error penalty, not its quality, with a
 * floor of 0.03; here the decay scales the quality in an independent-read likelihood, and the 0.3 floor bounds what a
 * true allele whose reads fell on one strand by chance loses.)
 */
final class DependentErrors {
    private final double[] factor = new double[256];

    DependentErrors(double dependency) {
        for (int k = 0; k < factor.length; k++) {
            factor[k] = 0.7 * StrictMath.pow(1 - dependency, k) + 0.3;
        }
    }

    /** Effective qualities, in the order given; {@code reverse[i]} is the strand of fragment i. */
    double[] qualities(byte[] bases, boolean[] reverse, byte[] quals) {
        int n = bases.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> bases[x] != bases[y] ? Byte.compare(bases[x], bases[y])
                : reverse[x] != reverse[y] ? Boolean.compare(reverse[x], reverse[y])
                : quals[x] != quals[y] ? Byte.compare(quals[y], quals[x]) : Integer.compare(x, y));
        double[] out = new double[n];
        int rank = 0;
        for (int i = 0; i < n; i++) {
            int r = order[i];
            int p = i > 0 ? order[i - 1] : -1;
            rank = p >= 0 && bases[p] == bases[r] && reverse[p] == reverse[r] ? rank + 1 : 0;
            out[r] = quals[r] * factor[Math.min(rank, factor.length - 1)];
        }
        return out;
    }
}
