package gap.spark;

import java.util.List;

/**
 * Where one run's shard tasks ran: successful tasks, the executors they ran on (sorted ids), failed attempts that
 * Spark retried, executors lost meanwhile. Proof that work was spread (a {@code coalesce(1)} would run every task on
 * one executor).
 */
public record TaskSpread(int succeeded, List<String> executors, int failedAttempts, int executorsLost) {
    public TaskSpread {
        executors = List.copyOf(executors);
    }

    /** One log line, as the driver prints it. */
    public String describe() {
        return "Spark ran " + succeeded + " shard task(s) on " + executors.size() + " executor(s) " + executors
                + "; " + failedAttempts + " failed attempt(s) retried, " + executorsLost + " executor(s) lost";
    }
}
