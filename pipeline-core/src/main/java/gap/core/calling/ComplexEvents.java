package gap.core.calling;

import gap.core.model.RefWindow;
import gap.core.model.NearbyAllele;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Takes an assembly's haplotypes (each as its events in position order), gives them with the events that ride
 * together written as one: events at most {@code maxDistance} bases apart (VCF position of one to the last REF base of
 * the other) that every haplotype carries together or not at all become one complex allele (an SNV next to an indel,
 * an MNP), as truth sets and the reads' own fragments show them. Events that some haplotype carries apart stay apart.
 */
final class ComplexEvents {
    private ComplexEvents() {}

    /** The haplotypes with linked neighbouring events merged; {@code blocks} receives the merged alleles. */
    static List<List<NearbyAllele>> merge(List<List<NearbyAllele>> haplotypes, RefWindow ref, int maxDistance,
                                          Set<NearbyAllele> blocks) {
        List<List<NearbyAllele>> out = new ArrayList<>();
        for (List<NearbyAllele> hap : haplotypes) {
            List<NearbyAllele> events = new ArrayList<>();
            List<NearbyAllele> block = new ArrayList<>();
            for (NearbyAllele e : hap) {
                if (!block.isEmpty() && linked(block.get(block.size() - 1), e, haplotypes, maxDistance)) {
                    block.add(e);
                    continue;
                }
                events.add(close(block, ref, blocks));
                block.clear();
                block.add(e);
            }
            if (!block.isEmpty()) {
                events.add(close(block, ref, blocks));
            }
            events.removeIf(java.util.Objects::isNull);
            out.add(List.copyOf(events));
        }
        return out;
    }

    private static boolean linked(NearbyAllele a, NearbyAllele b, List<List<NearbyAllele>> haplotypes, int maxDistance) {
        if (b.position() - a.end() > maxDistance || b.position() <= a.end()) {
            return false;
        }
        for (List<NearbyAllele> hap : haplotypes) {
            if (hap.contains(a) != hap.contains(b)) {
                return false;
            }
        }
        return true;
    }

    /** One event for a block: itself when alone, else the REF span of the block and the haplotype's bases over it. */
    private static NearbyAllele close(List<NearbyAllele> block, RefWindow ref, Set<NearbyAllele> blocks) {
        if (block.isEmpty()) {
            return null;
        }
        if (block.size() == 1) {
            return block.get(0);
        }
        int start = block.get(0).position();
        int end = block.get(block.size() - 1).end();
        StringBuilder alt = new StringBuilder();
        int p = start;
        for (NearbyAllele e : block) {
            alt.append(ref.substring(p, e.position() - 1)).append(e.alt());
            p = e.end() + 1;
        }
        alt.append(ref.substring(p, end));
        NearbyAllele merged = new NearbyAllele(start, ref.substring(start, end), alt.toString());
        blocks.add(merged);
        return merged;
    }
}
