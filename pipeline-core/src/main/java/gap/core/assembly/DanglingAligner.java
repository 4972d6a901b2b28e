package gap.core.assembly;

/**
 * Takes a dangling branch of an assembly graph (starting with the reference k-mer it left from) and the reference
 * from that k-mer on, gives how many reference bases the branch covers: an affine-gap alignment (Gotoh) of the whole
 * branch against a prefix of the reference, with GATK's Smith-Waterman weights for this step (STANDARD_NGS: match 25,
 * mismatch -50, gap open -110, extension -6), accepted as GATK accepts a dangling-end merge: at most three CIGAR
 * elements (one indel at most), beginning and ending with aligned bases, the last ones at least four identical bases,
 * and a positive score.
 */
final class DanglingAligner {
    static final int MATCH = 25;
    static final int MISMATCH = -50;
    static final int GAP_OPEN = -110;
    static final int GAP_EXTEND = -6;
    static final int MAX_CIGAR_ELEMENTS = 3;
    /** Identical bases a merged branch must end on (GATK: its minimum dangling branch length). */
    static final int MIN_MATCHING_END = AssemblyGraph.MIN_DANGLING_LENGTH;
    private static final int NEG = Integer.MIN_VALUE / 4;

    private DanglingAligner() {}

    /**
     * Reference bases consumed when {@code branch} is aligned from the start of {@code reference} (its end free), or
     * -1 when the alignment is not one GATK would merge.
     */
    static int alignPrefix(String branch, String reference) {
        int n = branch.length();
        int m = reference.length();
        int w = m + 1;
        int[][] s = new int[3][(n + 1) * w]; // states: 0 aligned, 1 reference base against a gap, 2 branch base against a gap
        for (int[] state : s) {
            java.util.Arrays.fill(state, NEG);
        }
        s[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                int c = i * w + j;
                if (i > 0 && j > 0) {
                    int d = c - w - 1;
                    int e = branch.charAt(i - 1) == reference.charAt(j - 1) ? MATCH : MISMATCH;
                    s[0][c] = e + max3(s[0][d], s[1][d], s[2][d]);
                }
                if (j > 0) {
                    s[1][c] = Math.max(Math.max(s[0][c - 1], s[2][c - 1]) + GAP_OPEN, s[1][c - 1] + GAP_EXTEND);
                }
                if (i > 0) {
                    s[2][c] = Math.max(Math.max(s[0][c - w], s[1][c - w]) + GAP_OPEN, s[2][c - w] + GAP_EXTEND);
                }
            }
        }
        int bestJ = -1;
        int best = 0;
        for (int j = 1; j <= m; j++) {
            if (s[0][n * w + j] > best) { // must end on aligned bases
                best = s[0][n * w + j];
                bestJ = j;
            }
        }
        if (bestJ < 0) {
            return -1;
        }
        int[] shape = shape(s, n, bestJ, w);
        return shape[0] <= MAX_CIGAR_ELEMENTS && matchingEnd(branch, reference, bestJ, shape[1]) >= MIN_MATCHING_END
                ? bestJ : -1;
    }

    /**
     * The identical bases that end the alignment (at most its last aligned run, {@code run} long): GATK merges a
     * dangling end only where at least its minimum dangling length of them rejoin the reference. A branch that
     * stops a base or two past a novel stretch (reads that end inside an insertion, whose k-mers break off there)
     * ends on a chance match; merged there, its novel bases would be written as an insertion of the wrong length.
     */
    private static int matchingEnd(String branch, String reference, int j, int run) {
        int t = 0;
        while (t < run && branch.charAt(branch.length() - 1 - t) == reference.charAt(j - 1 - t)) {
            t++;
        }
        return t;
    }

    /**
     * The CIGAR elements of the traceback from (n, j) in the aligned state (too many when it does not start
     * aligned) and the length of its last element.
     */
    private static int[] shape(int[][] s, int i, int j, int w) {
        int state = 0;
        int elements = 1;
        int lastRun = 0;
        while (i > 0 || j > 0) {
            lastRun += elements == 1 ? 1 : 0;
            int c = i * w + j;
            int prev;
            if (state == 0) {
                int d = c - w - 1;
                int before = max3(s[0][d], s[1][d], s[2][d]);
                prev = before == s[0][d] ? 0 : before == s[1][d] ? 1 : 2;
                i--;
                j--;
            } else if (state == 1) {
                prev = s[1][c] == s[1][c - 1] + GAP_EXTEND ? 1 : s[0][c - 1] >= s[2][c - 1] ? 0 : 2;
                j--;
            } else {
                prev = s[2][c] == s[2][c - w] + GAP_EXTEND ? 2 : s[0][c - w] >= s[1][c - w] ? 0 : 1;
                i--;
            }
            if (i == 0 && j == 0) {
                return new int[] {state == 0 ? elements : MAX_CIGAR_ELEMENTS + 1, lastRun};
            }
            if (prev != state) {
                elements++;
            }
            state = prev;
        }
        return new int[] {elements, lastRun};
    }

    private static int max3(int a, int b, int c) {
        return Math.max(a, Math.max(b, c));
    }
}
