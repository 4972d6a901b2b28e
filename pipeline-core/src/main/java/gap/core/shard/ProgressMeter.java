package gap.core.shard;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Logs GATK-style progress: a header, then at most every {@code intervalSeconds} the current locus (the end of the
 * last shard handed on, in genome order), elapsed minutes, reads processed and reads per minute and, when the run's
 * total bases are known, the percentage of them in completed shards (in whatever order they complete: on Spark most
 * can be done while the first still runs) and the estimated minutes left, shown only once enough is done to estimate
 * it; a closing line. One meter follows a whole run, every sample's shards included, so the estimate is for the run.
 */
public final class ProgressMeter {
    private static final Logger LOG = LogManager.getLogger(ProgressMeter.class);
    private static final String HEADER = "%20s  %15s  %18s  %16s";
    private static final String ROW = "%20s  %15.1f  %18d  %16.0f";
    private static final String HEADER_WITH_TOTAL = HEADER + "  %10s  %12s";
    /**
     * An estimate before this share of the bases is done, or this many minutes, extrapolates start-up (JVMs, executors,
     * the first shard's index reads) over the run: a wrong "minutes left" is worse than none.
     */
    static final double MIN_DONE_FOR_ESTIMATE = 0.05;
    static final double MIN_MINUTES_FOR_ESTIMATE = 0.5;

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
        done(shardBases);
        update(locus, shardReads);
    }

    /** Records that a shard of {@code shardBases} bases is complete, whether or not its result was handed on yet. */
    public synchronized void done(long shardBases) {
        bases += shardBases;
    }

    /** Records a shard's result handed on, in genome order, with its reads; logs a row when the interval has passed. */
    public synchronized void update(String locus, long shardReads) {
        if (!started) {
            start(); // a caller that never started the meter still gets sensible rows
        }
        reads += shardReads;
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
        boolean enough = done >= MIN_DONE_FOR_ESTIMATE && minutes >= MIN_MINUTES_FOR_ESTIMATE;
        String left = enough ? String.format(Locale.ROOT, "%12.1f", minutes * (1 - done) / done)
                : String.format(Locale.ROOT, "%12s", "?");
        return row + String.format(Locale.ROOT, "  %10.1f  ", 100 * done) + left;
    }
}
