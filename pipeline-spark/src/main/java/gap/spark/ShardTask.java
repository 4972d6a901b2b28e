package gap.spark;

import gap.core.model.Shard;
import gap.core.privacy.RedactingStream;
import gap.core.privacy.Redactor;
import gap.spark.fs.HadoopFs;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.SparkEnv;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * Takes a partition holding one shard's index, gives that shard's result, Java-serialised (Kryo 4 cannot write Java
 * records): what one Spark task does on an executor. Opens its own worker (readers) and closes it. Configures the
 * executor's Hadoop paths as the driver's, and keeps htsjdk's own messages, which bypass Log4j, to errors with the
 * input files named by pseudonym.
 */
final class ShardTask<W extends AutoCloseable, R> extends AbstractFunction1<Iterator<Integer>, byte[]>
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static volatile boolean executorLoggingSet;

    private final List<Shard> shards;
    private final Supplier<W> workerFactory;
    private final Function<W, Function<Shard, R>> task;
    private final byte[] hadoopConfiguration;
    private final Map<String, String> fileNames;

    ShardTask(List<Shard> shards, Supplier<W> workerFactory, Function<W, Function<Shard, R>> task,
              byte[] hadoopConfiguration, Map<String, String> fileNames) {
        this.shards = List.copyOf(shards);
        this.workerFactory = workerFactory;
        this.task = task;
        this.hadoopConfiguration = hadoopConfiguration.clone();
        this.fileNames = Map.copyOf(fileNames);
    }

    @Override
    public byte[] apply(Iterator<Integer> partition) {
        HadoopFs.configure(hadoopConfiguration);
        Redactor names = names();
        quietHtsjdk(names);
        Shard shard = shards.get(partition.next());
        try (W worker = workerFactory.get()) {
            R result = task.apply(worker).apply(shard);
            return JavaSerialization.encode(result);
        } catch (Exception e) {
            throw ShardFailure.of(shard, e, names);
        }
    }

    private Redactor names() {
        Redactor names = new Redactor();
        fileNames.forEach(names::register);
        return names;
    }

    /** On an executor of its own (not the driver's JVM in local mode, which the driver set up itself). */
    private static void quietHtsjdk(Redactor names) {
        if (executorLoggingSet || "driver".equals(SparkEnv.get().executorId())) {
            return;
        }
        synchronized (ShardTask.class) {
            if (!executorLoggingSet) {
                htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
                htsjdk.samtools.util.Log.setGlobalPrintStream(RedactingStream.wrap(System.err, names));
                executorLoggingSet = true;
            }
        }
    }
}
