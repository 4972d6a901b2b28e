package gap.spark.fs;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/** Takes Hadoop's streams, gives java.nio channels: seekable reading (what htsjdk needs for BAM, BAI and FASTA), and writing start to end. */
final class HadoopChannels {
    private HadoopChannels() {}

    /** What both channels share: closing the Hadoop stream once, and refusing work once closed. */
    private abstract static class StreamChannel implements SeekableByteChannel {
        private final Closeable stream;
        private boolean open = true;

        StreamChannel(Closeable stream) {
            this.stream = stream;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            if (open) {
                open = false;
                stream.close();
            }
        }

        void ensureOpen() throws ClosedChannelException {
            if (!open) {
                throw new ClosedChannelException();
            }
        }
    }

    /** A file opened for reading; positions past the end read as end of file, as java.nio's do. */
    static final class Reading extends StreamChannel {
        private final FSDataInputStream in;
        private final long size;
        private long position;

        Reading(FSDataInputStream in, long size) {
            super(in);
            this.in = in;
            this.size = size;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            ensureOpen();
            if (position >= size) {
                return -1;
            }
            if (in.getPos() != position) {
                in.seek(position);
            }
            int wanted = (int) Math.min(dst.remaining(), size - position);
            int n;
            if (dst.hasArray()) {
                n = readFully(dst.array(), dst.arrayOffset() + dst.position(), wanted);
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
            } else {
                byte[] buffer = new byte[wanted];
                n = readFully(buffer, 0, wanted);
                if (n > 0) {
                    dst.put(buffer, 0, n);
                }
            }
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        /**
         * Reads {@code wanted} bytes, or up to the end of the file. java.nio lets a channel read less, but htsjdk's
         * FASTA reader takes each read as a full buffer (it bounds its copy by the buffer's capacity, not by what was
         * read), as a local FileChannel gives it; HDFS returns at most the rest of a packet per read, so a short read
         * handed htsjdk stale bytes as bases: another sequence MD5 than the file's, and wrong reference bases.
         */
        private int readFully(byte[] array, int offset, int wanted) throws IOException {
            int n = 0;
            while (n < wanted) {
                int r = in.read(array, offset + n, wanted - n);
                if (r <= 0) {
                    break;
                }
                n += r;
            }
            return n == 0 && wanted > 0 ? -1 : n;
        }

        @Override
        public long position() throws IOException {
            ensureOpen();
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            ensureOpen();
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position");
            }
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            ensureOpen();
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long newSize) {
            throw new NonWritableChannelException();
        }

    }

    /** A file being written, start to end: its position is its length so far and cannot be moved. */
    static final class Writing extends StreamChannel {
        private final OutputStream out;
        private long written;

        Writing(OutputStream out) {
            super(out);
            this.out = out;
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new NonReadableChannelException();
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ensureOpen();
            int n = src.remaining();
            if (src.hasArray()) {
                out.write(src.array(), src.arrayOffset() + src.position(), n);
                src.position(src.limit());
            } else {
                byte[] buffer = new byte[n];
                src.get(buffer);
                out.write(buffer);
            }
            written += n;
            return n;
        }

        @Override
        public long position() throws IOException {
            ensureOpen();
            return written;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            ensureOpen();
            if (newPosition != written) {
                throw new UnsupportedOperationException("Hadoop files are written start to end");
            }
            return this;
        }

        @Override
        public long size() throws IOException {
            ensureOpen();
            return written;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("Hadoop files are written start to end");
        }

    }
}
