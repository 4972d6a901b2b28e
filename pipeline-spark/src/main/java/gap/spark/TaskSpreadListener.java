package gap.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Takes Spark's task and executor events of one run, gives its {@link TaskSpread}. */
final class TaskSpreadListener extends SparkListener {
    private final TreeSet<String> executors = new TreeSet<>();
    /** Launch (+1) and finish (-1) times of every attempt, for the peak of tasks running at once. */
    private final List<long[]> edges = new ArrayList<>();
    private int succeeded;
    private int failed;
    private int lost;

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        edges.add(new long[] {end.taskInfo().launchTime(), 1});
        edges.add(new long[] {end.taskInfo().finishTime(), -1});
        if (end.taskInfo().successful()) {
            succeeded++;
            executors.add(end.taskInfo().executorId());
        } else {
            failed++;
        }
        notifyAll();
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        lost++;
    }

    /**
     * The spread once {@code tasks} successes have arrived (events come asynchronously), or after {@code seconds}.
     */
    synchronized TaskSpread await(int tasks, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (succeeded < tasks && System.nanoTime() < deadline) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new TaskSpread(succeeded, new ArrayList<>(executors), peak(), failed, lost);
    }

    private int peak() {
        // a finish sorts before a launch at the same millisecond: touching tasks did not overlap
        List<long[]> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int running = 0;
        int peak = 0;
        for (long[] e : sorted) {
            running += (int) e[1];
            peak = Math.max(peak, running);
        }
        return peak;
    }
}
