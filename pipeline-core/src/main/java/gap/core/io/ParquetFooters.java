package gap.core.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Takes a written, unencrypted Parquet file, gives it with every column chunk's encodings in one fixed order.
 * parquet-java lists them from a hash set of enum constants, whose order follows identity hash codes and so differs
 * between JVM runs: the same rows gave different bytes. The rewrite keeps the footer's length, so it is done in place.
 */
final class ParquetFooters {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private ParquetFooters() {}

    /** Sorts each column chunk's encodings (and encoding statistics); leaves any footer it does not fully own. */
    static void canonicalise(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < 12) {
                return;
            }
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, size - 8);
            if (!Arrays.equals(Arrays.copyOfRange(tail.array(), 4, 8), MAGIC)) {
                return; // not a plaintext footer ("PARE" is an encrypted one): nothing of ours to order
            }
            int length = tail.getInt(0);
            long start = size - 8 - length;
            ByteBuffer footer = ByteBuffer.allocate(length);
            channel.read(footer, start);
            byte[] original = footer.array();
            FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(original));
            if (!Arrays.equals(serialise(metadata), original)) {
                return; // a footer that does not round-trip holds fields this version cannot write back: leave it
            }
            sortEncodings(metadata);
            byte[] sorted = serialise(metadata);
            if (sorted.length == length && !Arrays.equals(sorted, original)) {
                channel.write(ByteBuffer.wrap(sorted), start);
            }
        }
    }

    private static void sortEncodings(FileMetaData metadata) {
        for (RowGroup group : metadata.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData column = chunk.getMeta_data();
                if (column == null) {
                    continue;
                }
                column.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
                if (column.isSetEncoding_stats()) {
                    column.getEncoding_stats().sort(Comparator.comparingInt((PageEncodingStats s) ->
                            s.getPage_type().getValue()).thenComparingInt(s -> s.getEncoding().getValue()));
                }
            }
        }
    }

    private static byte[] serialise(FileMetaData metadata) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Util.writeFileMetaData(metadata, out);
        return out.toByteArray();
    }
}
