package gap.core.model;

import java.util.List;

/**
 * The evidence at one candidate site: one {@link ReadEvidence} per fragment that spans the site, and {@code depth},
 * the fragments that overlap its position whether or not they span it.
 */
public record Pileup(CandidateSite site, List<ReadEvidence> evidence, int depth) {
    public Pileup {
        evidence = List.copyOf(evidence);
    }
}
