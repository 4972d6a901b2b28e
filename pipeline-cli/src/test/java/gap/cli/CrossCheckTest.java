package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import htsjdk.samtools.CRAMCRAIIndexer;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMFileWriter;
import htsjdk.samtools.SAMFileWriterFactory;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import htsjdk.samtools.seekablestream.SeekableFileStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that each look valid but do not fit together (issue 18, classes 1-6): a stale index, reads of another
 * reference, known sites on other contig names, an empty territory, a swapped sheet row, a pedigree cycle. Each must
 * stop before calling with one line, exit 2: today's alternative is a wrong answer with exit 0.
 */
class CrossCheckTest {
    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private Cli.Result call(Path ref, Path bam, String... extra) {
        List<String> args = new ArrayList<>(List.of("call", "-R", ref.toString(), "-I", bam.toString(),
                "-O", out().toString(), "-L", "chr22_20_21M:150000-160000"));
        args.addAll(TestKeys.options(tmp.resolve("keys")));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void bamWithoutSqM5AlignedToAnotherReference() throws Exception {
        // bwa writes no M5: names and lengths agree with the shifted reference, so only the reads can tell (before,
        // the run went to the end and called most of the slice's bases as variants)
        String line = fails(shiftedReference(), sampleBam());
        assertTrue(line.contains("[reads] has contig chr22_20_21M (no M5 given), whose reads differ from the reference"
                + " at "), line);
        assertTrue(line.endsWith("% of bases: they were aligned to another reference; give that one"), line);
    }

    @Test
    void knownSitesOfAnotherBuildWithTheSameContigNames() throws Exception {
        // the sample known sites with each SNV's REF read 7 bp on, as a build shifted against this one would have
        // them: names and lengths agree, so only the alleles can tell. Before, the run used them as known sites
        StringBuilder text = new StringBuilder();
        try (var in = new htsjdk.samtools.util.BlockCompressedInputStream(
                Files.newInputStream(SampleData.file("known-sites.vcf.gz")));
             var lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.US_ASCII));
             var ref = new gap.core.io.ReferenceSource(SampleData.file("ref.fa"))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] f = line.split("\t");
                if (line.startsWith("#") || f[3].length() != 1 || f[4].length() != 1) {
                    text.append(line).append('\n');
                    continue;
                }
                int pos = Integer.parseInt(f[1]);
                String other = new String(ref.basesAsWritten(f[0], pos + 7, pos + 7), StandardCharsets.US_ASCII);
                if (!other.equals(f[4]) && !other.equals("N")) {
                    f[3] = other;
                    text.append(String.join("\t", f)).append('\n');
                }
            }
        }
        Path sites = tmp.resolve("other-build.vcf.gz");
        try (var out = new htsjdk.samtools.util.BlockCompressedOutputStream(sites.toFile())) {
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        }
        String line = fails(SampleData.file("ref.fa"), sampleBam(), "--known-sites", sites.toString());
        assertTrue(line.contains(" has REF alleles other than the reference's at "), line);
    }

    /** The reference's chr22 slice shifted by 7 bases (same names and lengths), indexed afresh. */
    private Path shiftedReference() throws Exception {
        String fasta = sampleFasta();
        int chrM = fasta.indexOf(">chrM");
        int nl = fasta.indexOf('\n');
        String seq = fasta.substring(nl + 1, chrM).replace("\n", "");
        String shifted = seq.substring(7) + seq.substring(0, 7);
        StringBuilder text = new StringBuilder(fasta.substring(0, nl + 1));
        for (int i = 0; i < shifted.length(); i += 60) {
            text.append(shifted, i, Math.min(shifted.length(), i + 60)).append('\n');
        }
        text.append(fasta.substring(chrM));
        Path dir = Files.createTempDirectory(tmp, "shifted");
        Path ref = Files.writeString(dir.resolve("ref.fa"), text, StandardCharsets.ISO_8859_1);
        assertEquals(0, new ProcessBuilder("samtools", "faidx", ref.toString()).start().waitFor());
        assertEquals(0, new ProcessBuilder("samtools", "dict", "-o", dir.resolve("ref.dict").toString(),
                ref.toString()).start().waitFor());
        return ref;
    }

    private String fails(Path ref, Path bam, String... extra) {
        return BadInput.oneLine(call(ref, bam, extra), "call", out(), List.of(tmp.toString()));
    }

    private static Path sampleBam() {
        return SampleData.file("trio1_child.bam");
    }

    /** A copy of the sample reference under {@code dir} whose FASTA is {@code fasta}, with the original .fai and .dict. */
    private Path staleReference(String fasta) throws IOException {
        Path dir = Files.createDirectories(Files.createTempDirectory(tmp, "ref"));
        Files.writeString(dir.resolve("ref.fa"), fasta, StandardCharsets.ISO_8859_1);
        Files.copy(SampleData.file("ref.fa.fai"), dir.resolve("ref.fa.fai"));
        Files.copy(SampleData.file("ref.dict"), dir.resolve("ref.dict"));
        return dir.resolve("ref.fa");
    }

    private static String sampleFasta() throws IOException {
        return Files.readString(SampleData.file("ref.fa"), StandardCharsets.ISO_8859_1);
    }

    /** The FASTA with every contig's lines rewrapped at {@code width} columns. */
    private static String rewrapped(String fasta, int width) {
        StringBuilder out = new StringBuilder();
        for (String record : fasta.split("(?=>)")) {
            int nl = record.indexOf('\n');
            out.append(record, 0, nl + 1);
            String seq = record.substring(nl + 1).replace("\n", "");
            for (int i = 0; i < seq.length(); i += width) {
                out.append(seq, i, Math.min(seq.length(), i + width)).append('\n');
            }
        }
        return out.toString();
    }

    private static void isStaleIndex(String line) {
        assertTrue(line.contains("reference ref.fa does not match its index ref.fa.fai")
                && line.contains("samtools faidx ref.fa"), line);
    }

    /** Reads re-aligned or re-sorted under the index of the file they replaced: caught before calling, not mid-run. */
    @Test
    void bamUnderAnotherBamsIndex() throws IOException {
        Path bam = tmp.resolve("reads.bam");
        Files.copy(SampleData.file("hard1_proband_15x.bam"), bam);
        Files.copy(SampleData.file("trio1_child.bam.bai"), tmp.resolve("reads.bam.bai"));
        String line = fails(SampleData.file("ref.fa"), bam);
        assertTrue(line.contains("does not match it") && line.contains("samtools index"), line);
    }

    @Test
    void fastaRewrappedUnderItsOldIndex() throws IOException {
        isStaleIndex(fails(staleReference(rewrapped(sampleFasta(), 80)), sampleBam()));
        isStaleIndex(fails(staleReference(rewrapped(sampleFasta(), 70)), sampleBam()));
    }

    @Test
    void contigCutShiftedOrAppendedUnderItsOldIndex() throws IOException {
        String fasta = sampleFasta();
        int chrM = fasta.indexOf(">chrM");
        // chr22's last 61 bytes (one line) cut: chrM moves up a line
        isStaleIndex(fails(staleReference(fasta.substring(0, chrM - 61) + fasta.substring(chrM)), sampleBam()));
        // a longer header line shifts every base by 5 bytes
        isStaleIndex(fails(staleReference(fasta.replaceFirst(">chr22_20_21M", ">chr22_20_21M hg38")), sampleBam()));
        // the file cut inside chrM
        isStaleIndex(fails(staleReference(fasta.substring(0, fasta.length() - 500)), sampleBam()));
        // a contig appended that the index does not know
        isStaleIndex(fails(staleReference(fasta + ">chrX_extra\n" + "ACGT".repeat(2000) + "\n"), sampleBam()));
    }

    @Test
    void sequenceEditedInPlaceIsCaughtByTheDictionaryMd5() throws IOException {
        String fasta = sampleFasta();
        int at = fasta.indexOf('\n', fasta.indexOf('\n') + 100 * 61) + 1; // a line in the middle of chr22
        char base = fasta.charAt(at) == 'A' ? 'C' : 'A';
        Path ref = staleReference(fasta.substring(0, at) + base + fasta.substring(at + 1));
        String line = fails(ref, sampleBam());
        assertTrue(line.contains("the sequence dictionary ref.dict does not match reference ref.fa (contig chr22_20_21M")
                && line.contains("samtools dict"), line);
    }

    @Test
    void dictionaryOfAnotherLengthThanTheIndex() throws IOException {
        Path ref = staleReference(sampleFasta());
        Files.writeString(ref.resolveSibling("ref.dict"),
                Files.readString(ref.resolveSibling("ref.dict")).replace("LN:16569", "LN:16571"));
        String line = fails(ref, sampleBam());
        assertTrue(line.contains("the sequence dictionary ref.dict does not match reference ref.fa"), line);
    }

    @Test
    void theSampleReferenceWithCrlfLinesStillPasses() throws IOException {
        // samtools faidx indexes CRLF files with bytes-per-line one more: a valid pair must not be refused
        Path dir = Files.createDirectories(tmp.resolve("crlf"));
        String crlf = sampleFasta().replace("\n", "\r\n");
        Path fa = Files.writeString(dir.resolve("ref.fa"), crlf, StandardCharsets.ISO_8859_1);
        long chrM = crlf.indexOf(">chrM") + ">chrM\r\n".length();
        Files.writeString(dir.resolve("ref.fa.fai"), "chr22_20_21M\t1000000\t15\t60\t62\nchrM\t16569\t" + chrM + "\t60\t62\n");
        Files.copy(SampleData.file("ref.dict"), dir.resolve("ref.dict"));
        Cli.Result r = Cli.run(withKeys("call", "-R", fa.toString(), "-I", sampleBam().toString(), "-O",
                out().toString(), "-L", "chr22_20_21M:150000-151000"));
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @Test
    void bamWhoseSqM5AndReadsAreAnotherReferences() throws Exception {
        // the BAM's @SQ M5 (the true slice's) differs from the shifted reference's, and its reads disagree with it
        Path ref = shiftedReference();
        SAMFileHeader header = TestBams.header();
        List<SAMSequenceRecord> seqs = new ArrayList<>();
        for (SAMSequenceRecord s : header.getSequenceDictionary().getSequences()) {
            SAMSequenceRecord copy = new SAMSequenceRecord(s.getSequenceName(), s.getSequenceLength());
            copy.setMd5(s.getSequenceName().equals("chrM") ? "6d0d60accc58965264a8c4ca5e7750f9"
                    : "05a352ea48c23662e7d72e1614f88da7");
            seqs.add(copy);
        }
        header.setSequenceDictionary(new SAMSequenceDictionary(seqs));
        Path bam = TestBams.write(tmp.resolve("other-build.bam"), header,
                TestBams.records("chr22_20_21M", 150_000, 152_000), true);
        String line = fails(ref, bam);
        assertTrue(line.contains("[reads] has contig chr22_20_21M with M5 other than the reference's, and its reads"
                + " differ from the reference at"), line);
        // the same BAM against the true reference: its M5s are right, it runs
        assertEquals(0, call(SampleData.file("ref.fa"), bam).exitCode());
    }

    @Test
    void cramDecodedWithAnotherReference() throws Exception {
        Path cram = tmp.resolve("child.cram");
        SamReaderFactory factory = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT);
        try (SamReader in = factory.open(sampleBam()); OutputStream o = Files.newOutputStream(cram)) {
            SAMFileHeader header = in.getFileHeader().clone();
            SAMFileWriter writer = new SAMFileWriterFactory().makeCRAMWriter(header, o, SampleData.file("ref.fa"));
            in.forEach(writer::addAlignment);
            writer.close();
        }
        try (InputStream in = Files.newInputStream(cram);
             OutputStream crai = Files.newOutputStream(tmp.resolve("child.cram.crai"))) {
            CRAMCRAIIndexer.writeIndex(new SeekableFileStream(cram.toFile()), crai);
        }
        // the same contigs and lengths, other bases, indexed afresh: only the CRAM's slice MD5s tell
        String fasta = sampleFasta();
        StringBuilder edited = new StringBuilder(fasta);
        for (int at = fasta.indexOf('\n') + 1; at < fasta.indexOf(">chrM"); at += 997) {
            char c = fasta.charAt(at);
            if (c == 'A' || c == 'C' || c == 'G' || c == 'T') {
                edited.setCharAt(at, c == 'A' ? 'C' : 'A');
            }
        }
        Path dir = Files.createTempDirectory(tmp, "other");
        Path ref = Files.writeString(dir.resolve("ref.fa"), edited, StandardCharsets.ISO_8859_1);
        Files.copy(SampleData.file("ref.fa.fai"), dir.resolve("ref.fa.fai"));
        new ProcessBuilder("samtools", "dict", "-o", dir.resolve("ref.dict").toString(), ref.toString())
                .inheritIO().start().waitFor();
        String line = fails(ref, cram);
        assertTrue(line.contains("[reads] was not written against this reference"), line);
    }

    /** The committed known sites with chr22_20_21M renamed {@code 22}, as a plain VCF and bgzipped with its .tbi. */
    private List<Path> knownSitesOnOtherNames() throws Exception {
        Path plain = tmp.resolve("dbsnp_b37.vcf");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(SampleData.file("known-sites.vcf.gz")))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(plain, text.replace("chr22_20_21M", "22").replace("ID=chrM", "ID=MT"));
        }
        Path gz = tmp.resolve("dbsnp_b37.vcf.gz");
        Process bgzip = new ProcessBuilder("bgzip", "-c", plain.toString()).redirectOutput(gz.toFile()).start();
        assertEquals(0, bgzip.waitFor());
        assertEquals(0, new ProcessBuilder("tabix", "-p", "vcf", gz.toString()).start().waitFor());
        return List.of(plain, gz);
    }

    @Test
    void knownSitesOnOtherContigNames() throws Exception {
        for (Path sites : knownSitesOnOtherNames()) {
            String line = fails(SampleData.file("ref.fa"), sampleBam(), "--known-sites", sites.toString());
            assertTrue(line.contains("known-sites VCF " + sites.getFileName() + " has no site on any contig of the"
                    + " reference"), line);
        }
    }

    @Test
    void truncatedKnownSitesFoundBeforeCalling() throws IOException {
        byte[] bytes = Files.readAllBytes(SampleData.file("known-sites.vcf.gz"));
        Path cut = Files.write(tmp.resolve("sites.vcf.gz"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Files.copy(SampleData.file("known-sites.vcf.gz.tbi"), tmp.resolve("sites.vcf.gz.tbi"));
        Cli.Result r = call(SampleData.file("ref.fa"), sampleBam(), "--known-sites", cut.toString());
        String line = BadInput.oneLine(r, "call", out(), List.of(tmp.toString()));
        assertTrue(line.contains("known-sites VCF sites.vcf.gz has no BGZF end-of-file marker"), line);
        assertTrue(r.stdout().isEmpty(), "nothing ran: " + r.stdout());
    }

    @Test
    void scoreWithKnownSitesOnOtherNamesOrIntoAMissingFolderFailsBeforeWork() throws Exception {
        assertEquals(0, call(SampleData.file("ref.fa"), sampleBam()).exitCode());
        Path calls = CallCommandTest.onlyVcf(out());
        Path sites = knownSitesOnOtherNames().get(1);
        Path outVcf = tmp.resolve("scored").resolve("x.vcf.gz");
        Cli.Result r = Cli.run("score", "-V", calls.toString(), "--known-sites", sites.toString(), "-O",
                outVcf.toString());
        String line = BadInput.oneLine(r, "score", outVcf.getParent(), List.of(tmp.toString()));
        assertTrue(line.contains("the folder of -O does not exist"), line);
        Files.createDirectories(outVcf.getParent());
        r = Cli.run("score", "-V", calls.toString(), "--known-sites", sites.toString(), "-O", outVcf.toString());
        line = BadInput.oneLine(r, "score", outVcf.getParent(), List.of(tmp.toString()));
        assertTrue(line.contains("has no site on any contig of the reference"), line);
    }

    @Test
    void emptyOrCommentOnlyIntervalsAreAnError() throws IOException {
        Path empty = Files.writeString(tmp.resolve("UZL-0012345_panel.bed"), "");
        Path comments = Files.writeString(tmp.resolve("UZL-0012345_panel2.bed"), "# panel v2\ntrack name=x\n\n");
        Path headerOnly = Files.writeString(tmp.resolve("UZL-0012345.interval_list"),
                "@HD\tVN:1.6\n@SQ\tSN:chrM\tLN:16569\n");
        for (Path file : List.of(empty, comments, headerOnly)) {
            Cli.Result r = Cli.run(withKeys("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                    sampleBam().toString(), "-O", out().toString(), "-L", file.toString()));
            String line = BadInput.oneLine(r, "call", out(), List.of(tmp.toString(), "UZL-0012345"));
            assertTrue(line.contains("intervals file [intervals] holds no interval"), line);
        }
        Path bad = Files.writeString(tmp.resolve("UZL-0012345_bad.bed"), "chr22_20_21M\t100\n");
        Cli.Result r = Cli.run(withKeys("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                sampleBam().toString(), "-O", out().toString(), "-L", bad.toString()));
        String line = BadInput.oneLine(r, "call", out(), List.of(tmp.toString(), "UZL-0012345"));
        assertTrue(line.contains("[intervals] line 1 has fewer than 3 columns"), line);
    }

    /** The child's BAM with its @RG SM replaced by {@code sm} (written as UTF-8 text, as samtools does), indexed. */
    private Path bamWithSm(String name, String sm) throws Exception {
        Path header = tmp.resolve(name + ".header.sam");
        Process view = new ProcessBuilder("samtools", "view", "-H", sampleBam().toString()).start();
        String text = new String(view.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, view.waitFor());
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("@RG")) {
                out.append(sm == null ? "" : line.replaceAll("SM:[^\t]*", "SM:" + sm) + "\n");
            } else if (!line.startsWith("@PG")) {
                out.append(line).append('\n');
            }
        }
        Files.writeString(header, out, StandardCharsets.UTF_8);
        Path bam = tmp.resolve(name + ".bam");
        Process reheader = new ProcessBuilder("samtools", "reheader", header.toString(), sampleBam().toString())
                .redirectOutput(bam.toFile()).start();
        assertEquals(0, reheader.waitFor());
        assertEquals(0, new ProcessBuilder("samtools", "index", bam.toString()).start().waitFor());
        return bam;
    }

    /** A one-row sheet for {@code bam} with patient_id {@code patient}, written as UTF-8 (with a BOM when asked). */
    private Path sheet(String patient, Path bam, boolean bom) throws IOException {
        String text = (bom ? "\uFEFF" : "") + "patient_id\tmrn\tsample_alias\tfamily_id\trole\tsex\tbam\n"
                + patient + "\tUZL-0077777\tzoe_blood\tfam7\tproband\tfemale\t" + bam.getFileName() + "\n";
        return Files.writeString(Files.createTempFile(tmp, "sheet", ".tsv"), text, StandardCharsets.UTF_8);
    }

    private Cli.Result callSheet(Path sheet) {
        return Cli.run(withKeys("call", "-R", SampleData.file("ref.fa").toString(), "--sample-sheet",
                sheet.toString(), "-O", out().toString(), "-L", "chr22_20_21M:150000-151000"));
    }

    @Test
    void sheetRowsBamMustCarryTheRowsSm() throws Exception {
        List<String> secrets = List.of(tmp.toString(), "Zoë", "UZL-0077777", "zoe_blood");
        Path noRg = bamWithSm("norg", null);
        String line = BadInput.oneLine(callSheet(sheet("Zoë", noRg, false)), "call", out(), secrets);
        assertTrue(line.contains("sample sheet line 2: the BAM has no @RG SM"), line);

        Path zoe = bamWithSm("zoe", "Zoë");
        // the Latin-1 garbling of the same name is another name: a swap, not a pass
        line = BadInput.oneLine(callSheet(sheet("ZoÃ«", zoe, false)), "call", out(), secrets);
        assertTrue(line.contains("sample sheet line 2: the BAM's @RG SM is neither"), line);

        line = BadInput.oneLine(callSheet(sheet("Zoë", zoe, true)), "call", out(), secrets);
        assertTrue(line.contains("sample sheet starts with a byte-order mark (BOM)"), line);

        // the same name, composed (NFC) in the BAM and decomposed (NFD) in the sheet, is the row's
        Cli.Result r = callSheet(sheet("Zoe\u0308", zoe, false));
        assertEquals(0, r.exitCode(), r.stderr());
        Files.walk(out()).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        r = callSheet(sheet("Zoë", zoe, false));
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @Test
    void pedigreeCycleWithConsistentSexes() throws IOException {
        List<String> ids = BadInput.sheetIdentifiers(); // the trio BAMs' SMs are the patient_ids
        String father = ids.get(0);
        String child = ids.get(8);
        Path ped = Files.writeString(tmp.resolve("trio.ped"), "F " + father + " " + child + " 0 1 1\n"
                + "F " + child + " " + father + " 0 0 1\n");
        Cli.Result r = Cli.run(withKeys("call", "-R", SampleData.file("ref.fa").toString(),
                "-I", SampleData.file("trio1_father.bam").toString(), "-I", sampleBam().toString(),
                "--pedigree", ped.toString(), "-O", out().toString(), "-L", "chrM"));
        String line = BadInput.oneLine(r, "call", out(), List.of(tmp.toString()));
        assertTrue(line.contains("pedigree line 1: the individual is its own ancestor"), line);
    }

    private String[] withKeys(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(TestKeys.options(tmp.resolve("keys")));
        return all.toArray(String[]::new);
    }
}
