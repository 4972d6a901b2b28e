package gap.spark.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hadoop paths as java.nio paths, on the local file system through Hadoop: their algebra (parent, resolve,
 * relativize, normalize, URI, serial form) and the java.nio operations core uses (streams, seekable channels,
 * directory listing and walking, temporary files, atomic moves that replace, deletes), with java.nio's exceptions.
 */
class HadoopPathTest {
    @TempDir
    Path tmp;

    private Path hadoop(Path local) {
        return HadoopFs.path(local.toUri().toString());
    }

    @Test
    void algebraOfPaths() {
        Path p = HadoopFs.path("hdfs://nn:8020/data/run1/child.bam");
        assertEquals("hdfs://nn:8020/data/run1/child.bam", p.toString());
        assertEquals("child.bam", p.getFileName().toString());
        assertFalse(p.getFileName().isAbsolute());
        assertEquals("hdfs://nn:8020/data/run1", p.getParent().toString());
        assertEquals("hdfs://nn:8020/data/run1/child.bam.bai", p.resolveSibling("child.bam.bai").toString());
        assertEquals("hdfs://nn:8020/data/x/y.bam", p.getParent().resolve("../x/./y.bam").normalize().toString());
        assertEquals("hdfs://nn:8020/", p.getRoot().toString());
        assertEquals(3, p.getNameCount());
        assertEquals("run1/child.bam", p.subpath(1, 3).toString());
        assertEquals("../../y/z", p.relativize(p.getRoot().resolve("data/y/z")).toString());
        assertTrue(p.startsWith(p.getParent()));
        assertTrue(p.endsWith(p.getFileName()));
        assertEquals(p, p.getParent().resolve(p.getFileName()));
        assertEquals(p, p.getFileSystem().getPath(p.toString()), "a path's string names it again (htsjdk relies on it)");
        assertEquals("hdfs://nn:8020/data/run1/child.bam.tbi", p.getFileSystem().getPath(p + ".tbi").toString());
        assertEquals("/data/run1/child.bam", p.toUri().getPath());
        assertNull(p.getRoot().getParent());
        assertThrows(UnsupportedOperationException.class, p::toFile, "HDFS files are not local files");
    }

    @Test
    void plainNamesAreQualifiedAsHadoopQualifiesThem() {
        Path p = HadoopFs.path(tmp.resolve("a b.txt").toString());
        assertEquals("file", p.toUri().getScheme());
        assertEquals(tmp.resolve("a b.txt").toFile(), p.toFile(), "a local Hadoop path is a local file for htsjdk");
        assertThrows(UserException.class, () -> HadoopFs.path("nosuchscheme://x/y"));
    }

    @Test
    void serialisedPathsComeBackEqual() throws Exception {
        Path p = HadoopFs.path("hdfs://nn:8020/data/child.bam");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(List.of(p, p.getFileName()));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(List.of(p, p.getFileName()), in.readObject());
        }
    }

    @Test
    void fileOperationsKeepJavaNioContracts() throws IOException {
        Path dir = hadoop(tmp).resolve("out/sub");
        Files.createDirectories(dir);
        assertTrue(Files.isDirectory(dir));
        Path a = dir.resolve("a.txt");
        Files.writeString(a, "first");
        assertEquals("first", Files.readString(a));
        assertTrue(Files.isRegularFile(a) && Files.isReadable(a) && Files.exists(a));
        assertEquals(5, Files.size(a));
        assertThrows(FileAlreadyExistsException.class, () -> Files.createDirectory(dir));
        assertThrows(NoSuchFileException.class, () -> Files.readString(dir.resolve("missing")));
        assertFalse(Files.exists(dir.resolve("missing")));

        Path b = dir.resolve("b.txt");
        Files.writeString(b, "second");
        assertThrows(FileAlreadyExistsException.class, () -> Files.move(b, a));
        Files.move(b, a, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals("second", Files.readString(a));
        assertFalse(Files.exists(b));

        Path temp = Files.createTempFile(dir, ".probe", ".tmp");
        assertTrue(Files.exists(temp));
        Files.delete(temp);
        assertThrows(DirectoryNotEmptyException.class, () -> Files.delete(dir));
        try (Stream<Path> walk = Files.walk(hadoop(tmp).resolve("out"))) {
            assertEquals(List.of("out", "sub", "a.txt"), walk.map(x -> x.getFileName().toString()).toList());
        }
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of(a), list.toList());
        }
        assertEquals(List.of(tmp.resolve("out/sub/a.txt").toFile().getName()),
                List.of(Files.list(tmp.resolve("out/sub")).map(x -> x.getFileName().toString()).toArray()),
                "no checksum files beside what is written");
        assertTrue(Files.deleteIfExists(a));
        assertFalse(Files.deleteIfExists(a));
    }

    @Test
    void seekableChannelsReadAnywhereAndWriteStartToEnd() throws IOException {
        Path f = hadoop(tmp).resolve("bytes.bin");
        try (SeekableByteChannel out = Files.newByteChannel(f, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap("0123456789".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(10, out.position());
            assertThrows(UnsupportedOperationException.class, () -> out.position(3));
        }
        assertThrows(FileAlreadyExistsException.class, () -> Files.newByteChannel(f,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE));
        try (SeekableByteChannel in = Files.newByteChannel(f)) {
            assertEquals(10, in.size());
            ByteBuffer three = ByteBuffer.allocate(3);
            in.position(6).read(three);
            assertEquals("678", new String(three.array(), StandardCharsets.US_ASCII));
            ByteBuffer direct = ByteBuffer.allocateDirect(4);
            in.position(1).read(direct);
            assertEquals(5, in.position());
            assertEquals(-1, in.position(12).read(ByteBuffer.allocate(1)), "past the end reads as end of file");
        }
        assertEquals("0123456789", new String(Files.readAllBytes(f), StandardCharsets.US_ASCII));
    }
}
