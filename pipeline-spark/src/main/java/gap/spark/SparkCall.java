package gap.spark;

import gap.core.privacy.Samples;
import gap.core.shard.CallRequest;
import gap.core.shard.CallingRun;
import gap.core.shard.ShardExecutor;
import gap.core.shard.SomaticRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Takes a checked {@code gap call} or {@code gap somatic} request (the CLI's checks, Hadoop paths), runs it with
 * core's orchestration on Spark and commits its outputs: staged under {@code OUTPUT/_temporary/<application id>}, renamed into place,
 * {@code _SUCCESS} last ({@link OutputCommit}); {@code calls.parquet} partitioned ({@link PartitionedCallsWriter}).
 * Everything but the per-shard work stays on the driver: pseudonyms, keys, scoring, writing.
 */
final class SparkCall {
    private static final Logger LOG = LogManager.getLogger(SparkCall.class);

    private final Supplier<JavaSparkContext> context;
    private final boolean ownsContext;
    private final UnaryOperator<ShardExecutor> decorate;

    /**
     * @param context  gives the Spark context (started on first use, after the inputs are checked)
     * @param owns     whether this call stops the context when done (the driver's own; not a test's)
     * @param decorate wraps the executor (identity, except in tests that make tasks fail)
     */
    SparkCall(Supplier<JavaSparkContext> context, boolean owns, UnaryOperator<ShardExecutor> decorate) {
        this.context = context;
        this.ownsContext = owns;
        this.decorate = decorate;
    }

    void run(CallRequest request) {
        inStaging(request.output(), fileNames(request.indexes()), request.samples().ids().size(),
                (staging, executor) -> CallingRun.run(request.withOutput(staging), executor,
                        new PartitionedCallsWriter()));
    }

    /** {@code gap somatic} on Spark: the same orchestration, staged and committed as a call is. */
    void runSomatic(SomaticRun.Request request) {
        inStaging(request.output(), fileNames(request.indexes()), request.ordered().size(),
                (staging, executor) -> SomaticRun.run(request.withOutput(staging), executor,
                        new PartitionedCallsWriter()));
    }

    /**
     * Runs {@code work} with a staging folder and the cluster's executor, then commits the staged outputs into
     * {@code output} ({@code _SUCCESS} last), or aborts; stops the context when it owns it.
     */
    private void inStaging(Path output, Map<String, String> fileNames, int samples,
                           BiConsumer<Path, ShardExecutor> work) {
        JavaSparkContext spark = context.get();
        try {
            OutputCommit commit = OutputCommit.begin(output, spark.sc().applicationId());
            try {
                LOG.info("{} sample(s) on Spark {} (master {}, default parallelism {})", samples, spark.version(),
                        spark.master(), spark.defaultParallelism());
                work.accept(commit.staging(), decorate.apply(new SparkShardExecutor(spark, fileNames)));
                commit.commit();
                LOG.info("Committed: outputs in place, {} written last", OutputCommit.SUCCESS);
            } catch (RuntimeException | Error e) {
                commit.abort();
                throw e;
            }
        } finally {
            if (ownsContext) {
                spark.stop();
            }
        }
    }

    /**
     * What executors print for each sample's reads and index, by full path and by file name: the sample's
     * pseudonym, as the driver's redaction prints them. Executors get no other identifier, and no key.
     */
    static Map<String, String> fileNames(Map<Samples.Sample, Path> indexes) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<Samples.Sample, Path> e : indexes.entrySet()) {
            String id = e.getKey().id();
            for (Path file : new Path[] {e.getKey().reads(), e.getValue()}) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String label = id + (dot > 0 ? name.substring(dot) : "");
                names.put(file.toString(), label);
                names.put(name, label);
            }
        }
        return names;
    }
}
