package gap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gap.core.SampleData;
import gap.core.concordance.Concordance;
import gap.core.concordance.ConcordanceReport;
import gap.core.concordance.VariantClass;
import gap.core.privacy.LeakScanner;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap somatic} on the committed som1 slice (200 kb of the tumour at 60x and its normal at 30x, most of a
 * copy-neutral LOH region, with germline hets the normal under-represents or covers thinly): accuracy
 * against the somatic truth, no artefact or germline position PASS, Mutect2's fields, pseudonyms only, the same bytes
 * whatever the threads and shards, and the {@code --tumour/--normal} form.
 */
class SomaticSliceTest {
    @TempDir
    static Path tmp;
    private static Path out;
    private static Cli.Result run;

    @BeforeAll
    static void callSlice() {
        out = tmp.resolve("out");
        run = somatic(out, "--sample-sheet", SampleData.file("som1.samplesheet.tsv").toString(), "--threads", "2");
        assertEquals(0, run.exitCode(), run.stderr());
    }

    static Cli.Result somatic(Path output, String... args) {
        List<String> all = new ArrayList<>(List.of("somatic", "-R", SampleData.file("ref.fa").toString(), "-O",
                output.toString()));
        all.addAll(List.of(args));
        all.addAll(TestKeys.options(tmp.resolve("keys")));
        return Cli.run(all.toArray(String[]::new));
    }

    static Path vcf(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".somatic.vcf.gz")).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void accurateAgainstTheSomaticTruth() throws IOException {
        // the tumour's column, as Mutect2 names it in the header: the VCF has the normal's too
        String tumour;
        try (var reader = new htsjdk.variant.vcf.VCFFileReader(vcf(out), false)) {
            tumour = reader.getFileHeader().getOtherHeaderLine("tumor_sample").getValue();
        }
        ConcordanceReport report = Concordance.run(new Concordance.Inputs(SampleData.file("som1.somatic.truth.vcf.gz"),
                vcf(out), SampleData.file("ref.fa"), SampleData.file("confident.bed"), null, tumour));
        // the slice's 43 events: 39 SNVs (one at 2 ALT reads of 59, expected VAF 0.07) and 4 indels
        assertEquals(0, report.of(VariantClass.SNV).fp(), "no false SNV");
        assertTrue(report.of(VariantClass.SNV).recall() >= 0.97, "SNV recall " + report.of(VariantClass.SNV));
        assertEquals(0, report.of(VariantClass.INDEL).fp(), "no false indel");
        assertEquals(1.0, report.of(VariantClass.INDEL).recall(), "every indel: " + report.of(VariantClass.INDEL));
    }

    @Test
    void noArtefactOrGermlinePositionPasses() throws IOException {
        Set<Integer> forbidden = new HashSet<>();
        for (String line : Files.readAllLines(SampleData.file("som1.artefacts.tsv"))) {
            if (!line.startsWith("chrom")) {
                forbidden.add(Integer.parseInt(line.split("\t")[1]));
            }
        }
        int artefacts = forbidden.size();
        try (VCFFileReader germline = new VCFFileReader(SampleData.file("som1.germline.truth.vcf.gz"), false)) {
            germline.forEach(v -> forbidden.add(v.getStart()));
        }
        assertTrue(artefacts >= 4 && forbidden.size() > 100, "the slice holds artefacts and germline variants");
        try (VCFFileReader calls = new VCFFileReader(vcf(out), false)) {
            for (VariantContext v : calls) {
                if (v.isNotFiltered()) {
                    assertTrue(!forbidden.contains(v.getStart()), "PASS at an artefact or germline position: " + v);
                }
            }
        }
    }

    @Test
    void mutect2FieldsUnderPseudonyms() throws IOException {
        try (VCFFileReader calls = new VCFFileReader(vcf(out), false)) {
            VCFHeader header = calls.getFileHeader();
            for (String info : List.of("TLOD", "NLOD", "NALOD", "POPAF")) {
                assertNotNull(header.getInfoHeaderLine(info), info);
            }
            for (String format : List.of("AF", "AD", "DP", "F1R2", "F2R1")) {
                assertNotNull(header.getFormatHeaderLine(format), format);
            }
            for (String filter : List.of("weak_evidence", "germline", "normal_artifact", "strand_bias", "orientation",
                    "clustered_events", "base_qual", "map_qual", "contamination", "panel_of_normals",
                    "multiallelic")) {
                assertNotNull(header.getFilterHeaderLine(filter), filter);
            }
            List<String> columns = header.getGenotypeSamples();
            assertEquals(2, columns.size());
            assertEquals(columns.get(0), header.getMetaDataLine("tumor_sample").getValue());
            assertEquals(columns.get(1), header.getMetaDataLine("normal_sample").getValue());
            assertEquals("tumour-normal", header.getMetaDataLine("somatic_mode").getValue());
            assertTrue(columns.stream().allMatch(c -> c.matches("GAP-[0-9A-Z]{12}")), columns.toString());
            String patient = header.getMetaDataLine("patient").getValue();
            assertEquals(patient + ".somatic.vcf.gz", vcf(out).getFileName().toString());
            for (VariantContext v : calls) {
                assertEquals(v.getGenotype(0).getAD().length,
                        v.getGenotype(0).getExtendedAttribute("F1R2").toString().split(",").length);
            }
        }
        assertTrue(Files.readString(out.resolve("contamination.table")).startsWith("sample\tcontamination\terror"));
        JsonNode somatic = new ObjectMapper().readTree(out.resolve("qc/qc.json").toFile()).get("somatic");
        assertEquals(96, somatic.get("spectrum").size());
        assertTrue(Math.abs(somatic.get("purity").asDouble() - 0.7) < 0.1, "purity " + somatic.get("purity"));
        assertTrue(Files.readString(out.resolve("qc/report.html")).contains("Somatic calls"));
    }

    @Test
    void noIdentifierAnywhere() throws IOException {
        List<String> identifiers = new ArrayList<>();
        List<String> lines = Files.readAllLines(SampleData.file("som1.samplesheet.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            identifiers.addAll(List.of(f[0], f[1], f[2]));
        }
        LeakScanner scanner = new LeakScanner(identifiers.stream().distinct().toList())
                .scanText("stdout", run.stdout()).scanText("stderr", run.stderr()).scanTree(out);
        assertEquals(List.of(), scanner.hits());
    }

    @Test
    void sameBytesWhateverThreadsAndShardsAndTheTumourNormalForm() throws IOException {
        Path other = tmp.resolve("one-thread");
        Cli.Result r = somatic(other, "--sample-sheet", SampleData.file("som1.samplesheet.tsv").toString(),
                "--threads", "1", "--shard-size", "37000");
        assertEquals(0, r.exitCode(), r.stderr());
        assertArrayEquals(Files.readAllBytes(vcf(out)), Files.readAllBytes(vcf(other)));
        Path files = tmp.resolve("files");
        r = somatic(files, "--tumour", SampleData.file("som1_tumour.bam").toString(), "--normal",
                SampleData.file("som1_normal.bam").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        // other pseudonyms (the reads' SMs, not the sheet's aliases), the same records
        assertEquals(records(vcf(out)), records(vcf(files)));
    }

    private static List<String> records(Path vcf) throws IOException {
        List<String> out = new ArrayList<>();
        try (VCFFileReader reader = new VCFFileReader(vcf, false)) {
            for (VariantContext v : reader) {
                out.add(v.getStart() + v.getAlleles().toString() + v.getFilters() + v.getAttributes());
            }
        }
        return out;
    }
}
