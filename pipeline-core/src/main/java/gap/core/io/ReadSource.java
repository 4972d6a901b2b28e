package gap.core.io;

import gap.core.UserException;
import gap.core.model.AlignedRead;
import gap.core.model.ReadCounts;
import gap.core.model.Shard;
import htsjdk.samtools.Cigar;
import htsjdk.samtools.CigarElement;
import htsjdk.samtools.CigarOperator;
import htsjdk.samtools.SAMException;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMRecordIterator;
import htsjdk.samtools.SamInputResource;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes an indexed BAM or CRAM, gives the filtered reads of a shard. One per thread: a {@link SamReader} is not
 * thread-safe. Records are read in SILENT validation (STRICT rejects ordinary aligner quirks); what matters is
 * checked here: coordinate order, and decodability, reported without quoting htsjdk's messages, which can contain
 * header lines and so patient identifiers.
 */
public final class ReadSource implements AutoCloseable {
    /** Quality given to every base of a read stored without qualities (SAM QUAL '*'). */
    static final byte MISSING_BASE_QUALITY = 20;

    private final Path path;
    private final SamReader reader;
    private final ReadFilters filters;

    public ReadSource(Path path, Path index, Path reference, ReadFilters filters) {
        this.path = path;
        this.filters = filters;
        SamReaderFactory factory = SamReaderFactory.makeDefault()
                .validationStringency(ValidationStringency.SILENT)
                .referenceSequence(reference);
        this.reader = factory.open(SamInputResource.of(path).index(index));
    }

    /**
     * Sees each record a shard owns (its alignment start lies in the shard, so every record is seen by exactly one
     * shard) with the filters' verdict: how depth is counted per bin in the pass that calls.
     */
    public interface Observer {
        void owned(int alignmentStart, int mappingQuality, ReadCounts.Reason reason);
    }

    /** The reads overlapping {@code [shard.paddedStart, shard.paddedEnd]} that pass the filters, in file order. */
    public ShardReads query(Shard shard) {
        return query(shard, null);
    }

    /** As {@link #query(Shard)}, showing every owned record to {@code observer} (may be null). */
    public ShardReads query(Shard shard, Observer observer) {
        return query(shard, observer, false);
    }

    /**
     * As {@link #query(Shard, Observer)}; with {@code lowMappingQuality}, the reads that fail only the mapping
     * quality filter (an available MAPQ below the minimum) are returned too, apart ({@link ShardReads#lowMapq}): they
     * are counted as filtered all the same.
     */
    public ShardReads query(Shard shard, Observer observer, boolean lowMappingQuality) {
        List<AlignedRead> kept = new ArrayList<>();
        List<AlignedRead> low = new ArrayList<>();
        ReadCounts.Tally tally = new ReadCounts.Tally();
        int previousStart = 0;
        try (SAMRecordIterator it = reader.queryOverlapping(shard.contig(), shard.paddedStart(), shard.paddedEnd())) {
            while (it.hasNext()) {
                SAMRecord rec = it.next();
                int start = rec.getAlignmentStart();
                if (start < previousStart) {
                    throw new UserException(path.getFileName() + " is not coordinate-sorted (records out of order near "
                            + shard.contig() + ":" + previousStart + "): sort it with 'samtools sort' and index it");
                }
                previousStart = start;
                ReadCounts.Reason reason = filters.test(rec);
                if (shard.owns(start)) {
                    tally.add(reason);
                    if (observer != null) {
                        observer.owned(start, rec.getMappingQuality(), reason);
                    }
                }
                if (reason == ReadCounts.Reason.PASS) {
                    kept.add(toAlignedRead(rec));
                } else if (lowMappingQuality && reason == ReadCounts.Reason.LOW_MAPPING_QUALITY
                        && rec.getMappingQuality() != 255) {
                    low.add(toAlignedRead(rec));
                }
            }
        } catch (SAMException e) {
            throw new UserException(path.getFileName() + " could not be decoded in " + shard
                    + ": the file may be corrupt; check it with 'samtools quickcheck' or re-create it", e);
        }
        return new ShardReads(kept, tally.toCounts(), low);
    }

    static AlignedRead toAlignedRead(SAMRecord rec) {
        Cigar cigar = rec.getCigar();
        int n = cigar.numCigarElements();
        byte[] ops = new byte[n];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            CigarElement e = cigar.getCigarElement(i);
            ops[i] = (byte) CigarOperator.enumToCharacter(e.getOperator());
            lengths[i] = e.getLength();
        }
        byte[] bases = rec.getReadBases();
        for (int i = 0; i < bases.length; i++) {
            byte b = bases[i];
            bases[i] = (b >= 'a' && b <= 'z') ? (byte) (b - 32) : b;
        }
        byte[] quals = rec.getBaseQualities();
        if (quals.length != bases.length) {
            // QUAL '*': the aligner or simulator stored none. Use a modest quality rather than drop the read.
            quals = new byte[bases.length];
            java.util.Arrays.fill(quals, MISSING_BASE_QUALITY);
        }
        return new AlignedRead(rec.getReadName(), rec.getAlignmentStart(), rec.getAlignmentEnd(), bases,
                quals, ops, lengths, rec.getMappingQuality(), rec.getReadNegativeStrandFlag(),
                rec.getReadPairedFlag() && rec.getFirstOfPairFlag());
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The kept reads of one shard, the tally of all reads it owns, and (when asked for) the reads dropped only for
     * their mapping quality, in file order.
     */
    public record ShardReads(List<AlignedRead> reads, ReadCounts counts, List<AlignedRead> lowMapq) {
        public ShardReads(List<AlignedRead> reads, ReadCounts counts) {
            this(reads, counts, List.of());
        }
    }

}
