package gap.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.ReadCounts;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import gap.core.qc.CoverageMetrics;
import gap.core.shard.ShardResult;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import scala.reflect.ClassTag$;

/**
 * Why shard results travel as bytes: Spark 4.0's Kryo 4, even with the record registered, cannot write a Java
 * record; with registration required it refuses unregistered classes outright. The Java-serialised bytes of a
 * shard result pass Kryo unchanged and decode to an equal result, doubles to the last bit.
 */
class KryoRecordsTest {
    private static final ShardResult RESULT = new ShardResult(new Shard(3, "chr22_20_21M", 7001, 14000, 600),
            List.of(new VariantCall("chr22_20_21M", 7042, List.of("A", "G"), 123.4567890123, Filters.PASS,
                    Map.of("QD", "12.35", "AC", List.of(1), "AF", List.of("0.500")),
                    List.of(new Genotype(0, 1, 99, List.of(1234, 0, 987), List.of(11, 9), 20, -1)))),
            List.of(new ReadCounts(Map.of(ReadCounts.Reason.PASS, 4321L, ReadCounts.Reason.DUPLICATE, 12L))),
            List.of(coverage()));

    /** 7000 bases: 10 at depth 0, the rest at depth 30. */
    private static CoverageMetrics coverage() {
        long[] histogram = new long[CoverageMetrics.CAP + 1];
        histogram[0] = 10;
        histogram[30] = 6990;
        return new CoverageMetrics(7000, 30 * 6990, histogram);
    }

    private static SerializerInstance kryo(boolean registrationRequired) {
        return new KryoSerializer(new SparkConf()
                .set("spark.kryo.registrationRequired", String.valueOf(registrationRequired))
                .set("spark.kryo.registrator", GapKryoRegistrator.class.getName()))
                .newInstance();
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void kryoCannotWriteRecordsButCarriesTheirBytes() {
        Exception unregistered = assertThrows(Exception.class,
                () -> kryo(true).serialize(RESULT.shard(), ClassTag$.MODULE$.apply(Shard.class)));
        assertTrue(String.valueOf(unregistered.getMessage()).contains("Class is not registered"),
                unregistered.getMessage());

        byte[] bytes = JavaSerialization.encode(RESULT);
        SerializerInstance kryo = kryo(true);
        ByteBuffer sent = kryo.serialize(bytes, ClassTag$.MODULE$.apply(byte[].class));
        byte[] received = kryo.deserialize(sent, ClassTag$.MODULE$.apply(byte[].class));
        assertArrayEquals(bytes, received);
        ShardResult back = JavaSerialization.decode(received);
        assertEquals(RESULT.shard(), back.shard());
        assertEquals(RESULT.calls(), back.calls());
        assertEquals(RESULT.readCounts(), back.readCounts());
        assertArrayEquals(RESULT.coverage().get(0).histogram(), back.coverage().get(0).histogram());
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void kryoFailsOnARecordEvenWhenRegistrationIsNotRequired() {
        Exception e = assertThrows(Exception.class,
                () -> kryo(false).serialize(RESULT.shard(), ClassTag$.MODULE$.apply(Shard.class)));
        String all = "";
        for (Throwable c = e; c != null; c = c.getCause()) {
            all += c + "\n";
        }
        assertTrue(all.contains("record"), all);
    }
}
