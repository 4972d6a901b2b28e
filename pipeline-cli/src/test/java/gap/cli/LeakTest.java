package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.privacy.LeakScanner;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No identifier of the sample sheet (patient_id, mrn, sample_alias, family_id) in anything a run leaves: stdout,
 * stderr, file names, and every output file decoded. Runs the trio sheet, the sheet's BAMs under -I with files named
 * after the MRN (also with --debug), bad inputs named after the MRN, and {@code gap qc} on files named after patients;
 * the QC files (report.html, the stats text, qc.json) are scanned like every other output. The scanner is itself
 * tested on identifiers planted inside a compressed Parquet column and a BGZF block.
 */
class LeakTest {
    @TempDir
    static Path tmp;
    private static List<String> identifiers;

    @BeforeAll
    static void identifiers() throws IOException {
        identifiers = new ArrayList<>();
        List<String> lines = Files.readAllLines(SampleData.file("samplesheet.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            identifiers.addAll(List.of(f[0], f[1], f[2], f[3]));
        }
        identifiers = identifiers.stream().distinct().toList();
    }

    private static Cli.Result call(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(), "-O", out.toString()));
        all.addAll(List.of(args));
        all.addAll(TestKeys.options(tmp.resolve("keys")));
        return Cli.run(all.toArray(String[]::new));
    }

    private static void assertNoLeak(Cli.Result r, Path out) {
        LeakScanner scanner = new LeakScanner(identifiers).scanText("stdout", r.stdout()).scanText("stderr", r.stderr());
        if (Files.exists(out)) {
            scanner.scanTree(out);
        }
        assertEquals(List.of(), scanner.hits());
    }

    /** The child's BAM and index copied under the child's MRN, as hospitals name files. */
    private static Path bamNamedAfterMrn(String dir) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(dir));
        Path bam = Files.copy(SampleData.file("trio1_child.bam"), d.resolve("UZL-0090417.bam"));
        Files.copy(SampleData.file("trio1_child.bam.bai"), d.resolve("UZL-0090417.bam.bai"));
        return bam;
    }

    @Test
    void trioSheet() {
        Path out = tmp.resolve("sheet-out");
        Cli.Result r = call(out, "--sample-sheet", SampleData.file("samplesheet.tsv").toString(), "--pedigree",
                SampleData.file("trio1.ped").toString(), "-L", "chrM");
        assertEquals(0, r.exitCode(), r.stderr());
        try (var files = Files.list(out)) {
            assertEquals(7, files.filter(f -> !f.getFileName().toString().startsWith(".")).count(), "the family's"
                    + " VCF and index, calls.parquet, samples.parquet, denovo.tsv, qc/, _SUCCESS (and the hidden record"
                    + " of what the run wrote)");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertNoLeak(r, out);
    }

    @Test
    void inputNamedAfterTheMrnWithAndWithoutDebug() throws IOException {
        Path bam = bamNamedAfterMrn("mrn");
        for (String debug : List.of("--threads=1", "--debug")) {
            Path out = tmp.resolve("mrn-out" + debug.length());
            Cli.Result r = call(out, "-I", bam.toString(), "-L", "chrM", debug);
            assertEquals(0, r.exitCode(), r.stderr());
            assertNoLeak(r, out);
        }
    }

    @Test
    void badInputsNamedAfterTheMrnWithDebug() throws IOException {
        Path bam = bamNamedAfterMrn("bad");
        Path truncated = Files.write(tmp.resolve("bad/UZL-0048213.bam"),
                Arrays.copyOf(Files.readAllBytes(bam), 100_000));
        Files.copy(SampleData.file("trio1_child.bam.bai"), tmp.resolve("bad/UZL-0048213.bam.bai"));
        Path noIndex = Files.copy(bam, tmp.resolve("bad/UZL-0012345.bam"));
        Path badSheet = Files.writeString(tmp.resolve("bad/trio1.tsv"), Files.readString(SampleData.file("samplesheet.tsv"))
                .replace("trio1_father.bam", "UZL-0012345-missing.bam"));
        List<List<String>> cases = List.of(
                List.of("-I", tmp.resolve("bad/UZL-0063190.bam").toString()),
                List.of("-I", truncated.toString()),
                List.of("-I", noIndex.toString()),
                List.of("--sample-sheet", badSheet.toString()),
                List.of("-I", bam.toString(), "-L", "chrUnknown"));
        for (List<String> c : cases) {
            List<String> args = new ArrayList<>(c);
            args.add("--debug");
            Path out = tmp.resolve("bad-out");
            Cli.Result r = call(out, args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), r.stderr());
            assertNoLeak(r, out);
        }
    }

    /**
     * {@code gap qc} of a VCF whose sample column is a sample alias and whose name is the MRN, with reads named after
     * the MRN (their SM is the patient id) and a truth set named after the patient id: the QC files (report.html and
     * the stats text included) and the logs hold pseudonyms only, with and without --debug, and so does a bad input.
     */
    @Test
    void qcOfFilesNamedAfterPatients() throws IOException {
        Path bam = bamNamedAfterMrn("qc");
        Path vcf = Files.copy(SampleData.file("trio1_child.truth.vcf.gz"), tmp.resolve("qc/UZL-0090417.vcf.gz"));
        Path truth = Files.copy(SampleData.file("trio1_child.truth.vcf.gz"),
                tmp.resolve("qc/25.03.18-062.17.truth.vcf.gz"));
        for (String debug : List.of("--threads=2", "--debug")) {
            Path out = tmp.resolve("qc-out" + debug.length());
            Cli.Result r = qc(out, "-V", vcf.toString(), "-R", SampleData.file("ref.fa").toString(), "-I",
                    bam.toString(), "--truth", truth.toString(), debug);
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(Files.exists(out.resolve("report.html")));
            assertNoLeak(r, out);
        }
        Path out = tmp.resolve("qc-bad");
        Cli.Result r = qc(out, "-V", tmp.resolve("qc/UZL-0048213.vcf.gz").toString(), "--debug");
        assertEquals(2, r.exitCode(), r.stderr());
        assertNoLeak(r, out);
        r = qc(out, "-V", vcf.toString(), "-R", SampleData.file("ref.fa").toString(), "--truth", truth.toString(),
                "--truth-sample", "nobody", "--debug");
        assertEquals(2, r.exitCode(), r.stderr());
        assertNoLeak(r, out);
    }

    private static Cli.Result qc(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("qc", "-O", out.toString()));
        all.addAll(List.of(args));
        all.addAll(TestKeys.options(tmp.resolve("keys")));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void scannerFindsIdentifiersInsideCompressedParquetAndBgzf() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("planted"));
        String planted = identifiers.get(1);
        Schema schema = SchemaBuilder.record("r").fields().requiredString("note").endRecord();
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(dir.resolve("p.parquet")))
                .withSchema(schema).withConf(conf).withDataModel(GenericData.get())
                .withCompressionCodec(CompressionCodecName.GZIP).build()) {
            // Min and max statistics sit uncompressed in the footer: keep the identifier out of them.
            for (int i = 0; i < 200; i++) {
                GenericRecord rec = new GenericData.Record(schema);
                rec.put("note", i == 0 ? "aaa" : i == 199 ? "zzz" : "row " + i + " of " + planted);
                w.write(rec);
            }
        }
        try (OutputStream out = new BlockCompressedOutputStream(dir.resolve("b.vcf.gz").toFile())) {
            out.write(("##x\n" + "filler\t".repeat(50) + planted + "\n").repeat(20).getBytes(StandardCharsets.UTF_8));
        }
        List<LeakScanner.Hit> hits = new LeakScanner(List.of(planted)).scanTree(dir).hits();
        assertTrue(hits.contains(new LeakScanner.Hit("p.parquet", planted, "Parquet pages decoded")), hits.toString());
        assertTrue(hits.contains(new LeakScanner.Hit("b.vcf.gz", planted, "gzip/BGZF decoded")), hits.toString());
        assertFalse(hits.stream().anyMatch(h -> h.how().equals("raw bytes")), "both were compressed: " + hits);
    }
}
