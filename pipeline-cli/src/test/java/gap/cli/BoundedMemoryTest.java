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
 * calls.parquet, QC) that one with 1 GB writes: with copy number too ({@code --cnv-panel}: depth bins, the SNV sites
 * of the final calls read back packed, the changes merged into the VCF), and with {@code --known-sites}, the scorer
 * trained on a bounded sample of the calls.
 */
class BoundedMemoryTest {
    static final String SMALL_HEAP = "-Xmx32m";

    @TempDir
    Path tmp;

    /**
     * A copy-number run: the panel of normals built from the sample itself (so nothing changes, but every step runs),
     * its SNV calls' allele fractions read from 2 reads up (this genome has 6x) so that every call's site is kept.
     */
    @Test
    void aHeapFarSmallerThanTheCallsWritesTheBytesOfALargeOne() throws Exception {
        Path data = tmp.resolve("dense");
        long snvs = DenseGenome.write(data, 12, 100_000, 25, 6, 11);
        assertTrue(snvs > 45_000, snvs + " SNVs");
        List<String> keys = new ArrayList<>(TestKeys.options(tmp.resolve("keys")));
        Path panel = tmp.resolve("panel.parquet");
        List<String> build = new ArrayList<>(List.of("cnv-panel", "-R", data.resolve("ref.fa").toString(), "-I",
                data.resolve("sample.bam").toString(), "-O", panel.toString()));
        build.addAll(keys);
        Cli.Result built = Cli.run(build.toArray(String[]::new));
        assertEquals(0, built.exitCode(), built.stderr());
        keys.addAll(List.of("--cnv-panel", panel.toString(), "--set", "cnv.baf.minDepth=2"));
        Path small = tmp.resolve("small");
        Path large = tmp.resolve("large");
        assertEquals(0, call(SMALL_HEAP, data, small, keys), "the small heap's run failed: see " + small + ".log");
        assertEquals(0, call("-Xmx1g", data, large, keys));
        String vcf = onlyVcfName(large);
        long records = records(large.resolve(vcf));
        assertTrue(records > 45_000, records + " calls");
        for (String file : List.of(vcf, vcf + ".tbi", "calls.parquet", "cnv.tsv", "cnv.parquet", "qc/qc.json",
                "qc/gap_qc_mqc.tsv", "qc/report.html")) {
            assertArrayEquals(Files.readAllBytes(large.resolve(file)), Files.readAllBytes(small.resolve(file)), file);
        }
    }

    /**
     * With known sites the scorer trains on the run's bounded sample: here of 20,000 calls per class (lowered from
     * 100,000 so that this genome's ~50,000 SNVs are sampled, and still above the 10,000 calls at known sites a
     * model needs), which the small heap holds as the large one does; and the sample, so the bytes, are the same
     * for another shard size: the small heap's run has shards of 30,000 bp, the large one's of 10,000, so equal
     * bytes show both at once (one run of ~50,000 calls fewer).
     */
    @Test
    void aKnownSitesRunUnderASmallHeapWritesTheBytesOfALargeOne() throws Exception {
        Path data = tmp.resolve("dense");
        long snvs = DenseGenome.write(data, 12, 100_000, 25, 6, 11, true);
        assertTrue(snvs > 45_000, snvs + " SNVs");
        List<String> keys = new ArrayList<>(TestKeys.options(tmp.resolve("keys")));
        keys.addAll(List.of("--known-sites", data.resolve("known-sites.vcf.gz").toString()));
        Path small = tmp.resolve("small");
        Path large = tmp.resolve("large");
        assertEquals(0, call(SMALL_HEAP, data, small, keys, SAMPLE, 30_000), "see " + small + ".log");
        assertEquals(0, call("-Xmx1g", data, large, keys, SAMPLE, 10_000), "see " + large + ".log");
        String vcf = onlyVcfName(large);
        String header = header(large.resolve(vcf));
        // trained on the sample: fewer calls at known sites than the genome's ~40,000 (every fifth held out)
        java.util.regex.Matcher trained = java.util.regex.Pattern
                .compile("SNV: VQSR-style Gaussian mixtures .*?positive \\d+ Gaussian\\(s\\) on (\\d+) calls at known")
                .matcher(header);
        assertTrue(trained.find(), header);
        int fitted = Integer.parseInt(trained.group(1));
        assertTrue(fitted > 10_000 && fitted <= SAMPLE * 4 / 5, fitted + " calls fitted");
        for (String file : List.of(vcf, vcf + ".tbi", "calls.parquet", "qc/qc.json", "qc/gap_qc_mqc.tsv")) {
            assertArrayEquals(Files.readAllBytes(large.resolve(file)), Files.readAllBytes(small.resolve(file)),
                    file + ": 32 MB and shards of 30,000 bp against 1 GB and 10,000 bp");
        }
    }

    /** Calls kept per class in the known-sites test's training sample. */
    static final int SAMPLE = 20_000;

    /** {@code gap call} in a child JVM of {@code heap}, its output to {@code out}.log; gives its exit code. */
    private static int call(String heap, Path data, Path out, List<String> keys) throws IOException,
            InterruptedException {
        return call(heap, data, out, keys, 0, 10_000);
    }

    /** As above, with a training sample of {@code sample} calls per class (0: the default) and shards of that size. */
    private static int call(String heap, Path data, Path out, List<String> keys, int sample, int shardSize)
            throws IOException, InterruptedException {
        List<String> command = Cli.javaCommand(heap);
        if (sample != 0) { // the command's last word is its main class: the one that lowers the sample first
            command.set(command.size() - 1, gap.core.shard.SampledMain.class.getName());
            command.add(String.valueOf(sample));
        }
        command.addAll(List.of("call", "-R", data.resolve("ref.fa").toString(), "-I",
                data.resolve("sample.bam").toString(), "-O", out.toString(), "--threads", "2", "--shard-size",
                String.valueOf(shardSize)));
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

    private static String header(Path vcf) throws IOException {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                Files.newInputStream(vcf)), java.nio.charset.StandardCharsets.UTF_8))) {
            return String.join("\n", in.lines().takeWhile(l -> l.startsWith("#")).toList());
        }
    }

    private static String onlyVcfName(Path out) throws IOException {
        try (var files = Files.list(out)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".vcf.gz")).findFirst()
                    .orElseThrow();
        }
    }
}
