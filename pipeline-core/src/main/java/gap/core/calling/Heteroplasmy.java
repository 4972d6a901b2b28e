package gap.core.calling;

/**
 * Takes one sample's read likelihoods at a chrM site, gives each alternate allele's heteroplasmy: the fraction f of
 * the sample's mitochondrial DNA carrying it, by maximum likelihood over its reads (each read from the alternate
 * with probability f, else from REF: {@code sum log((1-f) P(r|REF) + f P(r|ALT))}, maximised by EM), and the log10
 * odds of that fraction against none (Mutect2's TLOD for its mitochondria mode: a continuous allele fraction, not
 * diploid genotypes).
 */
public final class Heteroplasmy {
    private static final int ITERATIONS = 200;
    private static final double TOLERANCE = 1e-9;

    /** An allele's estimated fraction and its log10 odds against absence. */
    public record Estimate(double fraction, double lod) {}

    private Heteroplasmy() {}

    /** The estimate of site allele {@code alt} against REF (allele 0) from {@code likelihoods}' reads. */
    public static Estimate estimate(ReadLikelihoods likelihoods, int alt) {
        int n = likelihoods.readCount();
        if (n == 0) {
            return new Estimate(0, 0);
        }
        double[][] p = linear(likelihoods, alt);
        double[] ref = p[0];
        double[] other = p[1];
        double f = 0.5;
        for (int i = 0; i < ITERATIONS; i++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                double fromAlt = f * other[r];
                sum += fromAlt / (fromAlt + (1 - f) * ref[r]);
            }
            double next = sum / n;
            boolean done = Math.abs(next - f) < TOLERANCE;
            f = next;
            if (done) {
                break;
            }
        }
        return new Estimate(f, log10Likelihood(ref, other, f) - log10Likelihood(ref, other, 0));
    }

    /** log10 odds of no {@code alt} at all against a fraction {@code f} of it: how sure a REF call is. */
    public static double absenceOdds(ReadLikelihoods likelihoods, int alt, double f) {
        double[][] p = linear(likelihoods, alt);
        return log10Likelihood(p[0], p[1], 0) - log10Likelihood(p[0], p[1], f);
    }

    /** Each read's likelihoods of REF and of {@code alt}, scaled so the larger is 1. */
    private static double[][] linear(ReadLikelihoods likelihoods, int alt) {
        int n = likelihoods.readCount();
        double[][] p = new double[2][n];
        for (int r = 0; r < n; r++) {
            double best = Math.max(likelihoods.get(r, 0), likelihoods.get(r, alt));
            p[0][r] = StrictMath.pow(10, likelihoods.get(r, 0) - best);
            p[1][r] = StrictMath.pow(10, likelihoods.get(r, alt) - best);
        }
        return p;
    }

    static double log10Likelihood(double[] ref, double[] other, double f) {
        double ll = 0;
        for (int r = 0; r < ref.length; r++) {
            ll += StrictMath.log10((1 - f) * ref[r] + f * other[r]);
        }
        return ll;
    }
}
