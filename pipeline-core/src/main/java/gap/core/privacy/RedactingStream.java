package gap.core.privacy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Takes a process's standard output or error, gives a stream that passes each complete line through a
 * {@link Redactor} before it leaves. Installed before anything prints (Log4j2, picocli, htsjdk's own {@code Log}
 * and stack traces all write through it), so no identifier reaches a terminal or a log file whoever prints it.
 */
public final class RedactingStream extends OutputStream {
    private final PrintStream out;
    private final Redactor redactor;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public RedactingStream(PrintStream out, Redactor redactor) {
        this.out = out;
        this.redactor = redactor;
    }

    /**
     * Redacts this process's standard output and error with {@link Redactor#process()}, and htsjdk's log, which keeps
     * a stream of its own: every entry point calls this before anything prints.
     */
    public static void installForProcess() {
        PrintStream err = wrap(System.err, Redactor.process());
        System.setOut(wrap(System.out, Redactor.process()));
        System.setErr(err);
        htsjdk.samtools.util.Log.setGlobalPrintStream(err);
    }

    /** A UTF-8 print stream over {@code out} that redacts line by line. */
    public static PrintStream wrap(PrintStream out, Redactor redactor) {
        return new PrintStream(new RedactingStream(out, redactor), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
    }

    /**
     * Flushes complete lines only: an identifier printed in two pieces must not leave half-redacted. A partial
     * last line goes out on {@link #close()}.
     */
    @Override
    public synchronized void flush() {
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
        out.flush();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        out.print(redactor.redact(text));
    }
}
