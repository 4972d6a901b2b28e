package gap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gap.core.SampleData;
import gap.core.Tools;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The QC files of {@code gap call} on the trio's sample sheet and pedigree, held to real tools: Debian's
 * {@code bcftools stats} gives the same sections for the family's VCF, Debian's {@code multiqc} finds the call set in
 * our stats and every sample in our table, and headless Chromium renders {@code report.html} with one mark per number
 * of {@code qc.json} while the page requests nothing. {@code gap qc} on the same VCF, reads and pedigree writes the
 * same files.
 */
class QcOutputTest {
    @TempDir
    static Path tmp;
    private static Path out;
    private static Path qc;
    private static JsonNode json;
    private static List<String> samples;
    private static String callSet;

    @BeforeAll
    static void callTheTrio() throws IOException {
        out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", SampleData.file("samplesheet.tsv").toString(), "--pedigree",
                SampleData.file("trio1.ped").toString(), "-O", out.toString()));
        args.addAll(TestKeys.options(tmp.resolve("keys")));
        assertEquals(0, Main.run(args.toArray(String[]::new)));
        qc = out.resolve("qc");
        json = new ObjectMapper().readTree(qc.resolve("qc.json").toFile());
        samples = new ArrayList<>();
        json.path("samples").forEach(s -> samples.add(s.path("sample").asText()));
        assertEquals(1, json.path("callSets").size(), "one joint call set");
        callSet = json.path("callSets").get(0).path("name").asText();
    }

    @Test
    void writesOneStatsFilePerCallSetTheMultiQcTableQcJsonAndTheReport() throws IOException {
        assertEquals(3, samples.size());
        List<String> expected = new ArrayList<>(List.of("gap_qc_mqc.tsv", "qc.json", "report.html",
                callSet + ".stats.txt"));
        try (Stream<Path> files = Files.list(qc)) {
            assertEquals(expected.stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of("father", "mother", "proband"), roles());
        for (JsonNode s : json.path("samples")) {
            // callable: the whole reference (1 Mb of chr22 and chrM's 16,569 bases) less its 100 kb run of N
            assertEquals(916_569, s.path("coverage").path("territory").asLong());
            assertTrue(s.path("reads").path("kept").asLong() > 40_000, s.toString());
        }
    }

    private static List<String> roles() {
        List<String> roles = new ArrayList<>();
        json.path("samples").forEach(s -> roles.add(s.path("role").asText()));
        return roles;
    }

    @Test
    void theStatsFileHoldsWhatBcftoolsStatsSaysOfTheFamilysVcf() throws IOException {
        Tools.require("bcftools");
        String theirs = Tools.run(out, List.of("bcftools", "stats", "-s", "-", callSet + ".vcf.gz"));
        String ours = Files.readString(qc.resolve(callSet + ".stats.txt"));
        assertLinesMatch(Tools.bcftoolsComparable(theirs), Tools.bcftoolsComparable(ours), callSet);
        for (String section : List.of("SN", "TSTV", "IDD", "PSC")) {
            List<String> a = theirs.lines().filter(l -> l.startsWith(section + "\t")).toList();
            assertFalse(a.isEmpty(), section);
            assertEquals(a, ours.lines().filter(l -> l.startsWith(section + "\t")).toList(), section);
        }
        assertEquals(3, ours.lines().filter(l -> l.startsWith("PSC\t")).count(), "one PSC line per sample");
    }

    @Test
    void familyChecksOfTheTrueTrioFindNoSwap() {
        JsonNode trios = json.path("trios");
        assertEquals(1, trios.size());
        assertEquals(samples.get(2), trios.get(0).path("child").asText(), "the proband, third in the sheet");
        assertTrue(trios.get(0).path("passSites").asLong() > 300, trios.toString());
        assertEquals(3, json.path("relatedness").size(), "every pair of three samples");
        for (JsonNode p : json.path("relatedness")) {
            assertTrue(p.path("warning").isNull(), p.toString());
            String expected = p.path("declared").asText().equals("parent-child") ? "parent-child" : "unrelated";
            assertEquals(expected, p.path("inferred").asText(), p.toString());
        }
    }

    @Test
    void multiqcFindsEverySampleInOurStatsAndOurTable() throws IOException {
        Tools.require("multiqc");
        Path report = tmp.resolve("multiqc");
        Tools.run(tmp, List.of("multiqc", "--no-ansi", "-q", "-o", report.toString(), qc.toString()));
        Path data = report.resolve("multiqc_data");
        String bcftools = Files.readString(data.resolve("multiqc_bcftools_stats.txt"));
        String table = Files.readString(data.resolve("multiqc_gap_qc_table.txt"));
        String row = bcftools.lines().filter(l -> l.startsWith(callSet + "\t")).findFirst().orElseThrow(() ->
                new AssertionError(callSet + " not in MultiQC's bcftools data:\n" + bcftools));
        assertTrue(row.contains("\t" + number(json.path("callSets"), callSet, "records") + "\t"), row);
        for (JsonNode s : json.path("samples")) {
            String id = s.path("sample").asText();
            String ours = table.lines().filter(l -> l.startsWith(id + "\t")).findFirst().orElseThrow(() ->
                    new AssertionError(id + " not in MultiQC's custom-content data:\n" + table));
            assertTrue(ours.contains(String.format(Locale.ROOT, "\t%.1f\t", (double) s.path("variants")
                    .path("snvs").asLong())), ours);
        }
        assertTrue(Files.readString(data.resolve("multiqc_data.json")).contains("gap_qc_table"));
    }

    /**
     * bcftools' own plotter reads our stats file as it reads bcftools' file of the same VCF: the same data files and
     * plots, but HWE's (a section we do not write). It runs Debian's python3, which multiqc brings matplotlib to.
     */
    @Test
    void plotVcfstatsPlotsOurStatsAsItPlotsBcftools() throws IOException {
        Tools.require("bcftools");
        Tools.require("plot-vcfstats");
        Tools.require("multiqc");
        Path work = Files.createDirectories(tmp.resolve("plot-vcfstats"));
        Files.writeString(work.resolve("theirs.txt"),
                Tools.run(out, List.of("bcftools", "stats", "-s", "-", callSet + ".vcf.gz")));
        Files.copy(qc.resolve(callSet + ".stats.txt"), work.resolve("ours.txt"));
        for (String who : List.of("ours", "theirs")) {
            // python3 first on PATH may not be Debian's, whose matplotlib plot-vcfstats needs
            Tools.run(work, List.of("env", "PATH=/usr/bin:/bin", "plot-vcfstats", "-P", "-p", who + "/", who + ".txt"));
        }
        List<String> ours = listing(work.resolve("ours"));
        List<String> theirs = listing(work.resolve("theirs")).stream().filter(f -> !f.startsWith("hwe.")).toList();
        assertEquals(theirs, ours);
        assertTrue(ours.contains("indels.0.png") && ours.contains("tstv_by_sample.0.png"), ours.toString());
        for (String f : ours) {
            if (f.endsWith(".dat")) {
                assertEquals(Files.readString(work.resolve("theirs").resolve(f)),
                        Files.readString(work.resolve("ours").resolve(f)), f);
            }
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".dat") || f.endsWith(".png"))
                    .sorted().toList();
        }
    }

    private static String number(JsonNode callSets, String name, String key) {
        for (JsonNode c : callSets) {
            if (c.path("name").asText().equals(name)) {
                return String.format(Locale.ROOT, "%.1f", c.path(key).asDouble());
            }
        }
        throw new AssertionError("no call set " + name);
    }

    @Test
    void reportHasOneMarkPerNumberOfQcJsonInChromium() throws IOException {
        Tools.require("chromium");
        Chromium.Load load = Chromium.load(qc.resolve("report.html"), Files.createDirectories(tmp.resolve("chrome")));
        Map<String, Integer> drawn = marks(load.dom());
        Map<String, Integer> expected = expectedMarks(json);
        assertEquals(expected, drawn, "marks drawn by Chromium vs the numbers of qc.json");
        for (JsonNode p : json.path("plots")) {
            assertEquals(p.path("marks").asInt(), drawn.get(p.path("id").asText()), p.toString());
        }
        for (JsonNode s : json.path("samples")) {
            String value = String.format(Locale.ROOT, "%.4f", s.path("variants").path("tsTv").asDouble());
            assertTrue(load.dom().contains("data-series=\"" + s.path("sample").asText() + "\" data-category=\""
                    + s.path("sample").asText() + "\" data-value=\"" + value + "\""), "Ti/Tv bar of " + s);
        }
    }

    /** Marks per plot in the DOM Chromium built. */
    static Map<String, Integer> marks(String dom) {
        Map<String, Integer> marks = new HashMap<>();
        Matcher m = Pattern.compile("<svg [^>]*data-plot=\"([^\"]+)\"[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        while (m.find()) {
            marks.put(m.group(1), countOf(m.group(2), "data-mark=\"\""));
        }
        return marks;
    }

    private static int countOf(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** What each plot must draw, from the data sections of qc.json alone. */
    static Map<String, Integer> expectedMarks(JsonNode json) {
        Map<String, Integer> expected = new HashMap<>();
        int xMax = 0;
        for (JsonNode p : json.path("plots")) {
            if (p.path("id").asText().equals("coverage")) {
                xMax = p.path("xMax").asInt();
            }
        }
        int covered = 0;
        int tstv = 0;
        int gq = 0;
        for (JsonNode s : json.path("samples")) {
            covered += s.path("coverage").path("territory").asLong() > 0 ? 1 : 0;
            tstv += s.path("variants").path("tsTv").isNull() ? 0 : 1;
            long genotypes = 0;
            for (JsonNode n : s.path("variants").path("gqHistogram")) {
                genotypes += n.asLong();
            }
            gq += genotypes > 0 ? 10 : 0;
        }
        int lengths = 0;
        for (JsonNode c : json.path("callSets")) {
            lengths += c.path("indelLengths").size();
        }
        if (covered > 0) {
            expected.put("coverage", covered * (xMax + 1));
        }
        expected.put("variant-classes", 5 * json.path("callSets").size());
        expected.put("genotypes", 4 * json.path("samples").size());
        expected.put("tstv", tstv);
        expected.put("indel-lengths", lengths);
        expected.put("gq", gq);
        return expected;
    }

    @Test
    void reportLoadsNothingAndCarriesItsOwnPolicy() throws IOException {
        String html = Files.readString(qc.resolve("report.html"));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), html);
        for (String outside : List.of("http:", "https:", "//", "<script", "<link", "<img", "<iframe", "url(",
                "@import", "@font-face", "src=")) {
            assertFalse(html.contains(outside), "report.html contains " + outside);
        }
        Tools.require("chromium");
        Path work = Files.createDirectories(tmp.resolve("requests"));
        // The detector works: a page without the policy that shows a loopback image is caught asking for it.
        Path control = Files.writeString(work.resolve("control.html"),
                "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>");
        assertEquals(List.of("http://127.0.0.1:9/x.png"),
                Chromium.pageRequests(Chromium.load(control, Files.createDirectories(work.resolve("c"))).netLog()));
        assertEquals(List.of(), Chromium.pageRequests(
                Chromium.load(qc.resolve("report.html"), Files.createDirectories(work.resolve("r"))).netLog()));
    }

    @Test
    void chromiumScreenshotShowsThePlots() throws IOException {
        Tools.require("chromium");
        Path png = tmp.resolve("report.png");
        Chromium.screenshot(qc.resolve("report.html"), png, 1200, 2400, Files.createDirectories(tmp.resolve("shot")));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(2400, image.getHeight());
        Map<Integer, Integer> sampleColours = new HashMap<>(Map.of(0x0072B2, 0, 0xE69F00, 0, 0x009E73, 0));
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sampleColours.computeIfPresent(image.getRGB(x, y) & 0xFFFFFF, (k, v) -> v + 1);
            }
        }
        sampleColours.forEach((colour, pixels) -> assertTrue(pixels > 500,
                String.format("colour %06X of a sample drawn on %d pixels only", colour, pixels)));
    }

    @Test
    void gapQcHelpIsGatkStyleWithDashVForVariants() {
        Cli.Result r = Cli.run("qc", "--help");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("-V, --variant=VCF"), r.stdout());
        assertEquals(2, Cli.run("qc", "-O", tmp.resolve("x").toString()).exitCode(), "-V is required");
    }

    @Test
    void gapQcOnTheSameVcfsAndReadsWritesTheSameFiles() throws IOException {
        Path again = tmp.resolve("qc-again");
        List<String> args = new ArrayList<>(List.of("qc", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", SampleData.file("samplesheet.tsv").toString(), "--pedigree",
                SampleData.file("trio1.ped").toString(), "-O", again.toString(), "-V",
                out.resolve(callSet + ".vcf.gz").toString()));
        args.addAll(TestKeys.options(tmp.resolve("keys")));
        assertEquals(0, Main.run(args.toArray(String[]::new)));
        try (Stream<Path> files = Files.list(qc)) {
            for (Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(f.getFileName())),
                        f.getFileName().toString());
            }
        }
    }

    @Test
    void gapQcMeasuresTheReadsWithTheSettingsOfTheRunItChecks() throws IOException {
        // MAPQ 60 drops the child's 15 reads of MAPQ 59 or less; the default 20, only one
        List<String> strict = List.of("--set", "read.minMappingQuality=60");
        Path run = tmp.resolve("strict");
        List<String> call = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                SampleData.file("trio1_child.bam").toString(), "-O", run.toString()));
        call.addAll(strict);
        call.addAll(TestKeys.options(tmp.resolve("keys")));
        assertEquals(0, Main.run(call.toArray(String[]::new)));
        Path vcf;
        try (Stream<Path> files = Files.list(run)) {
            vcf = files.filter(f -> f.toString().endsWith(".vcf.gz")).findFirst().orElseThrow();
        }
        List<String> qcArgs = new ArrayList<>(List.of("qc", "-R", SampleData.file("ref.fa").toString(), "-I",
                SampleData.file("trio1_child.bam").toString(), "-V", vcf.toString()));
        qcArgs.addAll(TestKeys.options(tmp.resolve("keys")));
        List<String> same = new ArrayList<>(qcArgs);
        same.addAll(List.of("-O", tmp.resolve("qc-strict").toString()));
        same.addAll(strict);
        assertEquals(0, Main.run(same.toArray(String[]::new)));
        try (Stream<Path> files = Files.list(run.resolve("qc"))) {
            for (Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve("qc-strict")
                        .resolve(f.getFileName())), f.getFileName() + ": gap qc --set measures as gap call --set did");
            }
        }
        List<String> defaults = new ArrayList<>(qcArgs);
        defaults.addAll(List.of("-O", tmp.resolve("qc-defaults").toString()));
        assertEquals(0, Main.run(defaults.toArray(String[]::new)));
        JsonNode strictReads = new ObjectMapper().readTree(tmp.resolve("qc-strict").resolve("qc.json").toFile())
                .path("samples").get(0).path("reads");
        JsonNode defaultReads = new ObjectMapper().readTree(tmp.resolve("qc-defaults").resolve("qc.json").toFile())
                .path("samples").get(0).path("reads");
        long strictLow = strictReads.path("dropped").path("low_mapping_quality").asLong();
        long defaultLow = defaultReads.path("dropped").path("low_mapping_quality").asLong();
        assertEquals(defaultReads.path("seen").asLong(), strictReads.path("seen").asLong(), "the same reads seen");
        assertTrue(strictLow > defaultLow, "MAPQ 60 drops more reads than the default 20: " + strictReads + " vs "
                + defaultReads);
        assertEquals(defaultReads.path("kept").asLong() - (strictLow - defaultLow), strictReads.path("kept").asLong(),
                "what the stricter filter drops, it no longer keeps");
    }
}
