package gap.core.shard;

import gap.core.privacy.LabKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a driver parsed of a {@code gap call} command line, before any check: the meaning of each option is the one
 * {@code gap call --help} gives. Drivers start from {@link #of} and add what was given with {@code with…};
 * {@link CallPreparation#prepare} checks it all and gives the {@link CallRequest}.
 *
 * @param inputs      {@code -I} reads files (empty when a sample sheet names the samples)
 * @param sampleSheet {@code --sample-sheet} (null with {@code -I})
 * @param intervals   {@code -L} values: regions or files
 * @param shardSize   {@code --shard-size}; null for the automatic size
 * @param settings    {@code --set} overrides of the defaults
 * @param keys        opens the lab's keystore (not before the reference is checked)
 * @param paths       how {@code -L} files are named: {@code Path::of}, or a cluster's paths
 */
public record CallOptions(Path reference, List<Path> inputs, Path sampleSheet, Path pedigree, Path output,
                          List<String> intervals, Path knownSites, Path population, Integer shardSize, boolean qc,
                          Map<String, String> settings, Supplier<LabKeys> keys, Function<String, Path> paths) {
    public CallOptions {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The required options; everything else as when not given. */
    public static CallOptions of(Path reference, Path output, Supplier<LabKeys> keys) {
        return new CallOptions(reference, List.of(), null, null, output, List.of(), null, null, null, true, Map.of(),
                keys, Path::of);
    }

    public CallOptions withInputs(List<Path> value) {
        return new CallOptions(reference, value, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths);
    }

    public CallOptions withSampleSheet(Path value) {
        return new CallOptions(reference, inputs, value, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths);
    }

    public CallOptions withPedigree(Path value) {
        return new CallOptions(reference, inputs, sampleSheet, value, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths);
    }

    public CallOptions withIntervals(List<String> value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, value, knownSites, population,
                shardSize, qc, settings, keys, paths);
    }

    public CallOptions withKnownSites(Path value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, value, population,
                shardSize, qc, settings, keys, paths);
    }

    public CallOptions withPopulation(Path value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, value,
                shardSize, qc, settings, keys, paths);
    }

    public CallOptions withShardSize(Integer value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                value, qc, settings, keys, paths);
    }

    public CallOptions withQc(boolean value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, value, settings, keys, paths);
    }

    public CallOptions withSettings(Map<String, String> value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, value, keys, paths);
    }

    public CallOptions withPaths(Function<String, Path> value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, value);
    }
}
