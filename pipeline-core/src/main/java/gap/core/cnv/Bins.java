package gap.core.cnv;

/** The fixed bins of a contig: bin {@code b} covers 1-based positions {@code b·size+1 … min((b+1)·size, length)}. */
public final class Bins {
    private Bins() {}

    public static int count(int contigLength, int binSize) {
        return (contigLength + binSize - 1) / binSize;
    }

    /** 1-based first position of bin {@code b}. */
    public static int start(int binSize, int b) {
        return b * binSize + 1;
    }

    /** 1-based last position of bin {@code b}. */
    public static int end(int contigLength, int binSize, int b) {
        return (int) Math.min((long) (b + 1) * binSize, contigLength);
    }

    public static int length(int contigLength, int binSize, int b) {
        return end(contigLength, binSize, b) - start(binSize, b) + 1;
    }
}
