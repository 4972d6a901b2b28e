package gap.cli;

import gap.core.TestJvmFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code gap} as users do, in its own JVM, so exit codes and stderr are exactly what a shell would see. */
final class Cli {
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
        }
    }

    private Cli() {}

    /**
     * {@code java … gap.cli.Main} on the test class path with a heap of {@code heap} (e.g. {@code -Xmx1g}) and the
     * test JVMs' flags ({@code test.jvm.flags} in the pom: a child JVM of a test lives seconds, where C2's compiler
     * threads cost more CPU than they save: a slice call took 8.0 CPU seconds with C2, 4.5 with C1 alone). One serial
     * collector thread is enough for a heap this size. Neither changes what the run computes.
     */
    static List<String> javaCommand(String heap) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), heap, "-XX:+UseSerialGC"));
        command.addAll(TestJvmFlags.list());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return command;
    }

    static Result run(String... args) {
        List<String> command = javaCommand("-Xmx1g");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("gap did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
