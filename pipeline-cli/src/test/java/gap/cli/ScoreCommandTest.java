package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.command.Commands;
import gap.core.SampleData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap score} on the child's slice: it scores a VCF of {@code gap call} exactly as {@code gap call
 * --known-sites} does, keeps the sample column, writes atomically with an index, and prints no path.
 */
class ScoreCommandTest {
    /** The slice has about 200 SNVs and 30 indels at known sites: enough for both models at this minimum. */
    /** A model on the slice's few hundred calls: far below the whole-genome minimums, so lowered here. */
    static final String[] SCORING = {"--set", "score.minTrainingCalls=20", "--set", "score.minNegativeCalls=10"};

    @TempDir
    static Path tmp;
    private static Path unscored;

    @BeforeAll
    static void callWithoutKnownSites() {
        unscored = CallCommandTest.call(tmp.resolve("plain"), SampleData.file("trio1_child.bam"), SCORING);
    }

    private static String[] args(String... more) {
        return Stream.concat(Stream.of("score"), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void scoringACallVcfGivesWhatCallWithKnownSitesWrites() throws Exception {
        Path knownSites = SampleData.file("known-sites.vcf.gz");
        Path scored = tmp.resolve("out").resolve("scored.vcf.gz");
        Files.createDirectories(scored.getParent());
        Cli.Result r = Cli.run(args("-V", unscored.toString(), "--known-sites", knownSites.toString(), "-O",
                scored.toString(), SCORING[0], SCORING[1], SCORING[2], SCORING[3]));
        assertEquals(0, r.exitCode(), r.stderr());
        Path direct = CallCommandTest.call(tmp.resolve("direct"), SampleData.file("trio1_child.bam"), "--known-sites",
                knownSites.toString(), SCORING[0], SCORING[1], SCORING[2], SCORING[3]);
        String text = CallCommandTest.vcfText(scored);
        assertEquals(CallCommandTest.vcfText(direct), text);
        assertTrue(text.contains("##scoring=SNV: VQSR-style") && text.contains("##scoring=INDEL: VQSR-style"));
        assertTrue(text.contains("VQSLOD="));
        // ID from the known sites, as GATK's --dbsnp fills it, and the list named by file name and MD5
        String knownMd5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(Files.readAllBytes(knownSites)));
        assertTrue(text.contains("##gapKnownSites=known-sites.vcf.gz,md5=" + knownMd5 + "\n"), text.substring(0, 3000));
        long withId = text.lines().filter(l -> !l.startsWith("#") && !l.split("\t")[2].equals(".")).count();
        assertTrue(withId > 100, withId + " records with an rsID");
        String pseudonym = unscored.getFileName().toString().replace(".vcf.gz", "");
        assertTrue(text.contains("\tFORMAT\t" + pseudonym + "\n"), "the sample column is kept");
        assertTrue(Files.exists(scored.resolveSibling("scored.vcf.gz.tbi")));
        try (Stream<Path> files = Files.list(scored.getParent())) {
            assertEquals(List.of("scored.vcf.gz", "scored.vcf.gz.tbi"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no partial file left");
        }
        assertFalse(r.stderr().contains(unscored.getFileName().toString()) || r.stderr().contains("scored.vcf.gz"),
                "no input or output path in the log: " + r.stderr());
        assertTrue(r.stderr().contains("known-sites.vcf.gz"), "the known-sites file is named");
    }

    @Test
    void scoringTwiceGivesTheSameAsOnce() throws IOException {
        Path knownSites = SampleData.file("known-sites.vcf.gz");
        Path once = tmp.resolve("once.vcf.gz");
        Path twice = tmp.resolve("twice.vcf.gz");
        assertEquals(0, Main.run(args("-V", unscored.toString(), "--known-sites", knownSites.toString(), "-O",
                once.toString(), SCORING[0], SCORING[1], SCORING[2], SCORING[3])));
        assertEquals(0, Main.run(args("-V", once.toString(), "--known-sites", knownSites.toString(), "-O",
                twice.toString(), SCORING[0], SCORING[1], SCORING[2], SCORING[3])));
        assertEquals(CallCommandTest.vcfText(once), CallCommandTest.vcfText(twice));
    }

    @Test
    void withoutKnownSitesTheTrainedModelScoresAndSaysSo() throws IOException {
        Path out = tmp.resolve("trained.vcf.gz");
        assertEquals(0, Main.run(args("-V", unscored.toString(), "-O", out.toString())));
        String text = CallCommandTest.vcfText(out);
        assertTrue(text.contains("##scoring=SNV: trained model gap-scorer-") && text.contains("because no known sites"
                + " were given"));
        assertTrue(text.contains("##scoringModel=gap-scorer-") && text.contains("GAPSCORE="));
        assertFalse(text.contains("VQSLOD="));
        assertEquals(CallCommandTest.vcfText(unscored), text,
                "gap call without known sites scores the same way");
        Path hard = tmp.resolve("hard.vcf.gz");
        assertEquals(0, Main.run(args("-V", out.toString(), "-O", hard.toString(), "--set", "score.model=hard")));
        String hardText = CallCommandTest.vcfText(hard);
        assertTrue(hardText.contains("##scoring=SNV: hard filters"));
        assertFalse(hardText.contains("GAPSCORE="), "the hard filters drop an earlier model's score");
    }

    @Test
    void badInputsAreOneLine() {
        Cli.Result missing = Cli.run(args("-V", tmp.resolve("absent.vcf.gz").toString(), "-O",
                tmp.resolve("x.vcf.gz").toString()));
        assertEquals(Commands.EXIT_USER_ERROR, missing.exitCode());
        assertEquals(1, missing.stderrLines().size(), missing.stderr());
        assertTrue(missing.stderr().contains("calls VCF [calls] does not exist"), missing.stderr());

        Cli.Result notGz = Cli.run(args("-V", unscored.toString(), "-O", tmp.resolve("x.vcf").toString()));
        assertEquals(Commands.EXIT_USAGE, notGz.exitCode());

        Cli.Result truth = Cli.run(args("-V", SampleData.file("trio1.truth.vcf.gz").toString(), "-O",
                tmp.resolve("y.vcf.gz").toString()));
        assertEquals(Commands.EXIT_USER_ERROR, truth.exitCode());
        assertTrue(truth.stderr().contains("has no ##referenceMd5 line: give a VCF written by gap call"),
                truth.stderr());
        assertFalse(Files.exists(tmp.resolve("y.vcf.gz")));
    }
}
