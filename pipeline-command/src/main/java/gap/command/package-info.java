/**
 * What the command lines of every driver share (the CLI's {@code gap}, the Spark driver's {@code gap-spark}): the
 * options of {@code gap call}, the keystore options, path converters that register input paths for redaction, exit
 * codes and one-line errors. Picocli stays here and in the drivers; core takes plain options
 * ({@code gap.core.shard.CallOptions}). See docs/ARCHITECTURE.md.
 */
package gap.command;
