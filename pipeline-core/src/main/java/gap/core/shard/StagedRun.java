package gap.core.shard;

import gap.core.UserException;
import gap.core.io.OutputFailure;
import gap.core.io.RunFolder;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Takes a run's output folder and its work, gives the work's outputs committed whole ({@link RunFolder}: staged in a
 * hidden folder, moved into place, {@code _SUCCESS} last) or nothing at all: one commit for every command and driver.
 */
final class StagedRun {
    private StagedRun() {}

    /** Runs {@code work} with the staging folder of {@code output}, then commits it; on failure leaves nothing. */
    static void commit(Path output, boolean overwrite, Consumer<Path> work) {
        try (RunFolder folder = RunFolder.open(output, overwrite)) {
            try {
                work.accept(folder.staging());
                folder.commit();
            } catch (RuntimeException e) {
                folder.abort();
                UserException disk = OutputFailure.userError(e);
                throw disk != null ? disk : e;
            } catch (Error e) {
                folder.abort();
                throw e;
            }
        }
    }
}
