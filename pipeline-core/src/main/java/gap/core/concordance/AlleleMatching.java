package gap.core.concordance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes both sides' alleles, gives which of them match: first on exact (contig, POS, REF, ALT); then the alleles
 * left over are grouped into clusters of nearby alleles, and within each cluster the subsets that spell the same
 * haplotypes on both sides match too ({@link HaplotypeComparison}), as vcfeval and hap.py count them.
 *
 * <p>Two left-over alleles share a cluster when their extents lie within {@value #CLUSTER_GAP} bp of each other; the
 * extent of an indel runs from its POS to the last base any equivalent placement touches (it slides right through
 * a repeat), so a left-aligned indel stays with the alleles of the event it came from.
 */
public final class AlleleMatching {
    /** Left-over alleles this close (bp between extents) share a cluster. */
    public static final int CLUSTER_GAP = 10;

    /** How alleles match: on exact (contig, POS, REF, ALT) only, or also by haplotype sequence in clusters. */
    public enum Mode { EXACT, HAPLOTYPE }

    /**
     * Which alleles matched.
     *
     * @param truthMatched      truth alleles matched (TP)
     * @param callsMatched      call alleles matched (TP on the calls side)
     * @param genotypeMatched   matched truth alleles whose copy number the calls get right
     * @param matchedByFiltered matched truth alleles whose match needs a call allele only filtered records carry
     * @param clusters          clusters of left-over alleles with alleles on both sides
     * @param clustersMatched   of them, those where some alleles matched by haplotype sequence
     * @param clustersTooLarge  of them, those not compared (more than {@value HaplotypeComparison#MAX_ALLELES_PER_SIDE}
     *                          alleles on a side): their alleles stay unmatched
     */
    public record Matches(Set<AtomicAllele> truthMatched, Set<AtomicAllele> callsMatched,
                          Set<AtomicAllele> genotypeMatched, Set<AtomicAllele> matchedByFiltered, int clusters,
                          int clustersMatched, int clustersTooLarge) {}

    private AlleleMatching() {}

    public static Matches match(GenotypedAlleles truth, GenotypedAlleles calls, ReferenceBases reference, Mode mode) {
        Set<AtomicAllele> truthMatched = new HashSet<>();
        Set<AtomicAllele> callsMatched = new HashSet<>();
        Set<AtomicAllele> genotypeMatched = new HashSet<>();
        Set<AtomicAllele> byFiltered = new HashSet<>();
        truth.copies().forEach((allele, copies) -> {
            Integer callCopies = calls.copies().get(allele);
            if (callCopies != null) {
                truthMatched.add(allele);
                callsMatched.add(allele);
                if (callCopies.equals(copies)) {
                    genotypeMatched.add(allele);
                }
                if (!calls.passes(allele)) {
                    byFiltered.add(allele);
                }
            }
        });
        int[] clusters = new int[3]; // with both sides, matched, too large
        if (mode == Mode.HAPLOTYPE) {
            for (Cluster c : clusters(leftOver(truth, truthMatched, true, reference),
                    leftOver(calls, callsMatched, false, reference))) {
                if (c.truth().isEmpty() || c.calls().isEmpty()) {
                    continue;
                }
                clusters[0]++;
                if (c.truth().size() > HaplotypeComparison.MAX_ALLELES_PER_SIDE
                        || c.calls().size() > HaplotypeComparison.MAX_ALLELES_PER_SIDE) {
                    clusters[2]++;
                    continue;
                }
                Optional<HaplotypeComparison.Outcome> o = HaplotypeComparison.compare(c.truth(), truth.copies(),
                        c.calls(), calls.copies(), reference);
                if (o.isPresent()) {
                    clusters[1]++;
                    truthMatched.addAll(o.get().truth());
                    callsMatched.addAll(o.get().calls());
                    if (o.get().genotypesAgree()) {
                        genotypeMatched.addAll(o.get().truth());
                    }
                    if (!o.get().calls().stream().allMatch(calls::passes)) {
                        byFiltered.addAll(o.get().truth());
                    }
                }
            }
        }
        return new Matches(Set.copyOf(truthMatched), Set.copyOf(callsMatched), Set.copyOf(genotypeMatched),
                Set.copyOf(byFiltered), clusters[0], clusters[1], clusters[2]);
    }

    /** One allele left over by exact matching, with the reference bases its placements can touch. */
    private record Extent(AtomicAllele allele, boolean truth, long from, long to) {}

    /** Nearby left-over alleles of both sides, in genome order within a contig. */
    record Cluster(List<AtomicAllele> truth, List<AtomicAllele> calls) {}

    private static List<Extent> leftOver(GenotypedAlleles side, Set<AtomicAllele> matched, boolean truth,
                                         ReferenceBases reference) {
        List<Extent> out = new ArrayList<>();
        for (AtomicAllele a : side.copies().keySet()) {
            if (!matched.contains(a)) {
                out.add(new Extent(a, truth, a.pos(), lastBase(a, reference)));
            }
        }
        return out;
    }

    static List<Cluster> clusters(List<Extent> truth, List<Extent> calls) {
        List<Extent> all = new ArrayList<>(truth);
        all.addAll(calls);
        all.sort(Comparator.comparing((Extent e) -> e.allele().contig()).thenComparingLong(Extent::from)
                .thenComparingLong(Extent::to).thenComparing(e -> e.allele().toString())
                .thenComparing(Extent::truth));
        List<Cluster> out = new ArrayList<>();
        Cluster current = null;
        String contig = null;
        long end = 0;
        for (Extent e : all) {
            if (current == null || !e.allele().contig().equals(contig) || e.from() > end + CLUSTER_GAP) {
                current = new Cluster(new ArrayList<>(), new ArrayList<>());
                out.add(current);
                contig = e.allele().contig();
                end = e.to();
            }
            (e.truth() ? current.truth() : current.calls()).add(e.allele());
            end = Math.max(end, e.to());
        }
        return out;
    }

    /**
     * The last reference base an allele's equivalent placements touch: an SNV's own base; for an indel (anchor base
     * first), its deleted bases or the base its insertion precedes, slid right while the sequence rotates through
     * the reference.
     */
    static long lastBase(AtomicAllele a, ReferenceBases reference) {
        String ref = a.ref();
        String alt = a.alt();
        long last = a.pos() + ref.length() - 1;
        if (ref.length() == alt.length() || ref.charAt(0) != alt.charAt(0)) {
            return last; // an SNV, or an indel anchored after it at the contig's first base
        }
        boolean deletion = ref.length() > alt.length();
        String seq = deletion ? ref.substring(1) : alt.substring(1);
        long length = reference.length(a.contig());
        long gap = a.pos() + 1; // the first deleted base, or the base the insertion precedes
        long next = deletion ? gap + seq.length() : gap;
        int rotation = 0;
        while (next <= length && reference.base(a.contig(), next) == seq.charAt(rotation % seq.length())) {
            rotation++;
            next++;
        }
        return deletion ? next - 1 : Math.min(next, length);
    }
}
