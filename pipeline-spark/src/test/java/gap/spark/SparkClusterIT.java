package gap.spark;

import gap.core.io.RunFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.privacy.LeakScanner;
import gap.core.SampleData;
import gap.core.TestJvmFlags;
import gap.core.privacy.LabKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a real standalone cluster (a master and a worker on 127.0.0.1, started here from the Maven-resolved
 * Spark jars, executors of 1 core and 1 GiB), submitted through SparkSubmit as a user would: the child on 1 and 2
 * executors, the trio on 4 executors reading and writing {@code hdfs://} (a MiniDFSCluster), and the trio on 2
 * executors with one killed mid-job. Each gives what {@code gap call} gives (VCF text, QC files, calls rows, samples
 * rows); the driver's {@code SparkListener} shows where the tasks ran; Spark SQL reads the {@code hdfs://} outputs
 * back; and no sample-sheet identifier or keystore password is in the driver's output, the event log, the
 * executors' logs, the master's and worker's logs, or the outputs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterIT {
    private static final String PASSWORD = "cluster-test-password";
    private static final Pattern SPREAD = Pattern.compile("Spark ran (\\d+) shard task\\(s\\) on (\\d+) executor\\(s\\)"
            + " \\[[^]]*]; (\\d+) failed attempt\\(s\\) retried, (\\d+) executor\\(s\\) lost");

    @TempDir
    static Path tmp;
    private static Path sparkHome;
    private static Path workDir;
    private static Path keystore;
    private static Process master;
    private static Process worker;
    private static String masterUrl;
    private static MiniDFSCluster dfs;
    /** Everything the runs logged: daemons', spark-submit's output, event logs (executors' are under workDir). */
    private static final List<Path> logs = new ArrayList<>();
    private static final List<Path> eventLogFiles = new ArrayList<>();

    /** What one spark-submit gave: exit code, its output, and the driver's account of where tasks ran. */
    record Submitted(int exitCode, String output, int tasks, int executors, int failedAttempts, int executorsLost) {}

    @BeforeAll
    static void cluster() throws Exception {
        sparkHome = Path.of(System.getProperty("gap.sparkHome"));
        assertTrue(Files.isDirectory(sparkHome.resolve("jars")), "mvn package made " + sparkHome + "/jars");
        keystore = tmp.resolve("lab.p12");
        LabKeys.create(keystore, PASSWORD.toCharArray());
        workDir = Files.createDirectories(tmp.resolve("worker-work"));
        long t0 = System.nanoTime();
        int masterPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
        awaitLine(tmp.resolve("master.log"), "I have been elected leader", master);
        // 4 cores and 6 GiB: room for the 4 executors of 1 core and 1 GiB that the largest run asks for
        worker = start("worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--webui-port",
                String.valueOf(freePort()), "--cores", "4", "--memory", "6g", "--work-dir", workDir.toString(),
                masterUrl);
        awaitLine(tmp.resolve("worker.log"), "Successfully registered with master", worker);
        long t1 = System.nanoTime();
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        System.out.printf("[stage] standalone master and worker %.1f s, MiniDFSCluster %.1f s%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.destroy(); // SIGTERM: the worker takes its executors down with it
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A Spark daemon (or spark-submit) as a JVM of its own on the project's Spark jars, with Spark's JVM flags. */
    private static ProcessBuilder sparkJvm(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(Arrays.asList(System.getProperty("gap.sparkJvmFlags").trim().split("\\s+")));
        command.addAll(TestJvmFlags.list());
        command.addAll(List.of("-Xmx1g", "-cp", sparkHome.resolve("jars") + "/*", mainClass));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13"); // without it every executor fails: no build directories
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.remove("GAP_KEYSTORE_PASSWORD");
        return pb;
    }

    private static Process start(String name, String mainClass, String... args) throws IOException {
        Path log = tmp.resolve(name + ".log");
        logs.add(log);
        return sparkJvm(mainClass, List.of(args)).redirectOutput(log.toFile()).start();
    }

    private static void awaitLine(Path log, String line, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(log.getFileName() + " ended:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no '" + line + "' in " + log.getFileName() + ":\n" + Files.readString(log));
    }

    /**
     * gap call's arguments for the child (-I) or the trio (sheet, pedigree, known sites), without keystore password.
     */
    private static List<String> callArgs(String ref, String set, String sheetDir, String out, int shardSize) {
        List<String> a = new ArrayList<>(List.of("call", "-R", ref));
        if (set.equals("trio")) {
            // known sites beside the reference: scoring, and de novo qualities that weigh novel alleles
            a.addAll(List.of("--sample-sheet", sheetDir + "/samplesheet.tsv", "--pedigree", sheetDir + "/trio1.ped",
                    "--known-sites", ref.substring(0, ref.lastIndexOf('/')) + "/known-sites.vcf.gz"));
        } else {
            a.addAll(List.of("-I", sheetDir + "/trio1_child.bam"));
        }
        a.addAll(List.of("-O", out, "--shard-size", String.valueOf(shardSize), "--keystore", keystore.toString()));
        return a;
    }

    /**
     * gap call in this JVM: the reference outputs, made once per set and kept for the class. The Spark runs compared
     * with them use other shard sizes, as outputs do not depend on it (tested in local mode for every shard size).
     */
    private static Path cli(String set, int shardSize) throws IOException {
        Path out = tmp.resolve("cli-" + set);
        if (Files.exists(out.resolve(RunFolder.SUCCESS))) {
            return out;
        }
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, PASSWORD);
        List<String> a = callArgs(SampleData.file("ref.fa").toString(), set, SampleData.dir().toString(),
                out.toString(), shardSize);
        a.addAll(List.of("--keystore-password-file", pw.toString(), "--threads", "2"));
        long t0 = System.nanoTime();
        assertEquals(0, LocalCall.run(a.toArray(String[]::new)));
        System.out.printf("[stage] CLI %s, shard size %d: %.1f s%n", set, shardSize, (System.nanoTime() - t0) / 1e9);
        return out;
    }

    /**
     * spark-submit of the job jar to the cluster, client mode, with {@code executors} executors of 1 core and 1 GiB
     * and the keystore password in the driver's environment only; {@code whileRunning} runs beside it.
     */
    private static Submitted submit(String name, int executors, List<String> gapArgs, Runnable whileRunning)
            throws Exception {
        Submitted s = submitExpecting(name, executors, gapArgs, whileRunning);
        assertEquals(0, s.exitCode(), s.output());
        return s;
    }

    private static Submitted submitExpecting(String name, int executors, List<String> gapArgs,
                                             Runnable whileRunning) throws Exception {
        Path eventLogs = Files.createDirectories(tmp.resolve("events-" + name));
        List<String> args = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client",
                "--class", "gap.spark.GapSparkDriver",
                "--driver-memory", "1g",
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.executor.extraJavaOptions=" + TestJvmFlags.joined(),
                "--conf", "spark.cores.max=" + executors,
                // tasks start once every executor asked for has registered, so the spread does not depend on timing
                "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "--conf", "spark.kryo.registrationRequired=true",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.eventLog.enabled=true",
                "--conf", "spark.eventLog.dir=" + eventLogs.toUri(),
                // uncompressed, so the leak scan reads it as it is
                "--conf", "spark.eventLog.compress=false",
                Path.of(System.getProperty("gap.sparkJar")).toString()));
        args.addAll(gapArgs);
        Path log = tmp.resolve("submit-" + name + ".log");
        logs.add(log);
        ProcessBuilder pb = sparkJvm("org.apache.spark.deploy.SparkSubmit", args).redirectOutput(log.toFile());
        pb.environment().put("GAP_KEYSTORE_PASSWORD", PASSWORD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            whileRunning.run();
            assertTrue(p.waitFor(4, TimeUnit.MINUTES), "spark-submit " + name + " finished");
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        // Spark 4 rolls event logs by default: a directory eventlog_v2_<app id>/ of events_<n>_<app id> files
        try (Stream<Path> events = Files.walk(eventLogs)) {
            List<Path> files = events.filter(Files::isRegularFile).toList();
            eventLogFiles.addAll(files);
            logs.addAll(files);
        }
        Matcher m = SPREAD.matcher(output);
        Submitted s = m.find()
                ? new Submitted(p.exitValue(), output, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))
                : new Submitted(p.exitValue(), output, 0, 0, 0, 0);
        System.out.printf("[stage] spark-submit %s, %d executor(s): %.1f s; %s%n", name, executors,
                (System.nanoTime() - t0) / 1e9, m.find(0) ? m.group() : "no task report");
        return s;
    }

    /** Bad input through spark-submit is the CLI's: one line, exit code 2, no stack trace, the file unnamed. */
    @Test
    @Order(0)
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aMissingBamOnHdfsIsOneLineAndExitCodeTwo() throws Exception {
        // named after the child's MRN, as hospitals name files, and not there
        Submitted s = submitExpecting("missing-bam", 1, callArgs(SampleData.file("ref.fa").toString(), "child",
                dfs.getURI() + "/runs/missing", tmp.resolve("spark-missing").toString(), 100_000).stream()
                .map(a -> a.replace("trio1_child.bam", "UZL-0090417.bam")).toList(), () -> {});
        assertEquals(2, s.exitCode(), s.output());
        List<String> gapLines = s.output().lines().filter(l -> l.startsWith("gap-spark")).toList();
        assertEquals(1, gapLines.size(), s.output());
        assertTrue(s.output().lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), s.output());
        assertFalse(s.output().contains("UZL-0090417"), s.output());
        assertFalse(Files.exists(tmp.resolve("spark-missing").resolve(RunFolder.SUCCESS)));
    }

    /**
     * The child's genome on one executor of 1 GiB. Two executors are the killed-executor trio's (and four the HDFS
     * trio's), so a second run of the child on two would check nothing they do not.
     */
    @Test
    @Order(1)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theChildOnOneExecutorOfOneGibIsTheCli() throws Exception {
        Path cli = cli("child", gap.core.shard.ShardPlanner.DEFAULT_SHARD_SIZE);
        Path out = tmp.resolve("spark-child");
        Submitted s = submit("child", 1, callArgs(SampleData.file("ref.fa").toString(), "child",
                SampleData.dir().toString(), out.toString(), gap.core.shard.ShardPlanner.DEFAULT_SHARD_SIZE),
                () -> {});
        Outputs.assertSameAsCli(cli, out, keystore, PASSWORD);
        assertEquals(11, s.tasks(), "one task per default shard");
        assertEquals(1, s.executors());
    }

    @Test
    @Order(2)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theTrioOnTwoExecutorsWithOneKilledIsTheCli() throws Exception {
        Path cli = cli("trio", 20_000);
        Path out = tmp.resolve("spark-trio-killed");
        Submitted s = submit("trio-killed", 2, callArgs(SampleData.file("ref.fa").toString(), "trio",
                SampleData.dir().toString(), out.toString(), 20_000), SparkClusterIT::killAnExecutorMidJob);
        Outputs.assertSameAsCli(cli, out, keystore, PASSWORD);
        // 51 shards of 20 kb (local mode runs the 7 kb ones): enough for a kill after an executor's sixth task
        assertEquals(51, s.tasks(), "every shard succeeded once");
        assertTrue(s.executorsLost() >= 1, "an executor was lost: " + s);
        assertTrue(s.executors() >= 2, "tasks ran on more than one executor: " + s);
    }

    /**
     * Waits until an executor has finished a few tasks, then kills its JVM (a child of the worker this class
     * started) while the job still runs.
     */
    private static void killAnExecutorMidJob() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        Pattern ids = Pattern.compile("--executor-id (\\S+) .*--app-id (\\S+)");
        while (System.nanoTime() < deadline) {
            // the running executors: JVMs the worker started, each logging to work/<app id>/<executor id>/stderr
            for (ProcessHandle executor : worker.descendants().toList()) {
                Matcher m = ids.matcher(commandLine(executor));
                if (m.find() && executor.isAlive()
                        && finishedSomeTasks(workDir.resolve(m.group(2)).resolve(m.group(1)).resolve("stderr"))) {
                    System.out.printf("[stage] killing executor %s of %s%n", m.group(1), m.group(2));
                    executor.destroyForcibly();
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("no executor finished a task in time");
    }

    /** A process's command line, from /proc when the JDK gives none (it may not, for long ones). */
    private static String commandLine(ProcessHandle h) {
        Optional<String[]> args = h.info().arguments();
        if (args.isPresent() && args.get().length > 0) {
            return String.join(" ", args.get());
        }
        try {
            return Files.readString(Path.of("/proc", String.valueOf(h.pid()), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean finishedSomeTasks(Path stderr) {
        try {
            return Files.readString(stderr, StandardCharsets.ISO_8859_1).split("Finished task", -1).length > 6;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every executor's stdout and stderr the worker keeps, work/<app id>/<executor id>/std{out,err}. */
    private static List<Path> executorLogs() {
        try (Stream<Path> walk = Files.walk(workDir)) {
            return walk.filter(p -> p.getFileName().toString().matches("stdout|stderr") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code gap-spark joint} of the trio's gVCFs from HDFS (the sheet naming them beside it) on two executors: each
     * task queries its shard of every gVCF by tabix through HDFS, and the outputs are {@code gap joint}'s.
     */
    @Test
    @Order(3)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theTrioJointFromGvcfsOnHdfsOnTwoExecutorsIsTheCli() throws Exception {
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, PASSWORD);
        List<String> keys = List.of("--keystore", keystore.toString(), "--keystore-password-file", pw.toString());
        Path gvcfs = Files.createDirectories(tmp.resolve("gvcfs"));
        Path sheet = TrioGvcfs.make(gvcfs, keys);
        Path cli = tmp.resolve("cli-joint");
        List<String> a = new ArrayList<>(List.of("joint", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", sheet.toString(), "--pedigree", SampleData.file("trio1.ped").toString(),
                "-O", cli.toString(), "--threads", "2"));
        a.addAll(keys);
        assertEquals(0, LocalCall.run(a.toArray(String[]::new)));
        FileSystem hdfs = dfs.getFileSystem();
        String base = dfs.getURI() + "/runs/joint";
        List<Path> files = new ArrayList<>(TrioGvcfs.files(sheet));
        files.add(gvcfs.resolve("gvcfs-by-name.tsv"));
        for (Path f : files) {
            hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toUri()),
                    new org.apache.hadoop.fs.Path(base + "/" + f.getFileName()));
        }
        Path out = tmp.resolve("spark-joint");
        Submitted s = submit("joint-hdfs", 2, List.of("joint", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", base + "/gvcfs-by-name.tsv", "--pedigree", SampleData.file("trio1.ped").toString(),
                "-O", out.toString(), "--shard-size", "33000", "--keystore", keystore.toString()), () -> {});
        Outputs.assertSameAsCli(cli, out, keystore, PASSWORD);
        assertEquals(32, s.tasks(), "one task per 33 kb shard");
    }

    /** Last: its leak scan covers the logs of every run of this class. */
    @Test
    @Order(4)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theTrioFromHdfsToHdfsOnFourExecutorsIsTheCliReadsInSparkSqlAndLeaksNothing() throws Exception {
        Path cli = cli("trio", 20_000);
        FileSystem hdfs = dfs.getFileSystem();
        String base = dfs.getURI() + "/runs/r1";
        // the sheet and its BAMs, the pedigree and the reference; the BAMs are named in the sheet only
        for (String f : List.of("samplesheet.tsv", "trio1.ped", "trio1_child.bam", "trio1_child.bam.bai",
                "trio1_father.bam", "trio1_father.bam.bai", "trio1_mother.bam", "trio1_mother.bam.bai")) {
            hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SampleData.file(f).toUri()),
                    new org.apache.hadoop.fs.Path(base + "/" + f));
        }
        for (String f : List.of("ref.fa", "ref.fa.fai", "ref.dict", "known-sites.vcf.gz", "known-sites.vcf.gz.tbi")) {
            hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SampleData.file(f).toUri()),
                    new org.apache.hadoop.fs.Path(dfs.getURI() + "/ref/" + f));
        }
        String out = dfs.getURI() + "/results/r1";
        Submitted s = submit("trio-hdfs", 4, callArgs(dfs.getURI() + "/ref/ref.fa", "trio", base, out, 33_000),
                () -> {});
        assertEquals(32, s.tasks());
        assertTrue(s.executors() >= 2, "tasks ran on more than one executor: " + s);

        Path local = tmp.resolve("spark-trio-hdfs");
        hdfs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(out), new org.apache.hadoop.fs.Path(local.toUri()),
                true);
        Outputs.assertSameAsCli(cli, local, keystore, PASSWORD);

        long t0 = System.nanoTime();
        try (SparkSession sql = SparkSession.builder().master("local[2]").appName("gap-read-back")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate()) {
            List<Row> perContig = sql.read().parquet(out + "/calls.parquet").groupBy("contigName").count()
                    .orderBy("contigName").collectAsList();
            long total = perContig.stream().mapToLong(r -> r.getLong(1)).sum();
            assertEquals(Outputs.callRows(cli.resolve("calls.parquet")).size(), total, "Spark SQL reads every call");
            assertTrue(perContig.size() >= 1, perContig.toString());
        }
        System.out.printf("[stage] Spark SQL read-back of hdfs:// calls.parquet %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<String> identifiers = new ArrayList<>(List.of(PASSWORD));
        List<String> lines = Files.readAllLines(SampleData.file("samplesheet.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            identifiers.addAll(Arrays.asList(line.split("\t")).subList(0, 4));
        }
        LeakScanner scanner = new LeakScanner(identifiers.stream().distinct().toList());
        List<Path> scanned = new ArrayList<>(logs);
        scanned.addAll(executorLogs());
        System.out.printf("[stage] leak scan of %d log files and the outputs%n", scanned.size());
        for (Path log : scanned) {
            scanner.scanText(log.getFileName().toString(), Files.readString(log, StandardCharsets.ISO_8859_1));
        }
        scanner.scanTree(local);
        assertTrue(eventLogFiles.stream().anyMatch(p -> p.getFileName().toString().startsWith("events_")),
                "event logs: " + eventLogFiles);
        assertTrue(eventLogFiles.stream().anyMatch(p -> contains(p, "SparkListenerTaskEnd")), "with task events");
        // the JVM's command line (its arguments name the sheet, the pedigree and the output) is in the event log
        // redacted: else this scan would find the family's name in trio1.ped
        assertTrue(eventLogFiles.stream().anyMatch(p -> contains(p, "\"sun.java.command\":\"*********(redacted)\"")),
                "the command line redacted");
        assertTrue(scanned.stream().anyMatch(p -> p.getFileName().toString().equals("stderr")), "executor logs");
        assertEquals(List.of(), scanner.hits());
    }
}
