package gap.spark;

import gap.core.UserException;
import gap.core.io.CallsTableWriter;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.model.CallSet;
import gap.core.model.VariantCall;
import htsjdk.variant.vcf.VCFCompoundHeaderLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a run's final calls, writes {@code calls.parquet} as a directory partitioned the Hive way Spark SQL, DuckDB
 * ({@code hive_partitioning}) and pyarrow datasets read: {@code contig=<contig>/positionBin=<start / 10 Mb>/part-00000.parquet},
 * each file written by core's {@link ParquetSink#writeCalls} (so rows, columns, types and metadata are the CLI's)
 * holding that bin's calls in genome order. The partition keys are no data column: a key that is also a column of
 * the files ({@code contigName}, as before) makes pyarrow and pandas refuse the directory, and a contig name made
 * of digits would be typed a number from the path. Contigs shorter than a bin have one bin, 0. A run without calls
 * writes one empty file, no partitions, so the schema is still there. Names are deterministic: the same calls give
 * the same directory.
 */
final class PartitionedCallsWriter implements CallsTableWriter, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Bases per position bin: region predicates prune files; a genome makes a few hundred of them. */
    static final int POSITION_BIN = CallsTableWriter.POSITION_BIN;
    static final String FILE_NAME = "part-00000.parquet";
    /** The path's contig key: the contig's name, as {@code contigName} holds it in the files. */
    static final String PARTITION_CONTIG = "contig";

    /** A streamed run's parts each write their bins' files where they run; the driver moves them in. */
    @Override
    public boolean partitioned() {
        return true;
    }

    @Override
    public void write(Path target, Collection<? extends VCFCompoundHeaderLine> infoLines,
                      ReferenceDictionary dictionary, CallSet callSet) {
        Map<String, List<VariantCall>> byPartition = new LinkedHashMap<>();
        for (VariantCall call : callSet.calls()) {
            byPartition.computeIfAbsent(partition(call), p -> new ArrayList<>()).add(call);
        }
        createDirectories(target);
        if (byPartition.isEmpty()) {
            ParquetSink.writeCalls(target.resolve(FILE_NAME), infoLines, dictionary, callSet);
            return;
        }
        for (Map.Entry<String, List<VariantCall>> p : byPartition.entrySet()) {
            createDirectories(target.resolve(p.getKey()));
            ParquetSink.writeCalls(target.resolve(p.getKey()).resolve(FILE_NAME), infoLines, dictionary,
                    new CallSet(callSet.sampleIds(), p.getValue()));
        }
    }

    /**
     * As above, the calls read once as they are written (a spill file of the run's final calls): genome order puts
     * each partition's calls together, so one partition's file is written at a time and the driver holds none.
     */
    @Override
    public void write(Path target, Collection<? extends VCFCompoundHeaderLine> infoLines,
                      ReferenceDictionary dictionary, List<String> sampleIds, Iterable<VariantCall> calls) {
        createDirectories(target);
        Peeking next = new Peeking(calls.iterator());
        if (!next.hasNext()) {
            ParquetSink.writeCalls(target.resolve(FILE_NAME), infoLines, dictionary, sampleIds, List.of());
            return;
        }
        java.util.Set<String> written = new java.util.HashSet<>();
        while (next.hasNext()) {
            String partition = partition(next.peek());
            if (!written.add(partition)) {
                throw new IllegalStateException("the calls are not in genome order: partition " + partition
                        + " came twice");
            }
            createDirectories(target.resolve(partition));
            ParquetSink.writeCalls(target.resolve(partition).resolve(FILE_NAME), infoLines, dictionary, sampleIds,
                    () -> new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return next.hasNext() && partition(next.peek()).equals(partition);
                        }

                        @Override
                        public VariantCall next() {
                            return next.next();
                        }
                    });
        }
    }

    /** A call's partition path: its contig's and its position bin's keys. */
    private static String partition(VariantCall call) {
        return PARTITION_CONTIG + "=" + escape(call.contig()) + "/positionBin=" + bin(call);
    }

    /** An iterator that can look at its next element without taking it. */
    private static final class Peeking implements java.util.Iterator<VariantCall> {
        private final java.util.Iterator<VariantCall> in;
        private VariantCall peeked;

        Peeking(java.util.Iterator<VariantCall> in) {
            this.in = in;
        }

        VariantCall peek() {
            if (peeked == null) {
                peeked = in.next();
            }
            return peeked;
        }

        @Override
        public boolean hasNext() {
            return peeked != null || in.hasNext();
        }

        @Override
        public VariantCall next() {
            VariantCall call = peek();
            peeked = null;
            return call;
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException("calls.parquet could not be created (" + e.getClass().getSimpleName()
                    + "): check that the output directory is writable", e);
        }
    }

    /** The bin of a call's 0-based start, Glow's {@code start} column. */
    static long bin(VariantCall call) {
        return (call.position() - 1L) / POSITION_BIN;
    }

    /**
     * A partition value as Spark writes it in a path (as its {@code escapePathName} does): characters that paths or
     * Hive reserve, such as GRCh38's {@code HLA-A*01:01:01:01}, become {@code %XX}, which Spark decodes on reading.
     */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
