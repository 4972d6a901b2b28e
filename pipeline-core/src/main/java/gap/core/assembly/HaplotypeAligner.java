package gap.core.assembly;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes a haplotype and the reference window it was assembled over (both begin and end on the same reference
 * k-mers), gives the events that turn one into the other: an affine-gap global alignment (Gotoh) with GATK's
 * haplotype-to-reference Smith-Waterman weights (match 200, mismatch -150, gap open -260, extension -11), which
 * prefer one long gap to a run of mismatches, then each mismatch as an SNV and each gap as an indel anchored on the
 * reference base before it. Coordinates are 0-based offsets into the reference window.
 */
final class HaplotypeAligner {
    static final int MATCH = 200;
    static final int MISMATCH = -150;
    static final int GAP_OPEN = -260;
    static final int GAP_EXTEND = -11;
    private static final int NEG = Integer.MIN_VALUE / 4;

    /** One event: at reference offset {@code offset}, {@code refBases} become {@code altBases} (VCF-style, anchored). */
    record Event(int offset, String refBases, String altBases) {}

    private HaplotypeAligner() {}

    static List<Event> events(String reference, String haplotype) {
        int n = reference.length();
        int m = haplotype.length();
        int[][] match = new int[n + 1][m + 1];
        int[][] del = new int[n + 1][m + 1]; // reference base consumed, haplotype not: a deletion
        int[][] ins = new int[n + 1][m + 1]; // haplotype base consumed, reference not: an insertion
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                match[i][j] = NEG;
                del[i][j] = NEG;
                ins[i][j] = NEG;
            }
        }
        match[0][0] = 0;
        for (int i = 1; i <= n; i++) {
            del[i][0] = GAP_OPEN + (i - 1) * GAP_EXTEND;
        }
        for (int j = 1; j <= m; j++) {
            ins[0][j] = GAP_OPEN + (j - 1) * GAP_EXTEND;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int s = reference.charAt(i - 1) == haplotype.charAt(j - 1) ? MATCH : MISMATCH;
                match[i][j] = s + max(match[i - 1][j - 1], del[i - 1][j - 1], ins[i - 1][j - 1]);
                del[i][j] = Math.max(Math.max(match[i - 1][j], ins[i - 1][j]) + GAP_OPEN, del[i - 1][j] + GAP_EXTEND);
                ins[i][j] = Math.max(Math.max(match[i][j - 1], del[i][j - 1]) + GAP_OPEN, ins[i][j - 1] + GAP_EXTEND);
            }
        }
        // Trace back into a list of operations, last first.
        List<Character> ops = new ArrayList<>();
        int i = n;
        int j = m;
        int state = best(match[n][m], del[n][m], ins[n][m]);
        while (i > 0 || j > 0) {
            if (state == 0) {
                ops.add('M');
                int prev = best(match[i - 1][j - 1], del[i - 1][j - 1], ins[i - 1][j - 1]);
                i--;
                j--;
                state = prev;
            } else if (state == 1) {
                ops.add('D');
                state = del[i][j] == del[i - 1][j] + GAP_EXTEND && i > 1 ? 1
                        : (match[i - 1][j] >= ins[i - 1][j] ? 0 : 2);
                i--;
            } else {
                ops.add('I');
                state = ins[i][j] == ins[i][j - 1] + GAP_EXTEND && j > 1 ? 2
                        : (match[i][j - 1] >= del[i][j - 1] ? 0 : 1);
                j--;
            }
            if (i == 0 && j > 0) {
                state = 2;
            } else if (j == 0 && i > 0) {
                state = 1;
            }
        }
        List<Event> events = new ArrayList<>();
        int r = 0;
        int h = 0;
        for (int k = ops.size() - 1; k >= 0; ) {
            char op = ops.get(k);
            int run = 0;
            while (k - run >= 0 && ops.get(k - run) == op) {
                run++;
            }
            if (op == 'M') {
                for (int x = 0; x < run; x++) {
                    if (reference.charAt(r + x) != haplotype.charAt(h + x)) {
                        events.add(new Event(r + x, String.valueOf(reference.charAt(r + x)),
                                String.valueOf(haplotype.charAt(h + x))));
                    }
                }
                r += run;
                h += run;
            } else if (op == 'D') {
                if (r > 0) {
                    events.add(new Event(r - 1, reference.substring(r - 1, r + run), reference.substring(r - 1, r)));
                }
                r += run;
            } else {
                if (r > 0) {
                    events.add(new Event(r - 1, reference.substring(r - 1, r),
                            reference.charAt(r - 1) + haplotype.substring(h, h + run)));
                }
                h += run;
            }
            k -= run;
        }
        return events;
    }

    private static int max(int a, int b, int c) {
        return Math.max(a, Math.max(b, c));
    }

    /** The state holding the largest score: 0 match, 1 deletion, 2 insertion (match first on ties). */
    private static int best(int m, int d, int in) {
        if (m >= d && m >= in) {
            return 0;
        }
        return d >= in ? 1 : 2;
    }
}
