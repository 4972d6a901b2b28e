package gap.core.model;

import java.util.Arrays;

/**
 * One aligned read as the calling stages see it, decoupled from htsjdk: 1-based {@code start} and {@code end} of the
 * aligned bases (clips excluded), bases and phred qualities in read order, and the CIGAR as parallel arrays of
 * operators ({@code M I D N S H P = X}) and lengths. The arrays are shared, not copied: stages never modify them.
 * {@code firstOfPair} is the SAM flag 0x40: with the strand it gives the fragment's pair orientation (F1R2 or F2R1),
 * which single-strand damage (oxoG, FFPE deamination) writes into one orientation only.
 */
public record AlignedRead(String name, int start, int end, byte[] bases, byte[] quals, byte[] cigarOps,
                          int[] cigarLengths, int mappingQuality, boolean negativeStrand, boolean firstOfPair) {

    /** A read that is not the first of a pair (a second mate, or unpaired). */
    public AlignedRead(String name, int start, int end, byte[] bases, byte[] quals, byte[] cigarOps,
                       int[] cigarLengths, int mappingQuality, boolean negativeStrand) {
        this(name, start, end, bases, quals, cigarOps, cigarLengths, mappingQuality, negativeStrand, false);
    }

    /**
     * Whether the read's fragment is F1R2 (first mate forward, second reverse) rather than F2R1, GATK's convention:
     * both mates of a pair give the same answer.
     */
    public boolean f1r2() {
        return firstOfPair != negativeStrand;
    }

    /** Builds a read from a CIGAR string, as tests write them: {@code of("r1", 100, "5M1I4M", "ACGTAACGTA", 30, 60)}. */
    public static AlignedRead of(String name, int start, String cigar, String bases, int baseQuality, int mapq) {
        byte[] quals = new byte[bases.length()];
        Arrays.fill(quals, (byte) baseQuality);
        return of(name, start, cigar, bases, quals, mapq, false);
    }

    public static AlignedRead of(String name, int start, String cigar, String bases, byte[] quals, int mapq,
                                 boolean negativeStrand) {
        int n = 0;
        for (char c : cigar.toCharArray()) {
            if (!Character.isDigit(c)) {
                n++;
            }
        }
        byte[] ops = new byte[n];
        int[] lengths = new int[n];
        int i = 0;
        int len = 0;
        int refSpan = 0;
        for (char c : cigar.toCharArray()) {
            if (Character.isDigit(c)) {
                len = len * 10 + (c - '0');
            } else {
                ops[i] = (byte) c;
                lengths[i++] = len;
                if (consumesReference((byte) c)) {
                    refSpan += len;
                }
                len = 0;
            }
        }
        return new AlignedRead(name, start, start + refSpan - 1, bases.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                quals, ops, lengths, mapq, negativeStrand);
    }

    public static boolean consumesReference(byte op) {
        return op == 'M' || op == 'D' || op == 'N' || op == '=' || op == 'X';
    }

    public static boolean consumesRead(byte op) {
        return op == 'M' || op == 'I' || op == 'S' || op == '=' || op == 'X';
    }

    public static boolean isAligned(byte op) {
        return op == 'M' || op == '=' || op == 'X';
    }

    public int length() {
        return bases.length;
    }

    public boolean overlaps(int from, int to) {
        return start <= to && end >= from;
    }

    @Override
    public String toString() {
        StringBuilder cigar = new StringBuilder();
        for (int i = 0; i < cigarOps.length; i++) {
            cigar.append(cigarLengths[i]).append((char) cigarOps[i]);
        }
        return name + "@" + start + ":" + cigar;
    }
}
