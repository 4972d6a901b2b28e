package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import gap.command.Commands;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A whole {@code gap call} whose output folder fills up (issue 18, class 7): the run's real writers (VCF, tabix,
 * Parquet, QC) write to an in-memory file system with a size limit, so the disk is full at several points of the
 * run. Each gives exit 2, one line saying the disk is full, no stack trace and no path, and leaves nothing under a
 * final name, no {@code _SUCCESS} and no staging.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    private static final int BLOCK = 4096;
    /** The output folder, named after a patient as hospitals do: it must never print. */
    private static final String OUT = "/data/UZL-0012345_run";

    /** {@code gap call} in this JVM, as {@link Main} runs it, with {@code -O} on {@code fs}. */
    private Cli.Result call(FileSystem fs) {
        List<String> args = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(), "-I",
                SampleData.file("trio1_child.bam").toString(), "-O", OUT, "-L", "chr22_20_21M:100000-400000",
                "--threads", "2"));
        args.addAll(TestKeys.options(tmp.resolve("keys")));
        htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
        CommandLine cli = Commands.withErrorHandling(new CommandLine(new Main()));
        // the output folder on the size-limited file system; the inputs where they are
        cli.registerConverter(Path.class, s -> s.equals(OUT) ? fs.getPath(s) : Path.of(s));
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
    void aDiskThatFillsAnywhereInTheRunGivesOneLineAndLeavesNothingComplete() throws IOException {
        long total;
        try (FileSystem roomy = disk(1L << 30)) {
            Cli.Result whole = call(roomy);
            assertEquals(0, whole.exitCode(), whole.stderr());
            Path out = roomy.getPath(OUT);
            assertTrue(Files.exists(out.resolve(RunFolder.SUCCESS)));
            total = blocks(out);
        }
        assertTrue(total >= 4, "the run writes several blocks: " + total);
        // full before the first output, part-way through, and with one block short of the whole run
        for (long limit : new long[] {1, total / 3, (2 * total) / 3, total - 1}) {
            try (FileSystem full = disk(limit * BLOCK)) {
                Cli.Result r = call(full);
                String line = BadInput.oneLine(r, "call", tmp.resolve("none"), List.of("UZL-0012345", OUT));
                assertTrue(line.contains("no space left on the output folder (-O)"), limit + " blocks: " + line);
                Path out = full.getPath(OUT);
                if (Files.exists(out)) {
                    try (Stream<Path> left = Files.list(out)) {
                        List<String> names = left.map(p -> p.getFileName().toString()).toList();
                        assertFalse(names.stream().anyMatch(n -> !n.startsWith(".")),
                                limit + " of " + total + " blocks: nothing under a final name, no _SUCCESS: " + names);
                        assertFalse(names.contains(RunFolder.STAGING), "staging removed: " + names);
                    }
                }
            }
        }
    }
}
