package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.ReadOnlyFileSystemException;
import org.junit.jupiter.api.Test;

/** A full, over-quota or read-only disk is the user's to fix: one line naming no path; anything else is not. */
class OutputFailureTest {
    @Test
    void fullOrReadOnlyDisksAreTheUsersWhereverTheyAreWrapped() {
        // as the JDK reports ENOSPC, EDQUOT and EROFS on Linux, with the file's path as the exception's file
        var full = new FileSystemException("/data/UZL-0012345/out/.gap-staging/calls.parquet", null,
                "No space left on device");
        assertEquals(OutputFailure.NO_SPACE, OutputFailure.userError(new UncheckedIOException(full)).getMessage());
        assertEquals(OutputFailure.NO_SPACE, OutputFailure.userError(new RuntimeException(
                new IOException("Disk quota exceeded"))).getMessage());
        assertEquals(OutputFailure.READ_ONLY, OutputFailure.userError(new FileSystemException("/x", null,
                "Read-only file system")).getMessage());
        assertEquals(OutputFailure.READ_ONLY, OutputFailure.userError(new ReadOnlyFileSystemException()).getMessage());
        assertNull(OutputFailure.userError(new IOException("Stream closed")));
        assertNull(OutputFailure.userError(new IllegalStateException("no space left in the buffer")),
                "only an I/O failure says the disk is full");
    }
}
