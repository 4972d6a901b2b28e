package gap.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** A local Spark context as the tests run the driver in: no UI, bound to 127.0.0.1, Kryo with registration required. */
final class LocalSpark {
    private LocalSpark() {}

    static JavaSparkContext start(String master, String appName) {
        return new JavaSparkContext(new SparkConf()
                .setMaster(master)
                .setAppName(appName)
                .set("spark.ui.enabled", "false")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", GapKryoRegistrator.class.getName())
                .set("spark.kryo.registrationRequired", "true"));
    }
}
