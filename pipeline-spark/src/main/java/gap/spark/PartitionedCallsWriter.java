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
final class PartitionedCallsWriter implements CallsTableWriter {
    /** Bases per position bin: region predicates prune files; a genome makes a few hundred of them. */
    static final int POSITION_BIN = 10_000_000;
    static final String FILE_NAME = "part-00000.parquet";
    /** The path's contig key: the contig's name, as {@code contigName} holds it in the files. */
    static final String PARTITION_CONTIG = "contig";

    @Override
    public void write(Path target, Collection<? extends VCFCompoundHeaderLine> infoLines,
                      ReferenceDictionary dictionary, CallSet callSet) {
        Map<String, List<VariantCall>> byPartition = new LinkedHashMap<>();
        for (VariantCall call : callSet.calls()) {
            String partition = PARTITION_CONTIG + "=" + escape(call.contig()) + "/positionBin=" + bin(call);
            byPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(call);
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
