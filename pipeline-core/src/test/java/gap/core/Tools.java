package gap.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian tools tests hold gap to (bcftools, samtools, multiqc, chromium). Outside CI a test without its tool
 * is skipped; in CI ({@code CI=true}, where .ci/run installs them) a missing tool fails it, so a real-tool check
 * cannot pass by being skipped.
 */
public final class Tools {
    private Tools() {}

    /** Skips the calling test without {@code tool}, or fails it in CI. */
    public static void require(String tool) {
        boolean present = onPath(tool);
        if ("true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.assertTrue(present, tool + " must be installed in CI (.ci/run does)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, tool + " is installed by .ci/run");
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A stats file's lines as bcftools' and ours can be compared: without the two lines naming the program and
     * without bcftools' HWE section, which gap does not write.
     */
    public static List<String> bcftoolsComparable(String stats) {
        return stats.lines().skip(2).filter(l -> !l.startsWith("HWE") && !l.startsWith("# HWE")).toList();
    }

    /** Runs {@code command} in {@code dir}; gives its standard output, failing on a non-zero exit. */
    public static String run(Path dir, List<String> command) {
        try {
            Path err = Files.createTempFile("tool", ".err");
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(err));
            }
            Files.deleteIfExists(err);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
