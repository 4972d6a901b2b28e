package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.privacy.LeakScanner;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input of the foundation issue: exit code 2, exactly one line on stderr saying what is wrong and what
 * to do, no stack trace, and nothing left in the output directory that looks like a result.
 */
class InputValidationTest {
    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private String[] callArgs(Path ref, Path bam, Path out) {
        List<String> args = new ArrayList<>(List.of("call", "-R", ref.toString(), "-I", bam.toString(), "-O", out.toString()));
        args.addAll(TestKeys.options(tmp.resolve("keys")));
        return args.toArray(String[]::new);
    }

    /** Runs gap call and checks the shape every input error must have; gives the error line. */
    private String failsWithOneLine(Path ref, Path bam, String... extra) {
        List<String> args = new ArrayList<>(List.of("call", "-R", ref.toString(), "-I", bam.toString(),
                "-O", out().toString()));
        args.addAll(TestKeys.options(tmp.resolve("keys")));
        args.addAll(List.of(extra));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderrLines().size(), "exactly one line:\n" + r.stderr());
        String line = r.stderrLines().get(0);
        assertTrue(line.startsWith("gap call: error: "), line);
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.stderr());
        assertNothingLooksComplete();
        assertNoIdentifier(r);
        return line;
    }

    /** No sample-sheet identifier in what gap printed (the BAMs here carry the child's patient id as SM). */
    private static void assertNoIdentifier(Cli.Result r) {
        try {
            List<String> ids = new ArrayList<>();
            List<String> lines = Files.readAllLines(SampleData.file("samplesheet.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                ids.addAll(List.of(line.split("\t")).subList(0, 4));
            }
            LeakScanner scanner = new LeakScanner(ids).scanText("stdout", r.stdout()).scanText("stderr", r.stderr());
            assertEquals(List.of(), scanner.hits());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNothingLooksComplete() {
        if (!Files.exists(out())) {
            return;
        }
        try (Stream<Path> files = Files.list(out())) {
            List<Path> left = files.toList();
            assertTrue(left.isEmpty(), "output left behind: " + left);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path sampleRef() {
        return SampleData.file("ref.fa");
    }

    private static Path sampleBam() {
        return SampleData.file("trio1_child.bam");
    }

    @Test
    void knownSitesMissingOrNotVcf() throws IOException {
        String line = failsWithOneLine(sampleRef(), sampleBam(), "--known-sites", tmp.resolve("dbsnp.vcf.gz").toString());
        assertEquals("gap call: error: known-sites VCF dbsnp.vcf.gz does not exist: check the path", line);
        Path notVcf = tmp.resolve("sites.vcf");
        Files.writeString(notVcf, "this is not a VCF\n");
        line = failsWithOneLine(sampleRef(), sampleBam(), "--known-sites", notVcf.toString());
        assertTrue(line.startsWith("gap call: error: known-sites VCF sites.vcf could not be read"), line);
    }

    @Test
    void missingInputFile() {
        String line = failsWithOneLine(sampleRef(), tmp.resolve("nope.bam"));
        assertEquals("gap call: error: -I #1 (reads file) does not exist: check that path", line);
    }

    @Test
    void referenceWithoutFai() throws IOException {
        TestBams.copyReference(tmp, false, true);
        String line = failsWithOneLine(tmp.resolve("ref.fa"), sampleBam());
        assertTrue(line.contains("no index ref.fa.fai") && line.contains("samtools faidx"), line);
    }

    @Test
    void referenceWithoutDict() throws IOException {
        TestBams.copyReference(tmp, true, false);
        String line = failsWithOneLine(tmp.resolve("ref.fa"), sampleBam());
        assertTrue(line.contains("no sequence dictionary ref.dict") && line.contains("samtools dict"), line);
    }

    @Test
    void bamWithoutIndex() throws IOException {
        Path bam = Files.copy(sampleBam(), tmp.resolve("noindex.bam"));
        String line = failsWithOneLine(sampleRef(), bam);
        assertTrue(line.contains("[reads] has no index") && line.contains("samtools index"), line);
    }

    @Test
    void referenceCompressedWithGzipRatherThanBgzip() throws IOException {
        // before, the run stopped on a dictionary that "does not match" and told the user to re-create it
        Path dir = Files.createDirectories(tmp.resolve("gz"));
        Path ref = dir.resolve("ref.fa.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(ref))) {
            Files.copy(sampleRef(), out);
        }
        Files.copy(SampleData.file("ref.fa.fai"), dir.resolve("ref.fa.gz.fai"));
        Files.copy(SampleData.file("ref.dict"), dir.resolve("ref.dict"));
        String line = failsWithOneLine(ref, sampleBam());
        assertTrue(line.endsWith("reference ref.fa.gz is gzip-compressed but not with bgzip: decompress it, or"
                + " recompress it with 'bgzip' and index it with 'samtools faidx'"), line);
    }

    @Test
    void bamWhoseReadsAllLackAMappingQualityIsRefused() {
        // MAPQ 255 is "not available" (some aligners and simulators write it for every read); every caller leaves such
        // reads out, so before this check the run ended with exit 0 and a sample that is a no-call everywhere
        List<SAMRecord> reads = TestBams.records("chr22_20_21M", 150000, 151000);
        reads.forEach(r -> r.setMappingQuality(255));
        Path bam = TestBams.write(tmp.resolve("mq255.bam"), TestBams.header(), reads, true);
        String line = failsWithOneLine(sampleRef(), bam);
        int n = (int) reads.stream().filter(r -> !r.getReadUnmappedFlag()).count();
        assertTrue(line.endsWith("[reads]: none of its first " + n + " aligned reads can be called (" + n
                + " with mapping quality 255 (not available)); gap leaves these out as GATK does: give the aligner's"
                + " mapping qualities and primary, unflagged alignments"), line);
    }

    @Test
    void bamOfDuplicatesAndUnavailableMappingQualitiesIsRefusedNamingBoth() {
        List<SAMRecord> reads = TestBams.records("chr22_20_21M", 150000, 151000);
        for (int i = 0; i < reads.size(); i++) {
            if (i % 3 == 0) {
                reads.get(i).setMappingQuality(255);
            } else {
                reads.get(i).setDuplicateReadFlag(true);
            }
        }
        Path bam = TestBams.write(tmp.resolve("dups.bam"), TestBams.header(), reads, true);
        String line = failsWithOneLine(sampleRef(), bam);
        long mq255 = (reads.size() + 2) / 3;
        assertTrue(line.contains("aligned reads can be called (" + (reads.size() - mq255) + " marked duplicates, "
                + mq255 + " with mapping quality 255 (not available))"), line);
    }

    @Test
    void oneUsableReadAmongUnavailableMappingQualitiesRuns() {
        // a pattern, not a purity test: one read with a mapping quality is a file the aligner wrote MAPQs into
        List<SAMRecord> reads = TestBams.records("chr22_20_21M", 150000, 151000);
        reads.stream().skip(1).forEach(r -> r.setMappingQuality(255));
        Path bam = TestBams.write(tmp.resolve("one.bam"), TestBams.header(), reads, true);
        Cli.Result r = Cli.run(callArgs(sampleRef(), bam, out()));
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @Test
    void bamWhoseHeaderIsNotCoordinateSorted() {
        SAMFileHeader header = TestBams.header();
        header.setSortOrder(SAMFileHeader.SortOrder.queryname);
        Path bam = TestBams.write(tmp.resolve("byname.bam"), header, List.of(), false);
        String line = failsWithOneLine(sampleRef(), bam);
        assertTrue(line.contains("not coordinate-sorted") && line.contains("samtools sort"), line);
    }

    @Test
    void unsortedRecordsUnderACoordinateHeaderAreCaughtWhenMet() {
        // Move one read 2 kb later in the file: the header still claims SO:coordinate.
        List<SAMRecord> records = new ArrayList<>(TestBams.records("chr22_20_21M", 150_000, 154_000));
        SAMRecord moved = records.remove(10);
        records.add(records.size() - 5, moved);
        Path bam = TestBams.write(tmp.resolve("unsorted.bam"), TestBams.header(), records, false);
        TestBams.indexAnyway(bam);
        Cli.Result r = Cli.run(callArgs(sampleRef(), bam, out()));
        assertEquals(2, r.exitCode(), r.stderr());
        List<String> errors = r.stderrLines().stream().filter(l -> l.contains("error")).toList();
        assertEquals(1, errors.size(), r.stderr());
        assertTrue(errors.get(0).matches("gap call: error: GAP-[0-9A-Z]{12}\\.bam is not coordinate-sorted .*"), errors.get(0));
        assertFalse(r.stderr().contains("\tat "), r.stderr());
        assertNothingLooksComplete();
        assertNoIdentifier(r);
    }

    @Test
    void bamContigMissingFromTheReference() throws IOException {
        SAMFileHeader header = TestBams.header();
        SAMSequenceDictionary dict = new SAMSequenceDictionary(new ArrayList<>(header.getSequenceDictionary().getSequences()));
        dict.addSequence(new SAMSequenceRecord("chrUn_decoy", 5000));
        header.setSequenceDictionary(dict);
        Path bam = TestBams.write(tmp.resolve("decoy.bam"), header, List.of(), true);
        String line = failsWithOneLine(sampleRef(), bam);
        assertTrue(line.contains("contig chrUn_decoy, which is not in the reference"), line);
    }

    @Test
    void bamContigWithAnotherLength() {
        SAMFileHeader header = TestBams.header();
        List<SAMSequenceRecord> seqs = new ArrayList<>();
        for (SAMSequenceRecord s : header.getSequenceDictionary().getSequences()) {
            seqs.add(new SAMSequenceRecord(s.getSequenceName(), s.getSequenceName().equals("chrM") ? 16571 : s.getSequenceLength()));
        }
        header.setSequenceDictionary(new SAMSequenceDictionary(seqs));
        Path bam = TestBams.write(tmp.resolve("rcrs.bam"), header, List.of(), true);
        String line = failsWithOneLine(sampleRef(), bam);
        assertTrue(line.contains("contig chrM of length 16571 but the reference's is 16569"), line);
    }

    @Test
    void truncatedBam() throws IOException {
        byte[] bytes = Files.readAllBytes(sampleBam());
        Path bam = Files.write(tmp.resolve("cut.bam"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.copy(SampleData.file("trio1_child.bam.bai"), tmp.resolve("cut.bam.bai"));
        String line = failsWithOneLine(sampleRef(), bam);
        assertTrue(line.contains("[reads] has no BGZF end-of-file marker"), line);
    }

    @Test
    void outputDirectoryThatCannotBeWritten() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("a-file"), "not a directory");
        Cli.Result r = Cli.run(callArgs(sampleRef(), sampleBam(), blocker.resolve("out")));
        assertEquals(2, r.exitCode());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertTrue(r.stderr().contains("cannot be written"), r.stderr());
    }

    @Test
    void badCommandLineIsExitTwoInOneLineNamingTheOption() {
        Cli.Result r = Cli.run("call", "-R", sampleRef().toString());
        assertEquals(2, r.exitCode());
        assertEquals(List.of("gap call: error: missing option --output (required); see 'gap call --help'"),
                r.stderrLines());
    }

    @Test
    void bamWithAHeaderAndNoReadsGivesAnEmptyValidVcf() {
        Path bam = TestBams.write(tmp.resolve("empty.bam"), TestBams.header(), List.of(), true);
        Cli.Result r = Cli.run(callArgs(sampleRef(), bam, out()));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> warnings = r.stderrLines().stream().filter(l -> l.contains(" WARN ")).toList();
        assertEquals(1, warnings.size(), r.stderr());
        assertTrue(warnings.get(0).contains("holds no reads"), warnings.get(0));
        Path vcf = CallCommandTest.onlyVcf(out());
        assertTrue(Files.exists(vcf.resolveSibling(vcf.getFileName() + ".tbi")));
        try (VCFFileReader reader = new VCFFileReader(vcf, true)) {
            assertEquals(2, reader.getFileHeader().getContigLines().size());
            assertFalse(reader.iterator().hasNext());
        }
    }
}
