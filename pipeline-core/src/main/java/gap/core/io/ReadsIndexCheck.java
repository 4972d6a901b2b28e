package gap.core.io;

import gap.core.UserException;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamInputResource;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Takes a BAM or CRAM with its index, gives nothing or a user error: the index must be this file's. An index left
 * from an earlier file of the same header (reads re-aligned or re-sorted, the old {@code .bai} kept) points into the
 * wrong bytes, and calling would fail only when a shard first reads there; so a window in the middle of each of the
 * first {@value #CONTIGS} contigs is queried through the index now, and every record it gives must decode and overlap
 * the window. A few blocks read per contig, milliseconds.
 */
public final class ReadsIndexCheck {
    /** Contigs probed, in header order: a stale index shows on the first contig that has reads. */
    static final int CONTIGS = 25;
    /** Bases of the window probed per contig, and records read from it at most. */
    private static final int WINDOW = 1000;
    private static final int RECORDS = 200;

    private ReadsIndexCheck() {}

    public static void check(Path reads, Path index, Path reference) {
        String name = reads.getFileName().toString();
        try (SamReader reader = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                .referenceSequence(reference).open(SamInputResource.of(reads).index(index))) {
            int probed = 0;
            for (SAMSequenceRecord contig : reader.getFileHeader().getSequenceDictionary().getSequences()) {
                if (probed++ == CONTIGS) {
                    break;
                }
                int start = Math.max(1, contig.getSequenceLength() / 2 - WINDOW / 2);
                probe(reader, contig.getSequenceName(), start, Math.min(contig.getSequenceLength(), start + WINDOW),
                        name);
            }
        } catch (UserException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw stale(name, e);
        } catch (OutOfMemoryError e) {
            // bytes decoded as a record from the wrong offset give a length of gigabytes: the array is refused at
            // once, nothing was filled, so the heap is as it was
            throw stale(name, null);
        }
    }

    private static void probe(SamReader reader, String contig, int start, int end, String name) {
        try (SAMRecordIterator it = reader.queryOverlapping(contig, start, end)) {
            for (int n = 0; n < RECORDS && it.hasNext(); n++) {
                SAMRecord r = it.next();
                if (!contig.equals(r.getReferenceName()) || r.getAlignmentStart() > end
                        || r.getAlignmentEnd() < start && !r.getReadUnmappedFlag()) {
                    throw stale(name, null);
                }
            }
        }
    }

    private static UserException stale(String name, Exception cause) {
        return new UserException("the index of " + name + " does not match it (a query through the index reads"
                + " other records or undecodable bytes), or the file is damaged: re-create the index with 'samtools"
                + " index " + name + "', and check the file with 'samtools quickcheck'", cause);
    }
}
