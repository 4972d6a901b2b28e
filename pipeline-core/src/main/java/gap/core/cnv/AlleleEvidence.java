package gap.core.cnv;

import java.util.List;

/**
 * Takes the SNV calls of one segment of one sample (each heterozygous call's alternate and total read counts, and the
 * number of homozygous alternate calls), gives the B-allele evidence for a copy state: the log likelihood of the
 * heterozygous calls' allele fractions at the state's minor allele fraction b, and of the share of heterozygous calls
 * among the segment's SNV calls: the sample's own share where two haplotypes remain, {@code lohShare} of it where one
 * is lost (b = 0, loss of heterozygosity: a deletion's remaining haplotype is called hemizygous, hom-alt).
 */
public final class AlleleEvidence {
    /** One heterozygous SNV call: alternate reads of {@code depth} REF + ALT reads. */
    public record Het(int alt, int depth) {}

    /** Grid of minor allele fractions for the estimate. */
    private static final int GRID = 50;

    private final int hetCount;
    private final int homAlts;
    // the hets grouped by (alt, depth): a segment's likelihood costs one term per distinct pair, not per site
    private final int[] alt;
    private final int[] depth;
    private final int[] times;
    private final java.util.Map<Double, Double> cache = new java.util.HashMap<>();

    public AlleleEvidence(List<Het> hets, int homAlts) {
        this.hetCount = hets.size();
        this.homAlts = homAlts;
        java.util.TreeMap<Long, Integer> pairs = new java.util.TreeMap<>();
        for (Het h : hets) {
            pairs.merge(((long) h.depth() << 32) | h.alt(), 1, Integer::sum);
        }
        alt = new int[pairs.size()];
        depth = new int[pairs.size()];
        times = new int[pairs.size()];
        int i = 0;
        for (java.util.Map.Entry<Long, Integer> e : pairs.entrySet()) {
            depth[i] = (int) (e.getKey() >>> 32);
            alt[i] = (int) (long) e.getKey();
            times[i++] = e.getValue();
        }
    }

    public int hets() {
        return hetCount;
    }

    public int homAlts() {
        return homAlts;
    }

    /**
     * @param b        minor allele fraction of the state; 0 for loss of heterozygosity
     * @param hetShare the sample's share of heterozygous calls among its SNV calls where two haplotypes remain
     * @param lohShare the fraction of that share left where one haplotype is lost
     */
    public double logLikelihood(BafModel model, double b, double hetShare, double lohShare) {
        double q = b > 0 ? hetShare : hetShare * lohShare;
        return hetCount * Math.log(q) + homAlts * Math.log(1 - q) + fractions(model, b);
    }

    /** The hets' allele-count log likelihood at minor fraction b (0: loss of heterozygosity), cached per b. */
    private double fractions(BafModel model, double b) {
        Double cached = cache.get(b);
        if (cached != null) {
            return cached;
        }
        double ll = 0;
        for (int i = 0; i < alt.length; i++) {
            ll += times[i] * (b > 0 ? model.logLikelihood(alt[i], depth[i], b) : model.lohLogLikelihood(depth[i]));
        }
        cache.put(b, ll);
        return ll;
    }

    /** The minor allele fraction of highest likelihood over a grid of steps of 0.01 in (0, 0.5]; NaN without hets. */
    public double minorFraction(BafModel model) {
        if (hetCount == 0) {
            return Double.NaN;
        }
        double best = Double.NEGATIVE_INFINITY;
        double arg = Double.NaN;
        for (int g = 1; g <= GRID; g++) {
            double b = g / (2.0 * GRID);
            double ll = fractions(model, b);
            if (ll > best) {
                best = ll;
                arg = b;
            }
        }
        return arg;
    }

    /**
     * Whether the calls look like two haplotypes in equal parts: at least {@code minHets} heterozygous calls, their
     * fractions no better explained by any imbalance than by b = 1/2 (log likelihood ratio under 3, a p-value of about
     * 0.01 for one parameter), and more of them than loss of heterozygosity would leave.
     */
    public boolean balanced(BafModel model, double hetShare, double lohShare, int minHets) {
        if (hetCount < minHets) {
            return false;
        }
        double half = logLikelihood(model, 0.5, hetShare, lohShare);
        double imbalanced = logLikelihood(model, minorFraction(model), hetShare, lohShare);
        double loh = logLikelihood(model, 0, hetShare, lohShare);
        return imbalanced - half < 3 && half > loh;
    }
}
