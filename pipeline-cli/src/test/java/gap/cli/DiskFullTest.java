package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import gap.command.Commands;
import gap.command.RedactedPaths;
import gap.core.SampleData;
import gap.core.io.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Whole runs whose output folder fills up (issue 18, class 7): {@code gap call}, {@code score}, {@code aggregate} and
 * {@code qc}, their real writers (VCF, tabix, Parquet, QC) on an in-memory file system with a size limit, so the disk
 * is full at several points of each run. Each gives exit 2, one line saying the disk is full, no stack trace and no path, and leaves nothing under a
 * final name, no {@code _SUCCESS} and no staging.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    private static final int BLOCK = 4096;
    /** The output folder, named after a patient as hospitals do: it must never print. */
    private static final String OUT = "/data/UZL-0012345_run";

    /** {@code gap call}'s arguments. */
    private List<String> call() {
        List<String> args = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                SampleData.file("trio1_child.bam").toString(), "-O", OUT, "-L", "chr22_20_21M:100000-400000",
                "--threads", "2"));
        args.addAll(TestKeys.options(tmp.resolve("keys")));
        return args;
    }

    /** {@code gap} in this JVM, as {@link Main} runs it, with every path under /data/ on {@code fs}. */
    private static Cli.Result gap(FileSystem fs, List<String> args) {
        htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
        Function<String, Path> paths = s -> s.startsWith("/data/") ? fs.getPath(s) : Path.of(s);
        // the options' own converters (which register paths for redaction) and plain Path options alike
        CommandLine cli = Commands.withErrorHandling(Main.commandLine(RedactedPaths.factory(paths),
                args.toArray(String[]::new)));
        cli.registerConverter(Path.class, paths::apply);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        return new Cli.Result(code, out.toString(), err.toString());
    }

    private static FileSystem disk(long bytes) {
        return Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(BLOCK).setMaxSize(bytes).build());
    }

    /** The blocks the folder's files take: what a disk must hold at the run's end, at least. */
    private static long blocks(Path folder) throws IOException {
        long blocks = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                blocks += (Files.size(p) + BLOCK - 1) / BLOCK;
            }
        }
        return blocks;
    }

    @Test
    void aDiskThatFillsAnywhereInARunGivesOneLineAndLeavesNothingComplete() throws IOException {
        // gap call: the VCF, its index, Parquet, QC, in one commit
        Path inputs = Files.createDirectories(tmp.resolve("inputs"));
        fillsUp("call", call(), OUT, roomy -> {
            try (Stream<Path> files = Files.list(roomy)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, inputs.resolve(p.getFileName().toString().startsWith("GAP-")
                            ? "calls" + p.getFileName().toString().substring(p.getFileName().toString().indexOf('.'))
                            : p.getFileName().toString()));
                }
            }
        });
        // the other commands that write: a scored VCF and its index, a summary, QC files
        fillsUp("score", List.of("score", "-V", inputs.resolve("calls.vcf.gz").toString(), "-O",
                OUT + "/scored.vcf.gz"), OUT, roomy -> { });
        fillsUp("aggregate", List.of("aggregate", "-I", inputs.resolve("calls.parquet").toString(), "-O",
                OUT + "/summary.parquet", "--site-id", "UZL"), OUT, roomy -> { });
        fillsUp("qc", List.of("qc", "-V", inputs.resolve("calls.vcf.gz").toString(), "-O", OUT), OUT, roomy -> { });
    }

    private interface Outputs {
        void accept(Path folder) throws IOException;
    }

    /**
     * Runs {@code args} on a roomy disk, then on disks of one block, a third, two thirds and one block less than the
     * run wrote (those of at least one block, each once): each full-disk run must give the one line and leave
     * nothing final in {@code folder}.
     */
    private void fillsUp(String command, List<String> args, String folder, Outputs roomyOutputs) throws IOException {
        long total;
        try (FileSystem roomy = disk(1L << 30)) {
            Files.createDirectories(roomy.getPath(folder)); // gap score writes into a folder that exists
            Cli.Result whole = gap(roomy, args);
            assertEquals(0, whole.exitCode(), command + ": " + whole.stderr());
            total = blocks(roomy.getPath(folder));
            roomyOutputs.accept(roomy.getPath(folder));
        }
        assertTrue(total >= 2, command + " writes several blocks: " + total);
        long[] limits = LongStream.of(1, total / 3, (2 * total) / 3, total - 1).filter(l -> l >= 1).distinct()
                .toArray();
        for (long limit : limits) {
            try (FileSystem full = disk(limit * BLOCK)) {
                Path out = Files.createDirectories(full.getPath(folder));
                Cli.Result r = gap(full, args);
                String line = BadInput.oneLine(r, command, tmp.resolve("none"), List.of("UZL-0012345", OUT));
                assertTrue(line.contains("no space left on the output folder (-O)"),
                        command + ", " + limit + " of " + total + " blocks: " + line);
                try (Stream<Path> left = Files.list(out)) {
                    List<String> names = left.map(p -> p.getFileName().toString()).toList();
                    assertFalse(names.stream().anyMatch(n -> !n.startsWith(".")), command + ", " + limit + " of "
                            + total + " blocks: nothing under a final name, no _SUCCESS: " + names);
                    assertFalse(names.contains(RunFolder.STAGING), "staging removed: " + names);
                }
            }
        }
        System.out.printf("DiskFullTest: gap %s wrote %d blocks of %d bytes; full at %s blocks: one line, exit 2,"
                + " nothing final%n", command, total, BLOCK, java.util.Arrays.toString(limits));
    }
}
