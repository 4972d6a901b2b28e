package gap.core.io;

import gap.core.model.VariantCall;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Takes calls in genome order, gives them back from a file in the same order, exactly (Java serialisation of the
 * very objects, deflated at the fastest level): the spill of one shard's calls between calling and scoring, so that
 * no process holds a run's calls. The stream is reset every {@link #RESET_EVERY} calls: serialisation otherwise
 * keeps a handle to every object written, which is the memory the spill is there to save.
 */
public final class CallSpill {
    static final int RESET_EVERY = 256;
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

    /** Writes calls to one spill file as they come. */
    public static final class Writer implements AutoCloseable {
        private final ObjectOutputStream out;
        private long count;

        /** Creates or replaces {@code file}. */
        public Writer(Path file) {
            try {
                out = new ObjectOutputStream(new BufferedOutputStream(new DeflaterOutputStream(
                        Files.newOutputStream(file), new Deflater(Deflater.BEST_SPEED), 1 << 16), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a spill file of calls", e);
            }
        }

        public void add(VariantCall call) {
            try {
                out.writeObject(call);
                if (++count % RESET_EVERY == 0) {
                    out.reset();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a spill file of calls", e);
            }
        }

        public long count() {
            return count;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a spill file of calls", e);
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
        private final ObjectInputStream in;
        private VariantCall next;

        Reader(Path file) {
            READS_BY_THREAD.computeIfAbsent(Thread.currentThread().getId(),
                    id -> new java.util.concurrent.atomic.LongAdder()).increment();
            try {
                InputStream raw = new BufferedInputStream(new InflaterInputStream(Files.newInputStream(file),
                        new java.util.zip.Inflater(), 1 << 16), 1 << 16);
                this.in = new ObjectInputStream(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read a spill file of calls", e);
            }
            advance();
        }

        private void advance() {
            try {
                next = (VariantCall) in.readObject();
            } catch (EOFException end) {
                next = null;
                close();
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("could not read a spill file of calls", e);
            } catch (ClassNotFoundException e) {
                close();
                throw new IllegalStateException("a spill file of calls holds an unknown class", e);
            }
        }

        private void close() {
            try {
                in.close();
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
