package gap.core.model;

/**
 * A stretch of one contig's reference starting at 1-based {@code start}. Positions outside it read as {@code N},
 * so stages need no bounds checks at contig ends.
 */
public record RefWindow(String contig, int start, byte[] bases) {

    /** Builds a window from text, as tests write them. */
    public static RefWindow of(String contig, int start, String bases) {
        return new RefWindow(contig, start, bases.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public int end() {
        return start + bases.length - 1;
    }

    public byte base(int position) {
        int i = position - start;
        return i >= 0 && i < bases.length ? bases[i] : (byte) 'N';
    }

    /** Bases from {@code from} to {@code to} inclusive, as text. */
    public String substring(int from, int to) {
        StringBuilder sb = new StringBuilder(Math.max(0, to - from + 1));
        for (byte b : slice(from, to - from + 1)) {
            sb.append((char) b);
        }
        return sb.toString();
    }

    /**
     * The {@code n} bases from {@code from} as {@link #base} reads them ({@code N} outside the window), copied at once.
     * A hot loop over {@code base} has its array read behind a bounds test; C2 hoists that read's range check out of the
     * loop on the profile's word, and the stretches that do leave the window (contig ends, the mitochondrion) then trap
     * and recompile the loop's method.
     */
    public byte[] slice(int from, int n) {
        byte[] out = new byte[Math.max(0, n)];
        java.util.Arrays.fill(out, (byte) 'N');
        int a = Math.max(from, start);
        int b = Math.min(from + n - 1, end());
        if (a <= b) {
            System.arraycopy(bases, a - start, out, a - from, b - a + 1);
        }
        return out;
    }
}
