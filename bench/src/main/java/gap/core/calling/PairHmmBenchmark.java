package gap.core.calling;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Takes a read and a haplotype of the sizes the caller aligns (a 1 bp indel site's window; a long deletion's), gives
 * the pair-HMM's time per alignment. Run: java -cp bench/target/gap-bench.jar org.openjdk.jmh.Main PairHmm
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PairHmmBenchmark {
    /** Read bases over the window and haplotype length: a typical indel site, and a 120 bp deletion's. */
    @Param({"61:83", "190:230"})
    public String shape;

    private final PairHmm hmm = new PairHmm();
    private byte[] read;
    private byte[] quals;
    private byte[] hap;

    @Setup
    public void setUp() {
        String[] s = shape.split(":");
        int m = Integer.parseInt(s[0]);
        int n = Integer.parseInt(s[1]);
        Random random = new Random(42);
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < n; i++) {
            h.append("ACGT".charAt(random.nextInt(4)));
        }
        hap = h.toString().getBytes(StandardCharsets.US_ASCII);
        read = Arrays.copyOfRange(hap, (n - m) / 2, (n - m) / 2 + m);
        read[m / 2] = read[m / 2] == 'A' ? (byte) 'C' : (byte) 'A';
        quals = new byte[m];
        Arrays.fill(quals, (byte) 32);
    }

    @Benchmark
    public double align() {
        return hmm.log10Likelihood(read, quals, hap, 1e-4, 0.1, 1.0 / hap.length);
    }
}
