package gap.core.io;

import gap.core.model.CallSet;
import htsjdk.variant.vcf.VCFCompoundHeaderLine;
import java.nio.file.Path;
import gap.core.model.VariantCall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Takes a run's final calls (genome order), their INFO (and extra FORMAT) header lines and the reference dictionary, writes the calls
 * table at a target path. The CLI writes one Parquet file ({@link #SINGLE_FILE}); a cluster driver may write a
 * directory partitioned by contig of files in the same layout.
 */
public interface CallsTableWriter {
    /**
     * Bases per position bin of a partitioned table ({@code positionBin}): region predicates prune files; a genome
     * makes a few hundred of them. A streamed run's parts hold whole bins, so each bin's file is one part's.
     */
    int POSITION_BIN = 10_000_000;

    /**
     * Whether each part of a streamed run writes its own files of the table (a directory of partitions, this writer
     * then Serializable to run where the part is written), which are then moved into the table; else the table is
     * written in one pass over the parts' final calls.
     */
    default boolean partitioned() {
        return false;
    }

    /** One file, {@link ParquetSink#writeCalls}, written as the calls are read. */
    CallsTableWriter SINGLE_FILE = new CallsTableWriter() {
        @Override
        public void write(Path target, Collection<? extends VCFCompoundHeaderLine> headerLines,
                          ReferenceDictionary dictionary, CallSet callSet) {
            ParquetSink.writeCalls(target, headerLines, dictionary, callSet);
        }

        @Override
        public void write(Path target, Collection<? extends VCFCompoundHeaderLine> headerLines,
                          ReferenceDictionary dictionary, List<String> sampleIds, Iterable<VariantCall> calls) {
            ParquetSink.writeCalls(target, headerLines, dictionary, sampleIds, calls);
        }
    };

    /** {@code headerLines}: the INFO lines, and the FORMAT lines of fields beyond Glow's standard set and DNQ. */
    void write(Path target, Collection<? extends VCFCompoundHeaderLine> headerLines, ReferenceDictionary dictionary,
               CallSet callSet);

    /**
     * As {@link #write(Path, Collection, ReferenceDictionary, CallSet)}, the calls given as an iterable read once
     * (a spill file). By default they are gathered into a call set first; a writer that streams overrides it.
     */
    default void write(Path target, Collection<? extends VCFCompoundHeaderLine> headerLines,
                       ReferenceDictionary dictionary, List<String> sampleIds, Iterable<VariantCall> calls) {
        List<VariantCall> all = new ArrayList<>();
        calls.forEach(all::add);
        write(target, headerLines, dictionary, new CallSet(sampleIds, all));
    }
}
