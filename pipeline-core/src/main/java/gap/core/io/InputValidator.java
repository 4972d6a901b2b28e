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
import htsjdk.samtools.util.IOUtil;
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
    private static final org.apache.logging.log4j.Logger LOG =
            org.apache.logging.log4j.LogManager.getLogger(InputValidator.class);
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
        checkCompression(fasta, name);
        if (dictionaryOf(fasta) == null) {
            throw new UserException("reference " + name + " has no sequence dictionary " + dictNameOf(name)
                    + ": create it with 'samtools dict -o " + dictNameOf(name) + " " + name + "'");
        }
        FastaSequenceIndex index;
        try {
            index = new FastaSequenceIndex(fai); // a broken .fai fails here rather than mid-run
        } catch (RuntimeException e) {
            throw new UserException("the index " + fai.getFileName() + " of reference " + name + " could not be read:"
                    + " re-create it with 'samtools faidx " + name + "'", e);
        }
        FastaIndexCheck.check(fasta, index);
        try {
            checkDictionaryAgainstIndex(name, readDictionary(dictionaryOf(fasta)),
                    index);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserException("the sequence dictionary " + dictNameOf(name) + " of reference " + name
                    + " could not be read: re-create it with 'samtools dict -o " + dictNameOf(name) + " " + name + "'", e);
        }
        try (ReferenceSource ref = new ReferenceSource(fasta)) {
            return ref.dictionary();
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserException("reference " + name + " or its .fai/.dict could not be read: re-create them with"
                    + " 'samtools faidx' and 'samtools dict'", e);
        }
    }

    /** A {@code .dict} (a SAM header) read through its path's file system: a cluster's paths too. */
    private static SAMSequenceDictionary readDictionary(Path dict) {
        String text;
        try {
            text = java.nio.file.Files.readString(dict, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new htsjdk.samtools.SAMTextHeaderCodec().decode(htsjdk.samtools.util.BufferedLineReader.fromString(text),
                dict.getFileName().toString()).getSequenceDictionary();
    }

    /** The {@code .dict} must name the contigs of the {@code .fai} with the same lengths, in the same order. */
    private static void checkDictionaryAgainstIndex(String name, SAMSequenceDictionary dict, FastaSequenceIndex fai) {
        List<String> indexed = new java.util.ArrayList<>();
        fai.forEach(e -> indexed.add(e.getContig() + ":" + e.getSize()));
        List<String> named = dict.getSequences().stream()
                .map(s -> s.getSequenceName() + ":" + s.getSequenceLength()).toList();
        if (!indexed.equals(named)) {
            throw new UserException("the sequence dictionary " + dictNameOf(name) + " does not match reference " + name
                    + " (contig names or lengths differ from its .fai): re-create it with 'samtools dict -o "
                    + dictNameOf(name) + " " + name + "'");
        }
    }

    /**
     * The {@code .dict}'s {@code M5} of each of {@code contigs} that has one must be the MD5 of the FASTA's sequence: a
     * contig edited in place (same length, other bases) passes every other check and changes every call on it.
     */
    public static void checkSequenceMd5(Path fasta, SAMSequenceDictionary dictionary, java.util.Collection<String> contigs) {
        String name = fasta.getFileName().toString();
        try (ReferenceSource ref = new ReferenceSource(fasta)) {
            for (SAMSequenceRecord seq : dictionary.getSequences()) {
                String m5 = seq.getMd5();
                if (m5 == null || m5.isBlank() || !contigs.contains(seq.getSequenceName())) {
                    continue;
                }
                if (!ref.sequenceMd5(seq.getSequenceName()).equalsIgnoreCase(m5.trim())) {
                    throw new UserException("the sequence dictionary " + dictNameOf(name) + " does not match reference "
                            + name + " (contig " + seq.getSequenceName() + ": its M5 is not the MD5 of the sequence):"
                            + " the FASTA changed; re-create 'samtools faidx " + name + "' and 'samtools dict -o "
                            + dictNameOf(name) + " " + name + "'");
                }
            }
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
     * every contig in the reference with the same length, index present and its own ({@link ReadsIndexCheck}). Gives
     * the index and the read groups' SMs.
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
        List<String> otherM5 = checkContigs(name, header.getSequenceDictionary(), referenceDictionary);
        if (format == ReadsFormat.CRAM) {
            checkCramReference(reads, reference);
        }
        Path index = indexOf(reads, format);
        if (index == null) {
            throw new UserException(name + " has no index (" + (format == ReadsFormat.BAM ? ".bai" : ".crai")
                    + "): create it with 'samtools index " + name + "'");
        }
        ReadsIndexCheck.check(reads, index, reference);
        if (!otherM5.isEmpty()) {
            ReadsAgainstReference.check(reads, index, reference, otherM5, true);
        }
        List<String> noM5 = withoutM5(header.getSequenceDictionary());
        if (!noM5.isEmpty()) {
            ReadsAgainstReference.check(reads, index, reference, noM5, false);
        }
        if (!UsableReads.check(reads, reference)) {
            LOG.warn("{} holds no reads: valid, but its sample is a no-call everywhere", name);
        }
        List<String> samples = header.getReadGroups().stream().map(rg -> rg.getSample()).filter(sm -> sm != null)
                .map(InputValidator::utf8).distinct().toList();
        return new CheckedReads(index, samples);
    }

    /**
     * htsjdk decodes header text one byte per character (Latin-1); SAM headers are UTF-8, so a {@code Zoë} in the
     * header arrives as {@code ZoÃ«}. Gives the text as UTF-8 when its bytes are valid UTF-8, else as it came.
     */
    static String utf8(String headerText) {
        if (headerText.chars().allMatch(c -> c < 0x80) || headerText.chars().anyMatch(c -> c > 0xFF)) {
            return headerText;
        }
        byte[] bytes = headerText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return headerText;
        }
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
                if (!hasBgzfEnd(reads)) {
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
                if (!isEofContainer(tail.array(), expected)) {
                    throw new UserException(name + " has no CRAM end-of-file container" + fix);
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + name, e);
        }
    }

    /**
     * A compressed FASTA must be BGZF with its {@code .gzi}: a region of a plain gzip file cannot be reached without
     * reading all before it, and without this test it failed later as a dictionary that "does not match".
     */
    private static void checkCompression(Path fasta, String name) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(fasta))) {
            boolean gzip = IOUtil.isGZIPInputStream(in); // marks and resets the stream
            if (gzip && !BlockCompressedInputStream.isValidFile(in)) {
                throw new UserException("reference " + name + " is gzip-compressed but not with bgzip: decompress it,"
                        + " or recompress it with 'bgzip' and index it with 'samtools faidx'");
            }
            if (gzip && !Files.exists(fasta.resolveSibling(name + ".gzi"))) {
                throw new UserException("reference " + name + " is bgzip-compressed and has no " + name + ".gzi: create"
                        + " it with 'samtools faidx " + name + "'");
            }
        } catch (IOException e) {
            throw new UserException("cannot read reference " + name, e);
        }
    }

    /**
     * A BGZF file (a {@code .vcf.gz}) must end with the empty end-of-file block: a truncated one reads fine up to the
     * break. {@code what} names the file's role in the one-line error. Plain files pass.
     */
    public static void requireBgzfEnd(Path file, String what) {
        String name = file.getFileName().toString();
        try {
            boolean bgzf;
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
                bgzf = BlockCompressedInputStream.isValidFile(in);
            }
            if (bgzf && !hasBgzfEnd(file)) {
                throw new UserException(what + " " + name + " has no BGZF end-of-file marker: the file is truncated or"
                        + " still being written; copy or re-create it");
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + what + " " + name, e);
        }
    }

    /** Whether a BGZF file ends with the empty end-of-file block: a truncated one reads fine up to the break. */
    public static boolean hasBgzfEnd(Path file) throws IOException {
        return BlockCompressedInputStream.checkTermination(file)
                == BlockCompressedInputStream.FileTermination.HAS_TERMINATOR_BLOCK;
    }

    /**
     * The end-of-file container's reference id is -1 as a 5-byte ITF8 whose last byte's high nibble is unused:
     * samtools writes {@code 0f} there, htsjdk's CRAM 2.1 constant {@code ff}. Both are the marker samtools accepts.
     */
    static boolean isEofContainer(byte[] tail, byte[] expected) {
        if (tail.length != expected.length) {
            return false;
        }
        for (int i = 0; i < tail.length; i++) {
            boolean itf8Tail = i == 8 && (tail[i] & 0x0f) == 0x0f && (expected[i] & 0x0f) == 0x0f;
            if (tail[i] != expected[i] && !itf8Tail) {
                return false;
            }
        }
        return true;
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

    /**
     * A CRAM holds bases as differences from its reference, and each slice carries its reference span's MD5: decoding
     * the first records checks the slice against {@code -R} now rather than after calling has started.
     */
    private static void checkCramReference(Path cram, Path reference) {
        try (SamReader reader = SamReaderFactory.makeDefault().validationStringency(ValidationStringency.SILENT)
                .referenceSequence(reference).open(SamInputResource.of(cram));
             var records = reader.iterator()) {
            for (int i = 0; i < 1000 && records.hasNext(); i++) {
                records.next();
            }
        } catch (IOException | RuntimeException e) {
            String what = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (what.contains("md5") || what.contains("reference")) {
                throw new UserException(cram.getFileName() + " was not written against this reference (its slices'"
                        + " reference MD5 differs): give the -R the CRAM was made with", e);
            }
            throw new UserException(cram.getFileName() + " could not be decoded: the file may be corrupt; check it"
                    + " with 'samtools quickcheck'", e);
        }
    }

    /**
     * Every contig of the reads must be in the reference with the same length (the reads were aligned to it). Gives
     * the contigs whose {@code @SQ M5} differs from the {@code .dict}'s: a header's M5 can be stale (bcftools' own test
     * BAMs carry one), so the reads decide ({@link ReadsAgainstReference}).
     */
    static List<String> checkContigs(String readsName, SAMSequenceDictionary reads, SAMSequenceDictionary reference) {
        List<String> otherM5 = new java.util.ArrayList<>();
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
            if (seq.getMd5() != null && ref.getMd5() != null && !seq.getMd5().isBlank() && !ref.getMd5().isBlank()
                    && !seq.getMd5().trim().equalsIgnoreCase(ref.getMd5().trim())) {
                otherM5.add(seq.getSequenceName());
            }
        }
        return otherM5;
    }

    /**
     * The first contigs whose {@code @SQ} gives no M5 (bwa writes none): names and lengths alone cannot tell another
     * sequence of the same length (a rotated or patched build), so their reads are compared with the reference.
     * The first {@link ReadsIndexCheck#CONTIGS}, as the index check: a whole-genome header lists thousands of decoys.
     */
    static List<String> withoutM5(SAMSequenceDictionary reads) {
        return reads.getSequences().stream().filter(s -> s.getMd5() == null || s.getMd5().isBlank())
                .limit(ReadsIndexCheck.CONTIGS).map(SAMSequenceRecord::getSequenceName).toList();
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
            throw new UserException("the output folder (-O) cannot be written: choose another -O or fix its"
                    + " permissions");
        }
    }
}
