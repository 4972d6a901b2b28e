package gap.core.shard;

import gap.core.io.CallSpill;
import gap.core.model.VariantCall;
import gap.core.scoring.KnownSites;
import gap.core.scoring.TrainingSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Takes one shard's result where it was called (a thread, or a cluster's executor), gives it without its calls,
 * which go to the shard's spill file in the run's staging folder, and their {@link CallDigest}: what travels to the
 * driver is a shard's tallies, never its calls. Serializable with its folder (a cluster run's is on the run's file
 * system).
 */
record ShardSpill(Path folder, Path knownSites, TrainingSample.Spec sampling) implements java.io.Serializable {
    /** The folder of spill files inside a run's staging folder; deleted before the run commits. */
    static final String FOLDER = "_spill";

    /** A spilled shard: its result without calls, the file holding them, and their digest. */
    record Spilled(ShardResult result, Path file, CallDigest digest) implements java.io.Serializable {}

    /**
     * The spill folder of the run staged in {@code staging}, created, for a run with {@code knownSites} (null: none):
     * each shard's calls are marked against them before they are spilled (their IDs), and its digest carries its
     * part of the training sample of {@code sampling}.
     */
    static ShardSpill in(Path staging, Path knownSites, TrainingSample.Spec sampling) {
        Path folder = staging.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the spill folder", e);
        }
        return new ShardSpill(folder, knownSites, sampling);
    }

    /** {@code result} spilled by {@code spill}, or whole (no file, no digest) when {@code spill} is null. */
    static Spilled of(ShardSpill spill, ShardResult result) {
        return spill == null ? new Spilled(result, null, null) : spill.spill(result);
    }

    Spilled spill(ShardResult result) {
        Path file = folder.resolve(String.format(java.util.Locale.ROOT, "shard-%06d.calls",
                result.shard().index()));
        List<VariantCall> calls = result.calls();
        TrainingSample sample = null;
        if (knownSites != null) {
            // marked here, where the shard's calls are at hand: IDs go to the spill, flags to the sample
            KnownSites.Marked marked = calls.isEmpty() ? new KnownSites.Marked(calls, new boolean[0], null)
                    : KnownSites.markWithoutHeader(knownSites, calls);
            calls = marked.calls();
            sample = TrainingSample.of(calls, marked.known(), sampling);
        }
        CallSpill.write(file, calls);
        ShardResult tallies = new ShardResult(result.shard(), List.of(), result.readCounts(), result.coverage(),
                result.bins(), result.gvcf());
        return new Spilled(tallies, file, CallDigest.of(calls, sample));
    }

    /** Deletes the spill files and their folder. */
    void delete() {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the spill folder", e);
        }
    }
}
