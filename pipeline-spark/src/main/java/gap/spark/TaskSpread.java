package gap.spark;

import java.util.List;

/**
 * Where one run's shard tasks ran: successful tasks, the executors they ran on (sorted ids), the most that ran at
 * once, failed attempts that Spark retried, executors lost meanwhile. Proof that work was spread (a
 * {@code coalesce(1)} would run one task at a time on one executor).
 */
public record TaskSpread(int succeeded, List<String> executors, int peakConcurrent, int failedAttempts,
                         int executorsLost) {
    public TaskSpread {
        executors = List.copyOf(executors);
    }

    /** One log line, as the driver prints it. */
    public String describe() {
        return "Spark ran " + succeeded + " shard task(s) on " + executors.size() + " executor(s) " + executors
                + ", at most " + peakConcurrent + " at once; " + failedAttempts + " failed attempt(s) retried, "
                + executorsLost + " executor(s) lost";
    }
}
