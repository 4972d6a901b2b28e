package gap.spark.fs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Set;

/**
 * Takes one Hadoop file system ({@code scheme://authority}), gives it as a java.nio {@link FileSystem} of
 * {@link HadoopPath}s. Stateless besides its name: the Hadoop client is looked up per operation through Hadoop's
 * own cache, under the JVM's configuration ({@link HadoopFs}). Never closed: Hadoop closes its clients at exit.
 */
final class HadoopNioFileSystem extends FileSystem {
    private final HadoopFileSystemProvider provider;
    private final String scheme;
    private final String authority;

    HadoopNioFileSystem(HadoopFileSystemProvider provider, String scheme, String authority) {
        this.provider = provider;
        this.scheme = scheme;
        this.authority = authority;
    }

    String scheme() {
        return scheme;
    }

    String authority() {
        return authority;
    }

    /** The URI of an absolute path of this file system. */
    URI uri(String absolutePath) {
        try {
            return new URI(scheme, authority, absolutePath, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid path for " + scheme + ": " + e.getReason(), e);
        }
    }

    org.apache.hadoop.fs.FileSystem hadoop() throws IOException {
        return HadoopFs.hadoop(uri("/"));
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // Hadoop's clients are shared through its cache; they close at JVM exit
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(new HadoopPath(this, "/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    /**
     * A path from its string; an absolute path's string is its URI, so a URI of this file system gives its path
     * back (htsjdk names an index by the data file's string plus an extension).
     */
    @Override
    public Path getPath(String first, String... more) {
        StringBuilder joined = new StringBuilder(withoutOwnScheme(first));
        for (String m : more) {
            if (!m.isEmpty()) {
                joined.append(joined.length() == 0 ? "" : "/").append(m);
            }
        }
        return new HadoopPath(this, joined.toString());
    }

    private String withoutOwnScheme(String path) {
        if (!path.regionMatches(true, 0, scheme + ":", 0, scheme.length() + 1)) {
            return path;
        }
        URI uri = URI.create(path);
        if (!java.util.Objects.equals(uri.getAuthority(), authority)) {
            throw new IllegalArgumentException("a path of another " + scheme + " file system: " + uri.getAuthority());
        }
        return uri.getPath();
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        throw new UnsupportedOperationException("Hadoop paths have no glob matcher here: list the directory");
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("Hadoop paths have no user principal lookup");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("Hadoop paths cannot be watched");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopNioFileSystem other && scheme.equalsIgnoreCase(other.scheme)
                && java.util.Objects.equals(authority, other.authority);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scheme.toLowerCase(java.util.Locale.ROOT), authority);
    }

    @Override
    public String toString() {
        return scheme + "://" + (authority == null ? "" : authority);
    }
}
