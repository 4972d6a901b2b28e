/**
 * The Spark driver: genomes and cohorts sharded across a cluster through core's {@code ShardExecutor} seam, giving
 * the same calls as {@code gap call}. Not built yet (see the README's "Bioinformaticians" section); for now this
 * module pins the Spark dependency set and proves, in a local-mode test, that core's readers run on executors.
 */
package gap.spark;
