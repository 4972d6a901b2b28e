package gap.core.calling;

/**
 * Takes read bases with their qualities and a haplotype, gives log10 P(read | haplotype) summed over every
 * alignment (the forward algorithm of GATK's pair-HMM, {@code docs/pair_hmm.tex}): match, insertion and deletion
 * states; base-quality emissions; gap open and extension probabilities; the read may start anywhere on the
 * haplotype. Rows are rolled, so one instance allocates once; not thread-safe.
 */
final class PairHmm {
    /** Scales the start so long reads do not underflow doubles (as GATK does); divided out at the end. */
    private static final double INITIAL = StrictMath.pow(2, 1020);
    private static final double LOG10_INITIAL = StrictMath.log10(INITIAL);
    private static final double[] MATCH = new double[128];
    private static final double[] MISMATCH = new double[128];

    static {
        for (int q = 0; q < 128; q++) {
            double e = Math.min(0.75, StrictMath.pow(10, -q / 10.0));
            MATCH[q] = 1 - e;
            MISMATCH[q] = e / 3;
        }
    }

    private double[] mPrev = new double[0];
    private double[] iPrev = new double[0];
    private double[] dPrev = new double[0];
    private double[] mCur = new double[0];
    private double[] iCur = new double[0];
    private double[] dCur = new double[0];

    /**
     * @param gapOpen          probability of opening an insertion (and, separately, a deletion) after a match
     * @param gapExtend        probability of extending a gap by one more base
     * @param startProbability probability of the read starting at a given haplotype base; the same for every
     *                         haplotype of a site, so shorter haplotypes are not favoured
     */
    double log10Likelihood(byte[] read, byte[] quals, byte[] hap, double gapOpen, double gapExtend,
                           double startProbability) {
        int m = read.length;
        int n = hap.length;
        if (m == 0) {
            return 0;
        }
        ensure(n + 1);
        double matchToMatch = 1 - 2 * gapOpen;
        double gapToMatch = 1 - gapExtend;
        for (int j = 0; j <= n; j++) {
            mPrev[j] = 0;
            iPrev[j] = 0;
            dPrev[j] = INITIAL * startProbability;
        }
        for (int i = 1; i <= m; i++) {
            byte base = read[i - 1];
            int q = Math.max(0, Math.min(127, quals[i - 1]));
            double match = MATCH[q];
            double mismatch = MISMATCH[q];
            mCur[0] = 0;
            iCur[0] = 0;
            dCur[0] = 0;
            for (int j = 1; j <= n; j++) {
                byte h = hap[j - 1];
                double emit = base == h || base == 'N' || h == 'N' ? match : mismatch;
                mCur[j] = emit * (mPrev[j - 1] * matchToMatch + (iPrev[j - 1] + dPrev[j - 1]) * gapToMatch);
                iCur[j] = mPrev[j] * gapOpen + iPrev[j] * gapExtend;
                dCur[j] = mCur[j - 1] * gapOpen + dCur[j - 1] * gapExtend;
            }
            double[] t = mPrev; mPrev = mCur; mCur = t;
            t = iPrev; iPrev = iCur; iCur = t;
            t = dPrev; dPrev = dCur; dCur = t;
        }
        double sum = 0;
        for (int j = 1; j <= n; j++) {
            sum += mPrev[j] + iPrev[j];
        }
        return StrictMath.log10(sum) - LOG10_INITIAL;
    }

    private void ensure(int size) {
        if (mPrev.length < size) {
            mPrev = new double[size];
            iPrev = new double[size];
            dPrev = new double[size];
            mCur = new double[size];
            iCur = new double[size];
            dCur = new double[size];
        }
    }
}
