package gap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.io.InputValidator;
import gap.core.io.ReadFilters;
import gap.core.io.ReadSource;
import gap.core.model.Shard;
import gap.core.shard.ShardPlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Spark in local mode runs core's {@link ReadSource} on executors, one reader per partition, over the shards core
 * plans: every read of the slice is seen exactly once, as in a single sequential pass.
 */
class SparkLocalSmokeTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void coreReadersRunOnExecutors() {
        Path sampleData = Path.of(System.getProperty("gap.sampleData", "../sample-data")).toAbsolutePath().normalize();
        String ref = sampleData.resolve("ref.fa").toString();
        String bam = sampleData.resolve("trio1_child.bam").toString();
        Path reference = Path.of(ref);
        Path index = InputValidator.checkReads(Path.of(bam), reference, InputValidator.checkReference(reference)).index();
        List<Shard> shards = ShardPlanner.plan(InputValidator.checkReference(reference), List.of(), 33_000, 0);
        String indexPath = index.toString();

        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("gap-smoke")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        try {
            assertEquals("local[2]", spark.sparkContext().master());
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            long seen = jsc.parallelize(shards, 4).mapPartitions(part -> {
                long n = 0;
                try (ReadSource reads = new ReadSource(Path.of(bam), Path.of(indexPath), Path.of(ref), new ReadFilters(20))) {
                    while (part.hasNext()) {
                        n += reads.query(part.next()).counts().seen();
                    }
                }
                return List.of(n).iterator();
            }).reduce(Long::sum);
            assertEquals(43_351, seen, "every read of the slice once (samtools view -c gives 43351)");
        } finally {
            spark.stop();
        }
    }
}
