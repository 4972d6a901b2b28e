package gap.cli;

import gap.core.SampleData;
import htsjdk.samtools.BAMIndexer;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMFileWriterImpl;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small BAMs for tests, cut from the sample slice and bent into the shapes a test needs. */
final class TestBams {
    private TestBams() {}

    static SAMFileHeader header() {
        try (SamReader r = open(SampleData.file("trio1_child.bam"))) {
            return r.getFileHeader().clone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SAMRecord> records(String contig, int start, int end) {
        try (SamReader r = open(SampleData.file("trio1_child.bam"));
             SAMRecordIterator it = r.queryOverlapping(contig, start, end)) {
            List<SAMRecord> out = new ArrayList<>();
            it.forEachRemaining(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the records in the order given (no re-sorting, no order check) and, if asked, a .bai beside. */
    static Path write(Path bam, SAMFileHeader header, List<SAMRecord> records, boolean index) {
        SAMFileWriter writer = new SAMFileWriterFactory().makeBAMWriter(header, true, bam);
        ((SAMFileWriterImpl) writer).setSortOrderChecking(false);
        records.forEach(writer::addAlignment);
        writer.close();
        if (index) {
            try (SamReader r = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                    .enable(SamReaderFactory.Option.INCLUDE_SOURCE_IN_RECORDS).open(bam)) {
                BAMIndexer.createIndex(r, bam.resolveSibling(bam.getFileName() + ".bai"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bam;
    }

    /**
     * Copies {@code source} to {@code target} (with a .bai) keeping the records {@code keep} accepts, under the header
     * {@code header} makes of the source's: a downsampled or relabelled sample.
     */
    static Path copy(Path source, Path target, java.util.function.Predicate<SAMRecord> keep,
                     java.util.function.UnaryOperator<SAMFileHeader> header) {
        try (SamReader r = open(source)) {
            SAMFileHeader h = header.apply(r.getFileHeader().clone());
            List<SAMRecord> kept = new ArrayList<>();
            for (SAMRecord rec : r) {
                if (keep.test(rec)) {
                    rec.setHeader(h);
                    kept.add(rec);
                }
            }
            return write(target, h, kept, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Indexes a BAM whose records are out of order, as a stale index left beside a rewritten file would: the
     * indexer (which insists on order) is shown each out-of-order read at the previous read's position, while its
     * file offset stays true, so queries return the reads in file order.
     */
    static void indexAnyway(Path bam) {
        SamReaderFactory factory = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                .enable(SamReaderFactory.Option.INCLUDE_SOURCE_IN_RECORDS);
        try (SamReader r = factory.open(bam)) {
            BAMIndexer indexer = new BAMIndexer(bam.resolveSibling(bam.getFileName() + ".bai"), r.getFileHeader());
            int previous = 0;
            for (SAMRecord rec : r) {
                if (rec.getAlignmentStart() < previous) {
                    rec.setAlignmentStart(previous);
                }
                previous = rec.getAlignmentStart();
                indexer.processAlignment(rec);
            }
            indexer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyReference(Path dir, boolean fai, boolean dict) throws IOException {
        Files.copy(SampleData.file("ref.fa"), dir.resolve("ref.fa"));
        if (fai) {
            Files.copy(SampleData.file("ref.fa.fai"), dir.resolve("ref.fa.fai"));
        }
        if (dict) {
            Files.copy(SampleData.file("ref.dict"), dir.resolve("ref.dict"));
        }
    }

    private static SamReader open(Path bam) {
        return SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT).open(bam);
    }
}
