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

/** Takes an indexed FASTA, gives reference windows of A, C, G, T and N. One per thread: htsjdk's reader is not thread-safe. */
public final class ReferenceSource implements AutoCloseable {
    private final ReferenceSequenceFile fasta;
    private final SAMSequenceDictionary dictionary;

    public ReferenceSource(Path fastaPath) {
        this.fasta = ReferenceSequenceFileFactory.getReferenceSequenceFile(fastaPath, true, true);
        this.dictionary = fasta.getSequenceDictionary();
        if (dictionary == null) {
            throw new UserException("reference " + fastaPath.getFileName() + " has no sequence dictionary (.dict)");
        }
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
