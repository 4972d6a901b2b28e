package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.concordance.ClassCounts;
import gap.core.concordance.Concordance;
import gap.core.concordance.VariantClass;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gVCF path on the slice's trio: each person's {@code gap call --gvcf}, then {@code gap joint} of the three gVCFs
 * against {@code gap call} of the three BAMs: per-person F1 within 0.001, the same de novo calls; the gVCFs cover
 * every base and bcftools reads them (view, merge --gvcf), the same whatever the shard size; a fourth sample's gVCF
 * changes only what it should.
 */
class GvcfJointTest {
    private static final String[] PEOPLE = {"trio1_father", "trio1_mother", "trio1_child"};
    @TempDir
    static Path tmp;
    private static final List<Path> gvcfs = new ArrayList<>();
    private static Path bamJoint;
    private static Path gvcfJoint;

    @BeforeAll
    static void callEachThenJointly() throws IOException {
        List<String> sheet = Files.readAllLines(SampleData.file("samplesheet.tsv"));
        List<String> gvcfSheet = new ArrayList<>(List.of(sheet.get(0)));
        for (int i = 0; i < PEOPLE.length; i++) {
            Path one = tmp.resolve(PEOPLE[i] + ".tsv");
            // a one-row sheet: the gVCF's column is the pseudonym the family's sheet gives the person
            Files.write(one, List.of(sheet.get(0), sheet.get(i + 1).replace(PEOPLE[i] + ".bam",
                    SampleData.file(PEOPLE[i] + ".bam").toString())));
            Path out = tmp.resolve("gvcf-" + PEOPLE[i]);
            assertEquals(0, Main.run(args("call", "--sample-sheet", one.toString(), "-O", out.toString(), "--gvcf",
                    "--no-qc")));
            Path gvcf = only(out, ".g.vcf.gz");
            gvcfs.add(gvcf);
            String[] f = sheet.get(i + 1).split("\t");
            f[6] = gvcf.toString();
            gvcfSheet.add(String.join("\t", f));
        }
        Files.write(tmp.resolve("gvcfs.tsv"), gvcfSheet);
        bamJoint = tmp.resolve("bams");
        assertEquals(0, Main.run(args("call", "--sample-sheet", SampleData.file("samplesheet.tsv").toString(),
                "--pedigree", SampleData.file("trio1.ped").toString(), "-O", bamJoint.toString(), "--no-qc")));
        gvcfJoint = tmp.resolve("joint");
        assertEquals(0, Main.run(args("joint", "--sample-sheet", tmp.resolve("gvcfs.tsv").toString(),
                "--pedigree", SampleData.file("trio1.ped").toString(), "-O", gvcfJoint.toString(), "--no-qc")));
    }

    private static String[] args(String... a) {
        List<String> all = new ArrayList<>(List.of(a[0], "-R", SampleData.file("ref.fa").toString()));
        all.addAll(List.of(a).subList(1, a.length));
        all.addAll(TestKeys.options(tmp.resolve("keys")));
        return all.toArray(String[]::new);
    }

    private static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)
                    && !(suffix.equals(".vcf.gz") && p.getFileName().toString().endsWith(".g.vcf.gz"))).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    private static List<String> columns(Path vcf) {
        try (VCFFileReader r = new VCFFileReader(vcf, false)) {
            return r.getFileHeader().getGenotypeSamples();
        }
    }

    @Test
    void eachPersonsF1IsWithinAThousandthOfJointCallingFromTheBams() throws IOException {
        Path fromBams = only(bamJoint, ".vcf.gz");
        Path fromGvcfs = only(gvcfJoint, ".vcf.gz");
        assertEquals(columns(fromBams), columns(fromGvcfs));
        for (int i = 0; i < PEOPLE.length; i++) {
            for (VariantClass c : VariantClass.values()) {
                ClassCounts bams = f1(fromBams, i).of(c);
                ClassCounts joint = f1(fromGvcfs, i).of(c);
                assertTrue(bams.truthTotal() > 20, PEOPLE[i] + " " + c);
                assertEquals(bams.f1(), joint.f1(), 0.001, PEOPLE[i] + " " + c + ": " + bams + " vs " + joint);
            }
        }
    }

    private static gap.core.concordance.ConcordanceReport f1(Path vcf, int person) {
        return Concordance.run(new Concordance.Inputs(SampleData.file(PEOPLE[person] + ".truth.vcf.gz"), vcf,
                SampleData.file("ref.fa"), SampleData.file("confident.bed"), null, columns(vcf).get(person)));
    }

    @Test
    void theDeNovoCallsAreTheSame() throws IOException {
        List<String> bams = deNovo(bamJoint);
        assertTrue(bams.stream().anyMatch(l -> l.contains("\t281996\tGTT\tG\t")), bams.toString());
        assertEquals(bams, deNovo(gvcfJoint));
    }

    /** denovo.tsv's rows without the DNQ and QUAL columns (the gVCF's PLs are rounded; their values move a little). */
    private static List<String> deNovo(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("denovo.tsv")).stream().filter(l -> !l.startsWith("#"))
                .map(l -> String.join("\t", List.of(l.split("\t")).subList(0, 10))).toList();
    }

    @Test
    void everyBaseIsInExactlyOneBlockOrUnderAVariantRecord() {
        Map<String, Integer> lengths = Map.of("chr22_20_21M", 1_000_000, "chrM", 16_569);
        for (Path gvcf : gvcfs) {
            Map<String, boolean[]> covered = new HashMap<>();
            lengths.forEach((contig, n) -> covered.put(contig, new boolean[n + 1]));
            try (VCFFileReader r = new VCFFileReader(gvcf, true)) {
                for (VariantContext vc : r) {
                    boolean block = vc.hasAttribute("END");
                    assertTrue(vc.getAlternateAlleles().get(vc.getAlternateAlleles().size() - 1).getDisplayString()
                            .equals("<NON_REF>"), vc.toStringWithoutGenotypes());
                    boolean[] c = covered.get(vc.getContig());
                    for (int p = vc.getStart(); p <= vc.getEnd(); p++) {
                        assertTrue(!block || !c[p], "two blocks over " + vc.getContig() + ":" + p);
                        c[p] = true;
                    }
                }
            }
            lengths.forEach((contig, n) -> {
                for (int p = 1; p <= n; p++) {
                    assertTrue(covered.get(contig)[p], contig + ":" + p + " is in no record");
                }
            });
        }
    }

    @Test
    void theGvcfIsTheSameWhateverTheShardSize() throws IOException {
        // blocks are keyed per position (GQ band, het PL bucket), so where shards begin cannot move a block's end
        Path one = tmp.resolve(PEOPLE[0] + ".tsv");
        Path out = tmp.resolve("gvcf-small-shards");
        assertEquals(0, Main.run(args("call", "--sample-sheet", one.toString(), "-O", out.toString(), "--gvcf",
                "--no-qc", "--shard-size", "10007")));
        assertEquals(body(gvcfs.get(0)), body(only(out, ".g.vcf.gz")));
    }

    /** The records of a bgzipped VCF (the header names the command line, which differs). */
    private static List<String> body(Path vcf) throws IOException {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(vcf)), java.nio.charset.StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    @Test
    void bcftoolsReadsTheGvcfsAndMergesThemAsGvcfs() throws Exception {
        for (Path gvcf : gvcfs) {
            assertEquals(0, run("bcftools", "view", "-H", "-o", tmp.resolve("view.txt").toString(),
                    gvcf.toString()));
        }
        Path merged = tmp.resolve("merged.g.vcf.gz");
        List<String> merge = new ArrayList<>(List.of("bcftools", "merge", "--gvcf",
                SampleData.file("ref.fa").toString(), "-Oz", "-o", merged.toString()));
        gvcfs.forEach(g -> merge.add(g.toString()));
        assertEquals(0, run(merge.toArray(String[]::new)));
        try (VCFFileReader r = new VCFFileReader(merged, false)) {
            assertEquals(3, r.getFileHeader().getNGenotypeSamples());
            // the de novo deletion: the child's own record, the parents' reference blocks
            assertTrue(r.iterator().stream().anyMatch(vc -> vc.getStart() == 281996
                    && vc.getAlleles().stream().anyMatch(a -> a.getDisplayString().equals("GTT"))));
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("process.log").toFile()).start();
        return p.waitFor();
    }

    @Test
    void aFourthSampleAddsItsColumnAndSitesAndLeavesTheTriosGenotypesAndDeNovoCalls() throws IOException {
        // the hard1 proband (another simulation of the same reference) as sample N+1, from its gVCF alone
        Path out = tmp.resolve("gvcf-hard1");
        assertEquals(0, Main.run(args("call", "-I", SampleData.file("hard1_proband_15x.bam").toString(), "-O",
                out.toString(), "--gvcf", "--no-qc")));
        List<String> sheet = new ArrayList<>(Files.readAllLines(tmp.resolve("gvcfs.tsv")));
        sheet.add("99.01.01-001.01\tUZL-0000001\thard1_proband\thard1\tproband\tfemale\t" + only(out, ".g.vcf.gz"));
        Files.write(tmp.resolve("gvcfs4.tsv"), sheet);
        Path four = tmp.resolve("joint4");
        assertEquals(0, Main.run(args("joint", "--sample-sheet", tmp.resolve("gvcfs4.tsv").toString(),
                "--pedigree", SampleData.file("trio1.ped").toString(), "-O", four.toString(), "--no-qc")));
        Map<String, List<String>> trio = genotypes(only(gvcfJoint, ".vcf.gz"));
        Map<String, List<String>> withFourth = genotypes(only(four, ".vcf.gz"));
        int changed = 0;
        for (Map.Entry<String, List<String>> e : trio.entrySet()) {
            List<String> now = withFourth.get(e.getKey());
            assertTrue(now != null, "site " + e.getKey() + " lost");
            assertEquals(e.getValue(), now.subList(0, 3), "the trio's genotypes at " + e.getKey());
        }
        for (Map.Entry<String, List<String>> e : withFourth.entrySet()) {
            if (!trio.containsKey(e.getKey())) {
                changed++;
                assertTrue(!e.getValue().get(3).equals("ref") && !e.getValue().get(3).equals("."),
                        "a new site " + e.getKey() + " must be the fourth sample's: " + e.getValue());
            }
        }
        assertTrue(changed > 20, "the fourth sample's own variants are added: " + changed);
        assertEquals(deNovo(gvcfJoint), deNovo(four));
    }

    /**
     * A gVCF cut short, a plain VCF (no reference confidence) and one sample's gVCF given twice each fail before any
     * work: exit 2, one line naming the -V by its number, nothing left that looks like a result.
     */
    @Test
    void badGvcfsFailBeforeAnyWork() throws IOException {
        Path gvcf = gvcfs.get(2);
        Path cut = tmp.resolve("cut.g.vcf.gz");
        byte[] bytes = Files.readAllBytes(gvcf);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.copy(Path.of(gvcf + ".tbi"), Path.of(cut + ".tbi"));
        Path copy = tmp.resolve("copy.g.vcf.gz");
        Files.copy(gvcf, copy);
        Files.copy(Path.of(gvcf + ".tbi"), Path.of(copy + ".tbi"));
        Path plain = SampleData.file("trio1_child.truth.vcf.gz");
        Path out = tmp.resolve("bad-joint");
        String line = BadInput.oneLine(jointOf(out, gvcfs.get(0), cut), "joint", out, List.of());
        assertTrue(line.contains("-V #2 has no BGZF end-of-file marker"), line);
        line = BadInput.oneLine(jointOf(out, plain), "joint", out, List.of());
        assertTrue(line.contains("-V #1 is not a gVCF"), line);
        line = BadInput.oneLine(jointOf(out, gvcf, gvcfs.get(0), copy), "joint", out, List.of());
        assertTrue(line.contains("-V #3 holds the same sample as -V #1"), line);
    }

    private static Cli.Result jointOf(Path out, Path... gvcfFiles) {
        List<String> a = new ArrayList<>(List.of("joint"));
        for (Path g : gvcfFiles) {
            a.addAll(List.of("-V", g.toString()));
        }
        a.addAll(List.of("-O", out.toString()));
        return Cli.run(args(a.toArray(String[]::new)));
    }

    /**
     * Site (contig:pos) → each sample's genotype as bases ("ref" for hom-ref, "." for none): a new allele another
     * sample brings to a site renumbers the alleles, not a genotype.
     */
    private static Map<String, List<String>> genotypes(Path vcf) {
        Map<String, List<String>> out = new HashMap<>();
        try (VCFFileReader r = new VCFFileReader(vcf, false)) {
            for (VariantContext vc : r) {
                out.put(vc.getContig() + ":" + vc.getStart(), vc.getGenotypes().stream().map(g -> g.isNoCall() ? "."
                        : g.isHomRef() ? "ref" : g.getAlleles().stream().map(a -> a.getDisplayString()).sorted()
                        .toList().toString()).toList());
            }
        }
        return out;
    }
}
