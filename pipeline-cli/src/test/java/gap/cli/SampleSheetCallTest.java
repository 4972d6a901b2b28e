package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.io.ParquetSink;
import gap.core.privacy.LabKeys;
import gap.core.privacy.SampleRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap call --sample-sheet}: one VCF per sample named by its pseudonym; pseudonyms stable under one keystore and
 * unrelated under another; identical text and rows from two runs; bad sheets and mismatched BAMs one line, exit 2.
 */
class SampleSheetCallTest {
    @TempDir
    Path tmp;

    private int call(Path out, Path keysDir, Path sheet) {
        List<String> args = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", sheet.toString(), "-O", out.toString(), "-L", "chrM"));
        args.addAll(TestKeys.options(keysDir));
        return Main.run(args.toArray(String[]::new));
    }

    private static List<String> names(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) { // hidden: the run's record of what it wrote
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static List<String> callRows(Path calls) throws IOException {
        List<String> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(calls),
                new PlainParquetConfiguration()).withDataModel(GenericData.get()).build()) {
            for (GenericRecord rec = r.read(); rec != null; rec = r.read()) {
                rows.add(rec.toString());
            }
        }
        return rows;
    }

    private static LabKeys keys(Path keysDir) {
        return LabKeys.open(keysDir.resolve("lab.p12"), TestKeys.PASSWORD.toCharArray());
    }

    @Test
    void stableUnderOneKeystoreUnrelatedUnderAnother() throws IOException {
        Path sheet = SampleData.file("samplesheet.tsv");
        assertEquals(0, call(tmp.resolve("a"), tmp.resolve("k1"), sheet));
        assertEquals(0, call(tmp.resolve("b"), tmp.resolve("k1"), sheet));
        assertEquals(0, call(tmp.resolve("c"), tmp.resolve("k2"), sheet));

        List<String> a = names(tmp.resolve("a"));
        assertEquals(6, a.size(), a.toString()); // the family's VCF and index, 2 Parquet files, qc/, _SUCCESS
        assertEquals(a, names(tmp.resolve("b")), "same keystore, same pseudonyms, same file names");
        assertTrue(names(tmp.resolve("c")).stream().filter(n -> n.startsWith("GAP-")).noneMatch(a::contains),
                "another keystore gives unrelated pseudonyms");

        for (String vcf : a.stream().filter(n -> n.endsWith(".vcf.gz")).toList()) {
            assertEquals(CallCommandTest.vcfText(tmp.resolve("a").resolve(vcf)),
                    CallCommandTest.vcfText(tmp.resolve("b").resolve(vcf)));
        }
        assertEquals(callRows(tmp.resolve("a/calls.parquet")), callRows(tmp.resolve("b/calls.parquet")));
        List<SampleRow> rowsA = ParquetSink.readSamples(tmp.resolve("a/samples.parquet"), keys(tmp.resolve("k1")), true);
        assertEquals(rowsA, ParquetSink.readSamples(tmp.resolve("b/samples.parquet"), keys(tmp.resolve("k1")), true));
        assertEquals(List.of("85.07.30-033.61", "88.02.14-146.53", "25.03.18-062.17"),
                rowsA.stream().map(SampleRow::patientId).toList(), "the clinician's view, in sheet order");
        assertEquals(List.of("UZL-0012345", "UZL-0048213", "UZL-0090417"), rowsA.stream().map(SampleRow::mrn).toList());
        assertEquals(1, rowsA.stream().map(SampleRow::familyId).distinct().count(), "one family pseudonym");
        assertNotEquals(rowsA.get(0).sampleId(), rowsA.get(0).patientPseudonym());
    }

    @Test
    void aBamWhoseReadGroupIsAnotherPatientIsOneLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("swap"));
        for (String alias : List.of("trio1_father", "trio1_mother", "trio1_child")) {
            Files.copy(SampleData.file(alias + ".bam"), dir.resolve(alias + ".bam"));
            Files.copy(SampleData.file(alias + ".bam.bai"), dir.resolve(alias + ".bam.bai"));
        }
        // The mother's row points at a copy of the father's BAM: a sample swap the sheet check must catch.
        Files.copy(SampleData.file("trio1_father.bam"), dir.resolve("m.bam"));
        Files.copy(SampleData.file("trio1_father.bam.bai"), dir.resolve("m.bam.bai"));
        Path sheet = Files.writeString(dir.resolve("sheet.tsv"), Files.readString(SampleData.file("samplesheet.tsv"))
                .replace("trio1_mother.bam", "m.bam"));
        List<String> args = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", sheet.toString(), "-O", tmp.resolve("out").toString()));
        args.addAll(TestKeys.options(tmp.resolve("k")));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertTrue(r.stderr().startsWith("gap call: error: sample sheet line 3: the BAM's @RG SM is neither"), r.stderr());
    }

    @Test
    void aMalformedSheetIsOneLine() throws IOException {
        Path sheet = Files.writeString(tmp.resolve("s.tsv"), "patient_id\tmrn\tsample_alias\n");
        List<String> args = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", sheet.toString(), "-O", tmp.resolve("out").toString()));
        args.addAll(TestKeys.options(tmp.resolve("k")));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode());
        assertEquals(List.of("gap call: error: sample sheet: column 'family_id' is missing from the header line"
                + " (tab-separated: patient_id mrn sample_alias family_id role sex bam)"), r.stderrLines());
    }
}
