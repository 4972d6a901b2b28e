package gap.core.io;

import gap.core.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Takes a run's output folder ({@code -O}), gives the run a hidden staging folder inside it and makes the run one
 * commit: every output is written under {@code .gap-staging/}, moved into place only when all are complete, and
 * {@code _SUCCESS} written last. A run killed or failed at any point leaves nothing under a final name and no
 * {@code _SUCCESS}; the next run removes what it staged. A folder holding a previous run's results is refused
 * unless the run overwrites, and then replaced whole at commit: only the entries gap runs recorded writing there
 * ({@code .gap-outputs}), so a folder holding anything else (the reads, the reference, someone's notes) is refused
 * even then, and never emptied. A lock refuses a second run on the same folder. The one mechanism of the CLI and
 * Spark (Hadoop readers skip names starting with '.' and '_').
 */
public final class RunFolder implements AutoCloseable {
    /** Written last, empty: its presence alone says the folder holds one complete run. */
    public static final String SUCCESS = "_SUCCESS";
    /** Work in progress; hidden, so no reader or user takes it for a result. */
    public static final String STAGING = ".gap-staging";
    /** Held by the running process (released by the OS if it dies): a second run on the folder is refused. */
    public static final String LOCK = ".gap.lock";
    /**
     * The names of the entries gap runs moved into the folder, one per line: what {@code --overwrite} may remove.
     * Written before the entries appear, so a run killed mid-commit leaves nothing unrecorded.
     */
    public static final String RECORD = ".gap-outputs";

    private final Path output;
    private final Path staging;
    private final boolean overwrite;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunFolder(Path output, boolean overwrite, FileChannel lockChannel, FileLock lock) {
        this.output = output;
        this.staging = output.resolve(STAGING);
        this.overwrite = overwrite;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The checks a run makes before any work: {@code -O} is a folder, writable, and free or overwritten. */
    public static void check(Path output, boolean overwrite) {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(output) || name.endsWith(".vcf.gz") || name.endsWith(".vcf") || name.endsWith(".bcf")
                || name.endsWith(".parquet")) {
            throw new UserException("-O is a folder (the run writes its files inside it), not a file name: give a"
                    + " folder, e.g. -O results");
        }
        InputValidator.checkOutputDirectory(output);
        List<Path> present = results(output);
        if (!overwrite && !present.isEmpty()) {
            throw new UserException("-O already holds a previous run's results: give an empty or new folder, or"
                    + " --overwrite to replace them whole");
        }
        Set<String> recorded = recorded(output);
        long foreign = present.stream().map(p -> p.getFileName().toString())
                .filter(n -> !n.equals(SUCCESS) && !recorded.contains(n)).count();
        if (foreign > 0) {
            // --overwrite in the folder of the reads or the reference would otherwise delete them at commit
            throw new UserException("-O holds " + foreign + " entr" + (foreign == 1 ? "y" : "ies") + " that no gap"
                    + " run wrote there: --overwrite replaces a previous run's outputs, never other files; move them"
                    + " away, or give an empty or new folder");
        }
    }

    /** Checks {@code output} again, takes its lock and clears what an interrupted run staged. */
    public static RunFolder open(Path output, boolean overwrite) {
        check(output, overwrite);
        FileChannel channel = null;
        FileLock lock = null;
        try {
            // Local file systems only. HDFS and object stores have no lock the OS releases when its holder dies: a lock
            // file made there (create without overwrite) outlives a killed driver and would refuse every later run
            // until someone deleted it, and HDFS's lease recovery is not visible through java.nio
            if (output.getFileSystem() == FileSystems.getDefault()) {
                channel = FileChannel.open(output.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw new UserException("another gap run is writing to this -O: wait for it to finish, or give"
                            + " another -O");
                }
            }
            RunFolder folder = new RunFolder(output, overwrite, channel, lock);
            deleteTree(folder.staging);
            Files.createDirectories(folder.staging);
            return folder;
        } catch (OverlappingFileLockException e) {
            throw new UserException("another gap run is writing to this -O: wait for it to finish, or give another -O");
        } catch (IOException e) {
            closeQuietly(channel);
            throw OutputFailure.of(e);
        }
    }

    public Path staging() {
        return staging;
    }

    /**
     * Makes the run visible: a previous run's results removed (when overwriting), each staged entry moved into place,
     * the staging folder removed, {@code _SUCCESS} written last.
     */
    public void commit() {
        try {
            Files.deleteIfExists(output.resolve(SUCCESS));
            Set<String> previous = recorded(output);
            List<String> staged = children(staging).stream().map(p -> p.getFileName().toString()).toList();
            Set<String> both = new TreeSet<>(previous);
            both.addAll(staged);
            record(both);
            if (overwrite) {
                for (String old : previous) {
                    deleteTree(output.resolve(old));
                }
            }
            for (String entry : staged) {
                Files.move(staging.resolve(entry), output.resolve(entry));
            }
            deleteTree(staging);
            record(new TreeSet<>(staged));
            Files.write(output.resolve(SUCCESS), new byte[0]);
        } catch (IOException e) {
            throw OutputFailure.of(e);
        }
    }

    /** Removes what was staged. Never throws: the run's own failure is what matters. */
    public void abort() {
        try {
            deleteTree(staging);
        } catch (IOException | RuntimeException e) {
            // left hidden; the next run on this folder removes it
        }
    }

    /** Releases the lock and removes its file. */
    @Override
    public void close() {
        if (lockChannel == null) {
            return;
        }
        try {
            Files.deleteIfExists(output.resolve(LOCK));
            lock.release();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        closeQuietly(lockChannel);
    }

    /** The entry names {@link #RECORD} lists; none when there is no record. */
    private static Set<String> recorded(Path output) {
        Path record = output.resolve(RECORD);
        try {
            return Files.isRegularFile(record) ? new TreeSet<>(Files.readAllLines(record, StandardCharsets.UTF_8))
                    : Set.of();
        } catch (IOException e) {
            throw OutputFailure.of(e);
        }
    }

    /** Replaces the record in one move, so a reader never sees half of it. */
    private void record(Set<String> names) throws IOException {
        Path tmp = output.resolve(RECORD + ".tmp");
        Files.write(tmp, names, StandardCharsets.UTF_8);
        Files.move(tmp, output.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The folder's entries that are results: everything but hidden names (staging, lock). */
    private static List<Path> results(Path output) {
        if (!Files.isDirectory(output)) {
            return List.of();
        }
        try {
            return children(output).stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw OutputFailure.of(e);
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** Deletes a file or a folder with everything in it; nothing when it is not there. */
    public static void deleteTree(Path root) throws IOException {
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

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
