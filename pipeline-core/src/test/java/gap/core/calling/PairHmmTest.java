package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The pair-HMM on cases small enough to work out by hand, and on the orderings its use relies on. */
class PairHmmTest {
    private static final double OPEN = 1e-4;
    private static final double EXTEND = 0.1;
    private final PairHmm hmm = new PairHmm();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] q(int n, int quality) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) quality);
        return out;
    }

    private double lik(String read, String hap) {
        return hmm.log10Likelihood(b(read), q(read.length(), 30), b(hap), OPEN, EXTEND, 1.0 / hap.length());
    }

    @Test
    void oneBaseOnOneBase() {
        // The only path: start (probability 1), leave the start state into a match (1 - extend = 0.9), emit 0.999.
        assertEquals(Math.log10(0.999 * 0.9), hmm.log10Likelihood(b("A"), q(1, 30), b("A"), OPEN, EXTEND, 1), 1e-12);
        // A mismatch emits e/3.
        assertEquals(Math.log10(0.001 / 3 * 0.9), hmm.log10Likelihood(b("A"), q(1, 30), b("C"), OPEN, EXTEND, 1), 1e-12);
    }

    @Test
    void twoBasesInARowAddAMatchTransition() {
        // Ungapped path: 0.9 · 0.999 · (1 - 2·open) · 0.999; every other path needs a gap or a mismatch start.
        double ungapped = 0.9 * 0.999 * (1 - 2 * OPEN) * 0.999;
        double all = Math.pow(10, hmm.log10Likelihood(b("AC"), q(2, 30), b("AC"), OPEN, EXTEND, 1));
        assertTrue(all >= ungapped && all < ungapped * 1.001, "dominated by the ungapped path: " + all);
    }

    @Test
    void readsPreferTheirOwnHaplotype() {
        String ref = "GATTACAGATTACAGGGCATCGATCG";
        String del = "GATTACAGATTACAGGCATCGATCG"; // one G fewer
        String read = "ACAGATTACAGGCATCGA";
        assertTrue(lik(read, del) > lik(read, ref) + 1, "a gap costs about the open probability");
        String mismatch = "ACAGATTACAGGCTTCGA";
        double diff = lik(read, del) - lik(mismatch, del);
        assertEquals(Math.log10(0.999 / (0.001 / 3)), diff, 0.01, "one Q30 mismatch");
    }

    @Test
    void startIsFreeAlongTheHaplotype() {
        // Flanks of bases the read does not hold, so every placement costs the same on both haplotypes.
        assertEquals(lik("CCCCC", "AAAAACCCCCAAAA"), lik("CCCCC", "TTTTTCCCCCTTTTT")
                + Math.log10(15.0 / 14), 1e-9, "same alignments; only the start probability 1/|H| differs");
    }

    @Test
    void aBatchSharingPrefixesGivesEachHaplotypeExactlyItsOwnLikelihood() {
        java.util.Random random = new java.util.Random(9);
        for (int trial = 0; trial < 50; trial++) {
            String base = randomBases(random, 40 + random.nextInt(40));
            java.util.List<byte[]> haps = new java.util.ArrayList<>();
            for (int h = 0; h < 6; h++) {
                // edits at random places: haplotypes share prefixes of every length, and differ in length
                StringBuilder hap = new StringBuilder(base);
                int at = random.nextInt(hap.length());
                switch (random.nextInt(3)) {
                    case 0 -> hap.setCharAt(at, "ACGTN".charAt(random.nextInt(5)));
                    case 1 -> hap.insert(at, randomBases(random, 1 + random.nextInt(6)));
                    default -> hap.delete(at, Math.min(hap.length(), at + 1 + random.nextInt(6)));
                }
                haps.add(b(hap.toString()));
            }
            haps.add(haps.get(2).clone()); // a duplicate shares every column
            byte[] read = b(randomBases(random, 10 + random.nextInt(30)));
            byte[] quals = new byte[read.length];
            for (int i = 0; i < quals.length; i++) {
                quals[i] = (byte) (2 + random.nextInt(40));
            }
            double[] batch = new double[haps.size()];
            double[] open = new double[read.length];
            java.util.Arrays.fill(open, OPEN);
            hmm.log10Likelihoods(read, quals, open, new PairHmm.Batch(haps), EXTEND, 0.02, batch);
            for (int h = 0; h < haps.size(); h++) {
                double alone = new PairHmm().log10Likelihood(read, quals, haps.get(h), OPEN, EXTEND, 0.02);
                assertEquals(Double.doubleToRawLongBits(alone), Double.doubleToRawLongBits(batch[h]), "haplotype " + h);
            }
        }
    }

    @Test
    void everyBatchEqualsTheTextbookRecursionBitForBit() {
        // reads of 1 to 13 bases (blocks of four and the rows after them), haplotypes of 1 to 12 (fewer columns than
        // the skew), N in reads and haplotypes, a byte outside ACGTN, a gap-open probability per read base
        java.util.Random random = new java.util.Random(16);
        for (int trial = 0; trial < 400; trial++) {
            java.util.List<byte[]> haps = new java.util.ArrayList<>();
            byte[] first = b(randomBases(random, 1 + random.nextInt(12), "ACGTN"));
            haps.add(first);
            for (int h = 1 + random.nextInt(5); h > 0; h--) {
                byte[] hap = Arrays.copyOf(first, 1 + random.nextInt(12));
                for (int j = random.nextInt(hap.length + 1); j < hap.length; j++) {
                    hap[j] = (byte) "ACGTNa".charAt(random.nextInt(6));
                }
                haps.add(hap);
            }
            byte[] read = b(randomBases(random, 1 + random.nextInt(13), "ACGTN"));
            byte[] quals = new byte[read.length];
            double[] open = new double[read.length];
            for (int i = 0; i < read.length; i++) {
                quals[i] = (byte) (random.nextInt(50) - 2);
                open[i] = Math.pow(10, -1 - random.nextInt(40) / 10.0);
            }
            double[] batch = new double[haps.size()];
            hmm.log10Likelihoods(read, quals, open, new PairHmm.Batch(haps), EXTEND, 0.05, batch);
            for (int h = 0; h < haps.size(); h++) {
                double textbook = textbook(read, quals, open, haps.get(h), EXTEND, 0.05);
                assertEquals(Double.doubleToRawLongBits(textbook), Double.doubleToRawLongBits(batch[h]),
                        "trial " + trial + " haplotype " + h);
            }
        }
    }

    /** The forward recursion cell by cell, row by row, in full matrices: what every ordering must reproduce. */
    private static double textbook(byte[] read, byte[] quals, double[] open, byte[] hap, double extend, double start) {
        int rows = read.length;
        int n = hap.length;
        double initial = StrictMath.pow(2, 1020);
        double[][] m = new double[rows + 1][n + 1];
        double[][] ins = new double[rows + 1][n + 1];
        double[][] del = new double[rows + 1][n + 1];
        Arrays.fill(del[0], initial * start);
        for (int i = 1; i <= rows; i++) {
            int q = Math.max(0, Math.min(127, quals[i - 1]));
            double e = Math.min(0.75, StrictMath.pow(10, -q / 10.0));
            for (int j = 1; j <= n; j++) {
                byte x = read[i - 1];
                byte y = hap[j - 1];
                double emit = x == y || x == 'N' || y == 'N' ? 1 - e : e / 3;
                m[i][j] = emit * (m[i - 1][j - 1] * (1 - 2 * open[i - 1])
                        + (ins[i - 1][j - 1] + del[i - 1][j - 1]) * (1 - extend));
                ins[i][j] = m[i - 1][j] * open[i - 1] + ins[i - 1][j] * extend;
                del[i][j] = m[i][j - 1] * open[i - 1] + del[i][j - 1] * extend;
            }
        }
        double sum = 0;
        for (int j = 1; j <= n; j++) {
            sum += m[rows][j] + ins[rows][j];
        }
        return StrictMath.log10(sum) - StrictMath.log10(initial);
    }

    private static String randomBases(java.util.Random random, int n, String alphabet) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String randomBases(java.util.Random random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        return sb.toString();
    }
}
