package gap.core.io;

import gap.core.UserException;
import gap.core.model.RefWindow;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.reference.ReferenceSequence;
import htsjdk.samtools.reference.ReferenceSequenceFile;
import htsjdk.samtools.reference.ReferenceSequenceFileFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Takes an indexed FASTA, gives reference windows of A, C, G, T and N, or its bases as written (upper-cased). gap's one
 * FASTA reader: calling, QC and concordance all read references through it. One per thread: htsjdk's reader is not
 * thread-safe.
 */
public final class ReferenceSource implements AutoCloseable {
    private final ReferenceSequenceFile fasta;
    private final SAMSequenceDictionary dictionary;

    /** A FASTA with its {@code .fai} and {@code .dict}, as calling needs it. */
    public ReferenceSource(Path fastaPath) {
        this(ReferenceSequenceFileFactory.getReferenceSequenceFile(fastaPath, true, true));
        if (dictionary == null) {
            close();
            throw new UserException("reference " + fastaPath.getFileName() + " has no sequence dictionary (.dict)");
        }
    }

    private ReferenceSource(ReferenceSequenceFile fasta) {
        this.fasta = fasta;
        this.dictionary = fasta.getSequenceDictionary();
    }

    /** A FASTA with only its {@code .fai}: enough to read bases (a truth set's normalisation), not to call. */
    public static ReferenceSource withoutDictionary(Path fastaPath) {
        return new ReferenceSource(ReferenceSequenceFileFactory.getReferenceSequenceFile(fastaPath, true, true));
    }

    public SAMSequenceDictionary dictionary() {
        return dictionary;
    }

    /** Bases of {@code contig} from {@code start} to {@code end} (1-based, inclusive), clamped to the contig. */
    public RefWindow window(String contig, int start, int end) {
        int length = dictionary.getSequence(contig).getSequenceLength();
        int from = Math.max(1, start);
        int to = Math.min(length, end);
        if (to < from) {
            return new RefWindow(contig, from, new byte[0]);
        }
        ReferenceSequence seq = fasta.getSubsequenceAt(contig, from, to);
        byte[] bases = seq.getBases();
        for (int i = 0; i < bases.length; i++) {
            bases[i] = upper(bases[i]);
        }
        return new RefWindow(contig, from, bases);
    }

    /**
     * Bases of {@code contig} from {@code start} to {@code end} (1-based, inclusive, on the contig) as the file holds
     * them, upper-cased: IUPAC codes are kept, for comparing alleles with the reference as written.
     */
    public byte[] basesAsWritten(String contig, long start, long end) {
        byte[] bases = fasta.getSubsequenceAt(contig, start, end).getBases();
        for (int i = 0; i < bases.length; i++) {
            byte b = bases[i];
            bases[i] = (b >= 'a' && b <= 'z') ? (byte) (b - 32) : b;
        }
        return bases;
    }

    /** MD5 of the FASTA file's bytes, hex: names the reference in outputs without its path ({@code md5sum} agrees). */
    public static String md5(Path fastaPath) {
        try (InputStream in = Files.newInputStream(fastaPath)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Upper case; IUPAC ambiguity codes (GRCh38 has a few) become N, which no caller stage treats as a base. */
    private static byte upper(byte b) {
        return switch (b) {
            case 'A', 'a' -> 'A';
            case 'C', 'c' -> 'C';
            case 'G', 'g' -> 'G';
            case 'T', 't' -> 'T';
            default -> 'N';
        };
    }

    @Override
    public void close() {
        try {
            fasta.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
