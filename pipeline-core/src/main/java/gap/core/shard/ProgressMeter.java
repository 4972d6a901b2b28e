package gap.core.shard;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Logs GATK-style progress: a header, then at most every {@code intervalSeconds} the current locus (the end of the
 * last shard done, in genome order), elapsed minutes, reads processed and reads per minute and, when the run's total
 * bases are known, the percentage of them done and the estimated minutes left; a closing line. One meter follows a
 * whole run, every sample's shards included, so the estimate is for the run.
 */
public final class ProgressMeter {
    private static final Logger LOG = LogManager.getLogger(ProgressMeter.class);
    private static final String HEADER = "%20s  %15s  %18s  %16s";
    private static final String ROW = "%20s  %15.1f  %18d  %16.0f";
    private static final String HEADER_WITH_TOTAL = HEADER + "  %10s  %12s";

    private final long intervalNanos;
    private final long totalBases;
    private final LongSupplier clock;
    private final Consumer<String> log;
    private long startNanos;
    private long lastLogNanos;
    private boolean started;
    private long reads;
    private long bases;

    /** A meter whose total is unknown: no percentage, no estimate. */
    public ProgressMeter(double intervalSeconds) {
        this(intervalSeconds, 0);
    }

    /** A meter for a run of {@code totalBases} bases (the shard plan's, once per sample); 0 when unknown. */
    public ProgressMeter(double intervalSeconds, long totalBases) {
        this(intervalSeconds, totalBases, System::nanoTime, LOG::info);
    }

    ProgressMeter(double intervalSeconds, long totalBases, LongSupplier clock, Consumer<String> log) {
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.totalBases = totalBases;
        this.clock = clock;
        this.log = log;
    }

    public void start() {
        started = true;
        startNanos = clock.getAsLong();
        lastLogNanos = startNanos;
        log.accept(totalBases > 0
                ? String.format(Locale.ROOT, HEADER_WITH_TOTAL, "Current Locus", "Elapsed Minutes", "Reads Processed",
                        "Reads/Minute", "% Complete", "Minutes Left")
                : String.format(Locale.ROOT, HEADER, "Current Locus", "Elapsed Minutes", "Reads Processed",
                        "Reads/Minute"));
    }

    /** Records a finished shard of {@code shardBases} bases; logs a row when the interval has passed. */
    public void update(String locus, long shardReads, long shardBases) {
        if (!started) {
            start(); // a caller that never started the meter still gets sensible rows
        }
        reads += shardReads;
        bases += shardBases;
        long now = clock.getAsLong();
        if (now - lastLogNanos >= intervalNanos) {
            lastLogNanos = now;
            log.accept(row(locus, now));
        }
    }

    public void stop() {
        log.accept(String.format(Locale.ROOT, "Traversal complete. Processed %d total reads in %.1f minutes.", reads,
                elapsedMinutes()));
    }

    /** Minutes since {@link #start()}. */
    public double elapsedMinutes() {
        return (clock.getAsLong() - startNanos) / 60e9;
    }

    private String row(String locus, long now) {
        double minutes = (now - startNanos) / 60e9;
        String row = String.format(Locale.ROOT, ROW, locus, minutes, reads, minutes > 0 ? reads / minutes : 0);
        if (totalBases <= 0) {
            return row;
        }
        double done = Math.min(1.0, (double) bases / totalBases);
        // The rate so far predicts the rest: shards are of one size, so bases are a fair measure of work.
        String left = bases > 0 ? String.format(Locale.ROOT, "%12.1f", minutes * (1 - done) / done)
                : String.format(Locale.ROOT, "%12s", "?");
        return row + String.format(Locale.ROOT, "  %10.1f  ", 100 * done) + left;
    }
}
