package gap.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code python/test/read_outputs.py}, the researcher's and clinician's pyarrow and pandas reads of gap's Parquet
 * files, where python3 has pyarrow, pandas and cryptography (.ci/run installs them): skipped with that reason
 * elsewhere, failed in CI ({@code CI=true}).
 */
public final class PythonReaders {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String NEEDS = "python3 with pyarrow, pandas and cryptography (pip install pyarrow pandas"
            + " cryptography; .ci/run installs them)";

    private PythonReaders() {}

    /** Skips the calling test without python3 and its readers, saying so; fails it in CI. */
    public static void require() {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import pyarrow, pandas, cryptography")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        // in CI a missing reader fails, unless .ci/run could not install it and said why (no package index there)
        String noIndex = System.getenv("GAP_CI_NO_PYTHON_INDEX");
        if ("true".equals(System.getenv("CI")) && noIndex == null) {
            Assertions.assertTrue(present, NEEDS + " must be present in CI");
        }
        Assumptions.assumeTrue(present || noIndex == null, "skipped: " + noIndex);
        Assumptions.assumeTrue(present, "skipped: needs " + NEEDS);
    }

    /** Runs read_outputs.py with {@code args} in {@code dir}; gives its output, failing on a non-zero exit. */
    public static String run(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3",
                REPOSITORY.resolve("python/test/read_outputs.py").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", REPOSITORY.resolve("python").toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new AssertionError("read_outputs.py " + args[0] + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return out;
    }
}
