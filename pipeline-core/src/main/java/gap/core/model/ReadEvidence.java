package gap.core.model;

/**
 * What one fragment shows at a site: the read bases (and their phred qualities) between the site's position and
 * its span end, insertions included, deletions left out, so an indel is a difference in length. Overlapping mates
 * are merged into one evidence: a fragment is one molecule, counted once.
 *
 * <p>For the annotations (GATK's rank-sum tests): {@code siteQuality} is the base quality the read has at the
 * site's position, and {@code readPosition} how far that base lies from the nearer end of the read, in read bases
 * with clips counted (GATK's ReadPosRankSum element); both are -1 when the read has no aligned base there.
 * {@code bothStrands} says that both mates, read from opposite strands, cover the site: strand tests count the
 * fragment once per strand, as GATK counts reads. {@code f1r2} is the fragment's pair orientation
 * ({@link AlignedRead#f1r2()}), the same for both mates.
 */
public record ReadEvidence(String fragment, byte[] bases, byte[] quals, int mappingQuality, boolean negativeStrand,
                           int readPosition, int siteQuality, boolean bothStrands, boolean f1r2) {

    /** Evidence of an F2R1 (or unpaired forward) fragment. */
    public ReadEvidence(String fragment, byte[] bases, byte[] quals, int mappingQuality, boolean negativeStrand,
                        int readPosition, int siteQuality, boolean bothStrands) {
        this(fragment, bases, quals, mappingQuality, negativeStrand, readPosition, siteQuality, bothStrands, false);
    }

    /** Evidence without the site's read position and base quality (hand-made cases, likelihood tests). */
    public ReadEvidence(String fragment, byte[] bases, byte[] quals, int mappingQuality, boolean negativeStrand) {
        this(fragment, bases, quals, mappingQuality, negativeStrand, -1, -1, false);
    }

    /** Evidence of one read. */
    public ReadEvidence(String fragment, byte[] bases, byte[] quals, int mappingQuality, boolean negativeStrand,
                        int readPosition, int siteQuality) {
        this(fragment, bases, quals, mappingQuality, negativeStrand, readPosition, siteQuality, false);
    }

    /** This evidence as standing for both mates of its fragment when they lie on opposite strands. */
    public ReadEvidence withMate(ReadEvidence mate) {
        return new ReadEvidence(fragment, bases, quals, mappingQuality, negativeStrand, readPosition, siteQuality,
                mate.negativeStrand() != negativeStrand, f1r2);
    }

    public String basesAsString() {
        return new String(bases, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
