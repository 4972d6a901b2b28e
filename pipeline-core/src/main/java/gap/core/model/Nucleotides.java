package gap.core.model;

/** Takes a base, gives its index in A, C, G, T order (-1 for N or anything else), as tallies and graphs count them. */
public final class Nucleotides {
    private Nucleotides() {}

    public static int code(byte base) {
        return switch (base) {
            case 'A' -> 0;
            case 'C' -> 1;
            case 'G' -> 2;
            case 'T' -> 3;
            default -> -1;
        };
    }
}
