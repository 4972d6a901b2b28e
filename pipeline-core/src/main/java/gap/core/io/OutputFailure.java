package gap.core.io;

import gap.core.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * Takes a failure to write outputs, gives the one line a user can act on when it is theirs to fix (the disk is full,
 * over quota, read-only or not writable), else null. Never names a path: the output folder may be named after a
 * patient.
 */
public final class OutputFailure {
    private OutputFailure() {}

    /** The user's error for {@code t} or any of its causes, or null when none is a full, read-only or denied disk. */
    public static UserException userError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReadOnlyFileSystemException) {
                return new UserException(READ_ONLY, t);
            }
            if (c instanceof AccessDeniedException) {
                return new UserException("no permission to write in the output folder (-O): fix its permissions or"
                        + " choose another -O", t);
            }
            String message = c instanceof FileSystemException f ? f.getReason() : c.getMessage();
            String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
            // Linux (ENOSPC, EDQUOT), Windows, in-memory file systems ("out of disk space"), HDFS's quota exceptions
            if (c instanceof IOException && (m.contains("no space left") || m.contains("disk quota")
                    || m.contains("not enough space") || m.contains("out of disk space") || m.contains("enospc")
                    || m.contains("edquot") || c.getClass().getSimpleName().endsWith("QuotaExceededException"))) {
                return new UserException(NO_SPACE, t);
            }
            if (c instanceof IOException && (m.contains("read-only file system") || m.contains("erofs"))) {
                return new UserException(READ_ONLY, t);
            }
        }
        return null;
    }

    static final String NO_SPACE = "no space left on the output folder (-O): nothing was written; free space or choose"
            + " another -O, then rerun";
    static final String READ_ONLY = "the output folder (-O) is on a read-only file system: nothing was written; choose"
            + " another -O";

    /** An output folder that could not be written: the user's error when it is one, else as unchecked. */
    static RuntimeException of(IOException e) {
        UserException user = userError(e);
        return user != null ? user : new UncheckedIOException(e);
    }
}
