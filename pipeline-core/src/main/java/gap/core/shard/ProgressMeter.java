package gap.core.shard;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Logs GATK-style progress: a header, then at most every {@code intervalSeconds} the current locus (the end of the
 * last shard done, in genome order), elapsed minutes, reads processed and reads per minute; a closing line.
 */
public final class ProgressMeter {
    private static final Logger LOG = LogManager.getLogger(ProgressMeter.class);
    private static final String ROW = "%20s  %15.1f  %18d  %16.0f";

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Consumer<String> log;
    private long startNanos;
    private long lastLogNanos;
    private long reads;

    public ProgressMeter(double intervalSeconds) {
        this(intervalSeconds, System::nanoTime, LOG::info);
    }

    ProgressMeter(double intervalSeconds, LongSupplier clock, Consumer<String> log) {
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.clock = clock;
        this.log = log;
    }

    public void start() {
        startNanos = clock.getAsLong();
        lastLogNanos = startNanos;
        log.accept(String.format(Locale.ROOT, "%20s  %15s  %18s  %16s", "Current Locus", "Elapsed Minutes",
                "Reads Processed", "Reads/Minute"));
    }

    /** Records a finished shard; logs a row when the interval has passed. */
    public void update(String locus, long shardReads) {
        reads += shardReads;
        long now = clock.getAsLong();
        if (now - lastLogNanos >= intervalNanos) {
            lastLogNanos = now;
            log.accept(row(locus, now));
        }
    }

    public void stop() {
        double minutes = (clock.getAsLong() - startNanos) / 60e9;
        log.accept(String.format(Locale.ROOT, "Traversal complete. Processed %d total reads in %.1f minutes.", reads, minutes));
    }

    private String row(String locus, long now) {
        double minutes = (now - startNanos) / 60e9;
        return String.format(Locale.ROOT, ROW, locus, minutes, reads, minutes > 0 ? reads / minutes : 0);
    }
}
