package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.privacy.LeakScanner;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy number end to end on a synthetic genome ({@link SyntheticGenome}): {@code gap cnv-panel} over three normals
 * (two women, one man), then {@code gap cnv} of a woman with a heterozygous deletion and a duplication of chr1, one
 * with three copies of chr1 (a whole-contig gain, seen against chr2 and X, whose alleles are balanced), one with a
 * deletion in half her cells, and a normal man (his X and Y at one copy: no change). Checks the calls, their VCF
 * records and that no identifier reaches any output.
 */
class CopyNumberTest {
    @TempDir
    static Path tmp;
    static SyntheticGenome genome;
    static Path reference;
    static Path out;
    static Cli.Result run;
    static final List<String> IDS = List.of("NORMAL-ID-1", "NORMAL-ID-2", "NORMAL-ID-3", "CASE-ID-DEL", "CASE-ID-GAIN",
            "CASE-ID-MOSAIC", "CASE-ID-MALE");

    @BeforeAll
    static void panelAndCalls() throws IOException {
        genome = new SyntheticGenome(30);
        reference = genome.writeReference(tmp.resolve("ref"));
        int seed = 100;
        genome.writeBam(tmp, "n1", IDS.get(0), woman(seed++, List.of()), seed++);
        genome.writeBam(tmp, "n2", IDS.get(1), woman(seed++, List.of()), seed++);
        genome.writeBam(tmp, "n3", IDS.get(2), man(seed++), seed++);
        // a het deletion of chr1:40,001-70,000 on the first copy, a duplication of chr1:90,001-110,000 on the second
        List<SyntheticGenome.Copy> del = woman(seed++, List.of(new int[] {1, 40_000}, new int[] {70_001, 120_000}));
        del.add(new SyntheticGenome.Copy("chr1", del.get(1).snvs(), 15, 90_001, 110_000));
        genome.writeBam(tmp, "del", IDS.get(3), del, seed++);
        List<SyntheticGenome.Copy> gain = woman(seed++, List.of());
        gain.add(new SyntheticGenome.Copy("chr1", gain.get(0).snvs(), 15));
        genome.writeBam(tmp, "gain", IDS.get(4), gain, seed++);
        // chr1:20,001-80,000 lost from the first copy in half the cells
        List<SyntheticGenome.Copy> mosaic = woman(seed++, List.of(new int[] {1, 20_000}, new int[] {80_001, 120_000}));
        mosaic.add(new SyntheticGenome.Copy("chr1", mosaic.get(0).snvs(), 7.5, 20_001, 80_000));
        genome.writeBam(tmp, "mosaic", IDS.get(5), mosaic, seed++);
        genome.writeBam(tmp, "male", IDS.get(6), man(seed++), seed);
        Path normals = sheet("normals", row(0, "nrm_a", "female", "n1"), row(1, "nrm_b", "female", "n2"),
                row(2, "nrm_c", "male", "n3"));
        Path cases = sheet("cases", row(3, "case_del", "female", "del"), row(4, "case_gain", "female", "gain"),
                row(5, "case_mosaic", "female", "mosaic"), row(6, "case_male", "male", "male"));
        List<String> keys = TestKeys.options(tmp.resolve("keys"));
        List<String> a = new ArrayList<>(List.of("cnv-panel", "-R", reference.toString(), "--sample-sheet",
                normals.toString(), "-O", tmp.resolve("panel.parquet").toString(), "--set",
                SyntheticGenome.PAR_SETTING));
        a.addAll(keys);
        Cli.Result panel = Cli.run(a.toArray(String[]::new));
        assertEquals(0, panel.exitCode(), panel.stderr());
        out = tmp.resolve("out");
        List<String> b = new ArrayList<>(List.of("cnv", "-R", reference.toString(), "--sample-sheet",
                cases.toString(), "--cnv-panel", tmp.resolve("panel.parquet").toString(), "-O", out.toString(),
                "--set", SyntheticGenome.PAR_SETTING));
        b.addAll(keys);
        run = Cli.run(b.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stderr());
    }

    /** A woman: two copies of chr1 (the first cut to {@code spans} when given) and of X, with het SNVs on both. */
    static List<SyntheticGenome.Copy> woman(int seed, List<int[]> firstCopySpans) {
        Map<Integer, Character>[] chr1 = hets("chr1", 120_000, seed);
        Map<Integer, Character>[] x = hets("chrX", 60_000, seed + 1000);
        List<SyntheticGenome.Copy> c = new ArrayList<>();
        if (firstCopySpans.isEmpty()) {
            c.add(new SyntheticGenome.Copy("chr1", chr1[0], 15));
        } else {
            for (int[] span : firstCopySpans) {
                c.add(new SyntheticGenome.Copy("chr1", chr1[0], 15, span[0], span[1]));
            }
        }
        c.add(1, new SyntheticGenome.Copy("chr1", chr1[1], 15));
        Map<Integer, Character>[] chr2 = hets("chr2", 60_000, seed + 2000);
        c.add(new SyntheticGenome.Copy("chr2", chr2[0], 15));
        c.add(new SyntheticGenome.Copy("chr2", chr2[1], 15));
        c.add(new SyntheticGenome.Copy("chrX", x[0], 15));
        c.add(new SyntheticGenome.Copy("chrX", x[1], 15));
        c.add(new SyntheticGenome.Copy("chrM", Map.of(), 100));
        return c;
    }

    static List<SyntheticGenome.Copy> man(int seed) {
        Map<Integer, Character>[] chr1 = hets("chr1", 120_000, seed);
        List<SyntheticGenome.Copy> c = new ArrayList<>();
        c.add(new SyntheticGenome.Copy("chr1", chr1[0], 15));
        c.add(new SyntheticGenome.Copy("chr1", chr1[1], 15));
        Map<Integer, Character>[] chr2 = hets("chr2", 60_000, seed + 2000);
        c.add(new SyntheticGenome.Copy("chr2", chr2[0], 15));
        c.add(new SyntheticGenome.Copy("chr2", chr2[1], 15));
        c.add(new SyntheticGenome.Copy("chrX", Map.of(), 15));
        c.add(new SyntheticGenome.Copy("chrX", Map.of(), 15, 1, SyntheticGenome.PAR));
        c.add(new SyntheticGenome.Copy("chrY", Map.of(), 15, SyntheticGenome.PAR + 1, 30_000));
        c.add(new SyntheticGenome.Copy("chrM", Map.of(), 100));
        return c;
    }

    /** Het SNVs about every 800 bp, each on one of the two copies, placed by the seed. */
    @SuppressWarnings("unchecked")
    static Map<Integer, Character>[] hets(String contig, int length, int seed) {
        java.util.Random r = new java.util.Random(seed);
        Map<Integer, Character>[] copies = new Map[] {new HashMap<>(), new HashMap<>()};
        for (int p = 500 + r.nextInt(300); p < length - 500; p += 600 + r.nextInt(400)) {
            if (contig.equals("chrX") && p <= SyntheticGenome.PAR) {
                continue;
            }
            copies[r.nextInt(2)].put(p, genome.alt(contig, p));
        }
        return copies;
    }

    static String row(int id, String alias, String sex, String bam) {
        return IDS.get(id) + "\tMRN-" + id + "\t" + alias + "\tcnvfam\tproband\t" + sex + "\t" + bam + ".bam";
    }

    static Path sheet(String name, String... rows) throws IOException {
        Path p = tmp.resolve(name + ".tsv");
        Files.writeString(p, "patient_id\tmrn\tsample_alias\tfamily_id\trole\tsex\tbam\n" + String.join("\n", rows)
                + "\n");
        return p;
    }

    /** The reported rows of cnv.tsv, per sample in sheet order (the run's order). */
    static List<List<Map<String, String>>> reported() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("cnv.tsv"));
        String[] header = lines.get(0).split("\t");
        List<String> samples = new ArrayList<>();
        List<List<Map<String, String>>> bySample = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i]);
            }
            if (!samples.contains(row.get("sample"))) {
                samples.add(row.get("sample"));
                bySample.add(new ArrayList<>());
            }
            if (row.get("reported").equals("true")) {
                bySample.get(samples.indexOf(row.get("sample"))).add(row);
            }
        }
        return bySample;
    }

    private static void assertEvent(Map<String, String> e, String type, int copies, int start, int end) {
        assertEquals(type, e.get("svType"), e.toString());
        assertEquals(copies, Integer.parseInt(e.get("copies")), e.toString());
        // breakpoints at bin resolution (1 kb), give or take a bin
        assertEquals(start, Integer.parseInt(e.get("start")), 1001, e.toString());
        assertEquals(end, Integer.parseInt(e.get("end")), 1001, e.toString());
    }

    @Test
    void segmentalChangesWholeContigGainAndMosaicAreCalled() throws IOException {
        List<List<Map<String, String>>> r = reported();
        assertEquals(2, r.get(0).size(), r.get(0).toString());
        assertEvent(r.get(0).get(0), "DEL", 1, 40_001, 70_000);
        assertEquals("1.0", r.get(0).get(0).get("mosaicFraction"));
        assertEvent(r.get(0).get(1), "DUP", 3, 90_001, 110_000);
        assertEquals(1, r.get(1).size(), r.get(1).toString());
        assertEvent(r.get(1).get(0), "DUP", 3, 1, 120_000);
        assertEquals("true", r.get(1).get(0).get("wholeContig"));
        assertEquals(1.0 / 3, Double.parseDouble(r.get(1).get(0).get("baf")), 0.04, "allele fractions support it");
        assertEquals(1, r.get(2).size(), r.get(2).toString());
        assertEvent(r.get(2).get(0), "DEL", 1, 20_001, 80_000);
        assertEquals(0.5, Double.parseDouble(r.get(2).get(0).get("mosaicFraction")), 0.11, "half the cells");
        assertEquals(List.of(), r.get(3), "a man's one X and one Y are no change");
    }

    @Test
    void theVcfHoldsStructuralRecords() throws IOException {
        Path vcf;
        try (var list = Files.list(out)) {
            vcf = list.filter(p -> p.toString().endsWith(".cnv.vcf.gz")).findFirst().orElseThrow();
        }
        List<VariantContext> records = new ArrayList<>();
        try (VCFFileReader reader = new VCFFileReader(vcf, false)) {
            reader.forEach(records::add);
        }
        assertEquals(4, records.size(), records.toString());
        // genome order: the whole chr1 gain (POS 1) first, then the deletion of the first case at 40,000
        VariantContext del = records.stream().filter(v -> v.getGenotype(0).hasExtendedAttribute("CN")
                && v.getAttributeAsString("SVTYPE", "").equals("DEL")).findFirst().orElseThrow();
        assertEquals(40_000, del.getStart(), 1000, "the base before the deletion");
        assertEquals("<DEL>", del.getAlternateAllele(0).getDisplayString());
        assertEquals("DEL", del.getAttributeAsString("SVTYPE", ""));
        assertEquals(-(del.getEnd() - del.getStart()), del.getAttributeAsInt("SVLEN", 0));
        Genotype g = del.getGenotype(0);
        assertTrue(g.isHet(), "one copy lost: 0/1 " + g);
        assertEquals(1, Integer.parseInt(g.getExtendedAttribute("CN").toString()));
        assertTrue(Double.parseDouble(g.getExtendedAttribute("CNQ").toString()) >= 20);
        VariantContext whole = records.stream().filter(v -> v.hasAttribute("WHOLE_CONTIG")).findFirst().orElseThrow();
        assertEquals(1, whole.getStart());
        VariantContext mosaic = records.stream().filter(v -> v.getGenotype(2).hasExtendedAttribute("MF"))
                .findFirst().orElseThrow();
        assertEquals("DEL", mosaic.getAttributeAsString("SVTYPE", ""));
    }

    @Test
    void noIdentifierReachesAnyOutputOrLog() throws IOException {
        LeakScanner scanner = new LeakScanner(IDS).scanTree(out).scanText("stderr", run.stderr())
                .scanText("stdout", run.stdout());
        scanner.scanFile(tmp.resolve("panel.parquet"));
        assertEquals(List.of(), scanner.hits());
    }

    @Test
    void aPanelOfAnotherReferenceIsOneLineAndExitTwo() {
        List<String> a = new ArrayList<>(List.of("cnv", "-R", gap.core.SampleData.file("ref.fa").toString(), "-I",
                gap.core.SampleData.file("trio1_child.bam").toString(), "--cnv-panel",
                tmp.resolve("panel.parquet").toString(), "-O", tmp.resolve("other").toString()));
        a.addAll(TestKeys.options(tmp.resolve("keys")));
        Cli.Result r = Cli.run(a.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertTrue(r.stderr().contains("built on another reference"), r.stderr());
    }

    @Test
    void copyNumberAloneWithoutAPanelIsOneLineAndExitTwo() {
        List<String> a = new ArrayList<>(List.of("cnv", "-R", gap.core.SampleData.file("ref.fa").toString(), "-I",
                gap.core.SampleData.file("trio1_child.bam").toString(), "-O", tmp.resolve("nopanel").toString()));
        a.addAll(TestKeys.options(tmp.resolve("keys")));
        Cli.Result r = Cli.run(a.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertTrue(r.stderr().contains("gap cnv needs --cnv-panel"), r.stderr());
        assertTrue(Files.notExists(tmp.resolve("nopanel")), "checked before anything is made");
    }
}
