package gap.core.assembly;

import gap.core.model.AlignedRead;
import gap.core.model.Indel;
import gap.core.model.NearbyAllele;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes an active region, the reads and the reference, gives the haplotypes its assembly finds, each as its events
 * (every SNV and indel, left-normalised, in VCF form): the reads' bases over the padded region (soft-clipped bases
 * restored: they hold what the aligner could not place) go into a de Bruijn graph with the reference, k raised until
 * the reference has no repeated k-mer and the pruned graph no cycle; when no k gives that, the paths of a cyclic graph
 * are walked, as in GATK's last attempt (a tandem duplication or a repeat expansion longer than k is a loop): the
 * largest k's whose reference is unique, else the smallest k's that allows repeated reference k-mers. The best paths
 * are aligned back to the reference. This finds what CIGARs miss (deletions too long for the aligner to open,
 * insertions it soft-clipped, expansions beyond a read's anchor) and which events ride on one haplotype.
 */
public final class LocalAssembler {

    /** The settings of assembly; see conf/gap-defaults.properties. */
    public record Settings(int[] kmerSizes, int minPruning, double minPruningFraction, int maxHaplotypes, int minBaseQuality, int padding,
                           int maxInsertion, int maxSearchSteps) {}

    /** One assembled region: its padded window (1-based, inclusive) and its non-reference haplotypes' events. */
    public record Assembly(int start, int end, List<List<NearbyAllele>> haplotypes) {}

    private final Settings settings;

    public LocalAssembler(Settings settings) {
        this.settings = settings;
    }

    public int padding() {
        return settings.padding();
    }

    public Assembly assemble(ActivityProfile.Region region, List<AlignedRead> reads, RefWindow ref) {
        return assemble(region, reads, ref, (p, b) -> true);
    }

    /**
     * The assembly of a region whose reads' mismatches are kept only where {@code support} says enough reads carry
     * them (see {@link AssemblyReads}).
     */
    public Assembly assemble(ActivityProfile.Region region, List<AlignedRead> reads, RefWindow ref,
                             java.util.function.BiPredicate<Integer, Byte> support) {
        int from = region.start() - settings.padding();
        int to = region.end() + settings.padding();
        String reference = ref.substring(from, to);
        List<byte[][]> segments = AssemblyReads.segments(reads, ref, from, to, support::test,
                settings.maxInsertion());
        Set<List<NearbyAllele>> haplotypes = new LinkedHashSet<>();
        List<String> paths = paths(reference, segments);
        for (List<HaplotypeAligner.Event> events : HaplotypeAligner.trimmedEvents(reference, paths)) {
            List<NearbyAllele> hap = new ArrayList<>();
            for (HaplotypeAligner.Event e : events) {
                hap.add(normalise(ref, from + e.offset(), e.refBases(), e.altBases(), from));
            }
            if (!hap.isEmpty()) {
                hap.sort(java.util.Comparator.comparingInt(NearbyAllele::position));
                haplotypes.add(List.copyOf(hap));
            }
        }
        return new Assembly(from, to, List.copyOf(haplotypes));
    }

    /**
     * The best paths of the first k whose graph works. Failing every k, the cyclic walk of GATK's last attempt, which
     * GATK makes at its largest k: here of the largest k whose reference is unique, when one is. Its cycles are then
     * the reads' own (a tandem duplication or an expansion longer than every k, which no k turns into a bubble), and
     * the smaller the k, the more k-mers the loop shares with other places (the reference's shorter near-copies,
     * the reads' errors): more ways for the walk to enter and leave it at the wrong copy, and near-copies of the
     * duplication (part units, rotations with an error) that crowd it out of the best paths and split its reads. When
     * the reference repeats at every k, of the smallest k whose reference's ends are unique: a larger k then unties
     * none of the reference's repeats and only loses the reads that carry no clean k-mer that long.
     */
    private List<String> paths(String reference, List<byte[][]> segments) {
        AssemblyGraph cyclic = null;
        for (int k : settings.kmerSizes()) {
            AssemblyGraph graph = AssemblyGraph.build(reference, segments, k, settings.minBaseQuality());
            if (graph == null) {
                continue;
            }
            graph.prune(settings.minPruning(), settings.minPruningFraction());
            graph.recoverDanglingEnds();
            if (!graph.hasCycle()) {
                return graph.bestPaths(settings.maxHaplotypes());
            }
            cyclic = graph;
        }
        if (cyclic == null) {
            for (int k : settings.kmerSizes()) {
                cyclic = AssemblyGraph.build(reference, segments, k, settings.minBaseQuality(), true);
                if (cyclic != null) {
                    cyclic.prune(settings.minPruning(), settings.minPruningFraction());
                    cyclic.recoverDanglingEnds();
                    break;
                }
            }
        }
        return cyclic == null ? List.of() : cyclic.bestPathsCyclic(settings.maxHaplotypes(),
                reference.length() + settings.maxInsertion(), settings.maxSearchSteps());
    }

    /**
     * An event in VCF form, indels left-aligned against the reference the way every other candidate is written, but
     * not past {@code limit} (the window's start), so the answer never depends on how much reference a shard holds.
     */
    static NearbyAllele normalise(RefWindow ref, int position, String refBases, String altBases, int limit) {
        if (refBases.length() == altBases.length()) {
            return new NearbyAllele(position, refBases, altBases);
        }
        Indel i = normaliseIndel(ref, position, refBases, altBases, limit);
        String anchor = String.valueOf((char) ref.base(i.anchor()));
        return i.deleted() > 0
                ? new NearbyAllele(i.anchor(), ref.substring(i.anchor(), i.anchor() + i.deleted()), anchor)
                : new NearbyAllele(i.anchor(), anchor, anchor + i.inserted());
    }

    /** As {@link #normalise}, as an {@link Indel}. */
    static Indel normaliseIndel(RefWindow ref, int anchor, String refBases, String altBases, int limit) {
        int a = anchor;
        if (refBases.length() > altBases.length()) {
            int length = refBases.length() - altBases.length();
            while (a > limit && ref.base(a) == ref.base(a + length) && ref.base(a) != 'N') {
                a--;
            }
            return new Indel(a, length, "");
        }
        String inserted = altBases.substring(1);
        while (a > limit && ref.base(a) == inserted.charAt(inserted.length() - 1) && ref.base(a) != 'N') {
            inserted = (char) ref.base(a) + inserted.substring(0, inserted.length() - 1);
            a--;
        }
        return new Indel(a, 0, inserted);
    }
}
