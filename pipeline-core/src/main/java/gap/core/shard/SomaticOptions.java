package gap.core.shard;

import gap.core.privacy.LabKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a driver parsed of a {@code gap somatic} command line, before any check (each option's meaning is the one
 * {@code gap somatic --help} gives). Drivers start from {@link #of} and add what was given with {@code with…};
 * {@link SomaticPreparation#prepare} checks it all and gives the {@link SomaticRun.Request}.
 *
 * @param tumour           {@code --tumour} reads (null when a sample sheet names the samples)
 * @param normal           {@code --normal} reads (null: tumour-only, or a sample sheet)
 * @param sampleSheet      {@code --sample-sheet}, roles tumour and normal (null with {@code --tumour})
 * @param intervals        {@code -L} values: regions or files
 * @param germlineResource {@code --germline-resource}, a VCF with INFO/AF (may be null)
 * @param population       {@code --population}, a released gap summary (may be null)
 * @param panelOfNormals   {@code --panel-of-normals}, a {@code gap somatic-pon} table (may be null)
 * @param shardSize        {@code --shard-size}; null for the automatic size
 * @param settings         {@code --set} overrides of the defaults
 * @param keys             opens the lab's keystore (not before the reference is checked)
 * @param paths            how {@code -L} files are named: {@code Path::of}, or a cluster's paths
 * @param overwrite        {@code --overwrite}: replace a previous run's outputs in {@code output} whole
 */
public record SomaticOptions(Path reference, Path tumour, Path normal, Path sampleSheet, Path output,
                             List<String> intervals, Path germlineResource, Path population, Path panelOfNormals,
                             Integer shardSize, boolean qc, Map<String, String> settings, Supplier<LabKeys> keys,
                             Function<String, Path> paths, boolean overwrite) {
    public SomaticOptions {
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The required options; everything else as when not given. */
    public static SomaticOptions of(Path reference, Path output, Supplier<LabKeys> keys) {
        return new SomaticOptions(reference, null, null, null, output, List.of(), null, null, null, null, true,
                Map.of(), keys, Path::of, false);
    }

    /** The tumour's and (null for tumour-only) the normal's reads files. */
    public SomaticOptions withReads(Path tumourReads, Path normalReads) {
        return new SomaticOptions(reference, tumourReads, normalReads, sampleSheet, output, intervals,
                germlineResource, population, panelOfNormals, shardSize, qc, settings, keys, paths, overwrite);
    }

    public SomaticOptions withSampleSheet(Path value) {
        return new SomaticOptions(reference, tumour, normal, value, output, intervals, germlineResource, population,
                panelOfNormals, shardSize, qc, settings, keys, paths, overwrite);
    }

    public SomaticOptions withIntervals(List<String> value) {
        return new SomaticOptions(reference, tumour, normal, sampleSheet, output, value, germlineResource, population,
                panelOfNormals, shardSize, qc, settings, keys, paths, overwrite);
    }

    /** The germline resource VCF, population summary and panel of normals, each null when not given. */
    public SomaticOptions withResources(Path germline, Path summary, Path panel) {
        return new SomaticOptions(reference, tumour, normal, sampleSheet, output, intervals, germline, summary, panel,
                shardSize, qc, settings, keys, paths, overwrite);
    }

    public SomaticOptions withShardSize(Integer value) {
        return new SomaticOptions(reference, tumour, normal, sampleSheet, output, intervals, germlineResource,
                population, panelOfNormals, value, qc, settings, keys, paths, overwrite);
    }

    public SomaticOptions withQc(boolean value) {
        return new SomaticOptions(reference, tumour, normal, sampleSheet, output, intervals, germlineResource,
                population, panelOfNormals, shardSize, value, settings, keys, paths, overwrite);
    }

    public SomaticOptions withSettings(Map<String, String> value) {
        return new SomaticOptions(reference, tumour, normal, sampleSheet, output, intervals, germlineResource,
                population, panelOfNormals, shardSize, qc, value, keys, paths, overwrite);
    }

    public SomaticOptions withPaths(Function<String, Path> value) {
        return new SomaticOptions(reference, tumour, normal, sampleSheet, output, intervals, germlineResource,
                population, panelOfNormals, shardSize, qc, settings, keys, value, overwrite);
    }

    /** {@code --overwrite}: replace a previous run's outputs in {@code output} whole. */
    public SomaticOptions withOverwrite(boolean value) {
        return new SomaticOptions(reference, tumour, normal, sampleSheet, output, intervals, germlineResource,
                population, panelOfNormals, shardSize, qc, settings, keys, paths, value);
    }
}
