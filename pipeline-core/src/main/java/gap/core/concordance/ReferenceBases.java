package gap.core.concordance;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceSource;
import htsjdk.samtools.SAMException;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes an indexed FASTA ({@code .fai} beside it; no {@code .dict} needed), gives upper-case bases by 1-based
 * position, read through {@link ReferenceSource} in cached blocks. Not thread-safe: htsjdk's reader is not.
 */
public final class ReferenceBases implements AutoCloseable {
    // Normalising reads a few bases around each record, in genome order: caching whole blocks turns that into one
    // FASTA read per block instead of one per record.
    private static final int BLOCK = 1 << 16;
    private static final int CACHED_BLOCKS = 8;

    private final String fileName;
    private final ReferenceSource fasta;
    private final Map<String, Long> lengths = new LinkedHashMap<>(); // in .fai order
    private final Map<String, byte[]> blocks = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    private ReferenceBases(String fileName, ReferenceSource fasta, FastaSequenceIndex index) {
        this.fileName = fileName;
        this.fasta = fasta;
        for (FastaSequenceIndexEntry entry : index) {
            lengths.put(entry.getContig(), entry.getSize());
        }
    }

    /** Opens {@code fasta}; a missing file or {@code .fai} is a one-line {@link UserException}. */
    public static ReferenceBases open(Path fasta) {
        Path fai = InputValidator.requireFastaIndex(fasta);
        String name = fasta.getFileName().toString();
        try {
            FastaSequenceIndex index = new FastaSequenceIndex(fai);
            return new ReferenceBases(name, ReferenceSource.withoutDictionary(fasta), index);
        } catch (SAMException e) {
            throw new UserException("reference " + name + " or its .fai could not be read: re-create the index with"
                    + " 'samtools faidx " + name + "'", e);
        }
    }

    public String fileName() {
        return fileName;
    }

    /** Contig names and lengths, in the order of the {@code .fai}. */
    public Map<String, Long> contigLengths() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(lengths));
    }

    public boolean hasContig(String contig) {
        return lengths.containsKey(contig);
    }

    /** Length of {@code contig}, or -1 when the reference lacks it. */
    public long length(String contig) {
        return lengths.getOrDefault(contig, -1L);
    }

    /** The base at 1-based {@code pos}, which must lie on the contig. */
    public char base(String contig, long pos) {
        long length = length(contig);
        if (pos < 1 || pos > length) {
            throw new IllegalArgumentException(contig + ":" + pos + " is off the reference");
        }
        long blockIndex = (pos - 1) / BLOCK;
        byte[] block = blocks.computeIfAbsent(contig + '\t' + blockIndex, k -> load(contig, blockIndex, length));
        return (char) block[(int) ((pos - 1) % BLOCK)];
    }

    /** True when {@code bases} (any case) is the reference from 1-based {@code pos} on, inside the contig. */
    public boolean matches(String contig, long pos, String bases) {
        if (pos < 1 || pos + bases.length() - 1 > length(contig)) {
            return false;
        }
        return bases(contig, pos, pos + bases.length() - 1).equalsIgnoreCase(bases);
    }

    /** Bases from {@code start} to {@code end}, 1-based and inclusive; empty when {@code end < start}. */
    public String bases(String contig, long start, long end) {
        StringBuilder out = new StringBuilder((int) Math.max(0, end - start + 1));
        for (long p = start; p <= end; p++) {
            out.append(base(contig, p));
        }
        return out.toString();
    }

    private byte[] load(String contig, long blockIndex, long length) {
        long from = blockIndex * BLOCK + 1;
        long to = Math.min(length, from + BLOCK - 1);
        return fasta.basesAsWritten(contig, from, to);
    }

    @Override
    public void close() {
        fasta.close();
    }
}
