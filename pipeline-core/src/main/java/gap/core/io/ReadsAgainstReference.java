package gap.core.io;

import gap.core.UserException;
import htsjdk.samtools.AlignmentBlock;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamInputResource;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Takes a reads file whose header's {@code @SQ M5} differs from the reference's for some contigs, refuses it when its
 * first reads there disagree with the reference as reads of another sequence do. Reads of the right reference differ
 * from it only by sequencing errors and variants (a few percent at most, whatever the platform); reads placed on
 * another sequence of the same length differ at about three bases in four. The cut between is far from both.
 */
final class ReadsAgainstReference {
    /** Reads looked at per contig, and the aligned bases needed before judging. */
    private static final int READS = 2000;
    private static final int MIN_BASES = 5000;
    /** Above this share of aligned bases differing from the reference, the reads are another sequence's. */
    private static final double FOREIGN_SHARE = 0.30;

    private ReadsAgainstReference() {}

    static void check(Path reads, Path reference, List<String> contigs) {
        try (SamReader reader = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                .referenceSequence(reference).open(SamInputResource.of(reads));
             ReferenceSource ref = new ReferenceSource(reference)) {
            for (String contig : contigs) {
                long[] counts = count(reader, ref, contig);
                if (counts[0] >= MIN_BASES && counts[1] > FOREIGN_SHARE * counts[0]) {
                    throw new UserException(reads.getFileName() + " has contig " + contig + " with M5 other than the"
                            + " reference's, and its reads differ from the reference at " + Math.round(100.0
                            * counts[1] / counts[0]) + "% of bases: they were aligned to another reference; give"
                            + " that one");
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + reads.getFileName(), e);
        }
    }

    /** Aligned bases compared and those differing (N on either side skipped), over the contig's first reads. */
    private static long[] count(SamReader reader, ReferenceSource ref, String contig) {
        long compared = 0;
        long differing = 0;
        int seen = 0;
        try (SAMRecordIterator it = reader.queryOverlapping(contig, 0, 0)) {
            while (it.hasNext() && seen < READS) {
                SAMRecord r = it.next();
                if (r.getReadUnmappedFlag() || r.isSecondaryOrSupplementary() || r.getMappingQuality() == 0
                        || r.getReadBases().length == 0) {
                    continue;
                }
                seen++;
                byte[] bases = r.getReadBases();
                for (AlignmentBlock block : r.getAlignmentBlocks()) {
                    byte[] window = ref.window(contig, block.getReferenceStart(),
                            block.getReferenceStart() + block.getLength() - 1).bases();
                    for (int i = 0; i < block.getLength() && i < window.length; i++) {
                        byte read = upper(bases[block.getReadStart() - 1 + i]);
                        if (read == 'N' || window[i] == 'N') {
                            continue;
                        }
                        compared++;
                        if (read != window[i]) {
                            differing++;
                        }
                    }
                }
            }
        }
        return new long[] {compared, differing};
    }

    private static byte upper(byte b) {
        return (b >= 'a' && b <= 'z') ? (byte) (b - 32) : b;
    }
}
