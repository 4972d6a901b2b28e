package gap.core.assembly;

import java.util.Arrays;

/**
 * Takes k-mers as slices of byte arrays, gives each distinct one a dense id (0, 1, 2, … in order of first addition)
 * and its bases back. Open addressing over a 64-bit polynomial hash that rolls in O(1) along a sequence, so threading
 * a read costs a lookup per base and no String per k-mer.
 */
final class KmerTable {
    private static final long P = 0x9E3779B97F4A7C15L;

    private final int k;
    /** P^(k-1), to take the leaving base out of a rolled hash. */
    private final long top;
    private byte[] bases = new byte[0];
    private long[] hashes = new long[0];
    private int[] slots = new int[16];
    private int size;

    KmerTable(int k) {
        this.k = k;
        long t = 1;
        for (int i = 1; i < k; i++) {
            t *= P;
        }
        this.top = t;
        Arrays.fill(slots, -1);
    }

    int size() {
        return size;
    }

    /** The hash of the k bases of {@code src} from {@code off}. */
    long hash(byte[] src, int off) {
        long h = 0;
        for (int i = off; i < off + k; i++) {
            h = h * P + src[i];
        }
        return h;
    }

    /** The hash of the k-mer after one with hash {@code h}: its first base {@code out} leaves, {@code in} enters. */
    long roll(long h, byte out, byte in) {
        return (h - out * top) * P + in;
    }

    /** The id of the k-mer at {@code src[off..off+k)} with hash {@code h}, or -1. */
    int find(long h, byte[] src, int off) {
        int mask = slots.length - 1;
        for (int s = slot(h, mask); ; s = (s + 1) & mask) {
            int id = slots[s];
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == h && Arrays.equals(bases, id * k, id * k + k, src, off, off + k)) {
                return id;
            }
        }
    }

    /** The id of that k-mer, added (with the next id) when absent. */
    int intern(long h, byte[] src, int off) {
        int id = find(h, src, off);
        return id >= 0 ? id : add(h, src, off);
    }

    /** Adds a k-mer known to be absent; gives its id. */
    int add(long h, byte[] src, int off) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (size == hashes.length) {
            int capacity = Math.max(64, size * 2);
            hashes = Arrays.copyOf(hashes, capacity);
            bases = Arrays.copyOf(bases, capacity * k);
        }
        int id = size++;
        hashes[id] = h;
        System.arraycopy(src, off, bases, id * k, k);
        place(id);
        return id;
    }

    /** The bases of k-mer {@code id}: {@code k} bytes from {@link #offset(int)} in this array (do not modify). */
    byte[] bases() {
        return bases;
    }

    int offset(int id) {
        return id * k;
    }

    String text(int id, int from, int to) {
        return new String(bases, id * k + from, to - from, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void grow() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        for (int id = 0; id < size; id++) {
            place(id);
        }
    }

    private void place(int id) {
        int mask = slots.length - 1;
        int s = slot(hashes[id], mask);
        while (slots[s] >= 0) {
            s = (s + 1) & mask;
        }
        slots[s] = id;
    }

    private static int slot(long h, int mask) {
        long z = (h ^ (h >>> 31)) * 0xbf58476d1ce4e5b9L;
        return (int) (z ^ (z >>> 29)) & mask;
    }
}
