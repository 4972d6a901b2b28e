package gap.core.io;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Takes a text and a target path, writes it under a temporary name and renames it: no half-written file is left. */
public final class TextFiles {
    private TextFiles() {}

    public static Path writeAtomically(Path target, String content) throws IOException {
        return writeAtomically(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * As {@link #writeAtomically(Path, String)}, BGZF-compressed when the target's name ends in {@code .gz} (the
     * bgzip format: bcftools and tabix read it).
     */
    public static Path writeAtomicallyBgzfByName(Path target, String content) throws IOException {
        if (!target.getFileName().toString().endsWith(".gz")) {
            return writeAtomically(target, content);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new BlockCompressedOutputStream(bytes, (Path) null)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return writeAtomically(target, bytes.toByteArray());
    }

    private static Path writeAtomically(Path target, byte[] content) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.write(partial, content);
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
