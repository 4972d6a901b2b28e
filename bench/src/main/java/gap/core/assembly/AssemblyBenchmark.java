package gap.core.assembly;

import gap.core.model.AlignedRead;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Takes a 100 bp active region (300 bp with its padding) at 30x of 150 bp reads carrying a 40 bp insertion half of them soft-clip, gives the time to
 * assemble it (graph, pruning, k escalation, paths, realignment). Run: ... org.openjdk.jmh.Main Assembly
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AssemblyBenchmark {
    private final LocalAssembler assembler = new LocalAssembler(
            gap.core.calling.CallingParameters.defaults().assemblySettings());
    private RefWindow ref;
    private List<AlignedRead> reads;

    @Setup
    public void setUp() {
        Random random = new Random(7);
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < 800; i++) {
            r.append("ACGT".charAt(random.nextInt(4)));
        }
        ref = RefWindow.of("c", 1, r.toString());
        String ins = r.substring(600, 640);
        int cut = 400;
        String hap = r.substring(0, cut) + ins + r.substring(cut);
        reads = new ArrayList<>();
        for (int start = 100; start < 600; start += 10) { // 30x of 150 bp reads, both haplotypes
            boolean alt = (start / 10) % 2 == 0;
            String seq = (alt ? hap : r.toString()).substring(start, start + 150);
            String cigar = "150M";
            if (alt && start < cut && start + 150 > cut) {
                int aligned = cut - start;
                cigar = aligned + "M" + (150 - aligned) + "S";
            }
            reads.add(AlignedRead.of("r" + start, start + 1, cigar, seq, 32, 60));
        }
    }

    @Benchmark
    public int assemble() {
        return assembler.assemble(new ActivityProfile.Region(350, 450), reads, ref).haplotypes().size();
    }
}
