package gap.spark;

import gap.core.io.CallSpill;
import gap.core.io.RunFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.calling.CallingParameters;
import gap.core.io.InputValidator;
import gap.core.model.Shard;
import gap.core.privacy.LabKeys;
import gap.core.shard.ShardExecutor;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.PanelRun;
import gap.core.shard.ShardPlanner;
import htsjdk.samtools.SAMSequenceDictionary;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Spark driver in local mode ({@code local[N,2]}: 1, 2 and 4 task threads, a failed task retried once; Kryo with
 * registration required) gives what {@code gap call} gives on the sample-data trio (sheet, pedigree, known sites)
 * and on the child alone ({@code -I}), for shard sizes 7 kb, 33 kb and the default, and when a task fails on its
 * first attempt:
 * the same VCF text, QC files and de novo table byte for byte, the same calls rows, the same decrypted samples rows;
 * and with a panel of normals ({@code --cnv-panel}), the same copy-number records, cnv.tsv and cnv.parquet.
 * Local mode has one executor; {@link SparkClusterIT} runs real executors.
 */
class SparkLocalIdentityTest {
    private static final String PASSWORD = "spark-test-password";

    @TempDir
    static Path tmp;
    private static JavaSparkContext spark;
    private static Path keystore;
    private static Path passwordFile;
    private static Path cliTrio;
    private static Path cliChild;
    private static Path cliCnv;
    private static Path panel;

    @BeforeAll
    static void cliOutputsAndSpark() throws IOException {
        keystore = tmp.resolve("lab.p12");
        passwordFile = tmp.resolve("lab.password");
        LabKeys.create(keystore, PASSWORD.toCharArray());
        Files.writeString(passwordFile, PASSWORD);
        long t0 = System.nanoTime();
        cliTrio = tmp.resolve("cli-trio");
        cliChild = tmp.resolve("cli-child");
        assertEquals(0, LocalCall.run(args("gap", "trio", cliTrio, ShardPlanner.DEFAULT_SHARD_SIZE)));
        assertEquals(0, LocalCall.run(args("gap", "child", cliChild, ShardPlanner.DEFAULT_SHARD_SIZE)));
        panel = tmp.resolve("panel.parquet"); // the trio's panel, made as gap cnv-panel makes it
        PanelRun.run(PanelRun.prepare(new PanelRun.Options(SampleData.file("ref.fa"), List.of(),
                SampleData.file("samplesheet.tsv"), List.of(), Map.of(),
                () -> LabKeys.open(keystore, PASSWORD.toCharArray()), panel), 2), new LocalShardExecutor(2));
        cliCnv = tmp.resolve("cli-cnv");
        assertEquals(0, LocalCall.run(args("gap", "cnv", cliCnv, ShardPlanner.DEFAULT_SHARD_SIZE)));
        System.out.printf("[stage] CLI reference runs %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The running context of {@code master}: one at a time in this JVM (Spark allows no more), started when a test
     * asks for another master than the last (the tests run in master order).
     */
    private static JavaSparkContext spark(String master) {
        if (spark != null && spark.master().equals(master)) {
            return spark;
        }
        if (spark != null) {
            spark.stop();
        }
        long t0 = System.nanoTime();
        spark = LocalSpark.start(master, "gap-local-identity");
        System.out.printf("[stage] Spark %s start %.1f s%n", master, (System.nanoTime() - t0) / 1e9);
        return spark;
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The command line of {@code gap call} ({@code tool} "gap") or the Spark driver's for one sample set. */
    static String[] args(String tool, String set, Path out, int shardSize) {
        List<String> a = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString()));
        if (set.equals("trio")) {
            a.addAll(List.of("--sample-sheet", SampleData.file("samplesheet.tsv").toString(),
                    // the Spark driver takes Hadoop paths: plain ones and file:// URIs alike
                    "--pedigree", tool.equals("gap") ? SampleData.file("trio1.ped").toString()
                            : SampleData.file("trio1.ped").toUri().toString(),
                    // scoring, and de novo qualities that weigh novel alleles: read on the executors too
                    "--known-sites", SampleData.file("known-sites.vcf.gz").toString()));
        } else {
            a.addAll(List.of("-I", SampleData.file("trio1_child.bam").toString()));
        }
        if (set.equals("cnv")) { // the panel read on the driver, the depth counted by the executors' shards
            a.addAll(List.of("--cnv-panel", tool.equals("gap") ? panel.toString() : panel.toUri().toString()));
        }
        a.addAll(List.of("-O", out.toString(), "--shard-size", String.valueOf(shardSize),
                "--keystore", keystore.toString(), "--keystore-password-file", passwordFile.toString()));
        if (tool.equals("gap")) {
            a.addAll(List.of("--threads", "2"));
        }
        return a.toArray(String[]::new);
    }

    private static SparkShardExecutor[] runSpark(String master, String set, Path out, int shardSize,
                                                 UnaryOperator<ShardExecutor> decorate) {
        SparkShardExecutor[] used = new SparkShardExecutor[1];
        long t0 = System.nanoTime();
        int code = GapSparkDriver.run(args("spark", set, out, shardSize), spark(master), executor -> {
            used[0] = (SparkShardExecutor) executor;
            return decorate.apply(executor);
        });
        System.out.printf("[stage] Spark %s %s, shard size %d: %.1f s; %s%n", master, set, shardSize,
                (System.nanoTime() - t0) / 1e9, used[0] == null ? "-" : used[0].lastSpread().describe());
        assertEquals(0, code);
        assertEquals(master, spark.master(), "the context asked for");
        return used;
    }

    @ParameterizedTest(name = "{0}, {1}, shard size {2}")
    @CsvSource({"'local[1,2]', trio, 7000", "'local[1,2]', trio, 33000", "'local[1,2]', trio, 100000",
            "'local[1,2]', child, 7000", "'local[1,2]', child, 33000", "'local[1,2]', child, 100000",
            "'local[2,2]', trio, 7000", "'local[2,2]', trio, 33000", "'local[2,2]', trio, 100000",
            "'local[2,2]', child, 7000", "'local[2,2]', child, 33000", "'local[2,2]', child, 100000",
            "'local[4,2]', trio, 7000", "'local[4,2]', trio, 33000", "'local[4,2]', trio, 100000",
            "'local[4,2]', child, 7000", "'local[4,2]', child, 33000", "'local[4,2]', child, 100000",
            "'local[2,2]', cnv, 7000", "'local[4,2]', cnv, 33000"})
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sameOutputsAsTheCli(String master, String set, int shardSize) {
        Path out = tmp.resolve("spark-" + master.replaceAll("\\W", "") + "-" + set + "-" + shardSize);
        long driverReads = CallSpill.readsBy(Thread.currentThread());
        long reads = CallSpill.reads();
        SparkShardExecutor used = runSpark(master, set, out, shardSize, UnaryOperator.identity())[0];
        Outputs.assertSameAsCli(set.equals("trio") ? cliTrio : set.equals("cnv") ? cliCnv : cliChild, out, keystore,
                PASSWORD);
        TaskSpread spread = used.spreads().get(0);
        int shards = (int) Math.ceil(1_000_000 / (double) shardSize) + (int) Math.ceil(16_569 / (double) shardSize);
        assertEquals(shards, spread.succeeded(), "one task per shard");
        assertEquals(0, spread.failedAttempts());
        if (set.equals("child")) { // streamed (the trio has known sites, cnv a panel): pass 2 on the executors
            assertEquals(2, used.spreads().size(), "the shards' job, then the parts'");
            assertEquals(2, used.spreads().get(1).succeeded(), "one part per contig: no 10 Mb bin here");
            assertEquals(driverReads, CallSpill.readsBy(Thread.currentThread()), "the driver read no spill");
            assertTrue(CallSpill.reads() > reads, "the executors' tasks read the spills");
        }
    }

    /** Without --shard-size the plan gives each of Spark's task slots 8 shards, as the CLI gives each thread. */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void withoutShardSizeThePlanIsForSparksTaskSlots() {
        Path out = tmp.resolve("spark-automatic-plan");
        List<String> a = new ArrayList<>(List.of(args("spark", "child", out, ShardPlanner.DEFAULT_SHARD_SIZE)));
        int at = a.indexOf("--shard-size");
        a.remove(at + 1);
        a.remove(at);
        SparkShardExecutor[] used = new SparkShardExecutor[1];
        JavaSparkContext context = spark("local[4,2]");
        assertEquals(0, GapSparkDriver.run(a.toArray(String[]::new), context, executor -> {
            used[0] = (SparkShardExecutor) executor;
            return executor;
        }));
        Outputs.assertSameAsCli(cliChild, out, keystore, PASSWORD);
        SAMSequenceDictionary dictionary = InputValidator.checkReference(SampleData.file("ref.fa"));
        int padding = CallingParameters.defaults().shardPadding();
        int forSlots = ShardPlanner.planFor(dictionary, List.of(), context.defaultParallelism(), padding).size();
        assertEquals(4, context.defaultParallelism(), "local[4,2]: four task slots");
        assertEquals(forSlots, used[0].spreads().get(0).succeeded(), "8 shards per task slot");
        assertNotEquals(ShardPlanner.planFor(dictionary, List.of(), 2, padding).size(), forSlots,
                "not the plan a 2-core driver would make for its own cores");
    }

    /**
     * A streamed trio run with known sites: shard 1 fails once in pass 1, and part 1 (chrM) once in pass 2; both are
     * retried and the outputs are the CLI's.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aShardAndAPartThatFailOnTheirFirstAttemptAreRetriedAndChangeNothing() {
        Path out = tmp.resolve("spark-retried");
        SparkShardExecutor used = runSpark("local[2,2]", "trio", out, 33_000,
                executor -> new FailingFirstAttempt(executor, 1))[0];
        Outputs.assertSameAsCli(cliTrio, out, keystore, PASSWORD);
        assertEquals(2, used.spreads().size(), "the shards' job, then the parts'");
        assertEquals(1, used.spreads().get(0).failedAttempts(), "shard 1's first attempt failed and was retried");
        assertEquals(1, used.spreads().get(1).failedAttempts(), "part 1's first attempt failed and was retried");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFailedRunLeavesNothingThatLooksComplete() throws IOException {
        Path out = tmp.resolve("spark-failed");
        Files.createDirectories(out);
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int code;
        var context = spark("local[2,2]"); // started before: its own start-up warnings are not the failure's
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            code = GapSparkDriver.run(args("spark", "child", out, 100_000), context,
                    executor -> new FailingFirstAttempt(executor, 2, Integer.MAX_VALUE));
        } finally {
            System.setErr(stderr);
        }
        assertEquals(3, code, "a shard that keeps failing is an internal error");
        // without --debug: gap's one line for the failure, none of Spark's task-failure lines or stack traces
        String err = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> failureLines = err.lines().filter(l -> l.contains("error") || l.contains("ERROR")
                || l.contains("WARN") || l.contains("Exception") || l.startsWith("\tat ")).toList();
        assertEquals(1, failureLines.size(), err);
        assertTrue(failureLines.get(0).startsWith("gap-spark call: internal error (")
                && failureLines.get(0).endsWith("rerun with --debug for details and report it"), err);
        assertFalse(Files.exists(out.resolve(RunFolder.SUCCESS)), "no completion marker");
        assertFalse(Files.exists(out.resolve(RunFolder.STAGING)), "nothing staged is left");
        try (var list = Files.list(out)) {
            assertEquals(List.of(), list.toList());
        }
    }

    /** Makes one shard's task throw on its first {@code failures} attempts, inside the real Spark task. */
    static final class FailingFirstAttempt implements ShardExecutor {
        private final ShardExecutor inner;
        private final int shard;
        private final int failures;

        FailingFirstAttempt(ShardExecutor inner, int shard) {
            this(inner, shard, 1);
        }

        FailingFirstAttempt(ShardExecutor inner, int shard, int failures) {
            this.inner = inner;
            this.shard = shard;
            this.failures = failures;
        }

        @Override
        public int workers() {
            return inner.workers();
        }

        @Override
        public <W extends AutoCloseable, R> void forEachInOrder(List<Shard> shards, Supplier<W> workerFactory,
                                                                Function<W, Function<Shard, R>> task,
                                                                Consumer<R> sink) {
            int target = shard;
            int attempts = failures;
            inner.forEachInOrder(shards, workerFactory,
                    (Function<W, Function<Shard, R>> & Serializable) worker -> {
                        Function<Shard, R> run = task.apply(worker);
                        return s -> {
                            if (s.index() == target && TaskContext.get().attemptNumber() < attempts) {
                                throw new IllegalStateException("a failure injected into a first attempt");
                            }
                            return run.apply(s);
                        };
                    }, sink);
        }
    }
}
