package gap.core.qc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.SampleData;
import gap.core.Tools;
import gap.core.io.InputValidator;
import gap.core.io.ReadFilters;
import gap.core.io.ReadSource;
import gap.core.io.ReferenceSource;
import gap.core.model.AlignedRead;
import gap.core.model.RefWindow;
import gap.core.model.Shard;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Coverage as {@code samtools depth -s} counts it over the reads gap keeps; shards that split a region add up to the
 * region's metrics; and the definition on hand-made reads: deletions are not coverage, overlapping mates count
 * once, N bases are not callable.
 */
class ShardCoverageTest {
    private static final String CONTIG = "chr22_20_21M";
    private static final int FROM = 100_001;
    private static final int TO = 300_000;

    private static CoverageMetrics measure(List<Shard> shards) {
        Path ref = SampleData.file("ref.fa");
        Path bam = SampleData.file("trio1_child.bam");
        Path index = InputValidator.checkReads(bam, ref, InputValidator.checkReference(ref)).index();
        CoverageMetrics sum = CoverageMetrics.EMPTY;
        try (ReadSource reads = new ReadSource(bam, index, ref, new ReadFilters(20));
             ReferenceSource reference = new ReferenceSource(ref)) {
            for (Shard shard : shards) {
                ReadSource.ShardReads r = reads.query(shard);
                RefWindow window = reference.window(shard.contig(), shard.start(), shard.end());
                sum = sum.plus(ShardCoverage.measure(shard, r.reads(), window));
            }
        }
        return sum;
    }

    private static List<Shard> tiles(int size) {
        List<Shard> shards = new java.util.ArrayList<>();
        for (int start = FROM; start <= TO; start += size) {
            shards.add(new Shard(shards.size(), CONTIG, start, Math.min(TO, start + size - 1), 321));
        }
        return shards;
    }

    @Test
    void isSamtoolsDepthWithOverlappingMatesCountedOnce() {
        Tools.require("samtools");
        // samtools' default filter drops unmapped, secondary, QC-fail and duplicate reads; gap also drops
        // supplementary ones and MAPQ < 20 (the slice has no MAPQ 255 reads, which gap also drops).
        String depth = Tools.run(SampleData.dir(), List.of("samtools", "depth", "-a", "-s", "-Q", "20", "-G",
                "SUPPLEMENTARY", "-r", CONTIG + ":" + FROM + "-" + TO, "trio1_child.bam"));
        long[] histogram = new long[CoverageMetrics.CAP + 1];
        long sum = 0;
        long territory = 0;
        for (String line : depth.split("\n")) {
            int d = Integer.parseInt(line.split("\t")[2]);
            histogram[Math.min(d, CoverageMetrics.CAP)]++;
            sum += d;
            territory++;
        }
        CoverageMetrics ours = measure(tiles(TO - FROM + 1));
        assertEquals(200_000, territory);
        assertEquals(new CoverageMetrics(territory, sum, histogram), ours);
    }

    @Test
    void shardsAddUpToTheWholeWhateverTheirSize() {
        CoverageMetrics whole = measure(tiles(TO - FROM + 1));
        assertEquals(whole, measure(tiles(7_000)));
        assertEquals(whole, measure(tiles(33_333)));
        assertEquals(30.0, whole.meanCoverage(), 1.0);
    }

    @Test
    void deletionsAreNotCoverageOverlappingMatesCountOnceAndNIsNotCallable() {
        Shard shard = new Shard(0, "c", 101, 120, 50);
        RefWindow ref = RefWindow.of("c", 91, "A".repeat(10) + "ACGTACGTACNNACGTACGT" + "A".repeat(10));
        List<AlignedRead> reads = List.of(
                AlignedRead.of("frag1", 95, "10M2D8M", "A".repeat(18), 30, 60),   // 95-104, deletion 105-106, 107-114
                AlignedRead.of("frag1", 103, "10M", "A".repeat(10), 30, 60),       // its mate: 103-112, overlaps
                AlignedRead.of("frag2", 118, "5S6M", "A".repeat(11), 30, 60));    // 118-123, clip not counted
        CoverageMetrics m = ShardCoverage.measure(shard, reads, ref);
        int[] expected = new int[20]; // depth at 101..120
        for (int p = 101; p <= 114; p++) {
            expected[p - 101] = 1; // frag1 covers 101-114 through one mate or the other: once
        }
        for (int p = 118; p <= 120; p++) {
            expected[p - 101] = 1;
        }
        long[] histogram = new long[CoverageMetrics.CAP + 1];
        long sum = 0;
        for (int p = 101; p <= 120; p++) {
            if (p == 111 || p == 112) {
                continue; // the two Ns
            }
            histogram[expected[p - 101]]++;
            sum += expected[p - 101];
        }
        assertEquals(18, m.territory());
        assertEquals(sum, m.depthSum());
        assertArrayEquals(histogram, m.histogram());
    }

    @Test
    void picardStyleSummaries() {
        long[] h = new long[CoverageMetrics.CAP + 1];
        h[0] = 10;
        h[10] = 20;
        h[25] = 30;
        h[40] = 40;
        CoverageMetrics m = new CoverageMetrics(100, 10 * 20 + 25 * 30 + 40 * 40, h);
        assertEquals(25.5, m.meanCoverage(), 1e-9);
        assertEquals(25, m.medianCoverage());
        assertEquals(0.9, m.fractionAtLeast(10), 1e-12);
        assertEquals(0.7, m.fractionAtLeast(20), 1e-12);
        assertEquals(0.4, m.fractionAtLeast(30), 1e-12);
        assertEquals(41, m.trimmedHistogram().length);
        assertEquals(m.plus(m).territory(), 200);
    }
}
