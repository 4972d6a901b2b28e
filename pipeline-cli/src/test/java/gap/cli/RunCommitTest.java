package gap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.io.RunFolder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is one commit (issue 18, classes 7-8): killed at any point it leaves nothing under a final name and no
 * {@code _SUCCESS}, and the rerun gives the same bytes; a folder holding a previous run is refused unless
 * {@code --overwrite}, which replaces it whole; a second run on a locked folder is refused; {@code -O x.vcf.gz} is told
 * that {@code -O} is a folder.
 */
class RunCommitTest {
    @TempDir
    Path tmp;

    /** 300 kb: the kill points are fractions of the whole run's time, so any length meets every stage. */
    private static final String REGION = "chr22_20_21M:100000-400000";

    private List<String> args(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                SampleData.file("trio1_child.bam").toString(), "-O", out.toString(), "-L", REGION));
        args.addAll(TestKeys.options(tmp.resolve("keys")));
        args.addAll(List.of(extra));
        return args;
    }

    private static List<String> results(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static Path vcf(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".vcf.gz")).findFirst().orElseThrow();
        }
    }

    @Test
    void killedAtAnyPointLeavesNothingFinalAndTheRerunGivesTheSameBytes() throws Exception {
        Path whole = tmp.resolve("whole");
        long start = System.nanoTime();
        Cli.Result r = Cli.run(args(whole).toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(results(whole).contains(RunFolder.SUCCESS), results(whole).toString());
        byte[] expected = Files.readAllBytes(vcf(whole));
        List<String> names = results(whole);
        // kill -9 at points through the run: JVM start and checks, calling, scoring, the VCF, Parquet and QC. Each
        // run starts by clearing what an earlier one staged (RunFolder.open), so one folder takes the kills in turn,
        // each run meeting the previous one's leftovers, and one rerun at the end stands for a rerun after each
        // kill: what a kill leaves that a run could meet is the staging it clears and the final names, checked after
        // every kill. A run that ends before its kill must have committed, not failed on the leftovers. The late
        // points come first: a run may commit before them (then the next runs take a new folder), and the rerun
        // should meet the staging of a kill in mid-run.
        Path out = tmp.resolve("killed");
        for (double at : new double[] {0.95, 0.85, 0.15, 0.4, 0.6, 0.75}) {
            Process p = start(args(out));
            boolean ended = p.waitFor((long) (at * millis), TimeUnit.MILLISECONDS);
            p.destroyForcibly().waitFor();
            assertTrue(!ended || p.exitValue() == 0, "a run over a killed run's leftovers failed: " + at);
            if (Files.isDirectory(out) && results(out).contains(RunFolder.SUCCESS)) {
                assertTrue(ended || results(out).equals(names), "a committed run is whole: " + results(out));
                out = tmp.resolve("killed-after-" + at);
                continue;
            }
            if (Files.isDirectory(out)) {
                assertEquals(List.of(), results(out), "killed at " + at + " of the run: nothing under a final name");
            }
        }
        Cli.Result rerun = Cli.run(args(out).toArray(String[]::new));
        assertEquals(0, rerun.exitCode(), rerun.stderr());
        assertEquals(names, results(out));
        assertArrayEquals(expected, Files.readAllBytes(vcf(out)), "the rerun gives the same VCF bytes");
        assertFalse(Files.exists(out.resolve(RunFolder.STAGING)), "the rerun cleared what the killed runs staged");
    }

    private static Process start(List<String> args) throws IOException {
        List<String> command = Cli.javaCommand("-Xmx1g");
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    @Test
    void aPreviousRunIsRefusedUnlessOverwrittenAndThenReplacedWhole() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run(args(out, "-L", "chrM").toArray(String[]::new)).exitCode());
        List<String> first = results(out);
        String line = BadInput.oneLine(Cli.run(args(out).toArray(String[]::new)), "call", tmp.resolve("none"),
                List.of(tmp.toString()));
        assertTrue(line.contains("-O already holds a previous run's results") && line.contains("--overwrite"), line);
        assertEquals(first, results(out), "the refused run changed nothing");
        Cli.Result r = Cli.run(args(out, "--overwrite", "--no-qc").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(first.contains("qc") && !results(out).contains("qc"), "the previous run is replaced whole");
        r = Cli.run(args(out, "--overwrite").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(first, results(out));
    }

    @Test
    void overwriteNeverRemovesWhatNoRunWrote() throws IOException {
        // -O pointed at the folder of the inputs: before, --overwrite deleted everything in it at commit, the reads
        // and reference included (they were read by then)
        Path out = tmp.resolve("data");
        assertEquals(0, Cli.run(args(out, "-L", "chrM").toArray(String[]::new)).exitCode());
        List<String> first = results(out);
        Path mine = Files.writeString(out.resolve("UZL-0090417.bam"), "a patient's reads");
        String line = BadInput.oneLine(Cli.run(args(out, "--overwrite").toArray(String[]::new)), "call",
                tmp.resolve("none"), List.of(tmp.toString(), "UZL-0090417"));
        assertTrue(line.contains("-O holds 1 entry that no gap run wrote there"), line);
        assertEquals("a patient's reads", Files.readString(mine));
        List<String> expected = new ArrayList<>(first);
        expected.add("UZL-0090417.bam");
        Collections.sort(expected);
        assertEquals(expected, results(out), "the refused run changed nothing");
        Files.delete(mine);
        assertEquals(0, Cli.run(args(out, "--overwrite").toArray(String[]::new)).exitCode());
        assertEquals(first, results(out));
    }

    @Test
    void aSecondRunOnALockedFolderIsRefused() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("locked"));
        try (FileChannel channel = FileChannel.open(out.resolve(RunFolder.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            String line = BadInput.oneLine(Cli.run(args(out).toArray(String[]::new)), "call", out,
                    List.of(tmp.toString()));
            assertTrue(line.contains("another gap run is writing to this -O"), line);
        }
    }

    @Test
    void outputNamedLikeAFileIsToldThatItIsAFolder() {
        Path out = tmp.resolve("UZL-0090417_child.vcf.gz");
        String line = BadInput.oneLine(Cli.run(args(out).toArray(String[]::new)), "call", out,
                List.of(tmp.toString(), "UZL-0090417"));
        assertTrue(line.contains("-O is a folder"), line);
        assertFalse(Files.exists(out), "no folder of that name is created");
    }
}
