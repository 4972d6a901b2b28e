package gap.core.concordance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes the truth and call alleles of one cluster that exact matching left over, gives the largest subsets of both
 * that spell the same two haplotypes over the cluster's span, as vcfeval and hap.py compare: one haplotype written
 * as one complex record on one side and as separate records (or split another way) on the other then matches.
 *
 * <p>Phase is not read. Each allele may sit on the first haplotype, the second, both, or neither (left out: an FP or
 * FN); a het on both haplotypes or a hom-alt on one is how a wrong zygosity still matches. Among the assignments
 * whose haplotype pairs agree (other than the reference pair), the one with the most alleles wins, then one where
 * every kept allele sits on as many haplotypes as its copy number on both sides (the genotypes agree), then the
 * first in a fixed enumeration order.
 */
final class HaplotypeComparison {
    /** Clusters with more alleles on a side are not compared: a side costs 4^n assignments. */
    static final int MAX_ALLELES_PER_SIDE = 8;

    /** The alleles that agree, and whether their copy numbers agree too. */
    record Outcome(List<AtomicAllele> truth, List<AtomicAllele> calls, boolean genotypesAgree) {}

    private HaplotypeComparison() {}

    /**
     * Compares one cluster (alleles of one contig, each side at most {@link #MAX_ALLELES_PER_SIDE}); empty when no
     * non-empty subsets of both sides agree.
     */
    static Optional<Outcome> compare(List<AtomicAllele> truth, Map<AtomicAllele, Integer> truthCopies,
                                     List<AtomicAllele> calls, Map<AtomicAllele, Integer> callCopies,
                                     ReferenceBases reference) {
        if (truth.isEmpty() || calls.isEmpty()) {
            return Optional.empty();
        }
        if (truth.size() > MAX_ALLELES_PER_SIDE || calls.size() > MAX_ALLELES_PER_SIDE) {
            throw new IllegalArgumentException("cluster too large to compare");
        }
        String contig = truth.get(0).contig();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (List<AtomicAllele> side : List.of(truth, calls)) {
            for (AtomicAllele a : side) {
                from = Math.min(from, a.pos());
                to = Math.max(to, a.pos() + a.ref().length() - 1);
            }
        }
        String window = reference.bases(contig, from, to);
        Map<String, Integer> ids = new HashMap<>();
        int refId = ids.computeIfAbsent(window, k -> ids.size());
        long refPair = pair(refId, refId);
        Side t = new Side(truth, truthCopies, window, from, ids, refPair);
        Side c = new Side(calls, callCopies, window, from, ids, refPair);
        Best[] winner = null;
        for (Map.Entry<Long, Best> e : t.any.entrySet()) {
            Best callsAny = c.any.get(e.getKey());
            if (callsAny == null) {
                continue;
            }
            winner = better(winner, e.getValue(), callsAny);
            Best truthGenotyped = t.genotyped.get(e.getKey());
            Best callsGenotyped = c.genotyped.get(e.getKey());
            if (truthGenotyped != null && callsGenotyped != null) {
                winner = better(winner, truthGenotyped, callsGenotyped);
            }
        }
        if (winner == null) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(t.kept(winner[0]), c.kept(winner[1]),
                winner[0].genotyped() && winner[1].genotyped()));
    }

    /** The better of {@code current} and the pair (truth, calls): more alleles, then genotypes agreeing. */
    private static Best[] better(Best[] current, Best truth, Best calls) {
        if (current == null) {
            return new Best[] {truth, calls};
        }
        int total = truth.count() + calls.count();
        int currentTotal = current[0].count() + current[1].count();
        boolean genotyped = truth.genotyped() && calls.genotyped();
        boolean currentGenotyped = current[0].genotyped() && current[1].genotyped();
        if (total > currentTotal || total == currentTotal && genotyped && !currentGenotyped) {
            return new Best[] {truth, calls};
        }
        return current;
    }

    /** An unordered pair of haplotype ids as one key. */
    private static long pair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** One assignment: the subsets of alleles on each haplotype (bit i = allele i of the side's order). */
    private record Best(int count, int first, int second, boolean genotyped) {}

    /** The replacement of reference bases [start, end) (1-based, half-open) by {@code bases}; start = end inserts. */
    private record Edit(long start, long end, String bases) {
        static Edit of(AtomicAllele a) {
            int prefix = 0;
            while (prefix < a.ref().length() - 1 && prefix < a.alt().length() - 1
                    && a.ref().charAt(prefix) == a.alt().charAt(prefix)) {
                prefix++;
            }
            if (a.ref().length() != a.alt().length() && a.ref().charAt(0) == a.alt().charAt(0)) {
                prefix = Math.max(prefix, 1); // the anchor base of an indel is not part of the change
            }
            return new Edit(a.pos() + prefix, a.pos() + a.ref().length(), a.alt().substring(prefix));
        }

        boolean insertion() {
            return start == end;
        }
    }

    /** One side of a cluster: the haplotype each subset of its alleles spells, and its best assignments by pair. */
    private static final class Side {
        private final List<AtomicAllele> alleles = new ArrayList<>();
        private final Map<Long, Best> any = new LinkedHashMap<>();
        private final Map<Long, Best> genotyped = new HashMap<>();

        Side(List<AtomicAllele> unordered, Map<AtomicAllele, Integer> copies, String window, long from,
             Map<String, Integer> ids, long refPair) {
            List<Edit> edits = new ArrayList<>();
            unordered.stream().sorted(Comparator.comparing(Edit::of, Comparator.comparingLong(Edit::start)
                    .thenComparingLong(Edit::end).thenComparing(Edit::bases))).forEach(a -> {
                        alleles.add(a);
                        edits.add(Edit.of(a));
                    });
            int subsets = 1 << alleles.size();
            int homMask = 0;
            for (int i = 0; i < alleles.size(); i++) {
                homMask |= copies.get(alleles.get(i)) >= 2 ? 1 << i : 0;
            }
            int[] haplotype = new int[subsets];
            for (int mask = 0; mask < subsets; mask++) {
                String spelled = spell(window, from, edits, mask);
                haplotype[mask] = spelled == null ? -1 : ids.computeIfAbsent(spelled, k -> ids.size());
            }
            for (int first = 0; first < subsets; first++) {
                for (int second = first; second < subsets; second++) {
                    int kept = first | second;
                    if (kept == 0 || haplotype[first] < 0 || haplotype[second] < 0) {
                        continue;
                    }
                    long key = pair(haplotype[first], haplotype[second]);
                    if (key == refPair) {
                        continue; // alleles that cancel out match nothing
                    }
                    Best b = new Best(Integer.bitCount(kept), first, second, (first & second) == (kept & homMask));
                    keep(any, key, b);
                    if (b.genotyped()) {
                        keep(genotyped, key, b);
                    }
                }
            }
        }

        private static void keep(Map<Long, Best> best, long key, Best candidate) {
            Best current = best.get(key);
            if (current == null || candidate.count() > current.count()) {
                best.put(key, candidate);
            }
        }

        List<AtomicAllele> kept(Best b) {
            List<AtomicAllele> out = new ArrayList<>();
            for (int i = 0; i < alleles.size(); i++) {
                if (((b.first() | b.second()) & (1 << i)) != 0) {
                    out.add(alleles.get(i));
                }
            }
            return out;
        }
    }

    /**
     * The window with the edits of {@code mask} applied, or null when two of them cannot share a haplotype (they
     * overlap, or insert at the same point). {@code edits} are sorted by start, insertions first.
     */
    private static String spell(String window, long from, List<Edit> edits, int mask) {
        StringBuilder out = new StringBuilder(window.length() + 16);
        int cursor = 0;
        Edit previous = null;
        for (int i = 0; i < edits.size(); i++) {
            if ((mask & (1 << i)) == 0) {
                continue;
            }
            Edit e = edits.get(i);
            int start = (int) (e.start() - from);
            if (start < cursor || previous != null && previous.insertion() && e.insertion()
                    && previous.start() == e.start()) {
                return null;
            }
            out.append(window, cursor, start).append(e.bases());
            cursor = (int) (e.end() - from);
            previous = e;
        }
        return out.append(window, cursor, window.length()).toString();
    }
}
