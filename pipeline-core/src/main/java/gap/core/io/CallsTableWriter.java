package gap.core.io;

import gap.core.model.CallSet;
import htsjdk.variant.vcf.VCFCompoundHeaderLine;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Takes a run's final calls (genome order), their INFO (and extra FORMAT) header lines and the reference dictionary, writes the calls
 * table at a target path. The CLI writes one Parquet file ({@link #SINGLE_FILE}); a cluster driver may write a
 * directory partitioned by contig of files in the same layout.
 */
@FunctionalInterface
public interface CallsTableWriter {
    /** One file, {@link ParquetSink#writeCalls}. */
    CallsTableWriter SINGLE_FILE = ParquetSink::writeCalls;

    /** {@code headerLines}: the INFO lines, and the FORMAT lines of fields beyond Glow's standard set and DNQ. */
    void write(Path target, Collection<? extends VCFCompoundHeaderLine> headerLines, ReferenceDictionary dictionary,
               CallSet callSet);
}
