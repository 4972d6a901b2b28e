package gap.spark;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Takes Spark's Kryo, registers what gap's jobs move through it besides Spark's own registrations: the slices of
 * shard indexes Spark ships with each task. Shard results travel as byte arrays (see {@link JavaSerialization}), so
 * no gap class needs Kryo; with {@code spark.kryo.registrationRequired=true} (the tests) anything else fails fast.
 */
public final class GapKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(Integer[].class);
    }
}
