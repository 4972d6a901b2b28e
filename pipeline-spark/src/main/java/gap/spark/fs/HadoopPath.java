package gap.spark.fs;

import java.io.File;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Takes a Hadoop file system and a slash-separated path in it, gives a java.nio {@link Path}: absolute ones print as
 * their URI ({@code hdfs://nn:8020/data/x.bam}), relative ones (a file name) as the bare path. Immutable, and
 * serialisable by its URI, so a task that holds paths can travel from the driver to executors.
 */
public final class HadoopPath implements Path, Serializable {
    private static final long serialVersionUID = 1L;

    private final transient HadoopNioFileSystem fs;
    private final transient String path;
    private final transient List<String> names;

    HadoopPath(HadoopNioFileSystem fs, String path) {
        this.fs = fs;
        this.names = split(path);
        this.path = (path.startsWith("/") ? "/" : "") + String.join("/", names);
    }

    private static List<String> split(String path) {
        List<String> names = new ArrayList<>();
        for (String n : path.split("/")) {
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return List.copyOf(names);
    }

    private HadoopPath of(String p) {
        return new HadoopPath(fs, p);
    }

    private HadoopPath relative(List<String> parts) {
        return of(String.join("/", parts));
    }

    /** The Hadoop path of this (absolute) path, for calls into Hadoop. */
    org.apache.hadoop.fs.Path hadoopPath() {
        return new org.apache.hadoop.fs.Path(toUri());
    }

    @Override
    public HadoopNioFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return path.startsWith("/");
    }

    @Override
    public Path getRoot() {
        return isAbsolute() ? of("/") : null;
    }

    @Override
    public Path getFileName() {
        return names.isEmpty() ? null : of(names.get(names.size() - 1));
    }

    @Override
    public Path getParent() {
        if (names.isEmpty() || (names.size() == 1 && !isAbsolute())) {
            return null;
        }
        String parent = String.join("/", names.subList(0, names.size() - 1));
        return of(isAbsolute() ? "/" + parent : parent);
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        return of(names.get(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return relative(names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        HadoopPath o = ours(other);
        return o.isAbsolute() == isAbsolute() && o.names.size() <= names.size()
                && names.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        HadoopPath o = ours(other);
        if (o.isAbsolute()) {
            return equals(o);
        }
        return o.names.size() <= names.size() && names.subList(names.size() - o.names.size(), names.size())
                .equals(o.names);
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(n.equals("..") && isAbsolute())) {
                out.add(n);
            }
        }
        return of((isAbsolute() ? "/" : "") + String.join("/", out));
    }

    @Override
    public Path resolve(Path other) {
        HadoopPath o = other instanceof HadoopPath h ? h : of(other.toString());
        if (o.isAbsolute()) {
            return o;
        }
        if (o.names.isEmpty()) {
            return this;
        }
        return of(path.isEmpty() ? o.path : path + (path.endsWith("/") ? "" : "/") + o.path);
    }

    @Override
    public Path relativize(Path other) {
        HadoopPath o = ours(other);
        if (o.isAbsolute() != isAbsolute()) {
            throw new IllegalArgumentException("cannot relativize an absolute and a relative path");
        }
        int common = 0;
        while (common < names.size() && common < o.names.size() && names.get(common).equals(o.names.get(common))) {
            common++;
        }
        List<String> parts = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            parts.add("..");
        }
        parts.addAll(o.names.subList(common, o.names.size()));
        return relative(parts);
    }

    @Override
    public URI toUri() {
        return fs.uri(((HadoopPath) toAbsolutePath()).path);
    }

    @Override
    public Path toAbsolutePath() {
        return isAbsolute() ? this : of("/" + path);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        Path real = toAbsolutePath().normalize();
        fs.provider().checkAccess(real);
        return real;
    }

    /** A local file for {@code file:} paths (htsjdk opens local files directly); no other file system has one. */
    @Override
    public File toFile() {
        if ("file".equalsIgnoreCase(fs.scheme())) {
            return new File(toUri());
        }
        throw new UnsupportedOperationException(fs.scheme() + " paths are not local files");
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("Hadoop paths cannot be watched");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(ours(other).toString());
    }

    private HadoopPath ours(Path other) {
        if (other instanceof HadoopPath h && h.fs.equals(fs)) {
            return h;
        }
        throw new ProviderMismatchException("not a path of " + fs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopPath h && h.fs.equals(fs) && h.path.equals(path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fs, path);
    }

    @Override
    public String toString() {
        return isAbsolute() ? toUri().toString() : path;
    }

    /** Serialised as its URI (relative paths as their scheme, authority and bare path). */
    private Object writeReplace() throws ObjectStreamException {
        return new Serial(fs.scheme(), fs.authority(), path);
    }

    /** The serial form: re-attaches to this JVM's file system of the same scheme and authority. */
    private record Serial(String scheme, String authority, String path) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            return new HadoopPath(HadoopFs.fileSystem(scheme, authority), path);
        }
    }
}
