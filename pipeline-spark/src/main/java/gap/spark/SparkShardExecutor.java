package gap.spark;

import gap.core.UserException;
import gap.core.model.Shard;
import gap.core.shard.ShardExecutor;
import gap.spark.fs.HadoopFs;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Takes a Spark context, gives core's {@link ShardExecutor} on the cluster: each shard (or each part of a streamed
 * run's second pass) one Spark task on the executors (which open their own readers), each result sent back to the
 * driver as bytes and handed to the sink in shard order as soon as it and every shard before it have arrived, so the
 * driver holds only what core keeps (tallies and file names in a streamed run, never reads). Failed tasks are retried by Spark; a shard's result is taken once, whichever attempt
 * gave it, so retries change nothing. Logs and keeps where the tasks ran ({@link TaskSpread}).
 */
public final class SparkShardExecutor implements ShardExecutor {
    private static final Logger LOG = LogManager.getLogger(SparkShardExecutor.class);

    private final JavaSparkContext spark;
    private final Map<String, String> fileNames;
    private volatile TaskSpread lastSpread;
    private final List<TaskSpread> spreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param fileNames what executors print instead of each input file name or path (its sample's pseudonym), in
     *                  the messages of bad input they find
     */
    public SparkShardExecutor(JavaSparkContext spark, Map<String, String> fileNames) {
        this.spark = spark;
        this.fileNames = Map.copyOf(fileNames);
    }

    /** Where the tasks of the last {@link #forEachInOrder} ran; null before any. */
    public TaskSpread lastSpread() {
        return lastSpread;
    }

    /**
     * Where the tasks of every {@link #forEachInOrder} ran, in order: a streamed call run's shards, then the parts of
     * its second pass.
     */
    public List<TaskSpread> spreads() {
        return List.copyOf(spreads);
    }

    /** Spark's default parallelism: the cores of the executors it has, or {@code spark.default.parallelism}. */
    @Override
    public int workers() {
        return spark.defaultParallelism();
    }

    @Override
    public <W extends AutoCloseable, R> void forEachInOrder(List<Shard> shards, Supplier<W> workerFactory,
                                                            Function<W, Function<Shard, R>> task, Consumer<R> sink) {
        forEachInOrder(shards, workerFactory, task, sink, shard -> { });
    }

    /** Tells {@code done} of each shard as its result reaches the driver, before the earlier shards' arrive. */
    @Override
    public <W extends AutoCloseable, R> void forEachInOrder(List<Shard> shards, Supplier<W> workerFactory,
                                                            Function<W, Function<Shard, R>> task, Consumer<R> sink,
                                                            Consumer<Shard> done) {
        if (!(workerFactory instanceof Serializable) || !(task instanceof Serializable)) {
            throw new IllegalArgumentException("the worker factory and task must be Serializable to run on executors");
        }
        int n = shards.size();
        if (n == 0) {
            return;
        }
        ShardTask<W, R> perShard = new ShardTask<>(shards, workerFactory, task, HadoopFs.configurationBytes(),
                fileNames);
        List<Integer> indexes = IntStream.range(0, n).boxed().toList();
        BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
        TaskSpreadListener listener = new TaskSpreadListener();
        spark.sc().addSparkListener(listener);
        spark.setJobDescription("gap: " + n + " shards");
        SimpleFutureAction<BoxedUnit> job = spark.sc().submitJob(spark.parallelize(indexes, n).rdd(), perShard,
                partitions(indexes), new Arrive(arrivals), new Unit());
        boolean complete = false;
        try {
            collectInOrder(n, arrivals, job, sink, index -> done.accept(shards.get(index)));
            complete = true;
        } catch (RuntimeException | Error e) {
            job.cancel();
            // a context stopped under a running job: the cluster ended the application, unless an input was bad
            if (spark.sc().isStopped() && !(e instanceof UserException u && u.getCause() instanceof ShardFailure)) {
                throw new UserException(EXECUTORS_NEVER_STARTED, e);
            }
            throw e;
        } finally {
            // after a success every task's end event is due; after a failure some never come
            lastSpread = listener.await(n, complete ? 10 : 1);
            spreads.add(lastSpread);
            spark.sc().removeSparkListener(listener);
            spark.setJobDescription(null);
            LOG.info(lastSpread.describe());
        }
    }

    private static <R> void collectInOrder(int n, BlockingQueue<Arrival> arrivals, SimpleFutureAction<BoxedUnit> job,
                                           Consumer<R> sink, java.util.function.IntConsumer arrived) {
        Map<Integer, byte[]> waiting = new HashMap<>();
        int next = 0;
        while (next < n) {
            Arrival a;
            try {
                a = arrivals.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for shards", e);
            }
            if (a == null) {
                if (job.isCompleted() && arrivals.isEmpty()) {
                    awaitJob(job); // throws when the job failed
                    if (arrivals.isEmpty()) {
                        throw new IllegalStateException("the Spark job ended with shards missing");
                    }
                }
                continue;
            }
            waiting.put(a.index(), a.bytes());
            arrived.accept(a.index());
            while (waiting.containsKey(next)) {
                sink.accept(JavaSerialization.decode(waiting.remove(next)));
                next++;
            }
        }
        awaitJob(job);
    }

    /** Waits for the job; its failure as the user should read it: bad input found on an executor, or the cluster's. */
    private static void awaitJob(SimpleFutureAction<BoxedUnit> job) {
        try {
            job.get();
        } catch (Exception e) {
            ShardFailure failure = null;
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ShardFailure f) {
                    failure = f;
                }
            }
            if (failure != null && failure.userError()) {
                throw new UserException(failure.getMessage(), failure);
            }
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (String.valueOf(c.getMessage()).contains(MASTER_GAVE_UP)) {
                    throw new UserException(EXECUTORS_NEVER_STARTED, e);
                }
            }
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new UserException("the Spark job failed (" + first + "): see the executors' logs; an executor"
                    + " that ran out of memory needs more spark.executor.memory or smaller --shard-size", e);
        }
    }

    /** Spark's words when a standalone master ends an application whose executors keep failing to start. */
    static final String MASTER_GAVE_UP = "Master removed our application";
    /** What a user reads then: the environment, not the job (the workers' logs say which executor failed how). */
    static final String EXECUTORS_NEVER_STARTED = "the cluster ended the application (a standalone master does when"
            + " executors keep failing to start): see the workers' logs; a standalone worker needs"
            + " SPARK_SCALA_VERSION=2.13 and SPARK_HOME in its environment (bin/gap-cluster sets them), and room for"
            + " the executor memory and cores asked for";

    private static Seq<Object> partitions(List<Integer> indexes) {
        @SuppressWarnings("unchecked")
        Seq<Object> seq = (Seq<Object>) (Seq<?>) CollectionConverters.asScala(indexes).toSeq();
        return seq;
    }

    /** One shard's result as it reached the driver. */
    private record Arrival(int index, byte[] bytes) {}

    /** Spark's result handler: runs on the driver's scheduler thread, so it only queues. */
    private static final class Arrive extends AbstractFunction2<Object, byte[], BoxedUnit> {
        private final BlockingQueue<Arrival> arrivals;

        Arrive(BlockingQueue<Arrival> arrivals) {
            this.arrivals = arrivals;
        }

        @Override
        public BoxedUnit apply(Object index, byte[] bytes) {
            arrivals.add(new Arrival((Integer) index, bytes));
            return BoxedUnit.UNIT;
        }
    }

    /** The job's overall result: nothing, the results came through {@link Arrive}. */
    private static final class Unit extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
