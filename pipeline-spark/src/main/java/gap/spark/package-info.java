/**
 * The Spark driver: {@code gap call} on a cluster through core's {@code ShardExecutor} seam, giving the same calls
 * and files as the CLI. {@link gap.spark.GapSparkDriver} parses gap call's options (gap.command, shared with the CLI)
 * and core prepares the run; {@link gap.spark.SparkShardExecutor} runs each shard as a Spark task;
 * {@link gap.spark.OutputCommit} and {@link gap.spark.PartitionedCallsWriter} write the outputs; {@code gap.spark.fs}
 * makes every Hadoop file system a java.nio one, so core reads and writes them.
 */
package gap.spark;
