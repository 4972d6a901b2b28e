package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.Tools;
import gap.core.model.GvcfRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made gVCF (bgzipped and indexed by htslib's bgzip and tabix): a query keeps the lines overlapping the stretch,
 * tells blocks from variant records and knows each one's span from the scan alone, and decodes a record as decoding
 * its whole line does.
 */
class GvcfSourceTest {
    private static final String FORMAT = "GT:DP:GQ:MIN_DP:PL";
    private static final List<String> LINES = List.of(
            "c\t1\t.\tA\t<NON_REF>\t.\t.\tEND=40\t" + FORMAT + "\t0/0:5:12:4:0,12,120", // ends before 100
            "c\t41\t.\tC\t<NON_REF>\t.\t.\tEND=120\t" + FORMAT + "\t0/0:8:21:6:0,21,210", // reaches into 100
            "c\t121\t.\tG\tT,<NON_REF>\t.\t.\tEND=121\t" + FORMAT + "\t0/0:9:15:9:0,15,150,27,160,190",
            "c\t122\t.\tGTA\tG,<NON_REF>\t50.5\t.\tRAW_MQandDP=32400,9\tGT:AD:DP:GQ:PL:SB"
                    + "\t0/1:4,5:9:40:60,0,40,72,55,130:2,2,3,2",
            "c\t125\t.\tT\t<NON_REF>\t.\t.\tEND=300\t" + FORMAT + "\t0/0:7:18:5:0,18,180",
            "c\t301\t.\tA\t<NON_REF>\t.\t.\tEND=400\t" + FORMAT + "\t0/0:7:18:5:0,18,180"); // past 300

    @TempDir
    Path dir;

    @Test
    void aQueryScansSpansAndDecodesARecordAsItsWholeLine() throws IOException {
        Tools.require("bgzip");
        Tools.require("tabix");
        Path gvcf = write();
        try (GvcfSource source = new GvcfSource(gvcf, Path.of(gvcf + ".tbi"))) {
            GvcfStretch stretch = source.query("c", 100, 300);
            GvcfStretch.Kind blocks = stretch.blocks();
            GvcfStretch.Kind variants = stretch.variants();
            // blocks 41-120, the one-position block listing T at 121 (its one position), 125-300; the deletion 122-124
            assertEquals(List.of(41, 121, 125), starts(blocks));
            assertEquals(List.of(120, 121, 300), ends(blocks));
            assertEquals(List.of(122), starts(variants));
            assertEquals(List.of(124), ends(variants));
            assertSame(GvcfLine.record(LINES.get(1)), blocks.record(0));
            assertSame(GvcfLine.record(LINES.get(2)), blocks.record(1));
            assertSame(GvcfLine.record(LINES.get(4)), blocks.record(2));
            assertSame(GvcfLine.record(LINES.get(3)), variants.record(0));
            assertTrue(blocks.record(1).isAlleleBlock());
            assertFalse(variants.record(0).isBlock());
            assertArrayEquals(new int[] {2, 2, 3, 2}, variants.record(0).raw().strands());
            // past the contig's lines, nothing; a stretch inside one block, that block
            assertEquals(0, source.query("c", 401, 500).blocks().size());
            assertEquals(List.of(125), starts(source.query("c", 200, 210).blocks()));
        }
    }

    /**
     * Lines read as bytes: CRLF line ends are not part of the sample's column, and the file's last line counts
     * without its line end; POS and END are whole numbers or the line is refused.
     */
    @Test
    void crlfLinesAndALastLineWithoutItsEndReadAsTheirLfTwins() throws IOException {
        Tools.require("bgzip");
        Tools.require("tabix");
        Path gvcf = write(LINES, List.of("##contig=<ID=c,length=1000>"), "\r\n", false);
        try (GvcfSource source = new GvcfSource(gvcf, Path.of(gvcf + ".tbi"))) {
            GvcfStretch stretch = source.query("c", 100, 400);
            assertEquals(List.of(41, 121, 125, 301), starts(stretch.blocks()));
            assertEquals(List.of(120, 121, 300, 400), ends(stretch.blocks()));
            assertSame(GvcfLine.record(LINES.get(5)), stretch.blocks().record(3)); // the last line, no line end
            assertArrayEquals(new int[] {0, 18, 180}, stretch.blocks().record(3).pl());
            assertSame(GvcfLine.record(LINES.get(3)), stretch.variants().record(0));
            assertArrayEquals(new int[] {2, 2, 3, 2}, stretch.variants().record(0).raw().strands());
        }
        byte[] text = "x\t12\t+3\t\t2147483648".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(12, GvcfSource.wholeNumber(text, 2, 4));
        assertThrows(NumberFormatException.class, () -> GvcfSource.wholeNumber(text, 5, 7));
        assertThrows(NumberFormatException.class, () -> GvcfSource.wholeNumber(text, 8, 8));
        assertThrows(NumberFormatException.class, () -> GvcfSource.wholeNumber(text, 9, 19));
        assertEquals(2, GvcfSource.indexOf(text, 0, text.length, (byte) '1'));
        assertEquals(-1, GvcfSource.indexOf(text, 0, 2, (byte) '1'));
    }

    @Test
    void theFirstRecordOfAKindAtAPositionCounts() {
        GvcfRecord first = GvcfLine.record(LINES.get(1));
        GvcfRecord second = GvcfRecord.block("c", 41, 60, 'C', 3, new int[] {0, 3, 30}, 1);
        GvcfStretch stretch = GvcfStretch.of(List.of(GvcfLine.record(LINES.get(4)), first, second));
        assertEquals(List.of(41, 125), starts(stretch.blocks()));
        assertEquals(120, stretch.blocks().end(0));
        assertEquals(0, stretch.blocks().floor(100));
        assertEquals(-1, stretch.blocks().floor(40));
        assertEquals(1, stretch.blocks().ceiling(42));
        assertEquals(-1, stretch.blocks().at(42));
    }

    /**
     * A gVCF of many BGZF blocks over two contigs, with blocks long enough to sit in the index's larger bins: every
     * query gives the records a plain filter of the decoded lines gives (overlapping the stretch, the first of a kind at
     * a position), whatever chunks and block boundaries the stretch meets.
     */
    @Test
    void queriesAcrossManyBlocksAndChunksGiveWhatReadingEveryLineGives() throws IOException {
        Tools.require("bgzip");
        Tools.require("tabix");
        List<String> lines = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (String contig : List.of("c", "d")) {
            int p = 1;
            while (p < 600_000) {
                int kind = random.nextInt(20);
                int length = kind == 0 ? 20_000 + random.nextInt(150_000) : 1 + random.nextInt(kind < 10 ? 4 : 40);
                if (kind == 1) { // a deletion's variant record, then the block under its last bases
                    lines.add(contig + "\t" + p + "\t.\tGTA\tG,<NON_REF>\t50.5\t.\tRAW_MQandDP=32400,9\tGT:AD:DP:GQ:PL:SB"
                            + "\t0/1:4,5:9:40:60,0,40,72,55,130:2,2,3,2");
                    length = 1;
                } else if (kind == 2) { // a one-position block listing a base
                    lines.add(contig + "\t" + p + "\t.\tG\tT,<NON_REF>\t.\t.\tEND=" + p + "\t" + FORMAT
                            + "\t0/0:9:15:9:0,15,150,27,160,190");
                    length = 1;
                } else {
                    int end = p + length - 1;
                    lines.add(contig + "\t" + p + "\t.\tA\t<NON_REF>\t.\t.\tEND=" + end + "\t" + FORMAT
                            + "\t0/0:" + (length % 50) + ":12:4:0,12," + (100 + length % 900));
                }
                p += length;
            }
        }
        Path gvcf = write(lines, List.of("##contig=<ID=c,length=1000000>", "##contig=<ID=d,length=1000000>"));
        try (GvcfSource source = new GvcfSource(gvcf, Path.of(gvcf + ".tbi"))) {
            for (int q = 0; q < 60; q++) {
                String contig = q % 2 == 0 ? "c" : "d";
                int from = 1 + random.nextInt(620_000);
                int to = from + (q % 3 == 0 ? random.nextInt(100) : random.nextInt(70_000));
                GvcfStretch stretch = source.query(contig, from, to);
                assertEqualKinds(expected(lines, contig, from, to, true), stretch.blocks());
                assertEqualKinds(expected(lines, contig, from, to, false), stretch.variants());
            }
        }
    }

    private static List<GvcfRecord> expected(List<String> lines, String contig, int from, int to, boolean blocks) {
        List<GvcfRecord> out = new ArrayList<>();
        for (String line : lines) {
            GvcfRecord r = GvcfLine.record(line);
            if (line.startsWith(contig + "\t") && r.isBlock() == blocks && r.position() <= to && r.end() >= from
                    && (out.isEmpty() || out.get(out.size() - 1).position() != r.position())) {
                out.add(r);
            }
        }
        return out;
    }

    private static void assertEqualKinds(List<GvcfRecord> expected, GvcfStretch.Kind kind) {
        assertEquals(expected.size(), kind.size());
        for (int i = 0; i < kind.size(); i++) {
            assertEquals(expected.get(i).position(), kind.start(i));
            assertEquals(expected.get(i).end(), kind.end(i));
            assertSame(expected.get(i), kind.record(i));
        }
    }

    private Path write() throws IOException {
        return write(LINES, List.of("##contig=<ID=c,length=1000>"));
    }

    private Path write(List<String> lines, List<String> contigs) throws IOException {
        return write(lines, contigs, "\n", true);
    }

    /** The gVCF of {@code lines}, each ended by {@code end} (the last one too when {@code lastEnded}). */
    private Path write(List<String> lines, List<String> contigs, String end, boolean lastEnded) throws IOException {
        Path text = dir.resolve("s.g.vcf");
        List<String> all = new ArrayList<>(List.of("##fileformat=VCFv4.2",
                "##ALT=<ID=NON_REF,Description=\"Any other allele\">",
                "##INFO=<ID=END,Number=1,Type=Integer,Description=\"Last position\">",
                "##INFO=<ID=RAW_MQandDP,Number=2,Type=Integer,Description=\"Raw MQ\">",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Depths\">",
                "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">",
                "##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"GQ\">",
                "##FORMAT=<ID=MIN_DP,Number=1,Type=Integer,Description=\"Least depth\">",
                "##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"PL\">",
                "##FORMAT=<ID=SB,Number=4,Type=Integer,Description=\"Strands\">"));
        all.addAll(contigs);
        all.add("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1");
        all.addAll(lines);
        Files.writeString(text, String.join(end, all) + (lastEnded ? end : ""));
        Tools.run(dir, List.of("bgzip", text.toString()));
        Path gvcf = dir.resolve("s.g.vcf.gz");
        Tools.run(dir, List.of("tabix", "-p", "vcf", gvcf.toString()));
        return gvcf;
    }

    private static void assertSame(GvcfRecord expected, GvcfRecord actual) {
        assertEquals(expected.position(), actual.position());
        assertEquals(expected.end(), actual.end());
        assertEquals(expected.alleles(), actual.alleles());
        assertArrayEquals(expected.gt(), actual.gt());
        assertEquals(expected.gq(), actual.gq());
        assertArrayEquals(expected.pl(), actual.pl());
        assertEquals(expected.dp(), actual.dp());
        assertEquals(expected.minDp(), actual.minDp());
        assertArrayEquals(expected.ad(), actual.ad());
        assertEquals(expected.isBlock(), actual.isBlock());
    }

    private static List<Integer> starts(GvcfStretch.Kind kind) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < kind.size(); i++) {
            out.add(kind.start(i));
        }
        return out;
    }

    private static List<Integer> ends(GvcfStretch.Kind kind) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < kind.size(); i++) {
            out.add(kind.end(i));
        }
        return out;
    }
}
