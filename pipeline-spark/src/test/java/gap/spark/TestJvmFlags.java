package gap.spark;

import java.util.List;

/**
 * The pom's {@code test.jvm.flags} (C1 alone), which failsafe passes as {@code gap.testJvmFlags}: for the Spark
 * daemons, spark-submit and executors the cluster tests start, which live a minute or two, where C2's compiler threads
 * cost more CPU than their code saves. They change no output.
 */
final class TestJvmFlags {
    private TestJvmFlags() {}

    static List<String> list() {
        String flags = joined();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }

    static String joined() {
        return System.getProperty("gap.testJvmFlags", "").trim();
    }
}
