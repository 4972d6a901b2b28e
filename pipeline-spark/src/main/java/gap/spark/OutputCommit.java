package gap.spark;

import gap.core.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Takes an output directory (any Hadoop file system), gives the run a staging directory inside it and commits the
 * run as Hadoop jobs do: every staged file and folder renamed into place, then {@code _SUCCESS} written last. Until
 * then the directory has no {@code _SUCCESS} (an earlier run's is removed first), so a failed or unfinished run
 * never looks complete; {@link #abort()} removes what was staged. On HDFS each rename is atomic; on s3a a rename is a
 * copy, and {@code _SUCCESS} alone marks a complete result.
 */
final class OutputCommit {
    static final String SUCCESS = "_SUCCESS";
    /** Hadoop's name for work in progress; readers of the directory (Spark, Hive) skip names starting with '_'. */
    static final String STAGING = "_temporary";

    private final Path output;
    private final Path staging;

    private OutputCommit(Path output, Path staging) {
        this.output = output;
        this.staging = staging;
    }

    /** Removes an earlier {@code _SUCCESS} and creates {@code OUTPUT/_temporary/<runId>}. */
    static OutputCommit begin(Path output, String runId) {
        Path staging = output.resolve(STAGING).resolve(runId);
        try {
            Files.deleteIfExists(output.resolve(SUCCESS));
            deleteTree(staging);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        return new OutputCommit(output, staging);
    }

    Path staging() {
        return staging;
    }

    /** Moves each staged entry over its namesake in the output (replacing an earlier run's), then writes _SUCCESS. */
    void commit() {
        try {
            for (Path entry : children(staging)) {
                Path target = output.resolve(entry.getFileName().toString());
                deleteTree(target);
                Files.move(entry, target);
            }
            removeStaging();
            Files.write(output.resolve(SUCCESS), new byte[0]);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /** Removes the staging directory; the output keeps no _SUCCESS. Never throws: the run's own failure matters. */
    void abort() {
        try {
            removeStaging();
        } catch (IOException | RuntimeException e) {
            // the run failed already; what it staged is under _temporary, which readers skip
        }
    }

    private void removeStaging() throws IOException {
        deleteTree(staging);
        Path parent = staging.getParent();
        if (Files.isDirectory(parent) && children(parent).isEmpty()) {
            Files.delete(parent);
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** Deletes a file or a directory with everything in it; nothing when it is not there. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static UserException cannotWrite(IOException e) {
        return new UserException("the output directory could not be written (" + e.getClass().getSimpleName()
                + "): check that -O is writable and has space", e);
    }
}
