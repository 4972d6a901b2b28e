package gap.spark.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Takes java.nio file operations on {@link HadoopPath}s, gives them as Hadoop {@code FileSystem} calls, with
 * java.nio's exceptions ({@link NoSuchFileException}, {@link FileAlreadyExistsException}, ...). One provider per
 * scheme; the ones in {@code META-INF/services} let htsjdk, which turns paths into URI strings and back, find the
 * cluster's schemes through the context class loader. Hadoop's semantics show through where java.nio's cannot be
 * kept: creating a file or directory creates missing parents, files cannot be opened for append, and a move is a
 * Hadoop rename, atomic on HDFS and local disks, a copy and delete on object stores such as s3a (where the driver's
 * {@code _SUCCESS} marker, written last, is the commit).
 */
public class HadoopFileSystemProvider extends FileSystemProvider {
    private final String scheme;

    HadoopFileSystemProvider(String scheme) {
        this.scheme = scheme;
    }

    static HadoopFileSystemProvider of(String scheme) {
        return new HadoopFileSystemProvider(scheme);
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    /** The file system of {@code uri}'s authority; an existing one is given again (htsjdk asks repeatedly). */
    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        return getFileSystem(uri);
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return HadoopFs.fileSystem(uri.getScheme(), uri.getAuthority());
    }

    @Override
    public Path getPath(URI uri) {
        return HadoopFs.fileSystem(uri.getScheme(), uri.getAuthority()).getPath(uri.getPath());
    }

    private static HadoopPath hadoopPath(Path path) {
        if (path instanceof HadoopPath h) {
            return (HadoopPath) h.toAbsolutePath();
        }
        throw new ProviderMismatchException("not a Hadoop path");
    }

    private static org.apache.hadoop.fs.FileSystem fs(Path path) throws IOException {
        return hadoopPath(path).getFileSystem().hadoop();
    }

    private static org.apache.hadoop.fs.Path hp(Path path) {
        return hadoopPath(path).hadoopPath();
    }

    /** The status of {@code path}, or {@link NoSuchFileException}. */
    static FileStatus status(Path path) throws IOException {
        try {
            return fs(path).getFileStatus(hp(path));
        } catch (FileNotFoundException e) {
            throw noSuchFile(path, e);
        }
    }

    private static NoSuchFileException noSuchFile(Path path, Exception cause) {
        NoSuchFileException e = new NoSuchFileException(path.toString());
        e.initCause(cause);
        return e;
    }

    private static boolean exists(Path path) throws IOException {
        return fs(path).exists(hp(path));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            return new HadoopChannels.Writing(create(path, options));
        }
        FileStatus status = status(path);
        if (status.isDirectory()) {
            throw new IOException(path + " is a directory");
        }
        return new HadoopChannels.Reading(open(path), status.getLen());
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        for (OpenOption o : options) {
            if (o == StandardOpenOption.WRITE || o == StandardOpenOption.APPEND) {
                throw new UnsupportedOperationException("an input stream cannot write");
            }
        }
        return open(path);
    }

    private static FSDataInputStream open(Path path) throws IOException {
        try {
            return fs(path).open(hp(path));
        } catch (FileNotFoundException e) {
            throw noSuchFile(path, e);
        }
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        Set<OpenOption> set = options.length == 0
                ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
                : Set.of(options);
        return create(path, set);
    }

    /** Hadoop files are written once, start to end: create (or replace) is the only way to open one for writing. */
    private static OutputStream create(Path path, Set<? extends OpenOption> options) throws IOException {
        if (options.contains(StandardOpenOption.APPEND)) {
            throw new UnsupportedOperationException("Hadoop paths cannot be appended to here");
        }
        boolean createNew = options.contains(StandardOpenOption.CREATE_NEW);
        if (!createNew && !options.contains(StandardOpenOption.CREATE) && !exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        try {
            return fs(path).create(hp(path), !createNew);
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            FileAlreadyExistsException nio = new FileAlreadyExistsException(path.toString());
            nio.initCause(e);
            throw nio;
        }
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        if (!status(dir).isDirectory()) {
            throw new NotDirectoryException(dir.toString());
        }
        List<Path> children = new ArrayList<>();
        FileStatus[] listed = fs(dir).listStatus(hp(dir));
        Arrays.sort(listed); // by path: a listing in the same order everywhere
        for (FileStatus s : listed) {
            Path child = dir.resolve(s.getPath().getName());
            if (filter.accept(child)) {
                children.add(child);
            }
        }
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return children.iterator();
            }

            @Override
            public void close() {
                // the listing is already in memory
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        if (exists(dir)) {
            throw new FileAlreadyExistsException(dir.toString());
        }
        if (!fs(dir).mkdirs(hp(dir))) {
            throw new IOException("could not create directory " + dir);
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        FileStatus status = status(path);
        if (status.isDirectory() && fs(path).listStatus(hp(path)).length > 0) {
            throw new DirectoryNotEmptyException(path.toString());
        }
        if (!fs(path).delete(hp(path), false)) {
            throw new IOException("could not delete " + path);
        }
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        prepareTarget(source, target, options);
        if (status(source).isDirectory()) {
            fs(target).mkdirs(hp(target));
            return;
        }
        try (InputStream in = open(source); OutputStream out = fs(target).create(hp(target), true)) {
            in.transferTo(out);
        }
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        status(source);
        if (prepareTarget(source, target, options) && fs(target) instanceof DistributedFileSystem dfs) {
            dfs.rename(hp(source), hp(target), Options.Rename.OVERWRITE); // HDFS replaces in one atomic step
            return;
        }
        if (exists(target) && !(fs(target) instanceof RawLocalFileSystem)) {
            fs(target).delete(hp(target), false); // a local rename replaces atomically; elsewhere delete first
        }
        if (!fs(source).rename(hp(source), hp(target))) {
            throw new IOException("could not rename " + source + " to " + target);
        }
    }

    /** Checks that {@code target} may be written; gives true when it exists and is to be replaced. */
    private static boolean prepareTarget(Path source, Path target, CopyOption... options) throws IOException {
        if (!(target instanceof HadoopPath) || !hadoopPath(source).getFileSystem().equals(hadoopPath(target)
                .getFileSystem())) {
            throw new ProviderMismatchException("source and target must be on one Hadoop file system");
        }
        if (!exists(target)) {
            return false;
        }
        if (!Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        FileStatus status = status(target);
        if (status.isDirectory() && fs(target).listStatus(hp(target)).length > 0) {
            throw new DirectoryNotEmptyException(target.toString());
        }
        return true;
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return path.toAbsolutePath().normalize().equals(path2.toAbsolutePath().normalize());
    }

    @Override
    public boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && (name.toString().startsWith(".") || name.toString().startsWith("_"));
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("Hadoop paths have no file store");
    }

    /** Existence only: Hadoop checks permissions when a file is opened, and says so then. */
    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        status(path);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return new HadoopAttributes(status(path));
            }

            @Override
            public void setTimes(FileTime lastModified, FileTime lastAccess, FileTime create) throws IOException {
                fs(path).setTimes(hp(path), lastModified == null ? -1 : lastModified.toMillis(),
                        lastAccess == null ? -1 : lastAccess.toMillis());
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (!type.isAssignableFrom(HadoopAttributes.class)) {
            throw new UnsupportedOperationException("Hadoop paths have basic attributes only");
        }
        return (A) new HadoopAttributes(status(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        HadoopAttributes a = new HadoopAttributes(status(path));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("size", a.size());
        all.put("lastModifiedTime", a.lastModifiedTime());
        all.put("lastAccessTime", a.lastAccessTime());
        all.put("creationTime", a.creationTime());
        all.put("isRegularFile", a.isRegularFile());
        all.put("isDirectory", a.isDirectory());
        all.put("isSymbolicLink", a.isSymbolicLink());
        all.put("isOther", a.isOther());
        all.put("fileKey", a.fileKey());
        String wanted = attributes.startsWith("basic:") ? attributes.substring("basic:".length()) : attributes;
        if (wanted.equals("*")) {
            return all;
        }
        Map<String, Object> some = new LinkedHashMap<>();
        for (String name : wanted.split(",")) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no attribute " + name);
            }
            some.put(name, all.get(name));
        }
        return some;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("Hadoop path attributes are read-only here");
    }

    /** The provider {@code hdfs://} URIs find through {@code META-INF/services}. */
    public static final class Hdfs extends HadoopFileSystemProvider {
        public Hdfs() {
            super("hdfs");
        }
    }

    /** The provider of {@code viewfs://} (federated HDFS). */
    public static final class ViewFs extends HadoopFileSystemProvider {
        public ViewFs() {
            super("viewfs");
        }
    }

    /** The provider of {@code webhdfs://}. */
    public static final class WebHdfs extends HadoopFileSystemProvider {
        public WebHdfs() {
            super("webhdfs");
        }
    }

    /** The provider of {@code s3a://} (needs hadoop-aws and the AWS SDK on the cluster). */
    public static final class S3a extends HadoopFileSystemProvider {
        public S3a() {
            super("s3a");
        }
    }

    /** The provider of {@code abfs://} (needs hadoop-azure on the cluster). */
    public static final class Abfs extends HadoopFileSystemProvider {
        public Abfs() {
            super("abfs");
        }
    }

    /** The provider of {@code abfss://} (needs hadoop-azure on the cluster). */
    public static final class Abfss extends HadoopFileSystemProvider {
        public Abfss() {
            super("abfss");
        }
    }

    /** The provider of {@code gs://} (needs the GCS connector on the cluster). */
    public static final class Gs extends HadoopFileSystemProvider {
        public Gs() {
            super("gs");
        }
    }
}
