package gap.spark;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Takes Spark's task and executor events of one run, gives its {@link TaskSpread}. */
final class TaskSpreadListener extends SparkListener {
    private final TreeSet<String> executors = new TreeSet<>();
    private int succeeded;
    private int failed;
    private int lost;

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
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
        return new TaskSpread(succeeded, new ArrayList<>(executors), failed, lost);
    }
}
