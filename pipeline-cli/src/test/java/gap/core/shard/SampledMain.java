package gap.core.shard;

import java.util.Arrays;

/**
 * Takes a number k and {@code gap}'s arguments, runs {@code gap} with the known-sites training sample lowered to k
 * calls per class: for tests, in a child JVM, where a genome small enough to test on must still be sampled. Not a
 * user flag: the package-private {@link StreamedOutputs#sampleSize} is set here.
 */
public final class SampledMain {
    private SampledMain() {}

    public static void main(String[] args) {
        StreamedOutputs.sampleSize = Integer.parseInt(args[0]);
        gap.cli.Main.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
