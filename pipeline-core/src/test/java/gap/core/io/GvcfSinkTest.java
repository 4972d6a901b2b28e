package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.GvcfRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gVCF sink writes reference blocks as text of its own: each must be the line htsjdk's encoder gives for the same
 * record (a hand-written line for one, htsjdk's for every kind of block), and the file must read back through htsjdk
 * with its tabix index.
 */
class GvcfSinkTest {
    private static final SAMSequenceDictionary DICTIONARY = new SAMSequenceDictionary(List.of(
            new SAMSequenceRecord("chr1", 1_000_000), new SAMSequenceRecord("chrM", 16_569)));

    private static GvcfSink sink(Path target) {
        return new GvcfSink(target, DICTIONARY, "GAP-S00000000001", new VcfSink.Reference("ref.fa", "0".repeat(32)),
                10, List.of("minGQ=0(inclusive),maxGQ=1(exclusive)"), r -> r.gq(), (contig, position) -> 'A');
    }

    private static List<GvcfRecord> blocks() {
        return List.of(
                GvcfRecord.block("chr1", 100, 180, 'C', 81, new int[] {0, 81, 750}, 27),
                GvcfRecord.block("chr1", 181, 181, 'N', 0, new int[] {0, 0, 0}, 0), // no reads
                GvcfRecord.alleleBlock("chr1", 182, List.of("G", "T"), new int[] {0, 0}, 66,
                        new int[] {0, 66, 792, 87, 795, 816}, 30),
                GvcfRecord.alleleBlock("chr1", 183, List.of("T", "A", "C"), new int[] {0, 1}, 12,
                        new int[] {12, 0, 200, 30, 220, 260, 40, 230, 270, 300}, 9),
                GvcfRecord.alleleBlock("chrM", 5, List.of("A", "G"), new int[] {-1, -1}, 0,
                        new int[] {0, 0, 0, 0, 0, 0}, 1));
    }

    @Test
    void aBlockLineIsTheOneWorkedOutByHand() {
        assertEquals("chr1\t100\t.\tC\t<NON_REF>\t.\t.\tEND=180\tGT:DP:GQ:MIN_DP:PL\t0/0:27:81:27:0,81,750",
                GvcfSink.blockLine(blocks().get(0)));
        assertEquals("chr1\t182\t.\tG\tT,<NON_REF>\t.\t.\tEND=182\tGT:DP:GQ:MIN_DP:PL\t0/0:30:66:30:0,66,792,87,795,"
                + "816", GvcfSink.blockLine(blocks().get(2)));
    }

    @Test
    void everyKindOfBlockIsWrittenAsHtsjdkEncodesIt(@TempDir Path dir) {
        try (GvcfSink sink = sink(dir.resolve("s.g.vcf.gz"))) {
            for (GvcfRecord r : blocks()) {
                assertEquals(sink.encoded(r), GvcfSink.blockLine(r), r.toString());
            }
        }
        assertFalse(Files.exists(dir.resolve("s.g.vcf.gz")), "an uncommitted gVCF leaves nothing in place");
    }

    @Test
    void theFileReadsBackWithItsIndex(@TempDir Path dir) {
        Path target = dir.resolve("s.g.vcf.gz");
        try (GvcfSink sink = sink(target)) {
            blocks().forEach(sink);
            sink.commit();
        }
        assertTrue(Files.exists(dir.resolve("s.g.vcf.gz.tbi")));
        try (VCFFileReader reader = new VCFFileReader(target, true)) {
            List<VariantContext> read = new ArrayList<>();
            reader.query("chr1", 150, 183).forEachRemaining(read::add);
            assertEquals(List.of(100, 181, 182, 183), read.stream().map(VariantContext::getStart).toList());
            assertEquals(180, read.get(0).getAttributeAsInt("END", 0));
            assertEquals(1, reader.query("chrM", 1, 100).stream().count());
        }
    }
}
