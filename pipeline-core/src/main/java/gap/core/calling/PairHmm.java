package gap.core.calling;

import java.util.Arrays;
import java.util.List;

/**
 * Takes read bases with their qualities and haplotypes, gives log10 P(read | haplotype) summed over every
 * alignment (the forward algorithm of GATK's pair-HMM, {@code docs/pair_hmm.tex}): match, insertion and deletion
 * states; base-quality emissions; gap open and extension probabilities; the read may start anywhere on the
 * haplotype. One instance keeps its matrices between calls, so it allocates only when a read or haplotype is
 * longer than any before; not thread-safe.
 *
 * <p>A column of the matrices depends only on the haplotype bases up to it, so haplotypes taken in sorted order
 * ({@link Batch}) recompute only the columns after the prefix they share with the one before, as GATK's pair-HMM
 * does; every cell is still the same arithmetic, so the results are bit for bit those of a haplotype alone.
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

    /**
     * Haplotypes in sorted order, with the prefix each shares with the one before it, and their bases as codes into
     * the batch's alphabet (its distinct bytes), so that a cell's emission is a table look-up, not a branch on random
     * base pairs.
     */
    static final class Batch {
        private final byte[][] haps;
        private final int[] order;
        private final int[] shared;
        private final int longest;
        private final byte[] alphabet;
        private final byte[][] codes;

        Batch(List<byte[]> haplotypes) {
            haps = haplotypes.toArray(new byte[0][]);
            Integer[] sorted = new Integer[haps.length];
            Arrays.setAll(sorted, i -> i);
            Arrays.sort(sorted, (x, y) -> Arrays.compare(haps[x], haps[y]));
            order = new int[haps.length];
            shared = new int[haps.length];
            int max = 0;
            for (int k = 0; k < haps.length; k++) {
                order[k] = sorted[k];
                byte[] h = haps[order[k]];
                max = Math.max(max, h.length);
                if (k > 0) {
                    byte[] before = haps[order[k - 1]];
                    int p = Arrays.mismatch(h, before);
                    shared[k] = p < 0 ? h.length : Math.min(p, Math.min(h.length, before.length));
                }
            }
            longest = max;
            int[] code = new int[256];
            Arrays.fill(code, -1);
            byte[] seen = new byte[256];
            int distinct = 0;
            codes = new byte[haps.length][];
            for (int k = 0; k < haps.length; k++) {
                codes[k] = new byte[haps[k].length];
                for (int j = 0; j < haps[k].length; j++) {
                    int b = haps[k][j] & 0xff;
                    if (code[b] < 0) {
                        code[b] = distinct;
                        seen[distinct++] = haps[k][j];
                    }
                    codes[k][j] = (byte) code[b];
                }
            }
            alphabet = Arrays.copyOf(seen, distinct);
        }

        int size() {
            return haps.length;
        }
    }

    private double[] m = new double[0];
    private double[] ins = new double[0];
    private double[] del = new double[0];
    /** Per row i and alphabet code c, at {@code i * alphabet size + c}: the emission of read base i against c. */
    private double[] emission = new double[0];
    /** Per row: the probability of staying in the match state, and of opening a gap, into that row. */
    private double[] rowStay = new double[0];
    private double[] rowOpen = new double[0];

    /**
     * @param gapOpen          probability of opening an insertion (and, separately, a deletion) after a match
     * @param gapExtend        probability of extending a gap by one more base
     * @param startProbability probability of the read starting at a given haplotype base; the same for every
     *                         haplotype of a site, so shorter haplotypes are not favoured
     */
    double log10Likelihood(byte[] read, byte[] quals, byte[] hap, double gapOpen, double gapExtend,
                           double startProbability) {
        double[] out = new double[1];
        double[] open = new double[read.length];
        Arrays.fill(open, gapOpen);
        log10Likelihoods(read, quals, open, new Batch(List.of(hap)), gapExtend, startProbability, out);
        return out[0];
    }

    /**
     * As {@link #log10Likelihood} for every haplotype of {@code batch}, with a gap-open probability per read base
     * ({@code gapOpen[i]} into base i's row: the PCR indel model's, from the read's own repeat there);
     * {@code out[h]} is haplotype h's (input order).
     */
    void log10Likelihoods(byte[] read, byte[] quals, double[] gapOpen, Batch batch, double gapExtend,
                          double startProbability, double[] out) {
        int rows = read.length;
        if (rows == 0) {
            Arrays.fill(out, 0, batch.size(), 0);
            return;
        }
        int w = batch.longest + 1;
        start(read, quals, gapOpen, rows, w, startProbability, batch.alphabet);
        double gapToMatch = 1 - gapExtend;
        for (int k = 0; k < batch.size(); k++) {
            byte[] hap = batch.haps[batch.order[k]];
            Fill f = new Fill(this, batch.codes[batch.order[k]], w, batch.alphabet.length, gapToMatch, gapExtend);
            f.columns(rows, batch.shared[k] + 1);
            double sum = 0;
            int last = rows * w;
            for (int j = 1; j <= hap.length; j++) {
                sum += m[last + j] + ins[last + j];
            }
            out[batch.order[k]] = StrictMath.log10(sum) - LOG10_INITIAL;
        }
    }

    /**
     * Sizes the matrices, sets row 0 (the read starts anywhere) and column 0, and each row's transitions and
     * emissions against every base of the batch's alphabet.
     */
    private void start(byte[] read, byte[] quals, double[] gapOpen, int rows, int w, double startProbability,
                       byte[] alphabet) {
        int size = (rows + 1) * w;
        if (m.length < size) {
            m = new double[size];
            ins = new double[size];
            del = new double[size];
        }
        if (rowStay.length < rows + 1) {
            rowStay = new double[rows + 1];
            rowOpen = new double[rows + 1];
        }
        int k = alphabet.length;
        if (emission.length < (rows + 1) * k) {
            emission = new double[(rows + 1) * k];
        }
        double begin = INITIAL * startProbability;
        for (int j = 0; j < w; j++) {
            m[j] = 0;
            ins[j] = 0;
            del[j] = begin;
        }
        for (int i = 1; i <= rows; i++) {
            m[i * w] = 0;
            ins[i * w] = 0;
            del[i * w] = 0;
            int q = Math.max(0, Math.min(127, quals[i - 1]));
            byte base = read[i - 1];
            for (int c = 0; c < k; c++) {
                byte h = alphabet[c];
                emission[i * k + c] = base == h || base == 'N' || h == 'N' ? MATCH[q] : MISMATCH[q];
            }
            rowOpen[i] = gapOpen[i - 1];
            rowStay[i] = 1 - 2 * gapOpen[i - 1];
        }
    }

    /**
     * One haplotype's columns {@code from..n} of every row of the matrices; the columns before are the previous
     * haplotype's, shared. A row's deletion state is a chain (each cell waits for the one to its left), so rows go in
     * blocks of four, skewed by a column: cells (i, j), (i+1, j-1), (i+2, j-2), (i+3, j-3) are independent and the
     * processor overlaps their chains. Each cell is the same arithmetic whatever the order. Every loop runs over
     * exactly the cells it computes (no cell tested and skipped), so the range checks C2 hoists out of the loops hold
     * for every call (skipped cells made them fail: profile_predicate traps, and a recompile each time).
     */
    private static final class Fill {
        private final double[] m;
        private final double[] ins;
        private final double[] del;
        private final double[] emission;
        private final double[] rowStay;
        private final double[] rowOpen;
        private final byte[] code;
        private final int n;
        private final int w;
        private final int k;
        private final double gapToMatch;
        private final double gapExtend;

        Fill(PairHmm hmm, byte[] code, int w, int k, double gapToMatch, double gapExtend) {
            this.m = hmm.m;
            this.ins = hmm.ins;
            this.del = hmm.del;
            this.emission = hmm.emission;
            this.rowStay = hmm.rowStay;
            this.rowOpen = hmm.rowOpen;
            this.code = code;
            this.n = code.length;
            this.w = w;
            this.k = k;
            this.gapToMatch = gapToMatch;
            this.gapExtend = gapExtend;
        }

        void columns(int rows, int from) {
            if (from > n) {
                return;
            }
            int i = 1;
            for (; i + 3 <= rows; i += 4) {
                // prologue and epilogue: the block's first and last three skewed columns, where some rows are outside
                for (int t = from; t < Math.min(from + 3, n + 4); t++) {
                    edge(i, t, from);
                }
                skewed(i, from + 3);
                for (int t = Math.max(n + 1, from + 3); t < n + 4; t++) {
                    edge(i, t, from);
                }
            }
            for (; i <= rows; i++) {
                for (int j = from; j <= n; j++) {
                    cell(i, j);
                }
            }
        }

        /**
         * The full skewed columns {@code start..n} of the block at row i, each of its four cells as {@link #cell}
         * computes it, written out here: a call per cell costs more than the cell where only C1 compiles (short runs).
         */
        private void skewed(int i, int start) {
            for (int t = start; t <= n; t++) {
                for (int r = 0; r < 4; r++) {
                    int row = i + r;
                    int at = row * w + t - r;
                    int up = at - w;
                    double open = rowOpen[row];
                    m[at] = emission[row * k + (code[t - r - 1] & 0xff)]
                            * (m[up - 1] * rowStay[row] + (ins[up - 1] + del[up - 1]) * gapToMatch);
                    ins[at] = m[up] * open + ins[up] * gapExtend;
                    del[at] = m[at - 1] * open + del[at - 1] * gapExtend;
                }
            }
        }

        /** Skewed column t of the block at row i: the rows r whose column t - r lies in {@code from..n}. */
        private void edge(int i, int t, int from) {
            int last = Math.min(3, t - from);
            for (int r = Math.max(0, t - n); r <= last; r++) {
                cell(i + r, t - r);
            }
        }

        /** The three states of cell (i, j) from its neighbours above, to the left and diagonally before. */
        private void cell(int i, int j) {
            double emit = emission[i * k + (code[j - 1] & 0xff)];
            int at = i * w + j;
            int up = at - w;
            double open = rowOpen[i];
            m[at] = emit * (m[up - 1] * rowStay[i] + (ins[up - 1] + del[up - 1]) * gapToMatch);
            ins[at] = m[up] * open + ins[up] * gapExtend;
            del[at] = m[at - 1] * open + del[at - 1] * gapExtend;
        }
    }
}
