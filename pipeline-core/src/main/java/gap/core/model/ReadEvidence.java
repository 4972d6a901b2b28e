package gap.core.model;

/**
 * What one fragment shows at a site: the read bases (and their phred qualities) between the site's position and
 * its span end, insertions included, deletions left out, so an indel is a difference in length. Overlapping mates
 * are merged into one evidence: a fragment is one molecule, counted once.
 */
public record ReadEvidence(String fragment, byte[] bases, byte[] quals, int mappingQuality, boolean negativeStrand) {

    public String basesAsString() {
        return new String(bases, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
