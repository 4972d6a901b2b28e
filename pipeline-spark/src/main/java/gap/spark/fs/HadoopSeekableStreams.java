package gap.spark.fs;

import htsjdk.samtools.seekablestream.ISeekableStreamFactory;
import htsjdk.samtools.seekablestream.SeekablePathStream;
import htsjdk.samtools.seekablestream.SeekableStream;
import htsjdk.samtools.seekablestream.SeekableStreamFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.spi.FileSystemProvider;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Takes htsjdk's requests for a stream by name, opens names of Hadoop schemes ({@code hdfs://}, {@code s3a://}, …)
 * as {@link HadoopFs} paths and leaves the rest to htsjdk's own factory. Why: htsjdk's tabix reader (known-sites VCFs)
 * turns paths into names and looks the scheme up among the JVM's installed file system providers, which are loaded
 * from the system class path only; spark-submit loads the job jar, and so this module's providers, in a child
 * class loader, on the driver and on every executor.
 */
final class HadoopSeekableStreams implements ISeekableStreamFactory {
    /** Schemes htsjdk opens itself, without a file system provider. */
    private static final Set<String> HTSJDK_SCHEMES = Set.of("file", "http", "https", "ftp");

    private final ISeekableStreamFactory htsjdk;

    private HadoopSeekableStreams(ISeekableStreamFactory htsjdk) {
        this.htsjdk = htsjdk;
    }

    /** Makes this htsjdk's factory in this JVM, once. */
    static synchronized void install() {
        ISeekableStreamFactory current = SeekableStreamFactory.getInstance();
        if (!(current instanceof HadoopSeekableStreams)) {
            SeekableStreamFactory.setInstance(new HadoopSeekableStreams(current));
        }
    }

    @Override
    public SeekableStream getStreamFor(URL url) throws IOException {
        return htsjdk.getStreamFor(url);
    }

    @Override
    public SeekableStream getStreamFor(String path) throws IOException {
        return getStreamFor(path, null);
    }

    @Override
    public SeekableStream getStreamFor(String path,
                                       Function<SeekableByteChannel, SeekableByteChannel> wrapper) throws IOException {
        if (!isHadoop(path)) {
            return htsjdk.getStreamFor(path, wrapper);
        }
        return wrapper == null ? new SeekablePathStream(HadoopFs.path(path))
                : new SeekablePathStream(HadoopFs.path(path), wrapper);
    }

    @Override
    public SeekableStream getBufferedStream(SeekableStream stream) {
        return htsjdk.getBufferedStream(stream);
    }

    @Override
    public SeekableStream getBufferedStream(SeekableStream stream, int bufferSize) {
        return htsjdk.getBufferedStream(stream, bufferSize);
    }

    /** A name with a scheme that neither htsjdk nor an installed provider opens. */
    private static boolean isHadoop(String path) {
        String scheme;
        try {
            scheme = URI.create(path).getScheme();
        } catch (IllegalArgumentException e) {
            return false; // a plain local name with characters a URI forbids
        }
        if (scheme == null || scheme.length() < 2 || HTSJDK_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            return false; // no scheme, or a Windows drive letter
        }
        return FileSystemProvider.installedProviders().stream().noneMatch(p -> p.getScheme().equalsIgnoreCase(scheme));
    }
}
