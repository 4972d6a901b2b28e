package gap.core.io;

import gap.core.UserException;
import gap.core.model.RefWindow;
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
 * Takes a reads file and contigs whose header's {@code @SQ M5} differs from the reference's or is not given, refuses it
 * when its first reads there disagree with the reference as reads of another sequence do. Reads of the right reference differ
 * from it only by sequencing errors and variants (a few percent at most, whatever the platform); reads placed on
 * another sequence of the same length differ at about three bases in four. The cut between is far from both.
 */
final class ReadsAgainstReference {
    /** Reads looked at per contig, and the aligned bases needed before judging. */
    private static final int READS = 500;
    /** Reference bases read at once past a read's end. */
    private static final int STRETCH = 65_536;
    private static final int MIN_BASES = 5000;
    /** Above this share of aligned bases differing from the reference, the reads are another sequence's. */
    private static final double FOREIGN_SHARE = 0.30;

    private ReadsAgainstReference() {}

    /** {@code otherM5}: the header's M5 of these contigs differs from the reference's (else it gives none). */
    static void check(Path reads, Path index, Path reference, List<String> contigs, boolean otherM5) {
        try (SamReader reader = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                .referenceSequence(reference).open(SamInputResource.of(reads).index(index));
             ReferenceSource ref = new ReferenceSource(reference)) {
            for (String contig : contigs) {
                long[] counts = count(reader, ref, contig);
                if (counts[0] >= MIN_BASES && counts[1] > FOREIGN_SHARE * counts[0]) {
                    throw new UserException(reads.getFileName() + " has contig " + contig + (otherM5
                            ? " with M5 other than the reference's, and its reads" : " (no M5 given), whose reads")
                            + " differ from the reference at " + Math.round(100.0 * counts[1] / counts[0])
                            + "% of bases: they were aligned to another reference; give that one");
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + reads.getFileName(), e);
        }
    }

    /** Aligned bases compared and those differing (N on either side skipped), over the contig's first reads. */
    private static long[] count(SamReader reader, ReferenceSource ref, String contig) {
        long[] counts = new long[2];
        RefWindow window = new RefWindow(contig, 1, new byte[0]);
        int seen = 0;
        try (SAMRecordIterator it = reader.queryOverlapping(contig, 0, 0)) {
            while (it.hasNext() && seen < READS) {
                SAMRecord r = it.next();
                if (r.getReadUnmappedFlag() || r.isSecondaryOrSupplementary() || r.getMappingQuality() == 0
                        || r.getReadBases().length == 0) {
                    continue;
                }
                seen++;
                if (r.getAlignmentEnd() > window.end()) {
                    // one read of the FASTA per stretch of sorted reads, not one per read: a read per block cost
                    // more than the whole comparison
                    window = ref.window(contig, r.getAlignmentStart(), r.getAlignmentEnd() + STRETCH);
                }
                compare(r, window, counts);
            }
        }
        return counts;
    }

    private static void compare(SAMRecord r, RefWindow window, long[] counts) {
        byte[] bases = r.getReadBases();
        for (AlignmentBlock block : r.getAlignmentBlocks()) {
            for (int i = 0; i < block.getLength(); i++) {
                byte read = upper(bases[block.getReadStart() - 1 + i]);
                byte refBase = window.base(block.getReferenceStart() + i);
                if (read == 'N' || refBase == 'N') {
                    continue;
                }
                counts[0]++;
                if (read != refBase) {
                    counts[1]++;
                }
            }
        }
    }

    private static byte upper(byte b) {
        return (b >= 'a' && b <= 'z') ? (byte) (b - 32) : b;
    }
}
