package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other modes of somatic calling on the som1 slice: tumour-only (flagged in the header, a warning without a
 * germline resource, one column), a panel of normals made by {@code gap somatic-pon} from two normals and read back
 * by {@code gap somatic} (its alleles fail panel_of_normals), and bad input as one line with exit code 2.
 */
class SomaticModesTest {
    private static final String REGION = "chr22_20_21M:100001-160000";

    @TempDir
    Path tmp;

    private Cli.Result gap(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "-R", SampleData.file("ref.fa").toString()));
        all.addAll(List.of(args));
        all.addAll(TestKeys.options(tmp.resolve("keys")));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void tumourOnlyIsFlaggedAndWarns() throws IOException {
        Path out = tmp.resolve("tumour-only");
        Cli.Result r = gap("somatic", "-I", SampleData.file("som1_tumour.bam").toString(), "-L", REGION, "-O",
                out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("Tumour-only without a germline resource"), r.stderr());
        try (VCFFileReader vcf = new VCFFileReader(SomaticSliceTest.vcf(out), false)) {
            assertEquals("tumour-only", vcf.getFileHeader().getMetaDataLine("somatic_mode").getValue());
            assertEquals(1, vcf.getFileHeader().getGenotypeSamples().size());
            assertTrue(vcf.getFileHeader().getMetaDataLine("normal_sample") == null);
        }
        assertTrue(!Files.exists(out.resolve("contamination.table")), "no normal, no contamination estimate");
    }

    @Test
    void panelOfNormalsMadeAndRead() throws IOException {
        Path pon = tmp.resolve("pon.tsv");
        // two normals: the som1 normal and the trio's father, on the same reference
        Cli.Result r = gap("somatic-pon", "-I", SampleData.file("som1_normal.bam").toString(), "-I",
                SampleData.file("trio1_father.bam").toString(), "-L", REGION, "-O", pon.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = Files.readAllLines(pon);
        assertEquals("#gap-panel-of-normals\t1", lines.get(0));
        assertEquals("#normals\t2", lines.get(2));
        List<String> sites = lines.stream().filter(l -> l.startsWith("chr22")).toList();
        assertTrue(!sites.isEmpty(), "germline alleles the two normals share");
        assertTrue(sites.stream().allMatch(l -> l.endsWith("\t2\t1.0000")), "each in both normals");
        // the tumour-only call of the tumour: its PASS germline alleles that are in the panel fail panel_of_normals
        Path out = tmp.resolve("with-pon");
        r = gap("somatic", "-I", SampleData.file("som1_tumour.bam").toString(), "-L", REGION, "-O", out.toString(),
                "--panel-of-normals", pon.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        int inPanel = 0;
        try (VCFFileReader vcf = new VCFFileReader(SomaticSliceTest.vcf(out), false)) {
            for (VariantContext v : vcf) {
                String key = v.getContig() + "\t" + v.getStart() + "\t" + v.getReference().getBaseString() + "\t"
                        + v.getAlternateAllele(0).getBaseString() + "\t";
                if (sites.stream().anyMatch(s -> s.startsWith(key))) {
                    inPanel++;
                    assertTrue(v.getFilters().contains("panel_of_normals") && v.hasAttribute("PON"), v.toString());
                }
            }
        }
        assertTrue(inPanel > 0, "the panel's alleles are in the tumour too");
    }

    @Test
    void twoTumoursOrAMissingPanelAreOneLine() throws IOException {
        Path sheet = tmp.resolve("two-tumours.tsv");
        Files.writeString(sheet, Files.readString(SampleData.file("som1.samplesheet.tsv")).replace("\tnormal\t",
                "\ttumour\t").replace("som1_tumour.bam", SampleData.file("som1_tumour.bam").toString())
                .replace("som1_normal.bam", SampleData.file("som1_normal.bam").toString()));
        for (List<String> args : List.of(List.of("--sample-sheet", sheet.toString()),
                List.of("-I", SampleData.file("som1_tumour.bam").toString(), "--panel-of-normals",
                        tmp.resolve("missing-pon.tsv").toString()))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("-O", tmp.resolve("bad").toString()));
            Cli.Result r = gap("somatic", all.toArray(String[]::new));
            assertEquals(2, r.exitCode(), r.stderr());
            assertEquals(1, r.stderrLines().size(), r.stderr());
        }
    }
}
