package gap.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.calling.CallingParameters;
import gap.core.io.InputValidator;
import gap.core.model.Shard;
import gap.core.model.VariantCall;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calls do not depend on where shards begin: shard ends placed on hard cases of the slice (inside a deletion, at a
 * multi-allelic site, between the SNVs of the 4 bp pair) give exactly the calls of one shard over everything.
 */
class ShardBoundaryTest {
    private static final CallingParameters PARAMS = CallingParameters.defaults();

    @ParameterizedTest(name = "{0} cut at {1}")
    @CsvSource({
            // trio1_father het TA>T at 263624 in a T homopolymer: end at the anchor, inside the deleted base
            "trio1_child.bam, 263624 263625",
            // 1|2 multi-allelic SNV at 249581 (child T|G): shards ending just before and at it
            "trio1_child.bam, 249580 249581",
            // the 4 bp cis SNV pair 261687/261691: cut between them, and at each
            "trio1_child.bam, 261687 261689 261690",
            // de novo GTT>G at 281996: inside the deletion
            "trio1_child.bam, 281996 281997",
            // hard1 66 bp deletion at 247292 and a 22 bp tandem-duplication insertion at 146308
            "hard1_proband_15x.bam, 146308 146320 247292 247300 247330",
    })
    void boundariesInsideHardCasesChangeNothing(String bam, String cuts) {
        Path ref = SampleData.file("ref.fa");
        Path reads = SampleData.file(bam);
        Path index = InputValidator.checkReads(reads, ref, InputValidator.checkReference(ref)).index();
        CallingPipeline.Inputs inputs = new CallingPipeline.Inputs(ref, reads, index);
        int from = 140_001;
        int to = 290_000;

        List<VariantCall> whole = calls(inputs, List.of(new Shard(0, "chr22_20_21M", from, to, PARAMS.shardPadding())));
        List<Shard> pieces = new ArrayList<>();
        int start = from;
        for (String cut : cuts.split(" ")) {
            int end = Integer.parseInt(cut);
            pieces.add(new Shard(pieces.size(), "chr22_20_21M", start, end, PARAMS.shardPadding()));
            start = end + 1;
        }
        pieces.add(new Shard(pieces.size(), "chr22_20_21M", start, to, PARAMS.shardPadding()));

        assertTrue(whole.size() > 20, "the stretch holds calls");
        assertEquals(whole, calls(inputs, pieces));
    }

    private static List<VariantCall> calls(CallingPipeline.Inputs inputs, List<Shard> shards) {
        List<VariantCall> out = new ArrayList<>();
        try (ShardRunner runner = CallingPipeline.openRunner(inputs, PARAMS)) {
            for (Shard shard : shards) {
                out.addAll(runner.run(shard).calls());
            }
        }
        return out;
    }
}
