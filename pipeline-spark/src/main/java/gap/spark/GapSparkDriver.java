package gap.spark;

import gap.command.Commands;
import gap.command.RedactedPaths;
import gap.core.privacy.RedactingStream;
import gap.core.shard.ShardExecutor;
import gap.spark.fs.HadoopFs;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.serializer.KryoSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The Spark driver, {@code spark-submit --class gap.spark.GapSparkDriver gap-spark.jar call …}: {@code gap call}'s
 * options, meaning, checks and exit codes ({@link SparkCallCommand}, less {@code --threads}: spark-submit sizes the
 * work), with every path a Hadoop path ({@code hdfs://}, {@code s3a://}, {@code file://}, or plain, resolved as
 * Hadoop resolves it), and the shards run as Spark tasks ({@link SparkCall}). Inputs are checked before Spark
 * starts. All it prints passes the same redaction as the CLI's; Spark's record of the command line (UI, event log)
 * is redacted through {@code spark.redaction.regex}, and the keystore password comes from the driver's environment
 * or a file, never the Spark configuration.
 *
 * <pre>
 * spark-submit --master yarn --class gap.spark.GapSparkDriver gap-spark.jar call \
 *     -R hdfs:///ref/ref.fa --sample-sheet hdfs:///runs/r1/family.tsv --pedigree hdfs:///runs/r1/family.ped \
 *     -O hdfs:///results/r1 --keystore hdfs:///keys/lab.p12
 * </pre>
 */
public final class GapSparkDriver {
    /**
     * Added to Spark's redaction pattern: Spark redacts a property whose value matches, and the JVM's command line
     * ({@code sun.java.command}) names this class, so the command line, which may hold input paths, never reaches
     * the UI or the event log.
     */
    static final String COMMAND_LINE_REDACTION = "gap\\.spark\\.GapSparkDriver";
    private static final String SPARK_DEFAULT_REDACTION = "(?i)secret|password|token|access[.]?key";

    private GapSparkDriver() {}

    public static void main(String[] args) {
        // Before anything prints: stdout and stderr pass the redaction step the CLI's pass (identifiers, input paths).
        RedactingStream.installForProcess();
        logThroughRedaction();
        int code = run(args, null, UnaryOperator.identity());
        System.out.flush();
        System.err.flush();
        if (code != Commands.EXIT_OK) {
            // spark-submit reports a failure only as a thrown exception, with its stack trace: exit with gap's code
            System.exit(code);
        }
    }

    /**
     * Spark set up Log4j before this class loaded, writing to the stderr of then. gap's configuration follows
     * System.err, so Spark's lines and gap's pass the redaction too (unless the user chose a configuration).
     */
    private static void logThroughRedaction() {
        if (System.getProperty("log4j2.configurationFile") != null
                || System.getProperty("log4j.configurationFile") != null) {
            return;
        }
        URL config = GapSparkDriver.class.getResource("/log4j2.xml");
        if (config != null) {
            try {
                Configurator.reconfigure(config.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Runs a command line and gives its exit code. {@code context} is null to start Spark from spark-submit's
     * configuration (and stop it at the end), or a running context to use (tests); {@code decorate} wraps the shard
     * executor (identity, except in tests that make tasks fail).
     */
    static int run(String[] args, JavaSparkContext context, UnaryOperator<ShardExecutor> decorate) {
        debug = java.util.Arrays.asList(args).contains("--debug");
        quietTaskFailures();
        htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
        SparkConf conf = context != null ? context.getConf() : new SparkConf();
        HadoopFs.configure(hadoopConfiguration(conf));
        Supplier<JavaSparkContext> spark = context != null ? () -> context : () -> start(conf);
        SparkCall call = new SparkCall(spark, context == null, decorate);
        // every path a Hadoop path: the type's converter, and the factory's for the paths registered for redaction
        CommandLine.IFactory factory = RedactedPaths.factory(HadoopFs::path);
        CommandLine cli = new CommandLine(new Root(), factory);
        cli.addSubcommand("call", new CommandLine(new SparkCallCommand(call), factory));
        cli.addSubcommand("joint", new CommandLine(new SparkJointCommand(call), factory));
        cli.addSubcommand("somatic", new CommandLine(new SparkSomaticCommand(call), factory));
        cli.registerConverter(Path.class, HadoopFs::path);
        return Commands.withErrorHandling(cli).execute(args);
    }

    /** Hadoop's configuration as Spark builds it for the job: the cluster's files, then {@code spark.hadoop.*}. */
    static Configuration hadoopConfiguration(SparkConf conf) {
        Configuration hadoop = new Configuration();
        for (scala.Tuple2<String, String> kv : conf.getAll()) {
            if (kv._1().startsWith("spark.hadoop.")) {
                hadoop.set(kv._1().substring("spark.hadoop.".length()), kv._2());
            }
        }
        return hadoop;
    }

    /** Spark, from spark-submit's configuration, with Kryo and the command line redacted. */
    static JavaSparkContext start(SparkConf conf) {
        conf.setIfMissing("spark.app.name", "gap call")
                .setIfMissing("spark.serializer", KryoSerializer.class.getName())
                .setIfMissing("spark.kryo.registrator", GapKryoRegistrator.class.getName())
                .set("spark.redaction.regex", redaction(conf));
        JavaSparkContext spark = new JavaSparkContext(conf);
        // the context loads Spark's default logging profile again when it starts: put gap's back
        logThroughRedaction();
        quietTaskFailures();
        return spark;
    }

    /** Whether this run's command line asked for {@code --debug}: Spark's task-failure lines are shown then. */
    private static volatile boolean debug;

    /** Spark's loggers that report a failed task with its exception and stack trace, in the driver's JVM. */
    static final java.util.List<String> TASK_FAILURE_LOGGERS = java.util.List.of(
            "org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager",
            "org.apache.spark.scheduler.TaskSchedulerImpl");

    /**
     * Spark logs a failed task several times over, each with its stack trace (which may quote an input): ~100 lines
     * for one failure. gap reports the failure in its one line (and counts retried attempts in its own summary), so
     * without {@code --debug} those loggers are off; with it, at Spark's WARN.
     */
    static void quietTaskFailures() {
        for (String logger : TASK_FAILURE_LOGGERS) {
            Configurator.setLevel(logger, debug ? org.apache.logging.log4j.Level.WARN
                    : org.apache.logging.log4j.Level.OFF);
        }
    }

    static String redaction(SparkConf conf) {
        String regex = conf.get("spark.redaction.regex", SPARK_DEFAULT_REDACTION);
        return regex.contains(COMMAND_LINE_REDACTION) ? regex : regex + "|" + COMMAND_LINE_REDACTION;
    }

    /** The {@code gap-spark} command: {@code call}, {@code joint} and {@code somatic} are its subcommands. */
    @Command(name = "gap-spark",
            mixinStandardHelpOptions = true,
            versionProvider = Commands.Version.class,
            usageHelpAutoWidth = true,
            description = "gap on Spark: aligned reads in, variant calls out, the shards spread over a cluster.")
    static final class Root implements Runnable {
        @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
                description = "Print stack traces of errors (they may quote input files).")
        boolean debug;

        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (call, joint, somatic)");
        }
    }
}
