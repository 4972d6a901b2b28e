package gap.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Takes a text and a target path, writes it under a temporary name and renames it: no half-written file is left. */
public final class TextFiles {
    private TextFiles() {}

    public static Path writeAtomically(Path target, String content) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
