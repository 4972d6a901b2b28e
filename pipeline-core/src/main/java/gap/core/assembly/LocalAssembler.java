package gap.core.assembly;

import gap.core.model.AlignedRead;
import gap.core.model.Indel;
import gap.core.model.ReadBases;
import gap.core.model.ReadEvidence;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes an active region's centre, the reads and the reference, gives the indels its assembled haplotypes carry:
 * the reads' bases over the region (soft-clipped bases restored: they hold what the aligner could not place) go
 * into a de Bruijn graph with the reference, k raised until the reference has no repeated k-mer and the pruned
 * graph no cycle; the best paths are aligned back to the reference and their indels of 5 or more bases
 * left-normalised. This finds what CIGARs miss: deletions too long for the aligner to open, insertions it
 * soft-clipped.
 */
public final class LocalAssembler {

    /** Assembly contributes indels of at least this many bases (as long as ActivityProfile's events). */
    static final int MIN_LENGTH = ActivityProfile.MIN_EVENT_LENGTH;

    private final int halfWidth;
    private final int[] kmerSizes;
    private final int minPruning;
    private final int maxHaplotypes;
    private final int minBaseQuality;

    public LocalAssembler(int halfWidth, int[] kmerSizes, int minPruning, int maxHaplotypes, int minBaseQuality) {
        this.halfWidth = halfWidth;
        this.kmerSizes = kmerSizes.clone();
        this.minPruning = minPruning;
        this.maxHaplotypes = maxHaplotypes;
        this.minBaseQuality = minBaseQuality;
    }

    public int halfWidth() {
        return halfWidth;
    }

    public List<Indel> assemble(int centre, List<AlignedRead> reads, RefWindow ref) {
        int from = centre - halfWidth;
        int to = centre + halfWidth;
        String reference = ref.substring(from, to);
        List<byte[][]> segments = new ArrayList<>();
        for (AlignedRead read : reads) {
            if (read.overlaps(from, to)) {
                ReadEvidence e = ReadBases.observeWithClips(read, from, to);
                segments.add(new byte[][] {e.bases(), e.quals()});
            }
        }
        for (int k : kmerSizes) {
            AssemblyGraph graph = AssemblyGraph.build(reference, segments, k, minBaseQuality);
            if (graph == null) {
                continue;
            }
            graph.prune(minPruning);
            graph.recoverDanglingEnds();
            if (graph.hasCycle()) {
                continue;
            }
            Set<Indel> indels = new LinkedHashSet<>();
            for (List<HaplotypeAligner.Event> events : HaplotypeAligner.events(reference, graph.bestPaths(maxHaplotypes))) {
                for (HaplotypeAligner.Event e : events) {
                    // Only long indels: short ones come from CIGARs already, and the alignment's weights write an
                    // MNP as a deletion and an insertion, which would enter the candidates twice over.
                    if (Math.abs(e.refBases().length() - e.altBases().length()) >= MIN_LENGTH) {
                        indels.add(normalise(ref, from + e.offset(), e.refBases(), e.altBases(), from));
                    }
                }
            }
            return List.copyOf(indels);
        }
        return List.of();
    }

    /**
     * Left-aligns an indel against the reference, the way every other candidate is written, but not past {@code limit}
     * (the region's start), so the answer never depends on how much reference a shard holds.
     */
    static Indel normalise(RefWindow ref, int anchor, String refBases, String altBases, int limit) {
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
