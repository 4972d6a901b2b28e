package gap.spark.fs;

import gap.core.UserException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Takes a path as a Hadoop user writes it ({@code hdfs://nn/x.bam}, {@code s3a://bucket/x}, {@code file:///x} or a
 * plain {@code /x} or {@code x} resolved as Hadoop resolves it, against {@code fs.defaultFS} and the working
 * directory), gives a {@link java.nio.file.Path} whose I/O goes through Hadoop's {@link FileSystem}. Core and htsjdk
 * are written against java.nio, so they read and write every Hadoop file system unchanged. Holds the JVM's Hadoop
 * configuration: the driver sets it from Spark's, and ships it to executors.
 */
public final class HadoopFs {
    private static volatile Configuration configuration = new Configuration();
    private static volatile byte[] configurationBytes;
    private static final Map<String, HadoopNioFileSystem> FILE_SYSTEMS = new ConcurrentHashMap<>();

    private HadoopFs() {}

    /** From now on, paths of this JVM use {@code conf} (a copy). */
    public static synchronized void configure(Configuration conf) {
        configuration = new Configuration(conf);
        configurationBytes = null;
        HadoopSeekableStreams.install();
    }

    /** As {@link #configure(Configuration)}, from {@link #configurationBytes()} of another JVM; a no-op when equal. */
    public static synchronized void configure(byte[] bytes) {
        if (Arrays.equals(bytes, configurationBytes)) {
            return;
        }
        Configuration conf = new Configuration(false);
        try {
            conf.readFields(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configuration = conf;
        configurationBytes = bytes.clone();
        HadoopSeekableStreams.install();
    }

    /** This JVM's configuration, serialised: what executors need to open the driver's paths the driver's way. */
    public static synchronized byte[] configurationBytes() {
        if (configurationBytes == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DataOutputStream data = new DataOutputStream(out)) {
                configuration.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            configurationBytes = out.toByteArray();
        }
        return configurationBytes.clone();
    }

    static Configuration configuration() {
        return configuration;
    }

    /**
     * The path a user means by {@code name}, fully qualified ({@code hdfs://nn:8020/data/x.bam}). A name Hadoop
     * cannot parse, or of a file system it has no implementation for, is a {@link UserException}.
     */
    public static Path path(String name) {
        if (name == null || name.isBlank()) {
            throw new UserException("an empty path was given: name a file or directory");
        }
        URI qualified;
        try {
            org.apache.hadoop.fs.Path hadoop = new org.apache.hadoop.fs.Path(name);
            URI uri = hadoop.toUri();
            if (uri.getScheme() != null && (uri.getAuthority() != null || uri.getScheme().equals("file"))
                    && hadoop.isAbsolute()) {
                // complete already: check that Hadoop has the scheme, without connecting yet
                FileSystem.getFileSystemClass(uri.getScheme(), configuration);
                qualified = uri;
            } else {
                FileSystem fs = hadoop.getFileSystem(configuration);
                qualified = fs.makeQualified(hadoop).toUri();
            }
        } catch (IllegalArgumentException | IOException e) {
            // Hadoop's message quotes the path, which may name a patient: say what kind of problem it is
            throw new UserException("a path could not be opened as a Hadoop path (" + e.getClass().getSimpleName()
                    + "): check its scheme (file://, hdfs://, s3a://) and that the cluster's file system jars and"
                    + " configuration are present", e);
        }
        return fileSystem(qualified.getScheme(), qualified.getAuthority()).getPath(qualified.getPath());
    }

    /** The java.nio file system of one Hadoop file system, {@code scheme://authority}. */
    static HadoopNioFileSystem fileSystem(String scheme, String authority) {
        String key = scheme.toLowerCase(java.util.Locale.ROOT) + "://" + (authority == null ? "" : authority);
        return FILE_SYSTEMS.computeIfAbsent(key, k -> new HadoopNioFileSystem(
                HadoopFileSystemProvider.of(scheme.toLowerCase(java.util.Locale.ROOT)), scheme, authority));
    }

    /** The Hadoop file system behind {@code uri}; the local one without checksum files beside what it writes. */
    static FileSystem hadoop(URI uri) throws IOException {
        FileSystem fs = FileSystem.get(uri, configuration);
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }
}
