package gap.core.calling;

import gap.core.model.AlignedRead;
import gap.core.model.RefWindow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one sample's reads over a stretch of reference, gives every position's reference confidence: log10 P(bases |
 * genotype) for hom-ref, het REF/{@code <NON_REF>} and hom-{@code <NON_REF>}, and the depth, as GATK's
 * ReferenceConfidenceModel computes them from the pileup: a base matching the reference is REF with probability
 * 1 - e (e from its quality) and any other allele with e / 3, a mismatching base the reverse; a deletion is evidence
 * against REF at GATK's fixed Q30; bases under Q6 are left out. Two mates of one fragment that both align a base
 * count once, merged as calling merges them (agreeing: both reads' evidence; disagreeing: the better base with the
 * difference of the qualities). GATK's indel-informative-read term is not modelled.
 * Allele-aware where bases disagree with the reference: a position's mismatching bases are kept, so that
 * {@link #alleles} can give its likelihoods over REF, each base seen and {@code <NON_REF>} (a base then supports only
 * its own allele, as a read likelihood against a specific allele does in joint calling from reads: a parent's one
 * error base T is no evidence for the child's de novo A). A deletion stays evidence for any non-reference allele.
 */
public final class ReferenceConfidence {
    /** GATK's minimum base quality for the reference model. */
    static final int MIN_BASE_QUALITY = 6;
    /** GATK's REF_MODEL_DELETION_QUAL. */
    static final int DELETION_QUALITY = 30;
    private static final double LOG10_HALF = StrictMath.log10(0.5);
    /**
     * Per base quality (a byte: 0..127), the three terms a base adds to hom-ref, het and hom-{@code <NON_REF>} when it
     * matches the reference ({@code [0]}) and when it is a deletion ({@code [1]}), and the error rate a mismatch is
     * weighed with: every base of every read passes here, and a pow and four log10s per base were most of a gVCF
     * call's time. The tables hold the very values the formulas give, so the bytes written do not change.
     */
    private static final double[][][] TERMS = new double[2][128][];
    private static final double[] ERROR = new double[128];

    static {
        for (int q = 0; q < 128; q++) {
            double e = StrictMath.pow(10, -q / 10.0);
            ERROR[q] = e;
            TERMS[0][q] = terms(1 - e, e / 3);
            TERMS[1][q] = terms(e / 3, 1 - e);
        }
    }

    /** The terms a base of {@code quality} adds to hom-ref, het and hom-{@code <NON_REF>} (matching REF or a deletion). */
    static double[] terms(int quality, boolean matchesRef) {
        return TERMS[matchesRef ? 0 : 1][quality].clone();
    }

    private static double[] terms(double ref, double nonRef) {
        return new double[] {StrictMath.log10(ref), LOG10_HALF + StrictMath.log10(ref + nonRef),
                StrictMath.log10(nonRef)};
    }

    private final int from;
    private final double[] homRef;
    private final double[] het;
    private final double[] homNonRef;
    private final int[] depth;
    /**
     * Per position (index: position - from), its mismatching bases, each as {@code base << 8 | quality}, in read order;
     * null where none. An array, not a map keyed by position: every position is looked up when blocks are made.
     */
    private final List<Integer>[] mismatches;

    /** A position's likelihoods over REF, its mismatching bases and NON_REF (VCF diploid order), and those alleles. */
    public record Alleles(List<String> alleles, double[] log10) {}

    private ReferenceConfidence(int from, int length) {
        this.from = from;
        this.homRef = new double[length];
        this.het = new double[length];
        this.homNonRef = new double[length];
        this.depth = new int[length];
        @SuppressWarnings("unchecked")
        List<Integer>[] none = new List[length];
        this.mismatches = none;
    }

    /** The confidence of positions {@code from..to} of {@code ref}'s contig from {@code reads} (in start order). */
    public static ReferenceConfidence measure(List<AlignedRead> reads, RefWindow ref, int from, int to) {
        ReferenceConfidence rc = new ReferenceConfidence(from, to - from + 1);
        Map<String, AlignedRead[]> mates = new HashMap<>();
        for (AlignedRead read : reads) {
            if (read.overlaps(from, to)) {
                AlignedRead[] pair = mates.computeIfAbsent(read.name(), k -> new AlignedRead[2]);
                if (pair[0] == null) {
                    pair[0] = read;
                } else if (pair[1] == null) {
                    pair[1] = read;
                }
            }
        }
        for (AlignedRead read : reads) {
            if (!read.overlaps(from, to)) {
                continue;
            }
            AlignedRead[] pair = mates.get(read.name());
            boolean paired = pair[1] != null;
            if (paired && read == pair[0]) {
                rc.add(read, ref, to, pair[1], true);
            } else if (paired && read == pair[1]) {
                rc.add(read, ref, to, pair[0], false);
            } else {
                rc.add(read, ref, to, null, false);
            }
        }
        return rc;
    }

    /**
     * Adds the read's bases in {@code from..to}. Two overlapping mates count once where both align, merged as calling
     * merges them ({@link PileupBuilder#mergeBase}): the first mate ({@code leaveToMate}) leaves the span of its
     * {@code mate} to it, and the second takes the first's base or deletion there, merged with its own base when
     * both are bases (a Q22 error in one mate against the other's reference base is then the Q7 it is in calling).
     */
    private void add(AlignedRead read, RefWindow ref, int to, AlignedRead mate, boolean leaveToMate) {
        int start = Math.max(from, read.start());
        int end = Math.min(to, read.end());
        if (end < start) {
            return;
        }
        byte[][] own = observations(read, start, end);
        int lo = mate == null ? 0 : Math.max(from, mate.start());
        int hi = mate == null ? -1 : Math.min(to, mate.end());
        byte[][] first = mate == null || leaveToMate || hi < lo ? null : observations(mate, lo, hi);
        for (int p = start; p <= end; p++) {
            if (leaveToMate && p >= lo && p <= hi) {
                continue;
            }
            byte base = own[0][p - start];
            byte quality = own[1][p - start];
            byte mateBase = first == null || p < lo || p > hi ? 0 : first[0][p - lo];
            if (mateBase != 0 && (base == 0 || base == '-' || mateBase == '-')) {
                base = mateBase; // the first mate's observation, as when it alone counted
                quality = first[1][p - lo];
            } else if (mateBase != 0) {
                int merged = PileupBuilder.mergeBase(mateBase, first[1][p - lo], base, quality);
                base = (byte) (merged >> 8);
                quality = (byte) merged;
            }
            if (base != 0) {
                observe(p, base, quality, ref.base(p));
            }
        }
    }

    /** The read's base (or '-' for a deletion, 0 for none) and quality at each position of {@code lo..hi}. */
    private static byte[][] observations(AlignedRead read, int lo, int hi) {
        byte[][] out = new byte[2][hi - lo + 1];
        byte[] ops = read.cigarOps();
        int[] lengths = read.cigarLengths();
        int refPos = read.start();
        int readPos = 0;
        for (int c = 0; c < ops.length && refPos <= hi; c++) {
            byte op = ops[c];
            for (int i = 0; i < lengths[c] && AlignedRead.consumesReference(op); i++) {
                int p = refPos + i;
                if (p >= lo && p <= hi && (AlignedRead.isAligned(op) || op == 'D')) {
                    out[0][p - lo] = AlignedRead.isAligned(op) ? read.bases()[readPos + i] : (byte) '-';
                    out[1][p - lo] = AlignedRead.isAligned(op) ? read.quals()[readPos + i] : (byte) DELETION_QUALITY;
                }
            }
            refPos += AlignedRead.consumesReference(op) ? lengths[c] : 0;
            readPos += AlignedRead.consumesRead(op) ? lengths[c] : 0;
        }
        return out;
    }

    private void observe(int position, byte base, byte quality, byte refBase) {
        int i = position - from;
        depth[i]++;
        if (quality < MIN_BASE_QUALITY || upper(refBase) == 'N') {
            return;
        }
        boolean isRef = upper(base) == upper(refBase);
        if (!isRef && base != '-') {
            if (mismatches[i] == null) {
                mismatches[i] = new java.util.ArrayList<>(2);
            }
            mismatches[i].add(upper(base) << 8 | quality);
            return;
        }
        double[] t = TERMS[isRef ? 0 : 1][quality];
        homRef[i] += t[0];
        het[i] += t[1];
        homNonRef[i] += t[2];
    }

    private static int upper(byte b) {
        return Character.toUpperCase((char) b);
    }

    /** Fragments with a base or a deletion at {@code position}, whatever their quality. */
    public int depth(int position) {
        return depth[position - from];
    }

    /** log10 likelihoods of hom-ref, het and hom-{@code <NON_REF>} at {@code position}, every mismatch non-ref. */
    public double[] log10(int position) {
        int i = position - from;
        double[] gl = {homRef[i], het[i], homNonRef[i]};
        for (int m : mismatchesAt(i)) {
            double e = error(m & 0xff);
            gl[0] += StrictMath.log10(e / 3);
            gl[1] += LOG10_HALF + StrictMath.log10(1 - e + e / 3);
            gl[2] += StrictMath.log10(1 - e);
        }
        return gl;
    }

    /** Whether some base at {@code position} disagrees with the reference (a deletion aside). */
    public boolean hasMismatch(int position) {
        return mismatches[position - from] != null;
    }

    /**
     * The likelihoods at {@code position} over REF, each base seen there that is not the reference (ascending) and
     * {@code <NON_REF>}: a base supports its own allele only (any other 1 - e against e / 3), the reference bases
     * and deletions as in {@link #log10}.
     */
    public Alleles alleles(int position, char refBase) {
        int i = position - from;
        List<Integer> seen = mismatchesAt(i);
        List<String> alleles = new java.util.ArrayList<>(List.of(String.valueOf(refBase)));
        seen.stream().map(m -> m >> 8).distinct().sorted().forEach(b -> alleles.add(String.valueOf((char) (int) b)));
        int k = alleles.size() + 1;
        double[] gl = new double[gap.core.model.GenotypeLikelihoods.genotypeCount(k)];
        for (int hi = 0; hi < k; hi++) {
            for (int lo = 0; lo <= hi; lo++) {
                double v = lo == 0 && hi == 0 ? homRef[i] : lo == 0 ? het[i] : homNonRef[i];
                for (int m : seen) {
                    double e = error(m & 0xff);
                    v += StrictMath.log10(0.5 * support(m >> 8, lo, alleles, e)
                            + 0.5 * support(m >> 8, hi, alleles, e));
                }
                gl[gap.core.model.GenotypeLikelihoods.index(lo, hi)] = v;
            }
        }
        return new Alleles(alleles, gl);
    }

    private List<Integer> mismatchesAt(int i) {
        return mismatches[i] == null ? List.of() : mismatches[i];
    }

    /** P(base | allele {@code a}): 1 - e for the base's own allele (never REF or NON_REF here), else e / 3. */
    private static double support(int base, int a, List<String> alleles, double e) {
        return a > 0 && a < alleles.size() && alleles.get(a).charAt(0) == base ? 1 - e : e / 3;
    }

    private static double error(int quality) {
        return ERROR[quality];
    }

    /** PL of hom-ref, het, hom-{@code <NON_REF>}: phred, best 0, rounded. */
    public int[] pl(int position) {
        return new gap.core.model.GenotypeLikelihoods(2, log10(position)).toPL();
    }

    /** GQ of hom-ref: the smaller of the other two PLs when hom-ref is the likeliest (capped at 99), else 0. */
    public static int homRefQuality(int[] pl) {
        return pl[0] != 0 ? 0 : VariantCaller.qualityOf(pl);
    }
}
