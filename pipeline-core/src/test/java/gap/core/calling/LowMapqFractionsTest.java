package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import gap.core.model.AlignedRead;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MQ0F and LMQF on hand-made reads, each fraction worked out by hand. */
class LowMapqFractionsTest {
    private static final VariantCall CALL = new VariantCall("chr1", 105, List.of("C", "T"), 50, Filters.PASS,
            Map.of("DP", 10), new Genotype(0, 1, 40, List.of(400, 0, 400), List.of(5, 5), 10));

    private static List<AlignedRead> reads(String prefix, int... mapqs) {
        List<AlignedRead> out = new ArrayList<>();
        for (int i = 0; i < mapqs.length; i++) {
            out.add(AlignedRead.of(prefix + i, 100, "10M", "ACGTACGTAC", 30, mapqs[i]));
        }
        return out;
    }

    @Test
    void theDroppedReadsCountWithTheKeptOnes() {
        // kept: 10 reads at MAPQ 60; dropped: 3 at MAPQ 0 and 2 at MAPQ 10, so 3/15 and 5/15 of 15 reads
        Map<String, Object> info = LowMapqFractions.annotate(CALL, List.of(reads("k", 60, 60, 60, 60, 60, 60, 60, 60,
                60, 60)), List.of(reads("l", 0, 0, 0, 10, 10))).info();
        assertEquals(0.2, info.get(InfoField.MQ0F.key()));
        assertEquals(0.333, info.get(InfoField.LMQF.key())); // 0.3333 to the field's 3 decimals
        assertEquals(10, info.get("DP")); // the call's other annotations stay
    }

    @Test
    void everySampleCountsAndTheThresholdIsAFixedMapqNotTheRunsMinimum() {
        // a run with minimum MAPQ 0 keeps MAPQ 0 and 19 reads; one with minimum 30 drops MAPQ 25 reads: MAPQ 0 is
        // counted wherever the read is, 19 is low, 20 and 25 are not, 255 (unavailable) is neither
        List<List<AlignedRead>> kept = List.of(reads("a", 0, 19, 20, 60), reads("b", 255, 60));
        List<List<AlignedRead>> dropped = List.of(reads("c", 25), reads("d", 0));
        Map<String, Object> info = LowMapqFractions.annotate(CALL, kept, dropped).info();
        assertEquals(0.25, info.get(InfoField.MQ0F.key())); // 2 of 8
        assertEquals(0.375, info.get(InfoField.LMQF.key())); // 0, 19 and 0: 3 of 8 (25 and 255 are not low)
    }

    @Test
    void noReadsLeaveTheCallAsItIs() {
        assertSame(CALL, LowMapqFractions.annotate(CALL, List.of(List.of()), List.of(List.of())));
    }

    @Test
    void aSiteOfOnlyWellPlacedReadsIsZero() {
        Map<String, Object> info = LowMapqFractions.annotate(CALL, List.of(reads("k", 60, 42)), List.of(List.of()))
                .info();
        assertEquals(0.0, info.get(InfoField.MQ0F.key()));
        assertEquals(0.0, info.get(InfoField.LMQF.key()));
    }
}
