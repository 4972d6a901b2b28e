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
        for (int p = from; p <= to; p++) {
            sb.append((char) base(p));
        }
        return sb.toString();
    }
}
