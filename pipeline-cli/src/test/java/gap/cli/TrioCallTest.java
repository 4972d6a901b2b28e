package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gap.command.Commands;
import gap.core.SampleData;
import gap.core.concordance.ClassCounts;
import gap.core.concordance.Concordance;
import gap.core.concordance.ConcordanceReport;
import gap.core.concordance.VariantClass;
import gap.core.privacy.LabKeys;
import gap.core.privacy.SampleRow;
import gap.core.io.ParquetSink;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMReadGroupRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap call} of the slice's trio, jointly with its pedigree: the family's VCF against each person's truth, the
 * de novo calls, a thinned parent, a swapped tube, and the pedigree's one-line errors.
 */
class TrioCallTest {
    @TempDir
    static Path tmp;
    private static Path out;
    private static Path vcf;
    private static List<String> columns;

    @BeforeAll
    static void callTheTrio() throws IOException {
        out = tmp.resolve("trio");
        assertEquals(0, Main.run(args(out, SampleData.file("samplesheet.tsv"), SampleData.file("trio1.ped"))));
        vcf = onlyVcf(out);
        columns = header(vcf);
    }

    private static String[] args(Path output, Path sheet, Path ped, String... extra) {
        List<String> a = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(), "--sample-sheet",
                sheet.toString(), "--pedigree", ped.toString(), "-O", output.toString()));
        a.addAll(List.of(extra));
        a.addAll(TestKeys.options(tmp.resolve("keys")));
        return a.toArray(String[]::new);
    }

    private static Path onlyVcf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> vcfs = files.filter(p -> p.getFileName().toString().endsWith(".vcf.gz")).toList();
            assertEquals(1, vcfs.size(), vcfs.toString());
            return vcfs.get(0);
        }
    }

    private static List<String> header(Path vcf) throws IOException {
        String line = CallCommandTest.vcfText(vcf).lines().filter(l -> l.startsWith("#CHROM")).findFirst().orElseThrow();
        String[] f = line.split("\t");
        return List.of(f).subList(9, f.length);
    }

    @Test
    void oneVcfNamedByTheFamilyWithTheSamplesInSheetOrder() {
        LabKeys keys = LabKeys.open(tmp.resolve("keys/lab.p12"), TestKeys.PASSWORD.toCharArray());
        List<SampleRow> rows = ParquetSink.readSamples(out.resolve("samples.parquet"), keys, false);
        assertEquals(rows.stream().map(SampleRow::sampleId).toList(), columns);
        assertEquals(rows.get(0).familyId() + ".vcf.gz", vcf.getFileName().toString());
    }

    @Test
    void eachPersonsColumnMatchesTheirTruth() {
        String[] people = {"trio1_father", "trio1_mother", "trio1_child"};
        for (int i = 0; i < 3; i++) {
            ConcordanceReport r = Concordance.run(new Concordance.Inputs(SampleData.file(people[i] + ".truth.vcf.gz"),
                    vcf, SampleData.file("ref.fa"), SampleData.file("confident.bed"), null, columns.get(i)));
            for (VariantClass c : VariantClass.values()) {
                ClassCounts k = r.of(c);
                assertTrue(k.truthTotal() > 20 && k.f1() >= 0.99, people[i] + " " + c + ": " + k);
            }
        }
    }

    /** denovo.tsv by position: column → value. */
    private static Map<Integer, String[]> deNovo(Path dir) throws IOException {
        Map<Integer, String[]> rows = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("denovo.tsv"))) {
            if (!line.startsWith("#")) {
                String[] f = line.split("\t");
                rows.put(Integer.parseInt(f[1]), f);
            }
        }
        return rows;
    }

    /** The child's FORMAT/DNQ at {@code position}, -1 when absent. */
    private static int dnq(Path vcf, int position) throws IOException {
        for (String line : CallCommandTest.vcfText(vcf).lines().toList()) {
            String[] f = line.split("\t");
            if (!line.startsWith("#") && Integer.parseInt(f[1]) == position) {
                List<String> keys = List.of(f[8].split(":"));
                String[] child = f[11].split(":");
                int at = keys.indexOf("DNQ");
                return at < 0 || child[at].equals(".") ? -1 : Integer.parseInt(child[at]);
            }
        }
        throw new AssertionError("no record at " + position);
    }

    @Test
    void theSlicesDeNovoVariantsAreTheChildsWithNeitherParent() throws IOException {
        // trio1.denovo.tsv: 228421 T>G and 281996 GTT>G lie in the slice. The mother has 20 reads at 228421: no
        // DNQ can reach 20 there (TrioGenotyperTest), but the child's 0/1 against two 0/0 parents stands.
        Map<Integer, String[]> rows = deNovo(out);
        String[] deletion = rows.get(281996);
        assertEquals(List.of("GTT", "G", columns.get(2), columns.get(0), columns.get(1), "0/1", "0/0", "0/0"),
                List.of(deletion).subList(2, 10));
        assertTrue(Integer.parseInt(deletion[10]) >= 20, String.join(" ", deletion));
        assertTrue(dnq(vcf, 228421) >= 10, "228421: " + dnq(vcf, 228421));
        assertTrue(CallCommandTest.vcfText(vcf).contains(";DENOVO=" + columns.get(2) + ";"));
        assertTrue(rows.size() <= 2, "at most the slice's two de novo variants: " + rows.keySet());
    }

    @Test
    void withKnownSitesTheNovelDeNovoAllelesReachDnq20AndNoGenotypeMoves() throws IOException {
        // Both de novo alleles are in no list, so a parent's chance of carrying them unseen is 1 % of θ: 228421
        // passes 20 despite the mother's 20 reads. Known sites weigh only DNQ: every record keeps its genotypes.
        Path known = tmp.resolve("known");
        assertEquals(0, Main.run(args(known, SampleData.file("samplesheet.tsv"), SampleData.file("trio1.ped"),
                "--known-sites", SampleData.file("known-sites.vcf.gz").toString())));
        Path knownVcf = onlyVcf(known);
        Map<Integer, String[]> rows = deNovo(known);
        assertEquals(List.of(228421, 281996), List.copyOf(rows.keySet()));
        assertTrue(dnq(knownVcf, 228421) >= 20 && dnq(knownVcf, 228421) > dnq(vcf, 228421),
                dnq(knownVcf, 228421) + " with known sites, " + dnq(vcf, 228421) + " without");
        assertEquals(genotypes(vcf), genotypes(knownVcf));
    }

    /** Each record's position and its samples' GT. */
    private static List<String> genotypes(Path vcf) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : CallCommandTest.vcfText(vcf).lines().filter(l -> !l.startsWith("#")).toList()) {
            String[] f = line.split("\t");
            StringBuilder b = new StringBuilder(f[1]);
            for (int i = 9; i < f.length; i++) {
                b.append(' ').append(f[i], 0, f[i].indexOf(':'));
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void theTrueFamilyHasNoSwapAndAtMostOneMendelianViolation() throws IOException {
        JsonNode qc = new ObjectMapper().readTree(out.resolve("qc/qc.json").toFile());
        JsonNode trio = qc.path("trios").get(0);
        assertTrue(trio.path("mendelianViolations").asInt() <= 1, trio.toString()); // 228421, DNQ below 20
        for (JsonNode pair : qc.path("relatedness")) {
            assertTrue(pair.path("warning").isNull(), pair.toString());
        }
    }

    @Test
    void aFatherThinnedToEightfoldLowersTheDeNovoQuality() throws IOException {
        // About 8 of the father's 30x: read pairs kept by a hash of their name, so mates stay together.
        Path dir = Files.createDirectories(tmp.resolve("thin"));
        TestBams.copy(SampleData.file("trio1_father.bam"), dir.resolve("trio1_father.bam"),
                r -> Math.floorMod(r.getReadName().hashCode(), 100) < 27, h -> h);
        for (String s : List.of("trio1_mother", "trio1_child")) {
            Files.copy(SampleData.file(s + ".bam"), dir.resolve(s + ".bam"));
            Files.copy(SampleData.file(s + ".bam.bai"), dir.resolve(s + ".bam.bai"));
        }
        Path sheet = Files.copy(SampleData.file("samplesheet.tsv"), dir.resolve("sheet.tsv"));
        Path thin = tmp.resolve("thin-out");
        String[] region = {"-L", "chr22_20_21M:270001-290000"};
        assertEquals(0, Main.run(args(thin, sheet, SampleData.file("trio1.ped"), region)));
        int full = dnq(vcf, 281996);
        int thinned = dnq(onlyVcf(thin), 281996);
        assertTrue(thinned < full, "DNQ " + thinned + " with a thin father, " + full + " with all his reads");
    }

    @Test
    void theFathersSampleInTheMothersTubeIsFlagged() throws IOException {
        // The lab labelled the father's DNA as the mother's: her row's BAM is his reads under her @RG SM, so the
        // sheet's own check cannot see it; the genotypes can.
        Path dir = Files.createDirectories(tmp.resolve("swap"));
        String[] mother = Files.readAllLines(SampleData.file("samplesheet.tsv")).get(2).split("\t");
        TestBams.copy(SampleData.file("trio1_father.bam"), dir.resolve("trio1_mother.bam"), r -> true,
                h -> relabel(h, mother[0]));
        for (String s : List.of("trio1_father", "trio1_child")) {
            Files.copy(SampleData.file(s + ".bam"), dir.resolve(s + ".bam"));
            Files.copy(SampleData.file(s + ".bam.bai"), dir.resolve(s + ".bam.bai"));
        }
        Path sheet = Files.copy(SampleData.file("samplesheet.tsv"), dir.resolve("sheet.tsv"));
        Path swapped = tmp.resolve("swap-out");
        Cli.Result r = Cli.run(args(swapped, sheet, SampleData.file("trio1.ped")));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> warnings = r.stderr().lines().filter(l -> l.contains(" WARN ")).toList();
        assertTrue(warnings.stream().anyMatch(l -> l.contains("possible duplicate or swapped sample")), r.stderr());
        assertTrue(warnings.stream().anyMatch(l -> l.contains("mitochondrial alleles the mother lacks")), r.stderr());
        JsonNode qc = new ObjectMapper().readTree(swapped.resolve("qc/qc.json").toFile());
        int flagged = 0;
        for (JsonNode pair : qc.path("relatedness")) {
            flagged += pair.path("warning").isNull() ? 0 : 1;
        }
        assertEquals(2, flagged, qc.path("relatedness").toString());
    }

    private static SAMFileHeader relabel(SAMFileHeader h, String sample) {
        List<SAMReadGroupRecord> groups = new ArrayList<>();
        for (SAMReadGroupRecord g : h.getReadGroups()) {
            SAMReadGroupRecord copy = new SAMReadGroupRecord(g.getId(), g);
            copy.setSample(sample);
            groups.add(copy);
        }
        h.setReadGroups(groups);
        return h;
    }

    @Test
    void pedigreeErrorsAreOneLine() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.ped"), "trio1 trio1_child trio1_father trio1_mother 2 2\n"
                + "trio1 trio1_father 0 0 2 1\ntrio1 trio1_mother 0 0 2 1\n");
        Cli.Result r = Cli.run(args(tmp.resolve("bad-out"), SampleData.file("samplesheet.tsv"), bad));
        assertEquals(Commands.EXIT_USER_ERROR, r.exitCode());
        assertEquals(List.of("gap call: error: pedigree line 2: column 'sex' disagrees with the sample sheet's sex of"
                + " the same sample: correct one of them"), r.stderrLines());
        assertFalse(Files.exists(tmp.resolve("bad-out").resolve("denovo.tsv")));
    }

    /** {@code gap sql} over this trio's output folder (one run serves both). */
    @Nested
    class GapSql extends SqlOverRunChecks {
        @Override
        Path folder() {
            return out;
        }

        @Override
        Path vcf() {
            return vcf;
        }

        @Override
        Path scratch() {
            return tmp;
        }
    }
}
