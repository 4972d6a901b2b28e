package gap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gap.core.SampleData;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import htsjdk.samtools.CRAMCRAIIndexer;
import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gap call} end to end on the committed slice: determinism, the golden digest, CRAM, and what the VCF says. */
class CallCommandTest {
    @TempDir
    Path tmp;

    /** Calls one reads file into {@code out} with the test keystore beside it; gives the sample's VCF. */
    static Path call(Path out, Path reads, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(),
                "-I", reads.toString(), "-O", out.toString()));
        args.addAll(TestKeys.options(out.getParent()));
        args.addAll(List.of(extra));
        assertEquals(0, Main.run(args.toArray(String[]::new)));
        return onlyVcf(out);
    }

    static Path onlyVcf(Path out) {
        try (java.util.stream.Stream<Path> files = Files.list(out)) {
            List<Path> vcfs = files.filter(p -> p.getFileName().toString().endsWith(".vcf.gz")).toList();
            assertEquals(1, vcfs.size(), vcfs.toString());
            assertTrue(vcfs.get(0).getFileName().toString().matches("GAP-[0-9A-Z]{12}\\.vcf\\.gz"), vcfs.toString());
            return vcfs.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The VCF text with the sample's pseudonym (which depends on the keystore) written as SAMPLE. */
    static String maskedText(Path vcf) throws IOException {
        String pseudonym = vcf.getFileName().toString().replace(".vcf.gz", "");
        return vcfText(vcf).replace(pseudonym, "SAMPLE");
    }

    static String vcfText(Path vcfGz) throws IOException {
        try (InputStream in = new BlockCompressedInputStream(Files.newInputStream(vcfGz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The VCF, its index and every QC file (stats, MultiQC table, qc.json, report.html) are the same bytes. */
    @Test
    void sameBytesWhateverTheThreadsOrShardSize() throws IOException {
        Path bam = SampleData.file("trio1_child.bam");
        Path reference = call(tmp.resolve("t1"), bam, "--threads", "1");
        byte[] vcf = Files.readAllBytes(reference);
        byte[] tbi = Files.readAllBytes(reference.resolveSibling(reference.getFileName() + ".tbi"));
        List<Path> qcFiles;
        try (java.util.stream.Stream<Path> files = Files.list(reference.resolveSibling("qc"))) {
            qcFiles = files.sorted().toList();
        }
        assertEquals(4, qcFiles.size(), qcFiles.toString());
        String[][] variants = {{"--threads", "2"}, {"--threads", "2", "--shard-size", "7000"},
                {"--threads", "1", "--shard-size", "33000"}, {"--threads", "2", "--shard-size", "33000"}};
        int n = 0;
        for (String[] v : variants) {
            Path other = call(tmp.resolve("v" + n++), bam, v);
            assertArrayEquals(vcf, Files.readAllBytes(other), String.join(" ", v));
            assertArrayEquals(tbi, Files.readAllBytes(other.resolveSibling(other.getFileName() + ".tbi")));
            for (Path f : qcFiles) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other.resolveSibling("qc").resolve(
                        f.getFileName())), f.getFileName() + " with " + String.join(" ", v));
            }
        }
    }

    @Test
    void scoredWithKnownSitesSameBytesWhateverTheThreadsOrShardSize() throws IOException {
        // The scorer trains on all of a sample's calls: shards and threads must not change what it sees.
        Path bam = SampleData.file("trio1_child.bam");
        String[] scoring = {"--known-sites", SampleData.file("known-sites.vcf.gz").toString(), "--set",
                "score.minTrainingCalls=20", "--set", "score.minNegativeCalls=10"};
        Path one = call(tmp.resolve("k1"), bam, concat(scoring, "--threads", "1"));
        Path two = call(tmp.resolve("k2"), bam, concat(scoring, "--threads", "2", "--shard-size", "7000"));
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertTrue(vcfText(one).contains("VQSLOD="));
    }

    private static String[] concat(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    @Test
    void noQcWritesNoQcFolder() {
        Path vcf = call(tmp.resolve("out"), SampleData.file("trio1_child.bam"), "--no-qc", "-L", "chrM");
        assertFalse(Files.exists(vcf.resolveSibling("qc")));
    }

    /**
     * The slice's VCF text (its sample pseudonym masked), pinned by its MD5; golden/trio1_child.vcf.gz holds the text
     * itself, so that a change shows its first differing lines. When the model changes on purpose, update
     * golden/trio1_child.vcf.md5 and golden/trio1_child.vcf.gz together with golden/trio1_child.concordance.tsv (the
     * new accuracy, from SliceAccuracyTest) in the same commit.
     */
    @Test
    void goldenDigestOfTheSliceVcf() throws Exception {
        String text = maskedText(call(tmp.resolve("out"), SampleData.file("trio1_child.bam")));
        String expected = Files.readString(Path.of("src/test/resources/golden/trio1_child.vcf.md5")).strip();
        String golden;
        try (InputStream in = new java.util.zip.GZIPInputStream(
                Files.newInputStream(Path.of("src/test/resources/golden/trio1_child.vcf.gz")))) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, md5(golden), "golden/trio1_child.vcf.gz is not the text golden/trio1_child.vcf.md5"
                + " pins: update both together");
        if (!expected.equals(md5(text))) {
            fail("VCF text changed (MD5 " + md5(text) + ", pinned " + expected + "); see this test's javadoc.\n"
                    + firstDifferences(golden, text, 5));
        }
    }

    @Test
    void aChangedVcfShowsItsFirstDifferingLines() {
        String shown = firstDifferences("#h\na\t1\nb\t2\n", "#h\na\t1\nb\t3\nc\t4\n", 5);
        assertEquals("line 3:\n  golden: b\t2\n  now:    b\t3\nline 4:\n  golden: (none)\n  now:    c\t4\n"
                + "3 golden lines, 4 now", shown);
    }

    /** Up to {@code n} lines where {@code actual} differs from {@code expected}, each as the two lines. */
    static String firstDifferences(String expected, String actual, int n) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(a.size(), b.size()) && shown < n; i++) {
            String x = i < a.size() ? a.get(i) : "(none)";
            String y = i < b.size() ? b.get(i) : "(none)";
            if (!x.equals(y)) {
                out.append("line ").append(i + 1).append(":\n  golden: ").append(x).append("\n  now:    ").append(y)
                        .append('\n');
                shown++;
            }
        }
        return out.append(a.size()).append(" golden lines, ").append(b.size()).append(" now").toString();
    }

    @Test
    void headerNamesTheReferenceByMd5AndCarriesNoPathOrIdentifier() throws Exception {
        Path vcf = call(tmp.resolve("out"), SampleData.file("trio1_child.bam"));
        String text = vcfText(vcf);
        String pseudonym = vcf.getFileName().toString().replace(".vcf.gz", "");
        String refMd5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(Files.readAllBytes(SampleData.file("ref.fa"))));
        assertTrue(text.contains("##reference=file:ref.fa\n##referenceMd5=" + refMd5 + "\n"), "the VCF spec's form,"
                + " by file name, and the bytes' MD5");
        assertTrue(text.contains("##fileformat=VCFv4.2\n"));
        assertTrue(text.contains("##source=gap-"));
        // length, and the .dict's M5 (its AS too where the .dict has one)
        assertTrue(text.contains("##contig=<ID=chr22_20_21M,length=1000000,md5=05a352ea48c23662e7d72e1614f88da7>"));
        assertTrue(text.contains("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Fragments covering the site,"));
        assertTrue(text.contains("\tFORMAT\t" + pseudonym + "\n"), "the sample column is the pseudonym");
        assertFalse(text.contains("CommandLine") || text.contains("##command"), "no command line");
        assertFalse(text.contains(SampleData.dir().toString()), "no path");
        for (String line : Files.readAllLines(SampleData.file("samplesheet.tsv")).subList(1, 4)) {
            String[] f = line.split("\t");
            assertFalse(text.contains(f[0]) || text.contains(f[1]), "no patient identifier or MRN in the VCF");
        }
    }

    @Test
    void logsNameNoPatientAndShowProgress() throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                SampleData.file("trio1_father.bam").toString(), "-O", tmp.resolve("out").toString(), "--threads", "2"));
        args.addAll(TestKeys.options(tmp));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("ProgressMeter -        Current Locus  Elapsed Minutes     Reads Processed"
                + "      Reads/Minute  % Complete  Minutes Left"), r.stderr());
        assertTrue(r.stderr().contains("reads seen"), r.stderr());
        assertTrue(r.stderr().lines().anyMatch(l -> l.matches(".*CallingRun - Done: \\d+ calls, \\d+ PASS, 1 sample\\(s\\);"
                + " elapsed \\d+\\.\\d minutes; peak (RSS|heap) \\d+ MiB")), r.stderr());
        for (String line : Files.readAllLines(SampleData.file("samplesheet.tsv")).subList(1, 4)) {
            String[] f = line.split("\t");
            assertFalse(r.stderr().contains(f[0]) || r.stderr().contains(f[1]), "identifier in the log");
        }
    }

    @Test
    void cramGivesTheSameCallsAsBam() throws Exception {
        Path bam = SampleData.file("trio1_child.bam");
        Path ref = SampleData.file("ref.fa");
        Path cram = tmp.resolve("trio1_child.cram");
        SamReaderFactory factory = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT);
        try (SamReader in = factory.open(bam);
             OutputStream out = Files.newOutputStream(cram)) {
            SAMFileWriter writer = new SAMFileWriterFactory().makeCRAMWriter(in.getFileHeader(), out, ref);
            in.forEach(writer::addAlignment);
            writer.close();
        }
        try (InputStream in = Files.newInputStream(cram);
             OutputStream crai = Files.newOutputStream(tmp.resolve("trio1_child.cram.crai"))) {
            CRAMCRAIIndexer.writeIndex(new htsjdk.samtools.seekablestream.SeekableFileStream(cram.toFile()), crai);
        }
        String fromBam = vcfText(call(tmp.resolve("bam"), bam));
        String fromCram = vcfText(call(tmp.resolve("cram"), cram));
        // Same SM, same keystore: same pseudonym, so the texts compare whole.
        assertEquals(fromBam, fromCram);
        assertTrue(fromBam.lines().filter(l -> !l.startsWith("#")).count() > 200);
    }
}
