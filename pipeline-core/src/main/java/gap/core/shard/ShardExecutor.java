package gap.core.shard;

import gap.core.model.Shard;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The seam between the pipeline and where it runs: maps a per-shard task over shards and hands the results back in
 * shard order. The CLI gives it a thread pool; the Spark driver gives it the cluster.
 */
public interface ShardExecutor {

    /**
     * How many shards it runs at once (threads, or the cluster's task slots): the automatic shard plan gives each
     * worker several shards ({@link ShardPlanner#planFor}).
     */
    int workers();

    /**
     * Runs {@code task} on every shard and passes each result to {@code sink} in shard order.
     *
     * @param workerFactory opens one worker's resources (readers are not thread-safe); each worker is closed at the end
     * @param task          the work of one shard, given the worker of the thread that runs it. An executor of other
     *                      processes needs {@code workerFactory}, {@code task} and the results to be Serializable
     *                      ({@link CallingPipeline}'s are) and may open a worker per shard.
     */
    <W extends AutoCloseable, R> void forEachInOrder(List<Shard> shards, Supplier<W> workerFactory,
                                                     Function<W, Function<Shard, R>> task, Consumer<R> sink);

    /**
     * As {@link #forEachInOrder(List, Supplier, Function, Consumer)}, also telling {@code done} of each shard as soon
     * as it is complete, in any order, for progress: in-order results wait for the slowest earlier shard, and on a
     * cluster most shards can be done while the first is still running. By default, when its result is handed on.
     */
    default <W extends AutoCloseable, R> void forEachInOrder(List<Shard> shards, Supplier<W> workerFactory,
                                                             Function<W, Function<Shard, R>> task, Consumer<R> sink,
                                                             Consumer<Shard> done) {
        int[] next = {0};
        forEachInOrder(shards, workerFactory, task, result -> {
            done.accept(shards.get(next[0]++));
            sink.accept(result);
        });
    }
}
