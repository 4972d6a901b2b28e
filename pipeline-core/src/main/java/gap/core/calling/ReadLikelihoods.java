package gap.core.calling;

import gap.core.model.ReadEvidence;
import java.util.List;

/**
 * log10 P(fragment | allele) for every fragment of a pileup and every allele of its site, with what genotyping
 * needs from them: diploid genotype likelihoods and allele depths over any subset of the alleles.
 */
public final class ReadLikelihoods implements SampleLikelihoods {
    /** GATK's threshold for a read to count towards AD: its best allele beats the next by this much (log10). */
    static final double INFORMATIVE_LOG10 = 0.2;
    private static final double LOG10_HALF = StrictMath.log10(0.5);

    private final List<ReadEvidence> evidence;
    private final double[][] log10;

    ReadLikelihoods(List<ReadEvidence> evidence, double[][] log10) {
        this.evidence = evidence;
        this.log10 = log10;
    }

    /** The fragments of several samples' likelihoods at one site as one set, in sample order (site annotations). */
    static ReadLikelihoods pool(List<ReadLikelihoods> samples) {
        if (samples.size() == 1) {
            return samples.get(0);
        }
        List<ReadEvidence> evidence = new java.util.ArrayList<>();
        List<double[]> log10 = new java.util.ArrayList<>();
        for (ReadLikelihoods s : samples) {
            evidence.addAll(s.evidence);
            log10.addAll(java.util.Arrays.asList(s.log10));
        }
        return new ReadLikelihoods(evidence, log10.toArray(double[][]::new));
    }

    public int readCount() {
        return log10.length;
    }

    public double get(int read, int allele) {
        return log10[read][allele];
    }

    public List<ReadEvidence> evidence() {
        return evidence;
    }

    /**
     * log10 P(reads | a/b) for every genotype over the alleles {@code alleles} (indexes into the site's alleles,
     * REF first), in VCF order: each read comes from either chromosome with probability ½.
     */
    @Override
    public double[] genotypeLog10(int[] alleles) {
        int k = alleles.length;
        double[] gl = new double[k * (k + 1) / 2];
        for (double[] read : log10) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a : alleles) {
                best = Math.max(best, read[a]);
            }
            double[] linear = new double[k];
            for (int i = 0; i < k; i++) {
                linear[i] = StrictMath.pow(10, read[alleles[i]] - best);
            }
            for (int hi = 0; hi < k; hi++) {
                for (int lo = 0; lo <= hi; lo++) {
                    gl[hi * (hi + 1) / 2 + lo] += best + LOG10_HALF + StrictMath.log10(linear[lo] + linear[hi]);
                }
            }
        }
        return gl;
    }

    /** Informative fragments per allele of {@code alleles}: those whose best allele beats the next by 0.2 log10. */
    @Override
    public int[] alleleDepths(int[] alleles) {
        int[] ad = new int[alleles.length];
        for (int read = 0; read < log10.length; read++) {
            int best = informativeAllele(read, alleles);
            if (best >= 0) {
                ad[best]++;
            }
        }
        return ad;
    }

    /**
     * The position within {@code alleles} of the read's best allele when it beats the next by GATK's informative
     * margin, else -1; ties go to the first.
     */
    public int informativeAllele(int read, int[] alleles) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < alleles.length; i++) {
            double v = log10[read][alleles[i]];
            if (v > bestValue) {
                second = bestValue;
                bestValue = v;
                best = i;
            } else if (v > second) {
                second = v;
            }
        }
        return best >= 0 && bestValue - second >= INFORMATIVE_LOG10 ? best : -1;
    }
}
