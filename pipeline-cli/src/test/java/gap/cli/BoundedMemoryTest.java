package gap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap call} keeps no call of the run in memory (shard spills, scoring from digests, a streaming second pass):
 * on a genome of ~50,000 calls, which the design that held them needed ~105 MB for at 2.1 kB a call (~135 MB with the
 * ~30 MB every run needs), a child JVM with a 32 MB heap, under a quarter of that, writes the very bytes (VCF, .tbi,
 * calls.parquet, QC) that one with 1 GB writes.
 */
class BoundedMemoryTest {
    static final String SMALL_HEAP = "-Xmx32m";

    @TempDir
    Path tmp;

    @Test
    void aHeapFarSmallerThanTheCallsWritesTheBytesOfALargeOne() throws Exception {
        Path data = tmp.resolve("dense");
        long snvs = DenseGenome.write(data, 12, 100_000, 25, 6, 11);
        assertTrue(snvs > 45_000, snvs + " SNVs");
        List<String> keys = TestKeys.options(tmp.resolve("keys"));
        Path small = tmp.resolve("small");
        Path large = tmp.resolve("large");
        assertEquals(0, call(SMALL_HEAP, data, small, keys), "the small heap's run failed: see " + small + ".log");
        assertEquals(0, call("-Xmx1g", data, large, keys));
        String vcf = onlyVcfName(large);
        long records = records(large.resolve(vcf));
        assertTrue(records > 45_000, records + " calls");
        for (String file : List.of(vcf, vcf + ".tbi", "calls.parquet", "qc/qc.json", "qc/gap_qc_mqc.tsv")) {
            assertArrayEquals(Files.readAllBytes(large.resolve(file)), Files.readAllBytes(small.resolve(file)), file);
        }
    }

    /** {@code gap call} in a child JVM of {@code heap}, its output to {@code out}.log; gives its exit code. */
    private static int call(String heap, Path data, Path out, List<String> keys) throws IOException,
            InterruptedException {
        List<String> command = Cli.javaCommand(heap);
        command.addAll(List.of("call", "-R", data.resolve("ref.fa").toString(), "-I",
                data.resolve("sample.bam").toString(), "-O", out.toString(), "--threads", "2", "--shard-size",
                "10000"));
        command.addAll(keys);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("gap call did not finish");
        }
        return p.exitValue();
    }

    private static long records(Path vcf) throws IOException {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                Files.newInputStream(vcf)), java.nio.charset.StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.startsWith("#")).count();
        }
    }

    private static String onlyVcfName(Path out) throws IOException {
        try (var files = Files.list(out)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".vcf.gz")).findFirst()
                    .orElseThrow();
        }
    }
}
