package gap.core.shard;

import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes each sample's reads in position order, gives, for candidate sites asked in position order, the reads of a
 * sample that overlap a site (from its position to its span end): a window sliding along each sample's reads.
 */
final class OverlappingReads {
    private final List<List<AlignedRead>> samples;
    private final List<List<AlignedRead>> active = new ArrayList<>();
    private final int[] next;

    OverlappingReads(List<List<AlignedRead>> samples) {
        this.samples = samples;
        this.next = new int[samples.size()];
        for (int s = 0; s < samples.size(); s++) {
            active.add(new ArrayList<>());
        }
    }

    /** Sample {@code s}'s reads overlapping {@code site}; valid until the next call for that sample. */
    List<AlignedRead> at(int s, CandidateSite site) {
        List<AlignedRead> reads = samples.get(s);
        List<AlignedRead> overlapping = active.get(s);
        while (next[s] < reads.size() && reads.get(next[s]).start() <= site.spanEnd()) {
            overlapping.add(reads.get(next[s]++));
        }
        overlapping.removeIf(r -> r.end() < site.position());
        return overlapping;
    }
}
