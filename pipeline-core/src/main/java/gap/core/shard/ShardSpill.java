package gap.core.shard;

import gap.core.io.CallSpill;
import gap.core.io.CallsTableWriter;
import gap.core.model.VariantCall;
import gap.core.scoring.KnownSites;
import gap.core.scoring.TrainingSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * A spilled shard: its result without calls, the files holding them (one per position bin of
     * {@link gap.core.io.CallsTableWriter#POSITION_BIN} bp it has calls in), and their digest.
     */
    record Spilled(ShardResult result, List<Piece> pieces, CallDigest digest) implements java.io.Serializable {}

    /**
     * One spill file: a shard's calls in one position bin, with the positions of its first and last call, from which
     * the driver plans the parts of pass 2 ({@link CallParts}) without reading any call.
     */
    record Piece(Path file, String contig, long bin, int first, int last, long calls)
            implements java.io.Serializable {}

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
        return spill == null ? new Spilled(result, List.of(), null) : spill.spill(result);
    }

    Spilled spill(ShardResult result) {
        List<Piece> pieces = new ArrayList<>();
        List<VariantCall> calls = result.calls();
        TrainingSample sample = null;
        if (knownSites != null) {
            // marked here, where the shard's calls are at hand: IDs go to the spill, flags to the sample
            KnownSites.Marked marked = calls.isEmpty() ? new KnownSites.Marked(calls, new boolean[0], null)
                    : KnownSites.markWithoutHeader(knownSites, calls);
            calls = marked.calls();
            sample = TrainingSample.of(calls, marked.known(), sampling);
        }
        for (int from = 0; from < calls.size(); ) {
            VariantCall first = calls.get(from);
            long bin = bin(first);
            int to = from + 1;
            while (to < calls.size() && calls.get(to).contig().equals(first.contig()) && bin(calls.get(to)) == bin) {
                to++;
            }
            Path file = folder.resolve(String.format(java.util.Locale.ROOT, "shard-%06d.%d.calls",
                    result.shard().index(), pieces.size()));
            CallSpill.write(file, calls.subList(from, to));
            pieces.add(new Piece(file, first.contig(), bin, first.position(), calls.get(to - 1).position(),
                    to - from));
            from = to;
        }
        ShardResult tallies = new ShardResult(result.shard(), List.of(), result.readCounts(), result.coverage(),
                result.bins(), result.gvcf());
        return new Spilled(tallies, pieces, CallDigest.of(calls, sample));
    }

    /** A call's position bin: the partitioned calls table's ({@code positionBin}), so no bin spans two parts. */
    static long bin(VariantCall call) {
        return (call.position() - 1L) / CallsTableWriter.POSITION_BIN;
    }

    /** Deletes the spill files, the parts' files and folders (a part's table partitions), and the folder. */
    void delete() {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the spill folder", e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (var files = Files.list(path)) {
                for (Path f : files.toList()) {
                    deleteTree(f);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
