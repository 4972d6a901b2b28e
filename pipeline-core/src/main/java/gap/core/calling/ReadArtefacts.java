package gap.core.calling;

import gap.core.model.AlignedRead;
import gap.core.model.Pileup;
import gap.core.model.RefWindow;
import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes an annotated call with its samples' reads, likelihoods and the reference, gives the call with what the reads
 * beyond the site say of artefacts, for the scorer: NMBZ and NMD (the alt reads' own differences from the reference
 * against the ref reads': a paralogue's reads carry many), SCD (soft clips) and ENDD (site at a read end) as alt minus
 * ref fractions, ABQR (the alt base's quality relative to its read's mean), and RPU/RPL (the reference tandem repeat
 * at the site). Every value compares reads with reads of the same site or with themselves, never with an absolute
 * quality, so it means the same on Q20 and Q37 reads. A read supports ALT or REF by its fragment's informative allele,
 * as for AD; each mate covering the site counts as one read, as bcftools counts them.
 */
public final class ReadArtefacts {
    /** A site within this fraction of the read's length of either end is at a read end. */
    static final double END_FRACTION = 0.1;
    static final int MAX_UNIT = 6;
    static final int MIN_REPEAT = 4;
    /** How far a repeat tract is followed (bp): beyond, RPL is capped (and the answer does not depend on a shard). */
    static final int MAX_TRACT = 50;

    /** One read's part: its differences from the reference, clip, end position and relative site quality. */
    record ReadFacts(int mismatches, boolean clipped, boolean atEnd, double relativeQuality) {}

    /** The call with NMBZ, NMD, SCD, ENDD, ABQR, RPU and RPL added (each left out when its reads are lacking). */
    public VariantCall annotate(VariantCall call, List<Pileup> pileups, List<ReadLikelihoods> likelihoods,
                                List<List<AlignedRead>> reads, RefWindow ref) {
        int[] alleles = Annotator.siteAlleles(call, pileups.get(0));
        int pos = call.position();
        int last = pos + call.ref().length() - 1;
        List<ReadFacts> alt = new ArrayList<>();
        List<ReadFacts> refReads = new ArrayList<>();
        for (int s = 0; s < likelihoods.size(); s++) {
            Map<String, Integer> side = sides(likelihoods.get(s), alleles);
            for (AlignedRead read : reads.get(s)) {
                Integer best = side.get(read.name());
                if (best == null || read.start() > pos || read.end() < pos) {
                    continue;
                }
                ReadFacts f = facts(read, ref, pos, last);
                (best == 0 ? refReads : alt).add(f);
            }
        }
        Map<String, Object> info = new LinkedHashMap<>(call.info());
        if (!alt.isEmpty()) {
            double[] a = alt.stream().mapToDouble(ReadFacts::mismatches).toArray();
            double[] r = refReads.stream().mapToDouble(ReadFacts::mismatches).toArray();
            double z = MannWhitneyU.zScore(a, r);
            if (Double.isFinite(z)) {
                put(info, InfoField.NMBZ, z);
            }
            if (r.length > 0) {
                put(info, InfoField.NMD, mean(a) - mean(r));
            }
            put(info, InfoField.SCD, fraction(alt, ReadFacts::clipped) - fraction(refReads, ReadFacts::clipped));
            put(info, InfoField.ENDD, fraction(alt, ReadFacts::atEnd) - fraction(refReads, ReadFacts::atEnd));
            double q = mean(alt.stream().mapToDouble(ReadFacts::relativeQuality).filter(Double::isFinite).toArray());
            if (Double.isFinite(q)) {
                put(info, InfoField.ABQR, q);
            }
        }
        int[] repeat = repeat(ref, pos, Math.max(pos, last));
        info.put(InfoField.RPU.key(), repeat[0]);
        info.put(InfoField.RPL.key(), repeat[1]);
        return call.withInfo(info);
    }

    /** Each informative fragment's best allele (0 = REF, else an ALT), by fragment name. */
    static Map<String, Integer> sides(ReadLikelihoods likelihoods, int[] alleles) {
        Map<String, Integer> side = new HashMap<>();
        for (int r = 0; r < likelihoods.readCount(); r++) {
            int best = likelihoods.informativeAllele(r, alleles);
            if (best >= 0) {
                side.put(likelihoods.evidence().get(r).fragment(), best);
            }
        }
        return side;
    }

    /**
     * A read's differences from the reference outside {@code [first, last]} (each mismatched base and each indel
     * event once; N bases on either side are no difference), whether it is soft-clipped, whether its base at
     * {@code first} lies in its outer tenth, and that base's quality over the read's mean (NaN when deleted there).
     */
    static ReadFacts facts(AlignedRead read, RefWindow ref, int first, int last) {
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        int refPos = read.start();
        int readPos = 0;
        int mismatches = 0;
        boolean clipped = false;
        int offset = -1;
        for (int c = 0; c < ops.length; c++) {
            byte op = ops[c];
            int len = lens[c];
            if (AlignedRead.isAligned(op)) {
                for (int i = 0; i < len; i++) {
                    int p = refPos + i;
                    if (p == first) {
                        offset = readPos + i;
                    }
                    if ((p < first || p > last) && differs(read.bases()[readPos + i], ref.base(p))) {
                        mismatches++;
                    }
                }
            } else if (op == 'I' || op == 'D') {
                // an insertion follows base refPos - 1; a deletion covers refPos..refPos+len-1
                int end = op == 'I' ? refPos : refPos + len - 1;
                boolean atSite = end >= first && refPos - 1 <= last;
                mismatches += atSite ? 0 : 1;
            } else if (op == 'S') {
                clipped = true;
            }
            refPos += AlignedRead.consumesReference(op) ? len : 0;
            readPos += AlignedRead.consumesRead(op) ? len : 0;
        }
        int n = read.length();
        boolean atEnd = offset >= 0 && Math.min(offset, n - 1 - offset) < END_FRACTION * n;
        return new ReadFacts(mismatches, clipped, atEnd, offset < 0 ? Double.NaN : read.quals()[offset] / meanQuality(read));
    }

    private static boolean differs(byte readBase, byte refBase) {
        int a = Character.toUpperCase(readBase);
        int b = Character.toUpperCase(refBase);
        return a != 'N' && b != 'N' && a != b;
    }

    private static double meanQuality(AlignedRead read) {
        long sum = 0;
        for (byte q : read.quals()) {
            sum += q;
        }
        return read.quals().length == 0 || sum == 0 ? Double.NaN : (double) sum / read.quals().length;
    }

    /**
     * The longest reference tandem repeat (unit 1..{@value #MAX_UNIT} bases, at least two units and
     * {@value #MIN_REPEAT} bases) holding a base of {@code [from - 1, to + 1]}: {unit, length}, {0, 0} when none. Of
     * equal lengths the shorter unit wins; a tract is followed at most {@value #MAX_TRACT} bases each way.
     */
    static int[] repeat(RefWindow ref, int from, int to) {
        int bestUnit = 0;
        int bestLength = 0;
        for (int u = 1; u <= MAX_UNIT; u++) {
            for (int p = from - 1 - u; p <= to + 1; p++) {
                if (!periodic(ref, p, u)) {
                    continue;
                }
                // the maximal run s..e of positions q with ref[q] == ref[q + u]: the tract is s..e+u
                int s = p;
                while (s > p - MAX_TRACT && periodic(ref, s - 1, u)) {
                    s--;
                }
                int e = p;
                while (e < p + MAX_TRACT && periodic(ref, e + 1, u)) {
                    e++;
                }
                int length = e + u - s + 1;
                if (e + u >= from - 1 && length >= 2 * u && length >= MIN_REPEAT && length > bestLength) {
                    bestUnit = u;
                    bestLength = length;
                }
                p = e;
            }
        }
        return new int[] {bestUnit, bestLength};
    }

    private static boolean periodic(RefWindow ref, int p, int u) {
        byte b = ref.base(p);
        return b != 'N' && b == ref.base(p + u);
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }

    private static double fraction(List<ReadFacts> reads, java.util.function.Predicate<ReadFacts> test) {
        return reads.isEmpty() ? 0 : (double) reads.stream().filter(test).count() / reads.size();
    }

    private static void put(Map<String, Object> info, InfoField field, double v) {
        info.put(field.key(), field.round(v));
    }
}
