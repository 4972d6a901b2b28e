package gap.core.calling;

/**
 * Takes a read's bases, gives the gap-open probability of each of its positions for the pair-HMM: GATK's default
 * indel quality, capped by its PCR indel model where the read itself sits in a tandem repeat, so stutter in the read's
 * own repeat (not the site's reference repeat) is what raises the chance of a length error there. The cap for a repeat
 * of n units (unit 1 to {@value #MAX_UNIT} bases, n at most {@value #MAX_UNITS}) is
 * {@code max(10, round(40 - exp(n / (rateFactor * pi)) + 1))}; a rate factor of 0 (GATK's NONE, for PCR-free
 * libraries) leaves every position at the default.
 */
final class PcrIndelModel {
    static final int MAX_UNIT = 8;
    static final int MAX_UNITS = 20;

    private final double[] gapOpenByUnits = new double[MAX_UNITS + 1];

    /** @param defaultQ the indel quality without a repeat (GATK: 45); @param rateFactor GATK's 3 (CONSERVATIVE) */
    PcrIndelModel(double defaultQ, double rateFactor) {
        for (int n = 0; n <= MAX_UNITS; n++) {
            double q = defaultQ;
            if (rateFactor > 0) {
                q = Math.min(q, Math.max(10, Math.round(40 - StrictMath.exp(n / (rateFactor * Math.PI)) + 1)));
            }
            gapOpenByUnits[n] = StrictMath.pow(10, -q / 10);
        }
    }

    /** Gap-open probability per read position (the transition into that base's row). */
    double[] gapOpen(byte[] bases) {
        double[] out = new double[bases.length];
        for (int i = 0; i < bases.length; i++) {
            out[i] = gapOpenByUnits[repeatUnits(bases, i)];
        }
        return out;
    }

    /**
     * Units of the tandem repeat the read is in at position {@code i}: the repeat ending at {@code i} (its shortest
     * unit seen at least twice, else the base itself) and the one starting after it, added when they share a unit;
     * else the one starting after it with the copies of its unit that end at {@code i} (as GATK counts them). At
     * most {@value #MAX_UNITS}.
     */
    static int repeatUnits(byte[] b, int i) {
        int bwUnit = 1; // a base not repeated is a unit of one, once
        int bw = copiesBackward(b, i, 1, i);
        for (int u = 1; u <= MAX_UNIT && i + 1 - u >= 0; u++) {
            int n = copiesBackward(b, i - u + 1, u, i);
            if (n > 1) {
                bwUnit = u;
                bw = n;
                break;
            }
        }
        int fwUnit = i + 1 < b.length ? 1 : 0;
        int fw = fwUnit == 0 ? 0 : copiesForward(b, i + 1, 1);
        for (int u = 1; u <= MAX_UNIT && i + 1 + u <= b.length; u++) {
            int n = copiesForward(b, i + 1, u);
            if (n > 1) {
                fwUnit = u;
                fw = n;
                break;
            }
        }
        int total;
        if (fwUnit == 0) {
            total = bw;
        } else if (fwUnit == bwUnit && same(b, i + 1, i - bwUnit + 1, fwUnit)) {
            total = bw + fw;
        } else {
            total = fw + copiesBackward(b, i + 1, fwUnit, i);
        }
        return Math.min(MAX_UNITS, total);
    }

    /** Copies of the unit {@code b[unitStart, unitStart + u)} ending at or before {@code end}, counted backward. */
    private static int copiesBackward(byte[] b, int unitStart, int u, int end) {
        int n = 0;
        for (int s = end - u + 1; s >= 0; s -= u) {
            if (!same(b, s, unitStart, u)) {
                break;
            }
            n++;
        }
        return n;
    }

    /** Copies of the unit {@code b[start, start + u)} from {@code start} on. */
    private static int copiesForward(byte[] b, int start, int u) {
        int n = 0;
        for (int s = start; s + u <= b.length; s += u) {
            if (!same(b, s, start, u)) {
                break;
            }
            n++;
        }
        return n;
    }

    /**
     * Whether {@code b[x, x + u)} and {@code b[y, y + u)} hold the same bases: units are 1 to {@value #MAX_UNIT}
     * bases, too short for the set-up of {@code Arrays.equals} over ranges to pay, and this runs for every unit size
     * at every base of every read at every site.
     */
    private static boolean same(byte[] b, int x, int y, int u) {
        for (int k = 0; k < u; k++) {
            if (b[x + k] != b[y + k]) {
                return false;
            }
        }
        return true;
    }
}
