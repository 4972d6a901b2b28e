package gap.core.io;

import gap.core.model.VariantCall;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Takes calls in genome order, gives them back from a file in the same order, exactly: the spill of one shard's calls
 * between calling and scoring, so that no process holds a run's calls. A file is {@link #MAGIC}, a format version
 * byte, then the calls as {@link VariantCallCodec} writes them, deflated at the fastest level.
 */
public final class CallSpill {
    static final byte[] MAGIC = "GAPCALLS".getBytes(StandardCharsets.US_ASCII);
    /** The format's version: a file of another one fails to read, loudly, rather than giving other calls. */
    static final int VERSION = 1;
    private static final String WRITE_FAILED = "could not write a spill file of calls";
    /** Spill files opened for reading, by the thread that opened them: where pass 2 ran (tests check it). */
    private static final java.util.Map<Long, java.util.concurrent.atomic.LongAdder> READS_BY_THREAD =
            new java.util.concurrent.ConcurrentHashMap<>();

    private CallSpill() {}

    /** Writes {@code calls} to {@code file} (created or replaced); gives how many were written. */
    public static long write(Path file, Iterable<VariantCall> calls) {
        try (Writer out = new Writer(file)) {
            calls.forEach(out::add);
            return out.count();
        }
    }

    /** Writes calls to one spill file as they come; holds one buffer's worth of them at most. */
    public static final class Writer implements AutoCloseable {
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private final OutputStream out;
        private final VariantCallCodec.Encoder encoder;
        private long count;

        /** Creates or replaces {@code file}. */
        public Writer(Path file) {
            try {
                OutputStream raw = Files.newOutputStream(file);
                try {
                    raw.write(MAGIC);
                    raw.write(VERSION);
                } catch (IOException e) {
                    raw.close();
                    throw e;
                }
                out = new DeflaterOutputStream(raw, deflater, 1 << 16);
            } catch (IOException e) {
                deflater.end();
                throw new UncheckedIOException(WRITE_FAILED, e);
            }
            encoder = new VariantCallCodec.Encoder(out);
        }

        public void add(VariantCall call) {
            try {
                encoder.call(call);
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException(WRITE_FAILED, e);
            }
        }

        public long count() {
            return count;
        }

        @Override
        public void close() {
            try (OutputStream closing = out) {
                encoder.end(count);
            } catch (IOException e) {
                throw new UncheckedIOException(WRITE_FAILED, e);
            } finally {
                // a deflater of the caller's is not ended by its stream: its native memory would wait for the GC
                deflater.end();
            }
        }
    }

    /** How many spill files {@code thread} has opened for reading. */
    public static long readsBy(Thread thread) {
        java.util.concurrent.atomic.LongAdder reads = READS_BY_THREAD.get(thread.getId());
        return reads == null ? 0 : reads.sum();
    }

    /** How many spill files this process has opened for reading, on any thread. */
    public static long reads() {
        return READS_BY_THREAD.values().stream().mapToLong(java.util.concurrent.atomic.LongAdder::sum).sum();
    }

    /** The calls of {@code file}, in the order written, read as they are iterated (one pass per iterator). */
    public static Iterable<VariantCall> read(Path file) {
        return () -> new Reader(file);
    }

    /** Reads one spill file forwards; closes it at its end. */
    private static final class Reader implements Iterator<VariantCall> {
        private final Inflater inflater = new Inflater();
        private final InputStream in;
        private final VariantCallCodec.Decoder decoder;
        private VariantCall next;

        Reader(Path file) {
            READS_BY_THREAD.computeIfAbsent(Thread.currentThread().getId(),
                    id -> new java.util.concurrent.atomic.LongAdder()).increment();
            InputStream raw = null;
            try {
                raw = Files.newInputStream(file);
                checkHeader(raw.readNBytes(MAGIC.length + 1));
            } catch (IOException | RuntimeException e) {
                inflater.end();
                closeQuietly(raw);
                throw e instanceof IOException io ? unreadable(io) : (RuntimeException) e;
            }
            in = new InflaterInputStream(raw, inflater, 1 << 16);
            decoder = new VariantCallCodec.Decoder(in);
            advance();
        }

        private static void checkHeader(byte[] header) {
            if (header.length <= MAGIC.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw refused("not a spill file of calls (no gap spill header)");
            }
            int version = header[MAGIC.length] & 0xFF;
            if (version != VERSION) {
                throw refused("a spill file of calls has format version " + version + ", this build reads version "
                        + VERSION);
            }
        }

        private static UncheckedIOException refused(String message) {
            return new UncheckedIOException(message, new StreamCorruptedException(message));
        }

        private void advance() {
            try {
                next = decoder.next();
                if (next == null) {
                    close();
                }
            } catch (IOException e) {
                close();
                throw unreadable(e);
            } catch (IllegalArgumentException e) {
                // the model refused what was read: only a damaged file gives a call the model cannot hold
                close();
                throw new UncheckedIOException("a spill file of calls is corrupt (it holds an invalid call)",
                        new StreamCorruptedException(e.getMessage()));
            }
        }

        /** A one-line account of why a file cannot be read; the cause keeps the details. */
        private static UncheckedIOException unreadable(IOException e) {
            if (e instanceof EOFException) {
                return new UncheckedIOException("a spill file of calls ends early (cut short or still being written)",
                        e);
            }
            if (e instanceof StreamCorruptedException || e instanceof ZipException) {
                return new UncheckedIOException("a spill file of calls is corrupt (" + (e instanceof ZipException
                        ? "its deflated data: " : "it ") + e.getMessage() + ")", e);
            }
            return new UncheckedIOException("could not read a spill file of calls", e);
        }

        private void close() {
            closeQuietly(in);
            inflater.end();
        }

        private static void closeQuietly(InputStream stream) {
            try {
                if (stream != null) {
                    stream.close();
                }
            } catch (IOException ignored) {
                // reading is over either way; the file is deleted with the staging folder
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public VariantCall next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            VariantCall call = next;
            advance();
            return call;
        }
    }
}
