package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFootersTest {
    @TempDir
    Path dir;

    @Test
    void encodingsListedInAnyOrderGiveTheSameBytes() throws IOException {
        Path calls = dir.resolve("calls.parquet");
        ParquetSink.writeCalls(calls, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                ParquetFixtures.calls());
        byte[] written = Files.readAllBytes(calls);
        FileMetaData footer = footer(written);
        boolean several = false;
        for (ColumnChunk chunk : footer.getRow_groups().get(0).getColumns()) {
            var encodings = chunk.getMeta_data().getEncodings();
            for (int i = 1; i < encodings.size(); i++) {
                assertTrue(encodings.get(i - 1).getValue() < encodings.get(i).getValue(), "sorted encodings");
            }
            several |= encodings.size() > 1;
            Collections.reverse(encodings); // what another JVM's hash order could have written
        }
        assertTrue(several, "the fixture has columns with more than one encoding");
        byte[] scrambled = withFooter(written, footer);
        assertFalse(Arrays.equals(scrambled, written));
        Path other = dir.resolve("other.parquet");
        Files.write(other, scrambled);

        ParquetFooters.canonicalise(other);

        assertArrayEquals(written, Files.readAllBytes(other));
    }

    private static FileMetaData footer(byte[] file) throws IOException {
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
    }

    private static byte[] withFooter(byte[] file, FileMetaData footer) throws IOException {
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Util.writeFileMetaData(footer, out);
        byte[] bytes = out.toByteArray();
        byte[] copy = file.clone();
        System.arraycopy(bytes, 0, copy, file.length - 8 - length, length);
        return copy;
    }
}
