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
        ProgressMeter meter = new ProgressMeter(10, () -> now[0], lines::add);
        meter.start();
        now[0] = 4_000_000_000L;
        meter.update("chr1:100000", 1000); // 4 s: too soon for a row
        now[0] = 12_000_000_000L;
        meter.update("chr1:200000", 2000); // 12 s: a row, 3000 reads in 0.2 minutes
        now[0] = 15_000_000_000L;
        meter.update("chr1:300000", 3000);
        now[0] = 60_000_000_000L;
        meter.stop();
        assertEquals(List.of(
                "       Current Locus  Elapsed Minutes     Reads Processed      Reads/Minute",
                "         chr1:200000              0.2                3000             15000",
                "Traversal complete. Processed 6000 total reads in 1.0 minutes."), lines);
    }
}
