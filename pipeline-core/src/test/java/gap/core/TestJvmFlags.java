package gap.core;

import java.util.List;

/**
 * The pom's {@code test.jvm.flags} (C1 alone), which surefire and failsafe pass as {@code gap.testJvmFlags}: for the
 * JVMs tests start ({@code gap} children, Spark daemons, spark-submit, executors), which live seconds to minutes,
 * where C2's compiler threads cost more CPU than their code saves. They change no output.
 */
public final class TestJvmFlags {
    private TestJvmFlags() {}

    /** The flags as separate arguments of a {@code java} command line. */
    public static List<String> list() {
        String flags = joined();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }

    /** The flags as one string: an environment variable's or a Spark setting's value. */
    public static String joined() {
        return System.getProperty("gap.testJvmFlags", "").trim();
    }
}
