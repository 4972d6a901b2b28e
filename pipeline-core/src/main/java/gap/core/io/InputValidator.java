package gap.core.io;

import gap.core.UserException;
import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.SamInputResource;
import htsjdk.samtools.SamReader;
import htsjdk.samtools.SamReaderFactory;
import htsjdk.samtools.ValidationStringency;
import htsjdk.samtools.cram.build.CramIO;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Checks inputs before any work, each failure a {@link UserException} of one line saying what is wrong and what to
 * do. Files are named by file name only, and header content is never quoted: read groups hold patient identifiers.
 */
public final class InputValidator {
    private static final byte[] BAM_MAGIC = {'B', 'A', 'M', 1};
    private static final byte[] CRAM_MAGIC = {'C', 'R', 'A', 'M'};

    private InputValidator() {}

    /** The formats of aligned reads we read. */
    public enum ReadsFormat { BAM, CRAM }

    public static void requireFile(Path path, String what) {
        if (!Files.exists(path)) {
            throw new UserException(what + " " + path.getFileName() + " does not exist: check the path");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UserException(what + " " + path.getFileName() + " is not a readable file");
        }
    }

    /** Checks the FASTA exists with its {@code .fai} beside it; gives the {@code .fai}. */
    public static Path requireFastaIndex(Path fasta) {
        requireFile(fasta, "reference");
        String name = fasta.getFileName().toString();
        Path fai = fasta.resolveSibling(name + ".fai");
        if (!Files.exists(fai)) {
            throw new UserException("reference " + name + " has no index " + fai.getFileName()
                    + ": create it with 'samtools faidx " + name + "'");
        }
        return fai;
    }

    /** Checks the FASTA, its {@code .fai} and {@code .dict}; gives the dictionary. */
    public static SAMSequenceDictionary checkReference(Path fasta) {
        Path fai = requireFastaIndex(fasta);
        String name = fasta.getFileName().toString();
        if (dictionaryOf(fasta) == null) {
            throw new UserException("reference " + name + " has no sequence dictionary " + dictNameOf(name)
                    + ": create it with 'samtools dict -o " + dictNameOf(name) + " " + name + "'");
        }
        try (ReferenceSource ref = new ReferenceSource(fasta)) {
            new FastaSequenceIndex(fai); // a broken .fai fails here rather than mid-run
            return ref.dictionary();
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserException("reference " + name + " or its .fai/.dict could not be read: re-create them with"
                    + " 'samtools faidx' and 'samtools dict'", e);
        }
    }

    static Path dictionaryOf(Path fasta) {
        String name = fasta.getFileName().toString();
        for (Path candidate : List.of(fasta.resolveSibling(dictNameOf(name)), fasta.resolveSibling(name + ".dict"))) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String dictNameOf(String fastaName) {
        String base = fastaName.replaceFirst("\\.(fa|fasta|fna)(\\.gz)?$", "");
        return base + ".dict";
    }

    /** What checking a reads file found: its index, and the {@code SM} of each read group (identifiers). */
    public record CheckedReads(Path index, List<String> readGroupSamples) {}

    /**
     * Checks a BAM or CRAM against the reference: complete file (end-of-file marker), header sorted by coordinate,
     * every contig in the reference with the same length, index present. Gives the index and the read groups' SMs.
     */
    public static CheckedReads checkReads(Path reads, Path reference, SAMSequenceDictionary referenceDictionary) {
        requireFile(reads, "reads file");
        String name = reads.getFileName().toString();
        ReadsFormat format = formatOf(reads);
        checkComplete(reads, format);
        SAMFileHeader header = readHeader(reads, reference);
        if (header.getSortOrder() != SAMFileHeader.SortOrder.coordinate) {
            throw new UserException(name + " is not coordinate-sorted (header SO is " + header.getSortOrder()
                    + "): sort it with 'samtools sort' and index it");
        }
        checkContigs(name, header.getSequenceDictionary(), referenceDictionary);
        Path index = indexOf(reads, format);
        if (index == null) {
            throw new UserException(name + " has no index (" + (format == ReadsFormat.BAM ? ".bai" : ".crai")
                    + "): create it with 'samtools index " + name + "'");
        }
        List<String> samples = header.getReadGroups().stream().map(rg -> rg.getSample()).filter(sm -> sm != null)
                .distinct().toList();
        return new CheckedReads(index, samples);
    }

    public static ReadsFormat formatOf(Path reads) {
        String name = reads.getFileName().toString();
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(reads)) {
            int n = in.readNBytes(head, 0, 4);
            if (n == 4 && Arrays.equals(head, CRAM_MAGIC)) {
                return ReadsFormat.CRAM;
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + name, e);
        }
        try (InputStream in = new BlockCompressedInputStream(Files.newInputStream(reads))) {
            byte[] magic = in.readNBytes(4);
            if (Arrays.equals(magic, BAM_MAGIC)) {
                return ReadsFormat.BAM;
            }
        } catch (IOException | RuntimeException e) {
            // not BGZF at all: reported below
        }
        throw new UserException(name + " is neither a BAM nor a CRAM file: give aligned reads in BAM or CRAM format");
    }

    /** A truncated file reads fine up to the break, so look for the end-of-file marker before any work. */
    static void checkComplete(Path reads, ReadsFormat format) {
        String name = reads.getFileName().toString();
        String fix = ": the file is truncated or still being written; copy or re-create it";
        try {
            if (format == ReadsFormat.BAM) {
                if (BlockCompressedInputStream.checkTermination(reads) != BlockCompressedInputStream.FileTermination.HAS_TERMINATOR_BLOCK) {
                    throw new UserException(name + " has no BGZF end-of-file marker" + fix);
                }
                return;
            }
            byte[] expected = cramMajorVersion(reads) >= 3 ? CramIO.ZERO_F_EOF_MARKER : CramIO.ZERO_B_EOF_MARKER;
            // a channel, not a RandomAccessFile: the CRAM may be on any file system (a cluster's HDFS)
            try (SeekableByteChannel f = Files.newByteChannel(reads)) {
                if (f.size() < expected.length) {
                    throw new UserException(name + " is too short to be a CRAM file" + fix);
                }
                ByteBuffer tail = ByteBuffer.allocate(expected.length);
                f.position(f.size() - expected.length);
                while (tail.hasRemaining() && f.read(tail) >= 0) {
                    continue; // a channel may hand over fewer bytes per read than asked
                }
                if (!Arrays.equals(tail.array(), expected)) {
                    throw new UserException(name + " has no CRAM end-of-file container" + fix);
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + name, e);
        }
    }

    private static int cramMajorVersion(Path cram) throws IOException {
        try (InputStream in = Files.newInputStream(cram)) {
            byte[] head = in.readNBytes(5);
            return head.length == 5 ? head[4] : 0;
        }
    }

    static Path indexOf(Path reads, ReadsFormat format) {
        String name = reads.getFileName().toString();
        String ext = format == ReadsFormat.BAM ? ".bai" : ".crai";
        String stripped = name.replaceFirst("\\.(bam|cram)$", "");
        for (Path candidate : List.of(reads.resolveSibling(name + ext), reads.resolveSibling(stripped + ext))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static SAMFileHeader readHeader(Path reads, Path reference) {
        try (SamReader reader = SamReaderFactory.makeDefault()
                .validationStringency(ValidationStringency.SILENT)
                .referenceSequence(reference)
                .open(SamInputResource.of(reads))) {
            return reader.getFileHeader();
        } catch (IOException | RuntimeException e) {
            throw new UserException("the header of " + reads.getFileName() + " could not be read: the file may be"
                    + " corrupt; check it with 'samtools quickcheck'", e);
        }
    }

    /** Every contig of the reads must be in the reference with the same length (the reads were aligned to it). */
    static void checkContigs(String readsName, SAMSequenceDictionary reads, SAMSequenceDictionary reference) {
        if (reads == null || reads.isEmpty()) {
            throw new UserException(readsName + " has no @SQ lines: it needs the contigs it was aligned to in its header");
        }
        for (SAMSequenceRecord seq : reads.getSequences()) {
            SAMSequenceRecord ref = reference.getSequence(seq.getSequenceName());
            if (ref == null) {
                throw new UserException(readsName + " has contig " + seq.getSequenceName() + ", which is not in the"
                        + " reference: give the reference the reads were aligned to");
            }
            if (ref.getSequenceLength() != seq.getSequenceLength()) {
                throw new UserException(readsName + " has contig " + seq.getSequenceName() + " of length "
                        + seq.getSequenceLength() + " but the reference's is " + ref.getSequenceLength()
                        + ": give the reference the reads were aligned to");
            }
        }
    }

    /** An output table: its name must end in {@code .parquet}, its folder be writable (created if missing). */
    public static void checkParquetOutput(Path output) {
        if (!output.getFileName().toString().endsWith(".parquet")) {
            throw new UserException("output " + output.getFileName() + " must end in .parquet");
        }
        checkOutputDirectory(output.toAbsolutePath().getParent());
    }

    /** Creates the output directory if needed and proves it writable by writing into it. */
    public static void checkOutputDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".gap-write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UserException("output directory " + dir + " cannot be written: choose another -O or fix its"
                    + " permissions");
        }
    }
}
