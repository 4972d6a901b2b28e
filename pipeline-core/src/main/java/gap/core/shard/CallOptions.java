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
 * @param cnvPanel    {@code --cnv-panel}: a panel of normals, for copy number; null for none
 * @param copyNumberOnly {@code gap cnv}: copy number written alone (the small variants called for their allele
 *                    fractions only)
 * @param overwrite   {@code --overwrite}: replace a previous run's results in {@code -O} whole
 * @param gvcf        {@code --gvcf}: also write the (one) sample's gVCF
 * @param fromGvcfs   {@code gap joint}: the inputs are gVCFs, genotyped jointly instead of reads
 */
public record CallOptions(Path reference, List<Path> inputs, Path sampleSheet, Path pedigree, Path output,
                          List<String> intervals, Path knownSites, Path population, Integer shardSize, boolean qc,
                          Map<String, String> settings, Supplier<LabKeys> keys, Function<String, Path> paths,
                          Path cnvPanel, boolean copyNumberOnly,
                          boolean overwrite, boolean gvcf, boolean fromGvcfs) {
    public CallOptions {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The required options; everything else as when not given. */
    public static CallOptions of(Path reference, Path output, Supplier<LabKeys> keys) {
        return new CallOptions(reference, List.of(), null, null, output, List.of(), null, null, null, true, Map.of(),
                keys, Path::of, null, false, false, false, false);
    }

    public CallOptions withInputs(List<Path> value) {
        return new CallOptions(reference, value, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withSampleSheet(Path value) {
        return new CallOptions(reference, inputs, value, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withPedigree(Path value) {
        return new CallOptions(reference, inputs, sampleSheet, value, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withIntervals(List<String> value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, value, knownSites, population,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withKnownSites(Path value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, value, population,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withPopulation(Path value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, value,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withShardSize(Integer value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                value, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withQc(boolean value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, value, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withSettings(Map<String, String> value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, value, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withPaths(Function<String, Path> value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, value, cnvPanel, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withCnvPanel(Path value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths, value, copyNumberOnly, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withCopyNumberOnly(boolean value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths, cnvPanel, value, overwrite, gvcf, fromGvcfs);
    }

    public CallOptions withOverwrite(boolean value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, value, gvcf, fromGvcfs);
    }

    public CallOptions withGvcf(boolean value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, value, fromGvcfs);
    }

    public CallOptions withFromGvcfs(boolean value) {
        return new CallOptions(reference, inputs, sampleSheet, pedigree, output, intervals, knownSites, population,
                shardSize, qc, settings, keys, paths, cnvPanel, copyNumberOnly, overwrite, gvcf, value);
    }
}
