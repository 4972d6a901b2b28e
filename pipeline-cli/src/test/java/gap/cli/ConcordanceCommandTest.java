package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.command.Commands;
import gap.core.concordance.ConcordanceFixtures;
import gap.core.concordance.ConcordanceTsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gap concordance} run in-process through {@link Main#run}, on the sample-data slice. */
class ConcordanceCommandTest {
    private static final String PATIENT_ID = "25.03.18-062.17"; // the child's fabricated identifier

    @TempDir
    Path dir;

    private final Path data = ConcordanceFixtures.sampleData();
    private final String ref = data.resolve("ref.fa").toString();
    private final String childTruth = data.resolve("trio1_child.truth.vcf.gz").toString();
    private final String bed = data.resolve("confident.bed").toString();

    /** Exit code, stdout and stderr of one run. */
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The data lines of a report (not the # lines), checking the column header on the way. */
    private static List<String[]> rows(String tsv) {
        List<String> lines = tsv.lines().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
        assertEquals(String.join("\t", ConcordanceTsv.COLUMNS), lines.get(0));
        assertEquals("type\tTP\tFP\tFN\tprecision\trecall\tF1\tgenotype_concordance\ttruth_total\tcalls_total",
                lines.get(0));
        return lines.stream().skip(1).map(l -> l.split("\t", -1)).collect(Collectors.toList());
    }

    @Test
    void truthAgainstItselfScoresOneAndWritesTheFileWhole() throws IOException {
        Path report = dir.resolve("report.tsv");
        Run r = run("concordance", "--truth", childTruth, "--calls", childTruth, "-R", ref, "--confident", bed,
                "-O", report.toString());
        assertEquals(0, r.exit(), r.err());
        String tsv = Files.readString(report);
        assertTrue(tsv.contains("# confident regions: confident.bed (BED, 0-based half-open; an allele counts when"
                + " its POS lies in a region, as bcftools -T)"), tsv);
        List<String[]> rows = rows(tsv);
        assertEquals(2, rows.size());
        assertEquals("SNV", rows.get(0)[0]);
        assertEquals("INDEL", rows.get(1)[0]);
        for (String[] row : rows) {
            assertEquals(10, row.length);
            assertEquals("0", row[2]);
            assertEquals("0", row[3]);
            for (int i = 4; i <= 7; i++) {
                assertEquals("1.0000", row[i], ConcordanceTsv.COLUMNS.get(i));
            }
            assertEquals(row[1], row[8]);
            assertEquals(row[1], row[9]);
            assertTrue(Integer.parseInt(row[1]) > 10);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(report), files.collect(Collectors.toList()), "no temporary file left behind");
        }
    }

    @Test
    void withoutOutputTheReportGoesToStdout() {
        Run r = run("concordance", "--truth", childTruth, "--calls", childTruth, "--reference", ref);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("# confident regions: whole genome"), r.out());
        List<String[]> rows = rows(r.out());
        assertEquals("SNV", rows.get(0)[0]);
        assertEquals("1.0000", rows.get(0)[6]);
    }

    @Test
    void samplesArePickedByNameAndAWrongNameIsNotEchoed() throws IOException {
        String trio = data.resolve("trio1.truth.vcf.gz").toString();
        Run ok = run("concordance", "--truth", trio, "--truth-sample", "trio1_child", "--calls", childTruth,
                "-R", ref, "--confident", bed);
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("1.0000", rows(ok.out()).get(1)[6]);

        Run bad = run("concordance", "--truth", trio, "--truth-sample", PATIENT_ID, "--calls", childTruth,
                "-R", ref);
        assertEquals(Commands.EXIT_USER_ERROR, bad.exit());
        assertEquals("gap concordance: error: the sample named by --truth-sample is not in trio1.truth.vcf.gz:"
                + " list the samples with 'bcftools query -l trio1.truth.vcf.gz'", bad.err().strip());
        assertFalse(bad.err().contains(PATIENT_ID));
        assertFalse(bad.out().contains(PATIENT_ID));
    }

    @Test
    void missingFileIsAUserErrorOnOneLineAndLeavesNoOutput() {
        Path report = dir.resolve("report.tsv");
        Run r = run("concordance", "--truth", dir.resolve("absent.vcf.gz").toString(), "--calls", childTruth,
                "-R", ref, "-O", report.toString());
        assertEquals(Commands.EXIT_USER_ERROR, r.exit());
        assertEquals("gap concordance: error: truth VCF absent.vcf.gz does not exist: check the path", r.err().strip());
        assertFalse(Files.exists(report));

        Run noFolder = run("concordance", "--truth", childTruth, "--calls", childTruth, "-R", ref,
                "-O", dir.resolve("no/such/folder/report.tsv").toString());
        assertEquals(Commands.EXIT_USER_ERROR, noFolder.exit());
        assertEquals("gap concordance: error: the folder of -O/--output does not exist: create it first",
                noFolder.err().strip());
    }

    @Test
    void writesUnmatchedAllelesAndCountsArtefactAndNovelAlleles() throws IOException {
        // Truth: the complex event at 975969 split as its writer split it, and three SNVs. Calls: the event as one
        // record (matched by haplotype), 180024 only in a LowQual record, FPs at two artefact sites (one LowQual).
        Path truthVcf = ConcordanceFixtures.vcf(dir, "t.vcf", ConcordanceFixtures.CHR22 + " 180006 T A PASS 0|1",
                ConcordanceFixtures.CHR22 + " 180024 C A PASS 0|1", ConcordanceFixtures.CHR22 + " 975969 A T PASS 0|1",
                ConcordanceFixtures.CHR22 + " 975971 G GAAGC PASS 0|1");
        Path callsVcf = ConcordanceFixtures.vcf(dir, "c.vcf", ConcordanceFixtures.CHR22 + " 180010 A G PASS 0/1",
                ConcordanceFixtures.CHR22 + " 180013 G A LowQual 0/1",
                ConcordanceFixtures.CHR22 + " 180024 C A LowQual 0/1",
                ConcordanceFixtures.CHR22 + " 975969 AGG TGGAAGC PASS 0/1");
        Path artefacts = Files.writeString(dir.resolve("a.tsv"), "chrom\tpos\tkind\tref\talt\tdetail\n"
                + ConcordanceFixtures.CHR22 + "\t180010\tstrand\tA\tG\t.\n" + ConcordanceFixtures.CHR22
                + "\t180013\tstrand\tG\tA\t.\n" + ConcordanceFixtures.CHR22 + "\t180030\tlowq\tG\tT\t.\n");
        Path novel = Files.writeString(dir.resolve("n.tsv"), "chrom\tpos\tref\talt\ttype\n"
                + ConcordanceFixtures.CHR22 + "\t180006\tT\tA\tSNV\n" + ConcordanceFixtures.CHR22
                + "\t180024\tC\tA\tSNV\n" + ConcordanceFixtures.CHR22 + "\t975969\tA\tT\tSNV\n");
        Path fp = dir.resolve("fp.vcf.gz");
        Path fn = dir.resolve("fn.vcf");
        Run all = run("concordance", "--truth", truthVcf.toString(), "--calls", callsVcf.toString(), "-R", ref,
                "--include-filtered", "--artefacts", artefacts.toString(), "--novel", novel.toString(),
                "--fp-out", fp.toString(), "--fn-out", fn.toString());
        assertEquals(0, all.exit(), all.err());
        assertTrue(all.out().contains("kind\tsites\tfalse_calls\tfalse_calls_pass\nlowq\t1\t0\t0\n"
                + "strand\t2\t2\t1\n"), all.out());
        assertTrue(all.out().contains("alleles\tlisted\tin_truth\tcalled\tcalled_filtered\nnovel\t3\t3\t2\t1\n"),
                all.out());
        assertEquals(List.of("180010 A G PASS 1", "180013 G A FILTERED 1"), records(fp));
        assertEquals(List.of("180006 T A . 1"), records(fn));

        Run pass = run("concordance", "--truth", truthVcf.toString(), "--calls", callsVcf.toString(), "-R", ref,
                "--artefacts", artefacts.toString(), "--novel", novel.toString(), "--fp-out", fp.toString(),
                "--fn-out", fn.toString());
        assertEquals(0, pass.exit(), pass.err());
        assertTrue(pass.out().contains("lowq\t1\t0\t0\nstrand\t2\t1\t1\n"), pass.out());
        assertTrue(pass.out().contains("novel\t3\t3\t1\t0\n"), pass.out());
        assertEquals(List.of("180010 A G PASS 1"), records(fp));
        assertEquals(List.of("180006 T A . 1", "180024 C A . 1"), records(fn));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no partial file");
        }
    }

    /** POS REF ALT FILTER and ALT copies in GT of each record, read by htsjdk (a .gz must be BGZF). */
    private static List<String> records(Path vcf) {
        try (htsjdk.variant.vcf.VCFFileReader reader = new htsjdk.variant.vcf.VCFFileReader(vcf, false)) {
            assertTrue(List.of("CALLS", "TRUTH").contains(reader.getFileHeader().getGenotypeSamples().get(0)));
            return reader.iterator().stream().map(v -> v.getStart() + " " + v.getReference().getBaseString() + " "
                    + v.getAlternateAllele(0).getBaseString() + " " + (v.filtersWereApplied()
                    ? (v.isFiltered() ? String.join(",", v.getFilters()) : "PASS") : ".") + " "
                    + v.getGenotype(0).countAllele(v.getAlternateAllele(0))).collect(Collectors.toList());
        }
    }

    @Test
    void badTablesNameTheOptionAndLineNeverThePath() throws IOException {
        Path bad = Files.writeString(dir.resolve("25.03.18-062.17.tsv"), "chrom\tpos\tkind\nchr22_20_21M\tx\tstrand\n");
        Run r = run("concordance", "--truth", childTruth, "--calls", childTruth, "-R", ref, "--artefacts",
                bad.toString());
        assertEquals(Commands.EXIT_USER_ERROR, r.exit());
        assertEquals("gap concordance: error: --artefacts line 2: column 2 must be a 1-based position",
                r.err().strip());
        Run missing = run("concordance", "--truth", childTruth, "--calls", childTruth, "-R", ref, "--novel",
                dir.resolve("25.03.18-062.17.novel.tsv").toString());
        assertEquals(Commands.EXIT_USER_ERROR, missing.exit());
        assertFalse(missing.err().contains(PATIENT_ID), missing.err());
        assertTrue(missing.err().contains("--novel"), missing.err());
    }

    @Test
    void includeFilteredCountsEveryCallRecord() throws IOException {
        // The child's truth as calls, with one SNV record marked LowQual.
        String text;
        try (java.io.InputStream in = new htsjdk.samtools.util.BlockCompressedInputStream(
                Files.newInputStream(Path.of(childTruth)))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        int at = 0;
        while (lines.get(at).startsWith("#") || !lines.get(at).split("\t")[3].matches("[ACGT]")
                || !lines.get(at).split("\t")[4].matches("[ACGT]")) {
            at++;
        }
        String[] f = lines.get(at).split("\t", -1);
        f[6] = "LowQual";
        lines.set(at, String.join("\t", f));
        lines.add(lines.indexOf(lines.stream().filter(l -> l.startsWith("#CHROM")).findFirst().orElseThrow()),
                "##FILTER=<ID=LowQual,Description=\"Low quality\">");
        Path calls = dir.resolve("calls.vcf");
        Files.writeString(calls, String.join("\n", lines) + "\n");

        Run pass = run("concordance", "--truth", childTruth, "--calls", calls.toString(), "-R", ref);
        assertEquals(0, pass.exit(), pass.err());
        assertEquals("1", rows(pass.out()).get(0)[3], "the filtered SNV is a false negative");
        assertTrue(pass.out().contains("(calls: FILTER PASS or . only)") && pass.out().contains("filtered call records 1"));

        Run all = run("concordance", "--truth", childTruth, "--calls", calls.toString(), "-R", ref,
                "--include-filtered");
        assertEquals(0, all.exit(), all.err());
        assertEquals("0", rows(all.out()).get(0)[3]);
        assertTrue(all.out().contains("(calls: every record, whatever its FILTER)"), all.out());
    }

    @Test
    void missingRequiredOptionIsACommandLineError() {
        Run r = run("concordance", "--truth", childTruth, "-R", ref);
        assertEquals(Commands.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("--calls"), r.err());
    }

    @Test
    void helpListsTheOptions() {
        Run r = run("concordance", "--help");
        assertEquals(0, r.exit());
        for (String option : List.of("--truth", "--calls", "--reference", "--confident", "--truth-sample",
                "--calls-sample", "--include-filtered", "--output", "--fp-out", "--fn-out", "--artefacts", "--novel",
                "haplotypes")) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
