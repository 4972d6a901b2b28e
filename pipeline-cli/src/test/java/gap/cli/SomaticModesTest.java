package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
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
    void aPileOfReadsAtOneStartIsCappedAsGermlineCallingCapsIt() throws IOException {
        // 2,000 copies of one tumour read, each with another base than the reference's at a base of Q30 or more from
        // its 50th on: a collapsed repeat's pile. Calling sees at most read.maxReadsPerStart (50) of them, so the site's alt count stays <= 50.
        List<SAMRecord> records;
        SAMFileHeader header;
        try (SamReader r = SamReaderFactory.makeDefault().open(SampleData.file("som1_tumour.bam"))) {
            header = r.getFileHeader().clone();
            records = new ArrayList<>();
            r.queryOverlapping("chr22_20_21M", 130_001, 131_000).forEachRemaining(records::add);
        }
        SAMRecord model = records.stream().filter(x -> x.getCigarString().equals(x.getReadLength() + "M")
                && !x.getReadNegativeStrandFlag() && x.getAlignmentStart() > 130_000).findFirst().orElseThrow();
        byte[] quals = model.getBaseQualities();
        int offset = 49;
        while (quals[offset] < 30) { // a base the caller counts
            offset++;
        }
        byte[] bases = model.getReadBases().clone();
        bases[offset] = (byte) (bases[offset] == 'A' ? 'C' : 'A');
        List<SAMRecord> pile = new ArrayList<>(records);
        for (int i = 0; i < 2000; i++) {
            SAMRecord copy = model.deepCopy();
            copy.setReadName("pile" + i);
            copy.setReadBases(bases);
            copy.setFlags(0); // single-end, forward: a read of its own
            copy.setMateReferenceName(SAMRecord.NO_ALIGNMENT_REFERENCE_NAME);
            copy.setMateAlignmentStart(0);
            copy.setInferredInsertSize(0);
            copy.setAttribute("MD", null);
            copy.setAttribute("NM", null);
            pile.add(copy);
        }
        pile.sort(java.util.Comparator.comparingInt(SAMRecord::getAlignmentStart));
        header.setSortOrder(SAMFileHeader.SortOrder.coordinate);
        Path bam = TestBams.write(tmp.resolve("pile.bam"), header, pile, true);
        Path out = tmp.resolve("pile");
        Cli.Result r = gap("somatic", "-I", bam.toString(), "-L", "chr22_20_21M:130001-131000", "-O", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        int position = model.getAlignmentStart() + offset;
        try (VCFFileReader vcf = new VCFFileReader(SomaticSliceTest.vcf(out), false)) {
            VariantContext site = vcf.query("chr22_20_21M", position, position).stream().findFirst().orElseThrow();
            int[] ad = site.getGenotype(0).getAD();
            assertTrue(ad[1] >= 40 && ad[1] <= 50, "alt reads seen by calling: " + ad[1]);
        }
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

    @Test
    void anotherPersonsNormalIsRefusedAndLeavesNothing() throws IOException {
        // the trio's child as the "normal" of som1's tumour: the child is hom-ALT at sites where the tumour shows REF
        // only; before, the run wrote the tumour's germline variants as 146 PASS somatic calls
        Path out = tmp.resolve("swapped");
        Cli.Result r = gap("somatic", "-I", SampleData.file("som1_tumour.bam").toString(), "--normal",
                SampleData.file("trio1_child.bam").toString(), "-O", out.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        List<String> lines = r.stderrLines();
        assertTrue(lines.get(lines.size() - 1).startsWith("gap somatic: error: tumour and normal are not one person's:"
                + " at "), r.stderr());
        assertTrue(r.stderr().lines().filter(l -> l.contains("error")).count() == 1, r.stderr());
        BadInput.nothingLooksComplete(out);
        // the patient's own normal passes the same check, and says so
        Cli.Result own = gap("somatic", "--sample-sheet", SampleData.file("som1.samplesheet.tsv").toString(), "-O",
                tmp.resolve("own").toString());
        assertEquals(0, own.exitCode(), own.stderr());
        assertTrue(own.stderr().contains("Tumour and normal are one person's"), own.stderr());
    }

    @Test
    void aPreviousRunIsReplacedWithOverwrite() throws IOException {
        // the refusal tells the user to give --overwrite: gap somatic has it, as call, joint, cnv and qc do
        Path out = tmp.resolve("again");
        List<String> args = List.of("-I", SampleData.file("som1_tumour.bam").toString(), "-L", REGION, "-O",
                out.toString());
        assertEquals(0, gap("somatic", args.toArray(String[]::new)).exitCode());
        String line = BadInput.oneLine(gap("somatic", args.toArray(String[]::new)), "somatic", tmp.resolve("none"),
                List.of(tmp.toString()));
        assertTrue(line.contains("--overwrite"), line);
        List<String> overwrite = new ArrayList<>(args);
        overwrite.addAll(List.of("--overwrite", "--no-qc"));
        Cli.Result r = gap("somatic", overwrite.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.exists(out.resolve("_SUCCESS")) && !Files.exists(out.resolve("qc")), "replaced whole");
    }
}
