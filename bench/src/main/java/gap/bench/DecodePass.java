package gap.bench;

import gap.core.calling.CallingParameters;
import gap.core.io.InputValidator;
import gap.core.model.Shard;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.ShardPlanner;
import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SamInputResource;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Takes a reference and a BAM, gives the decode floor: every record decoded with htsjdk, folded into a checksum. */
public final class DecodePass {

    /** Records decoded (shard paddings re-read, as the caller does), records owned by a shard, and the checksum. */
    public record Result(long decoded, long owned, long checksum) {
        Result plus(Result o) {
            return new Result(decoded + o.decoded, owned + o.owned, checksum * 0x9E3779B97F4A7C15L + o.checksum);
        }
    }

    private DecodePass() {}

    /** {@code decode -R ref.fa -I reads.bam [--threads N] [--sequential]} */
    public static void main(String[] args) {
        Map<String, String> a = parse(args, Map.of("--threads", "1", "--sequential", "false"));
        Path reference = Path.of(require(a, "-R"));
        Path reads = Path.of(require(a, "-I"));
        int threads = Integer.parseInt(a.get("--threads"));
        boolean sequential = Boolean.parseBoolean(a.get("--sequential"));
        if (threads < 1 || (sequential && threads != 1)) {
            throw usage("--threads must be positive, and 1 with --sequential");
        }
        quiet();
        long t0 = System.nanoTime();
        Result r = sequential ? sequential(reference, reads) : tiled(reference, reads, threads);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT,
                "decode %s %s threads=%d: %d records decoded, %d owned, checksum %016x, %.3f s%n", reads.getFileName(),
                sequential ? "sequential" : "tiled", threads, r.decoded(), r.owned(), r.checksum(), s);
    }

    /** One pass over the whole file, unmapped records included. */
    public static Result sequential(Path reference, Path reads) {
        long n = 0;
        long h = 0;
        try (SamReader reader = open(reference, reads, null)) {
            for (SAMRecord rec : reader) {
                h = h * 0x100000001B3L + fold(rec);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(n, n, h);
    }

    /**
     * The caller's read access: the same shards (default size and padding), the same executor, one reader per
     * thread, each shard an index query over its padded span. A record counts as owned where its start lies in the
     * shard, as the caller's read tally does.
     */
    public static Result tiled(Path reference, Path reads, int threads) {
        SAMSequenceDictionary dictionary = InputValidator.checkReference(reference);
        Path index = InputValidator.checkReads(reads, reference, dictionary).index();
        List<Shard> shards = ShardPlanner.planFor(dictionary, List.of(), threads,
                CallingParameters.defaults().shardPadding());
        Result[] total = {new Result(0, 0, 0)};
        new LocalShardExecutor(threads).forEachInOrder(shards, () -> open(reference, reads, index),
                reader -> shard -> decodeShard(reader, shard), r -> total[0] = total[0].plus(r));
        return total[0];
    }

    private static Result decodeShard(SamReader reader, Shard shard) {
        long n = 0;
        long owned = 0;
        long h = 0;
        try (SAMRecordIterator it = reader.queryOverlapping(shard.contig(), shard.paddedStart(), shard.paddedEnd())) {
            while (it.hasNext()) {
                SAMRecord rec = it.next();
                h = h * 0x100000001B3L + fold(rec);
                n++;
                if (shard.owns(rec.getAlignmentStart())) {
                    owned++;
                }
            }
        }
        return new Result(n, owned, h);
    }

    /**
     * Every field the caller reads: name, flags, start, end, CIGAR, bases, qualities, MAPQ. Arrays are summed, not
     * hashed, so the fold costs little beside the decode it forces (a chained multiply per byte would not).
     */
    static long fold(SAMRecord rec) {
        String name = rec.getReadName();
        long h = name.length() * 131L + name.charAt(name.length() - 1);
        h = h * 31 + rec.getFlags();
        h = h * 31 + rec.getAlignmentStart();
        h = h * 31 + rec.getAlignmentEnd();
        h = h * 31 + rec.getMappingQuality();
        Cigar cigar = rec.getCigar();
        for (int i = 0, n = cigar.numCigarElements(); i < n; i++) {
            CigarElement e = cigar.getCigarElement(i);
            h = h * 31 + e.getOperator().ordinal() * 1_000_003L + e.getLength();
        }
        int bases = 0;
        for (byte b : rec.getReadBases()) {
            bases += b;
        }
        int quals = 0;
        for (byte q : rec.getBaseQualities()) {
            quals += q;
        }
        return h * 31 + bases * 65_537L + quals;
    }

    private static SamReader open(Path reference, Path reads, Path index) {
        SamReaderFactory factory = SamReaderFactory.makeDefault()
                .validationStringency(ValidationStringency.SILENT)
                .referenceSequence(reference);
        SamInputResource in = SamInputResource.of(reads);
        return factory.open(index == null ? in : in.index(index));
    }

    /** Log4j2 at WARN (no progress lines) and htsjdk's own log at ERROR, as the CLI sets it. */
    static void quiet() {
        htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
        org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.WARN);
    }

    /** {@code -X value} pairs and {@code --flag}s (value "true" when {@code defaults} says "false") over defaults. */
    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> out = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("-")) {
                throw usage("unexpected argument '" + key + "'");
            }
            if ("false".equals(defaults.get(key))) {
                out.put(key, "true");
            } else if (i + 1 < args.length) {
                out.put(key, args[++i]);
            } else {
                throw usage(key + " needs a value");
            }
        }
        return out;
    }

    static String require(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw usage(key + " is required");
        }
        return v;
    }

    static IllegalArgumentException usage(String message) {
        return new IllegalArgumentException(message + "; usage: decode|steady|post -R ref.fa -I reads.bam"
                + " (decode: [--threads N] [--sequential]; steady: [--threads N[,M...]] [--warmup 3] [--runs 5];"
                + " post: [--copies 1000])");
    }
}
