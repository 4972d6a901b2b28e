package gap.core.scoring;

import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.util.List;

/**
 * Takes a call's het genotypes, gives how far their ALT read count falls below what a het gives: the phred-scaled
 * lower tail P(X <= alt) of X ~ Binomial(n, 1/2), n the reads informative between REF and that ALT (AD), pooled over
 * the carriers that are 0/x. A depth-aware measure, not an allele-balance cut: 2 ALT reads of 8 (P 0.145, 8.4) is
 * what a het often gives at 8x, 6 of 24 (P 0.011, 19.5) rarely is, and a one-unit stutter of a long STR (10-25 % of
 * the fragments, PCR's slip) shows as such a low tail at every depth. Only AD is read, so calls genotyped from gVCF
 * records have it too. NaN when no carrier is a het with REF or no read is informative.
 */
public final class HetBalance {
    private static final double LN10 = Math.log(10);

    private HetBalance() {}

    /** The feature of one call (see the class comment). */
    public static double of(VariantCall c) {
        long alt = 0;
        long n = 0;
        for (Genotype g : c.genotypes()) {
            if (g.allele1() != 0 || g.allele2() <= 0) {
                continue;
            }
            List<Integer> ad = g.ad();
            int a = g.allele2();
            if (ad.size() <= a) {
                continue;
            }
            long r = count(ad.get(0));
            long x = count(ad.get(a));
            alt += x;
            n += r + x;
        }
        return n > 0 ? phred(alt, n) : Double.NaN;
    }

    /** -10 log10 P(X <= alt), X ~ Binomial(n, 1/2); 0 when alt >= n. Summed in log space: no underflow at any n. */
    static double phred(long alt, long n) {
        if (alt >= n) {
            return 0;
        }
        // log C(n, k) by the recurrence C(n, k+1) = C(n, k) (n-k)/(k+1); log-sum-exp over k = 0..alt
        double logC = 0;
        double max = 0;
        double[] terms = new double[(int) alt + 1];
        for (int k = 0; k <= alt; k++) {
            terms[k] = logC;
            max = Math.max(max, logC);
            logC += Math.log(n - k) - Math.log(k + 1);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        double log10p = (max + Math.log(sum) - n * Math.log(2)) / LN10;
        return Math.max(0, -10 * log10p);
    }

    /** A missing count (negative) is no read. */
    private static long count(int v) {
        return Math.max(0, v);
    }
}
