package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.SampleData;
import gap.core.model.AlignedRead;
import gap.core.model.ReadCounts;
import gap.core.model.RefWindow;
import gap.core.model.Shard;
import htsjdk.samtools.BAMIndexer;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.reference.FastaSequenceIndexCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads through htsjdk with hand-made records: what each filter drops and counts, and what a kept read looks like. */
class ReadSourceTest {
    @TempDir
    Path tmp;

    private static SAMRecord record(SAMFileHeader header, String name, int start, int mapq, int flags) {
        SAMRecord r = new SAMRecord(header);
        r.setReadName(name);
        r.setReferenceName("chrM");
        r.setAlignmentStart(start);
        r.setMappingQuality(mapq);
        r.setFlags(flags);
        r.setCigarString("10M");
        r.setReadString("acgtACGTNN");
        r.setBaseQualityString("IIIIIIIIII");
        return r;
    }

    @Test
    void filtersDropAndCountEachReadOnceByItsStart() throws Exception {
        SAMFileHeader header;
        try (SamReader r = SamReaderFactory.makeDefault().open(SampleData.file("trio1_child.bam"))) {
            header = r.getFileHeader().clone();
        }
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        SAMRecord noQuals = record(header, "noquals", 100, 60, 0);
        noQuals.setBaseQualities(SAMRecord.NULL_QUALS);
        List<SAMRecord> records = List.of(
                record(header, "kept", 100, 60, 0),
                noQuals,
                record(header, "dup", 101, 60, 0x400),
                record(header, "secondary", 102, 60, 0x100),
                record(header, "supplementary", 103, 60, 0x800),
                record(header, "qcfail", 104, 60, 0x200),
                record(header, "mapq19", 105, 19, 0),
                record(header, "mapq255", 106, 255, 0),
                record(header, "nextShard", 200, 60, 0));
        Path bam = tmp.resolve("x.bam");
        SAMFileWriter writer = new SAMFileWriterFactory().makeBAMWriter(header, true, bam);
        records.forEach(writer::addAlignment);
        writer.close();
        try (SamReader r = SamReaderFactory.makeDefault().enable(SamReaderFactory.Option.INCLUDE_SOURCE_IN_RECORDS).open(bam)) {
            BAMIndexer.createIndex(r, tmp.resolve("x.bam.bai"));
        }

        try (ReadSource source = new ReadSource(bam, tmp.resolve("x.bam.bai"), SampleData.file("ref.fa"), new ReadFilters(20))) {
            ReadSource.ShardReads shard = source.query(new Shard(0, "chrM", 1, 199, 50));
            assertEquals(List.of("kept", "noquals", "nextShard"), shard.reads().stream().map(AlignedRead::name).toList(),
                    "the padding brings the next shard's read, but only its owner counts it");
            ReadCounts counts = shard.counts();
            assertEquals(8, counts.seen());
            assertEquals(2, counts.get(ReadCounts.Reason.PASS));
            assertEquals(1, counts.get(ReadCounts.Reason.DUPLICATE));
            assertEquals(1, counts.get(ReadCounts.Reason.SECONDARY));
            assertEquals(1, counts.get(ReadCounts.Reason.SUPPLEMENTARY));
            assertEquals(1, counts.get(ReadCounts.Reason.QC_FAIL));
            assertEquals(2, counts.get(ReadCounts.Reason.LOW_MAPPING_QUALITY));

            AlignedRead kept = shard.reads().get(0);
            assertEquals("ACGTACGTNN", new String(kept.bases(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(109, kept.end());
            AlignedRead without = shard.reads().get(1);
            byte[] q20 = new byte[10];
            java.util.Arrays.fill(q20, (byte) 20);
            assertArrayEquals(q20, without.quals(), "a read stored without qualities gets Q20, not dropped");
        }
    }

    @Test
    void referenceWindowsAreUpperCaseWithAmbiguityCodesAsN() throws Exception {
        Path fa = tmp.resolve("tiny.fa");
        Files.writeString(fa, ">c1\nacgtRYacgtN\n");
        FastaSequenceIndexCreator.create(fa, true);
        Files.writeString(tmp.resolve("tiny.dict"), "@HD\tVN:1.6\n@SQ\tSN:c1\tLN:11\n");
        try (ReferenceSource ref = new ReferenceSource(fa)) {
            RefWindow w = ref.window("c1", 0, 20);
            assertEquals("ACGTNNACGTN", w.substring(1, 11));
            assertEquals('N', (char) w.base(12), "past the contig end");
        }
    }
}
