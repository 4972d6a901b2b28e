package gap.core.shard;

import gap.core.model.Shard;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs shards on a fixed pool of threads, each with its own worker, and hands results back in shard order. Only a
 * bounded window of shards is in flight, so memory does not grow with the genome.
 */
public final class LocalShardExecutor implements ShardExecutor {
    private final int threads;

    public LocalShardExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    @Override
    public int workers() {
        return threads;
    }

    @Override
    public <W extends AutoCloseable, R> void forEachInOrder(List<Shard> shards, Supplier<W> workerFactory,
                                                            Function<W, Function<Shard, R>> task, Consumer<R> sink) {
        List<W> workers = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Function<Shard, R>> perThread = ThreadLocal.withInitial(() -> {
            W worker = workerFactory.get();
            workers.add(worker);
            return task.apply(worker);
        });
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shard-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Throwable failure = null;
        try {
            Deque<Future<R>> inFlight = new ArrayDeque<>();
            int next = 0;
            int window = threads * 4;
            while (next < shards.size() || !inFlight.isEmpty()) {
                while (next < shards.size() && inFlight.size() < window) {
                    Shard shard = shards.get(next++);
                    inFlight.add(pool.submit(() -> perThread.get().apply(shard)));
                }
                sink.accept(await(inFlight.removeFirst()));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            pool.shutdownNow();
            awaitTermination(pool);
            closeAll(workers, failure);
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a shard", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeAll(List<? extends AutoCloseable> workers, Throwable failure) {
        RuntimeException closeFailure = null;
        for (AutoCloseable w : workers) {
            try {
                w.close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (closeFailure == null) {
                    closeFailure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
            }
        }
        if (closeFailure != null) {
            throw closeFailure;
        }
    }
}
