package gap.spark.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceSource;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's file system returns less than asked per read (HDFS: at most the rest of a 64 KiB packet). htsjdk's FASTA
 * reader takes each channel read as a full buffer, so gap's Hadoop channels must fill it: else the reference's bases
 * read through Hadoop differ from the file's, and the {@code .dict} M5 check (issue 18) refused a good reference on
 * HDFS. Here a local file system that returns at most 1,000 bytes per read stands in for HDFS.
 */
class ShortReadsTest {
    @TempDir
    Path tmp;

    private byte[] savedConfiguration;

    /** The local file system, each read short as HDFS's may be. */
    public static final class ShortReadsFileSystem extends RawLocalFileSystem {
        @Override
        public URI getUri() {
            return URI.create("shortread:///");
        }

        @Override
        public String getScheme() {
            return "shortread";
        }

        @Override
        public FSDataInputStream open(org.apache.hadoop.fs.Path f, int bufferSize) throws IOException {
            return new FSDataInputStream(new Short(super.open(f, bufferSize)));
        }
    }

    private static final class Short extends FSInputStream {
        private final FSDataInputStream in;

        Short(FSDataInputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, Math.min(len, 1000));
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public void seek(long pos) throws IOException {
            in.seek(pos);
        }

        @Override
        public long getPos() throws IOException {
            return in.getPos();
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    @BeforeEach
    void shortReads() {
        savedConfiguration = HadoopFs.configurationBytes();
        Configuration conf = new Configuration();
        conf.set("fs.shortread.impl", ShortReadsFileSystem.class.getName());
        conf.setBoolean("fs.shortread.impl.disable.cache", true);
        HadoopFs.configure(conf);
    }

    @AfterEach
    void restore() {
        HadoopFs.configure(savedConfiguration);
    }

    private Path reference(String folder) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        for (String f : List.of("ref.fa", "ref.fa.fai", "ref.dict")) {
            Files.copy(SampleData.file(f), dir.resolve(f));
        }
        return dir.resolve("ref.fa");
    }

    private static Path shortRead(Path local) {
        return HadoopFs.path("shortread://" + local.toAbsolutePath());
    }

    @Test
    void aChannelReadFillsTheBufferAsAFileChannelDoes() throws IOException {
        Path local = reference("channel");
        byte[] bytes = Files.readAllBytes(local);
        try (SeekableByteChannel channel = Files.newByteChannel(shortRead(local))) {
            ByteBuffer buffer = ByteBuffer.allocate(128 * 1024);
            channel.position(12_345);
            assertEquals(buffer.capacity(), channel.read(buffer), "one read, the whole buffer");
            assertArrayEquals(Arrays.copyOfRange(bytes, 12_345, 12_345 + buffer.capacity()), buffer.array());
            ByteBuffer tail = ByteBuffer.allocate(4096);
            channel.position(bytes.length - 100);
            assertEquals(100, channel.read(tail), "up to the end of the file");
            assertEquals(-1, channel.read(tail));
        }
    }

    @Test
    void theReferenceReadThroughHadoopIsTheFileAndItsDictionaryIsCheckedThere() throws IOException {
        Path local = reference("good");
        Path remote = shortRead(local);
        SAMSequenceDictionary dictionary = InputValidator.checkReference(remote);
        Set<String> contigs = dictionary.getSequences().stream().map(SAMSequenceRecord::getSequenceName)
                .collect(Collectors.toSet());
        try (ReferenceSource viaHadoop = new ReferenceSource(remote); ReferenceSource direct = new ReferenceSource(local)) {
            for (SAMSequenceRecord seq : dictionary.getSequences()) {
                assertEquals(seq.getMd5(), viaHadoop.sequenceMd5(seq.getSequenceName()), seq.getSequenceName());
                assertEquals(direct.sequenceMd5(seq.getSequenceName()), viaHadoop.sequenceMd5(seq.getSequenceName()));
            }
            // a window straddling the 1,000-byte reads and a line end
            assertArrayEquals(direct.window("chr22_20_21M", 1950, 2150).bases(),
                    viaHadoop.window("chr22_20_21M", 1950, 2150).bases());
        }
        InputValidator.checkSequenceMd5(remote, dictionary, contigs); // a good reference passes on the cluster FS

        // ...and a .dict of another sequence is refused there as it is locally
        Path stale = reference("stale");
        Path dict = stale.resolveSibling("ref.dict");
        Files.writeString(dict, Files.readString(dict).replace("M5:6d0d60accc58965264a8c4ca5e7750f9",
                "M5:00000000000000000000000000000000"));
        SAMSequenceDictionary staleDictionary = InputValidator.checkReference(shortRead(stale));
        UserException e = assertThrows(UserException.class,
                () -> InputValidator.checkSequenceMd5(shortRead(stale), staleDictionary, contigs));
        assertTrue(e.getMessage().contains("does not match reference ref.fa (contig chrM"), e.getMessage());
    }
}
