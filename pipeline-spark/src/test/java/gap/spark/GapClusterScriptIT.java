package gap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.TestJvmFlags;
import gap.core.io.RunFolder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gap-cluster start 2}, a small {@code bin/gap-spark call} on it that runs tasks on the workers'
 * executors, and {@code bin/gap-cluster stop}: the README's three commands, as a user types them (the ports and the
 * state folder moved aside so as not to meet another cluster on this host); and a worker started by hand without
 * SPARK_SCALA_VERSION, whose executors all fail: the driver says so in one line.
 */
class GapClusterScriptIT {
    @TempDir
    Path tmp;

    record Ran(int exitCode, String output) {}

    private Ran run(Map<String, String> env, String... command) throws Exception {
        Path root = Path.of(System.getProperty("gap.root"));
        List<String> c = new ArrayList<>(List.of(command));
        c.set(0, root.resolve(c.get(0)).toString());
        ProcessBuilder pb = new ProcessBuilder(c).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command));
        return new Ran(p.exitValue(), out);
    }

    /** The scripts' environment: the cluster's ports and state folder moved aside, workers of 1 core and 1 GiB. */
    private Map<String, String> env(int port, Path state) throws IOException {
        return Map.of("GAP_CLUSTER_DIR", state.toString(), "GAP_CLUSTER_PORT", String.valueOf(port),
                "GAP_CLUSTER_UI_PORT", String.valueOf(freePort()), "GAP_WORKER_CORES", "1", "GAP_WORKER_MEMORY", "1g",
                "HOME", tmp.toString(), "GAP_KEYSTORE_PASSWORD", "cluster-script-test",
                "GAP_JAVA_OPTS", TestJvmFlags.joined());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void startCallStop() throws Exception {
        int port = freePort();
        Path state = tmp.resolve("cluster");
        Map<String, String> env = env(port, state);
        try {
            Ran started = run(env, "bin/gap-cluster", "start", "2");
            assertEquals(0, started.exitCode(), started.output());
            assertTrue(started.output().contains("master spark://127.0.0.1:" + port), started.output());
            assertEquals(2, run(env, "bin/gap-cluster", "start", "1").exitCode(), "a second start is refused");
            Path out = tmp.resolve("out-cluster");
            Ran call = run(env, "bin/gap-spark", "call", "-R", SampleData.file("ref.fa").toString(), "-I",
                    SampleData.file("trio1_child.bam").toString(), "-L", "chr22_20_21M:200001-300000",
                    "--shard-size", "25000", "-O", out.toString(), "--", "--master", "spark://127.0.0.1:" + port,
                    "--executor-cores", "1", "--executor-memory", "1g", "--conf", "spark.ui.enabled=false",
                    "--conf", "spark.executor.extraJavaOptions=" + TestJvmFlags.joined(),
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1");
            assertEquals(0, call.exitCode(), call.output());
            assertTrue(Files.exists(out.resolve(RunFolder.SUCCESS)), call.output());
            // executors ran on both workers: each worker's work folder holds the application's executor folder
            for (String w : List.of("worker-1", "worker-2")) {
                try (var apps = Files.list(state.resolve(w))) {
                    assertTrue(apps.anyMatch(a -> a.getFileName().toString().startsWith("app-")), w);
                }
            }
        } finally {
            Ran stopped = run(env, "bin/gap-cluster", "stop");
            assertEquals(0, stopped.exitCode(), stopped.output());
        }
        assertEquals("no cluster is running\n", run(env, "bin/gap-cluster", "status").output());
        try (var pids = Files.list(state)) {
            assertFalse(pids.anyMatch(p -> p.toString().endsWith(".pid")), "no pid file left");
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aWorkerWithoutSparkScalaVersionGivesOneLineNamingIt() throws Exception {
        int port = freePort();
        Path state = tmp.resolve("cluster");
        Map<String, String> env = env(port, state);
        Process bad = null;
        try {
            assertEquals(0, run(env, "bin/gap-cluster", "start", "1").exitCode());
            // the script's worker replaced by one started by hand without SPARK_SCALA_VERSION, as a user might
            long pid = Long.parseLong(Files.readString(state.resolve("worker-1.pid")).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            Path sparkHome = Path.of(System.getProperty("gap.sparkHome"));
            List<String> worker = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            worker.addAll(List.of(System.getProperty("gap.sparkJvmFlags").trim().split("\\s+")));
            worker.addAll(TestJvmFlags.list());
            worker.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--webui-port", "0", "--cores", "1", "--memory", "1g", "--work-dir",
                    Files.createDirectories(tmp.resolve("bad-worker")).toString(), "spark://127.0.0.1:" + port));
            ProcessBuilder pb = new ProcessBuilder(worker).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("bad-worker.log").toFile());
            pb.environment().put("SPARK_HOME", sparkHome.toString());
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            pb.environment().remove("SPARK_SCALA_VERSION");
            bad = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(tmp.resolve("bad-worker.log")).contains("Successfully registered with master")) {
                assertTrue(System.nanoTime() < deadline && bad.isAlive(), "the worker registers");
                Thread.sleep(200);
            }
            Ran call = run(env, "bin/gap-spark", "call", "-R", SampleData.file("ref.fa").toString(), "-I",
                    SampleData.file("trio1_child.bam").toString(), "-L", "chr22_20_21M:200001-220000", "-O",
                    tmp.resolve("out").toString(), "--", "--master", "spark://127.0.0.1:" + port,
                    "--executor-cores", "1", "--executor-memory", "1g", "--conf", "spark.ui.enabled=false",
                    "--conf", "spark.executor.extraJavaOptions=" + TestJvmFlags.joined());
            assertEquals(2, call.exitCode(), call.output());
            List<String> errors = call.output().lines().filter(l -> l.startsWith("gap-spark call: error: ")).toList();
            assertEquals(1, errors.size(), call.output());
            assertTrue(errors.get(0).contains("SPARK_SCALA_VERSION"), errors.get(0));
        } finally {
            if (bad != null) {
                bad.destroy();
                bad.waitFor(20, TimeUnit.SECONDS);
            }
            run(env, "bin/gap-cluster", "stop");
        }
    }
}
