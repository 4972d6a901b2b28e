package gap.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    @Test
    void logsAHeaderThenARowPerIntervalThenASummary() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter(10, 0, () -> now[0], lines::add);
        meter.start();
        now[0] = 4_000_000_000L;
        meter.update("chr1:100000", 1000, 100_000); // 4 s: too soon for a row
        now[0] = 12_000_000_000L;
        meter.update("chr1:200000", 2000, 100_000); // 12 s: a row, 3000 reads in 0.2 minutes
        now[0] = 15_000_000_000L;
        meter.update("chr1:300000", 3000, 100_000);
        now[0] = 60_000_000_000L;
        meter.stop();
        assertEquals(List.of(
                "       Current Locus  Elapsed Minutes     Reads Processed      Reads/Minute",
                "         chr1:200000              0.2                3000             15000",
                "Traversal complete. Processed 6000 total reads in 1.0 minutes."), lines);
    }

    @Test
    void withAKnownTotalShowsPercentCompleteAndMinutesLeft() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter(10, 1_000_000, () -> now[0], lines::add);
        meter.start();
        now[0] = 30_000_000_000L;
        meter.update("chr1:250000", 5000, 250_000); // a quarter in half a minute: a minute and a half left
        now[0] = 60_000_000_000L;
        meter.update("chr1:500000", 5000, 250_000); // half in a minute: one minute left
        assertEquals(List.of(
                "       Current Locus  Elapsed Minutes     Reads Processed      Reads/Minute  % Complete  Minutes Left",
                "         chr1:250000              0.5                5000             10000        25.0           1.5",
                "         chr1:500000              1.0               10000             10000        50.0           1.0"),
                lines);
    }

    @Test
    void shardsDoneOutOfOrderCountAndNoEstimateBeforeEnoughWork() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter(10, 10_000_000, () -> now[0], lines::add);
        meter.start();
        now[0] = 12_000_000_000L;
        meter.done(100_000); // 1 % in 12 s: a row, but no estimate from start-up
        meter.update("chr1:100000", 1000);
        // on a cluster the first shard is slow: nine later ones complete before it is handed on
        for (int i = 0; i < 9; i++) {
            meter.done(1_000_000);
        }
        now[0] = 40_000_000_000L;
        meter.update("chr1:1000000", 1000); // at 40 s: 91 % done, not 2 %; enough for an estimate
        assertEquals(List.of(
                "       Current Locus  Elapsed Minutes     Reads Processed      Reads/Minute  % Complete  Minutes Left",
                "         chr1:100000              0.2                1000              5000         1.0             ?",
                "        chr1:1000000              0.7                2000              3000        91.0           0.1"),
                lines);
    }
}
