package gap.core.assembly;

import gap.core.model.AlignedRead;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes reads, gives the centres of active regions worth assembling: where reads are soft-clipped (an aligner's
 * answer to a long insertion or the edge of a long deletion) or carry indels of several bases. Each clip counts at
 * its boundary and spreads a little either side, since clipped reads of one event stop a few bases apart; the
 * counts are smoothed over ±{@value #SMOOTH} bases. A centre is a position whose smoothed activity reaches
 * {@code minReads} and is a local maximum (strictly above the positions to its left, at least those to its right,
 * within ±{@value #SMOOTH}). Every test looks only a few bases around the position, so the centres do not depend on
 * where a shard begins.
 */
public final class ActivityProfile {
    /** Clipped or inserted/deleted stretches shorter than this are aligner noise, not events. */
    static final int MIN_EVENT_LENGTH = 5;
    /**
     * Aligners also clip a read's poor tail; a clip counts only when its bases average this quality, as bases that
     * belong to a real event do (noisy 2x250 reads otherwise make hundreds of regions per Mb, nearly all empty).
     */
    static final int MIN_CLIP_QUALITY = 25;
    static final int SPREAD = 2;
    static final int SMOOTH = 5;

    private ActivityProfile() {}

    /** Region centres in {@code [from, to]}, ascending. */
    public static List<Integer> centres(List<AlignedRead> reads, int from, int to, int minReads) {
        int margin = SPREAD + 2 * SMOOTH;
        int lo = from - margin;
        int n = to - from + 1 + 2 * margin;
        if (n <= 0) {
            return List.of();
        }
        int[] raw = new int[n];
        for (AlignedRead read : reads) {
            if (read.end() < lo || read.start() > lo + n - 1) {
                continue;
            }
            addEvents(read, raw, lo);
        }
        int[] smooth = new int[n];
        for (int i = 0; i < n; i++) {
            int sum = 0;
            for (int j = Math.max(0, i - SMOOTH); j <= Math.min(n - 1, i + SMOOTH); j++) {
                sum += raw[j];
            }
            smooth[i] = sum;
        }
        List<Integer> centres = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            int i = p - lo;
            if (smooth[i] < minReads * (2 * SPREAD + 1)) { // each event adds 1 at 2·SPREAD+1 positions
                continue;
            }
            boolean peak = true;
            for (int d = 1; d <= SMOOTH && peak; d++) {
                peak = smooth[i] > smooth[i - d] && smooth[i] >= smooth[i + d];
            }
            if (peak) {
                centres.add(p);
            }
        }
        return centres;
    }

    /** Adds one read's clips and long indels, spread over ±{@value #SPREAD} around where they start. */
    private static void addEvents(AlignedRead read, int[] raw, int lo) {
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        int refPos = read.start();
        int readPos = 0;
        for (int c = 0; c < ops.length; c++) {
            byte op = ops[c];
            int len = lens[c];
            if (op == 'S' && len >= MIN_EVENT_LENGTH && meanQuality(read.quals(), readPos, len) >= MIN_CLIP_QUALITY) {
                spread(raw, lo, c == 0 ? read.start() : read.end() + 1);
            } else if ((op == 'I' || op == 'D') && len >= MIN_EVENT_LENGTH) {
                spread(raw, lo, refPos);
            }
            if (AlignedRead.consumesReference(op)) {
                refPos += len;
            }
            if (AlignedRead.consumesRead(op)) {
                readPos += len;
            }
        }
    }

    private static double meanQuality(byte[] quals, int from, int length) {
        long sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += quals[i];
        }
        return (double) sum / length;
    }

    private static void spread(int[] raw, int lo, int position) {
        for (int p = position - SPREAD; p <= position + SPREAD; p++) {
            int i = p - lo;
            if (i >= 0 && i < raw.length) {
                raw[i]++;
            }
        }
    }
}
