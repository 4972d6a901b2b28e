package gap.core.shard;

import gap.core.privacy.LabKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a driver parsed of a {@code gap qc} command line, before any check; the meaning of each option is the one
 * {@code gap qc --help} gives. Drivers start from {@link #of} and add what was given with {@code with…}.
 *
 * @param vcfs        {@code -V}: one call set each
 * @param inputs      {@code -I} reads files; empty with a sample sheet or without reads
 * @param sampleSheet {@code --sample-sheet}, or null
 * @param shardSize   bases per shard of the reads' pass
 * @param settings    {@code --set} overrides: the read filters and the de novo threshold of the run QC'd
 * @param keys        opens the lab's keystore, only when a name must be pseudonymised
 * @param overwrite   {@code --overwrite}: replace a previous run's files in {@code output} whole
 */
public record QcOptions(List<Path> vcfs, Path reference, List<Path> inputs, Path sampleSheet, Path pedigree,
                        List<String> intervals, Path truth, String truthSample, Path confident, Path output,
                        int shardSize, Map<String, String> settings, Supplier<LabKeys> keys,
                        boolean overwrite) {
    public QcOptions {
        vcfs = List.copyOf(vcfs);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The required options; everything else as when not given. */
    public static QcOptions of(List<Path> vcfs, Path output, Supplier<LabKeys> keys) {
        return new QcOptions(vcfs, null, List.of(), null, null, List.of(), null, null, null, output,
                ShardPlanner.DEFAULT_SHARD_SIZE, Map.of(), keys, false);
    }

    /** Whether the samples' reads were given (files or a sample sheet). */
    public boolean hasReads() {
        return !inputs.isEmpty() || sampleSheet != null;
    }

    public QcOptions withReference(Path value) {
        return new QcOptions(vcfs, value, inputs, sampleSheet, pedigree, intervals, truth, truthSample, confident,
                output, shardSize, settings, keys, overwrite);
    }

    public QcOptions withInputs(List<Path> value) {
        return new QcOptions(vcfs, reference, value, sampleSheet, pedigree, intervals, truth, truthSample, confident,
                output, shardSize, settings, keys, overwrite);
    }

    public QcOptions withSampleSheet(Path value) {
        return new QcOptions(vcfs, reference, inputs, value, pedigree, intervals, truth, truthSample, confident,
                output, shardSize, settings, keys, overwrite);
    }

    public QcOptions withPedigree(Path value) {
        return new QcOptions(vcfs, reference, inputs, sampleSheet, value, intervals, truth, truthSample, confident,
                output, shardSize, settings, keys, overwrite);
    }

    public QcOptions withIntervals(List<String> value) {
        return new QcOptions(vcfs, reference, inputs, sampleSheet, pedigree, value, truth, truthSample, confident,
                output, shardSize, settings, keys, overwrite);
    }

    /** A truth VCF, the sample of it to use (null: its first) and its confident regions (null: the whole genome). */
    public QcOptions withTruth(Path value, String sample, Path confidentRegions) {
        return new QcOptions(vcfs, reference, inputs, sampleSheet, pedigree, intervals, value, sample,
                confidentRegions, output, shardSize, settings, keys, overwrite);
    }

    public QcOptions withShardSize(int value) {
        return new QcOptions(vcfs, reference, inputs, sampleSheet, pedigree, intervals, truth, truthSample, confident,
                output, value, settings, keys, overwrite);
    }

    public QcOptions withSettings(Map<String, String> value) {
        return new QcOptions(vcfs, reference, inputs, sampleSheet, pedigree, intervals, truth, truthSample, confident,
                output, shardSize, value, keys, overwrite);
    }

    public QcOptions withOverwrite(boolean value) {
        return new QcOptions(vcfs, reference, inputs, sampleSheet, pedigree, intervals, truth, truthSample, confident,
                output, shardSize, settings, keys, value);
    }
}
