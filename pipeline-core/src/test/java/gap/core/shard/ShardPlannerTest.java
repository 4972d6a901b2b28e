package gap.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gap.core.UserException;
import gap.core.model.Shard;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.Interval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardPlannerTest {
    private static final SAMSequenceDictionary DICT = new SAMSequenceDictionary(List.of(
            new SAMSequenceRecord("chr1", 2500), new SAMSequenceRecord("chr2", 100)));

    @Test
    void tilesEachContigFromItsStart() {
        List<Shard> shards = ShardPlanner.plan(DICT, List.of(), 100, 10);
        assertEquals(26, shards.size());
        assertEquals(List.of("chr1:1-100", "chr1:101-200"), shards.subList(0, 2).stream().map(Shard::toString).toList());
        assertEquals(List.of("chr1:2401-2500", "chr2:1-100"), shards.subList(24, 26).stream().map(Shard::toString).toList());
        assertEquals(25, shards.get(25).index());
        assertEquals(91, shards.get(1).paddedStart());
        assertEquals(210, shards.get(1).paddedEnd());
    }

    @Test
    void tilesIntervalsOnly() {
        List<Shard> shards = ShardPlanner.plan(DICT, List.of(new Interval("chr1", 50, 120)), 50, 0);
        assertEquals(List.of("chr1:50-99", "chr1:100-120"), shards.stream().map(Shard::toString).toList());
    }

    @Test
    void automaticSizeGivesEachWorkerEnoughShardsOnSmallTerritoriesOnly() {
        assertEquals(63_536, ShardPlanner.autoSize(1_016_569, 2)); // the 1 Mb test genome: 17 shards on 2 threads
        assertEquals(ShardPlanner.DEFAULT_SHARD_SIZE, ShardPlanner.autoSize(3_100_000_000L, 32));
        assertEquals(ShardPlanner.MIN_AUTO_SHARD_SIZE, ShardPlanner.autoSize(5_000, 4));
        List<Shard> big = ShardPlanner.planFor(new SAMSequenceDictionary(List.of(new SAMSequenceRecord("c", 10_000_000))),
                List.of(), 2, 0);
        assertEquals(100, big.size());
    }

    @Test
    void intervalsFromRegionsAndFilesAreSortedAndMerged(@TempDir Path tmp) throws Exception {
        Path bed = tmp.resolve("t.bed");
        Files.writeString(bed, "chr2\t0\t10\nchr1\t99\t120\n");
        List<Interval> parsed = Intervals.parse(List.of("chr1:110-130", bed.toString(), "chr1:10", "chr1:1,000-1,200"), DICT);
        assertEquals(List.of(new Interval("chr1", 10, 10), new Interval("chr1", 100, 130), new Interval("chr1", 1000, 1200),
                new Interval("chr2", 1, 10)),
                parsed);
        assertEquals(List.of(new Interval("chr2", 1, 100)), Intervals.parse(List.of("chr2"), DICT));
    }

    @Test
    void regionsAreNeverResolvedAsPaths() {
        // a Hadoop path reads "chr1:" as a URI scheme and fails: regions must not reach the path resolver
        java.util.function.Function<String, java.nio.file.Path> hadoopLike = name -> {
            throw new IllegalArgumentException("not a path: " + name);
        };
        assertEquals(List.of(new Interval("chr1", 110, 130), new Interval("chr2", 1, 100)),
                Intervals.parse(List.of("chr1:110-130", "chr2"), DICT, hadoopLike));
    }

    @Test
    void badIntervalsAreUserErrors() {
        assertThrows(UserException.class, () -> Intervals.parse(List.of("chr3:1-10"), DICT));
        assertThrows(UserException.class, () -> Intervals.parse(List.of("chr1:2000-3000"), DICT));
        assertThrows(UserException.class, () -> Intervals.parse(List.of("chr1:20-10"), DICT));
        assertThrows(UserException.class, () -> Intervals.parse(List.of("missing.bed"), DICT));
    }
}
