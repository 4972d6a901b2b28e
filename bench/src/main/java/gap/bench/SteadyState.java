package gap.bench;

import gap.core.calling.CallingParameters;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceSource;
import gap.core.io.VcfSink;
import gap.core.model.Shard;
import gap.core.privacy.LabKeys;
import gap.core.shard.CallOptions;
import gap.core.shard.CallPreparation;
import gap.core.shard.CallRequest;
import gap.core.shard.CallingPipeline;
import gap.core.shard.CallingRun;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.ProgressMeter;
import gap.core.shard.ShardPlanner;
import htsjdk.samtools.SAMSequenceDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Takes a reference and a BAM, gives in-JVM steady-state throughput (medians after warm-up) of calling (the pipeline
 * into a VCF), of the whole run {@code gap call} makes (calling, scoring, VCF, Parquet and QC files) and of decoding.
 */
public final class SteadyState {

    /** Every task's result folded in and printed, so the JIT cannot drop the work. */
    private static long fold;
    /** Each task's first run, JIT cold (when there is a warm-up). */
    private static double[] cold;

    private SteadyState() {}

    /**
     * {@code decode ...} (see {@link DecodePass}), {@code post ...} (see {@link PostCalling}) or
     * {@code steady -R ref.fa -I reads.bam [--threads N[,M...]] [--warmup 3] [--runs 5] [--cnv-panel panel.parquet]};
     * several thread counts are measured in one interleaved run, and each against the first; with a panel of normals,
     * the whole run with copy number ({@code gap call --cnv-panel}) too, against the whole run without.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !List.of("decode", "steady", "post").contains(args[0])) {
            System.err.println(DecodePass.usage("a command is required").getMessage());
            System.exit(1);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (args[0]) {
                case "decode" -> DecodePass.main(rest);
                case "post" -> PostCalling.main(rest);
                default -> steady(rest);
            }
        } catch (IllegalArgumentException | gap.core.UserException e) {
            System.err.println("gap-bench: " + e.getMessage());
            System.exit(e instanceof gap.core.UserException ? 2 : 1);
        }
    }

    static void steady(String[] args) throws IOException {
        Map<String, String> a = DecodePass.parse(args, Map.of("--threads", "1", "--warmup", "3", "--runs", "5",
                "--cnv-panel", ""));
        Path panel = a.get("--cnv-panel").isEmpty() ? null : Path.of(a.get("--cnv-panel"));
        Path reference = Path.of(DecodePass.require(a, "-R"));
        Path reads = Path.of(DecodePass.require(a, "-I"));
        int[] threadCounts = Arrays.stream(a.get("--threads").split(",")).mapToInt(Integer::parseInt).toArray();
        int warmup = Integer.parseInt(a.get("--warmup"));
        int runs = Integer.parseInt(a.get("--runs"));
        if (Arrays.stream(threadCounts).anyMatch(t -> t < 1) || warmup < 0 || runs < 1) {
            throw DecodePass.usage("--threads and --runs must be positive, --warmup not negative");
        }
        DecodePass.quiet();
        SAMSequenceDictionary dictionary = InputValidator.checkReference(reference);
        double megabases = dictionary.getReferenceLength() / 1e6;
        Path tmp = Files.createTempDirectory("gap-bench-");
        try {
            long[] reads1 = {0};
            long[] owned = {0};
            LabKeys keys = LabKeys.create(tmp.resolve("bench.p12"), "bench-only".toCharArray());
            Path out = tmp.resolve("out");
            // every thread count's three tasks in one interleaved round, so a burst of other load falls on all
            List<LongSupplier> tasks = new ArrayList<>();
            int perThreads = panel == null ? 3 : 4;
            for (int threads : threadCounts) {
                tasks.add(() -> {
                    CallingPipeline.Summary s = call(reference, reads, tmp, threads);
                    reads1[0] = s.readCounts().seen();
                    return s.calls();
                });
                tasks.add(() -> whole(reference, reads, out, threads, keys));
                tasks.add(() -> {
                    DecodePass.Result r = DecodePass.tiled(reference, reads, threads);
                    owned[0] = r.owned();
                    return r.checksum();
                });
                if (panel != null) {
                    tasks.add(() -> whole(reference, reads, out, threads, keys, panel));
                }
            }
            double[][] seconds = measure(warmup, runs, tasks);
            for (int k = 0; k < threadCounts.length; k++) {
                int c = perThreads * k;
                System.out.println(String.format(Locale.ROOT,
                        "steady %s threads=%d warmup=%d runs=%d (%.3f Mb reference):", reads.getFileName(),
                        threadCounts[k], warmup, runs, megabases));
                System.out.println(line("call  ", seconds[c], cold[c], reads1[0], megabases));
                System.out.println(line("whole ", seconds[c + 1], cold[c + 1], reads1[0], megabases));
                System.out.println(line("decode", seconds[c + 2], cold[c + 2], owned[0], megabases));
                System.out.printf(Locale.ROOT, "  call/decode = %.2f (medians), %.2f (minima); whole/decode = %.2f,"
                        + " %.2f%n", ratio(seconds[c], seconds[c + 2]), minRatio(seconds[c], seconds[c + 2]),
                        ratio(seconds[c + 1], seconds[c + 2]), minRatio(seconds[c + 1], seconds[c + 2]));
                if (panel != null) {
                    System.out.println(line("whole+cnv", seconds[c + 3], cold[c + 3], reads1[0], megabases));
                    System.out.printf(Locale.ROOT, "  whole with copy number / whole = %.3f (medians), %.3f"
                            + " (minima)%n", ratio(seconds[c + 3], seconds[c + 1]),
                            minRatio(seconds[c + 3], seconds[c + 1]));
                }
                if (k > 0) {
                    System.out.printf(Locale.ROOT, "  speedup over threads=%d (medians; minima): call %.2f; %.2f,"
                            + " whole %.2f; %.2f, decode %.2f; %.2f%n", threadCounts[0],
                            ratio(seconds[0], seconds[c]), minRatio(seconds[0], seconds[c]),
                            ratio(seconds[1], seconds[c + 1]), minRatio(seconds[1], seconds[c + 1]),
                            ratio(seconds[2], seconds[c + 2]), minRatio(seconds[2], seconds[c + 2]));
                }
            }
            System.out.printf("  [fold %x]%n", fold);
        } finally {
            deleteTree(tmp);
        }
    }

    private static double ratio(double[] a, double[] b) {
        return median(a) / median(b);
    }

    private static double minRatio(double[] a, double[] b) {
        return min(a) / min(b);
    }

    /**
     * What {@code gap call} does after parsing its options (CallCommand.call): check the inputs, plan the shards,
     * run the pipeline into a VCF sink, commit. Output goes to {@code dir} and is deleted afterwards.
     */
    static CallingPipeline.Summary call(Path reference, Path input, Path dir, int threads) {
        CallingParameters params = CallingParameters.load(Map.of());
        InputValidator.requireFile(reference, "reference");
        InputValidator.requireFile(input, "reads file");
        SAMSequenceDictionary dictionary = InputValidator.checkReference(reference);
        Path index = InputValidator.checkReads(input, reference, dictionary).index();
        List<Shard> shards = ShardPlanner.planFor(dictionary, List.of(), threads,
                params.shardPadding());
        InputValidator.checkOutputDirectory(dir);
        Path vcf = dir.resolve("bench.vcf.gz");
        CallingPipeline.Inputs inputs = new CallingPipeline.Inputs(reference, input, index);
        CallingPipeline.Summary summary;
        try (VcfSink sink = new VcfSink(vcf, dictionary, "SAMPLE", new VcfSink.Reference(reference.getFileName().toString(), ReferenceSource.md5(reference)),
                params.lowQual())) {
            summary = CallingPipeline.run(inputs, params, shards, new LocalShardExecutor(threads), sink::add,
                    new ProgressMeter(10));
            sink.commit();
        }
        deleteTree(dir, false);
        return summary;
    }

    /**
     * What {@code gap call -I input} does after parsing its options and opening the keys: {@link CallPreparation}
     * (check the inputs, pseudonymise the sample) and {@link CallingRun#run} (plan the shards, call, score, the VCF,
     * calls.parquet and samples.parquet, the QC files). Output goes to {@code dir} and is deleted afterwards. Gives the
     * size of the VCF, folded in.
     */
    static long whole(Path reference, Path input, Path dir, int threads, LabKeys keys) {
        return whole(reference, input, dir, threads, keys, null);
    }

    /** As above, with copy number against {@code panel} when not null ({@code gap call --cnv-panel}). */
    static long whole(Path reference, Path input, Path dir, int threads, LabKeys keys, Path panel) {
        CallRequest request = CallPreparation.prepare(CallOptions.of(reference, dir, () -> keys)
                .withInputs(List.of(input)).withCnvPanel(panel));
        CallingRun.run(request, new LocalShardExecutor(threads));
        long size;
        try {
            size = Files.size(dir.resolve(request.samples().callSetId() + ".vcf.gz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deleteTree(dir, true);
        return size;
    }

    /**
     * Runs the tasks in turn, {@code warmup} rounds, then {@code runs} timed rounds; interleaved so that a burst of
     * other load on the machine slows both alike. Gives each task's wall seconds per timed round.
     */
    private static double[][] measure(int warmup, int runs, List<LongSupplier> tasks) {
        double[][] seconds = new double[tasks.size()][runs];
        cold = new double[tasks.size()];
        for (int round = -warmup; round < runs; round++) {
            for (int t = 0; t < tasks.size(); t++) {
                long t0 = System.nanoTime();
                fold = fold * 31 + tasks.get(t).getAsLong();
                double s = (System.nanoTime() - t0) / 1e9;
                if (round == -warmup) {
                    cold[t] = s;
                }
                if (round >= 0) {
                    seconds[t][round] = s;
                }
            }
        }
        return seconds;
    }

    private static String line(String what, double[] seconds, double cold, long reads, double megabases) {
        double med = median(seconds);
        double min = min(seconds);
        double max = Arrays.stream(seconds).max().orElseThrow();
        return String.format(Locale.ROOT,
                "  %s median %.3f s (%.3f-%.3f)  %,d reads  %,.0f reads/s  %.3f Mb/s  (first, cold run %.3f s)", what,
                med, min, max, reads, reads / med, megabases / med, cold);
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElseThrow();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static void deleteTree(Path dir) {
        deleteTree(dir, true);
    }

    static void deleteTree(Path dir, boolean self) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (self || !p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
