package gap.core.io;

import gap.core.UserException;
import htsjdk.samtools.reference.FastaSequenceIndex;
import htsjdk.samtools.reference.FastaSequenceIndexEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a plain FASTA and its {@code .fai}, refuses the pair when the index no longer describes the file. A stale
 * index (the FASTA rewrapped, a contig cut, edited or appended) is read by htsjdk without complaint and gives wrong
 * bases, so wrong calls; this checks every entry's extent against the file's length and samples its header, first,
 * middle and last lines where the index says they are.
 */
final class FastaIndexCheck {
    /** Bytes after the last contig that may be blank lines rather than a contig the index does not know. */
    private static final int TRAILING_SLACK = 4096;

    private final SeekableByteChannel file;
    private final String name;
    private final long size;

    private FastaIndexCheck(SeekableByteChannel file, String name) throws IOException {
        this.file = file;
        this.name = name;
        this.size = file.size();
    }

    /** Throws a one-line {@link UserException} naming the FASTA and the fix when {@code fai} does not fit it. */
    static void check(Path fasta, FastaSequenceIndex fai) {
        String name = fasta.getFileName().toString();
        if (name.endsWith(".gz") || name.endsWith(".bgz")) {
            return; // offsets are into the decompressed stream: the dictionary's MD5s check these
        }
        List<FastaSequenceIndexEntry> entries = new ArrayList<>();
        fai.forEach(entries::add);
        try (SeekableByteChannel channel = Files.newByteChannel(fasta)) {
            FastaIndexCheck check = new FastaIndexCheck(channel, name);
            long end = 0;
            for (FastaSequenceIndexEntry entry : entries) {
                check.entry(entry, end);
                end = Math.max(end, check.endOf(entry));
            }
            check.trailing(end);
        } catch (IOException e) {
            throw new UserException("reference " + name + " could not be read", e);
        }
    }

    private UserException stale(String contig, String what) {
        return new UserException("reference " + name + " does not match its index " + name + ".fai (contig " + contig
                + ": " + what + "): the FASTA changed after it was indexed; re-create the index with 'samtools faidx "
                + name + "' and the dictionary with 'samtools dict'");
    }

    /** Byte offset just past the contig's last base. */
    private long endOf(FastaSequenceIndexEntry e) {
        long full = e.getSize() / e.getBasesPerLine();
        long rest = e.getSize() % e.getBasesPerLine();
        if (rest == 0 && full > 0) {
            return e.getLocation() + (full - 1) * e.getBytesPerLine() + e.getBasesPerLine();
        }
        return e.getLocation() + full * e.getBytesPerLine() + rest;
    }

    private void entry(FastaSequenceIndexEntry e, long previousEnd) throws IOException {
        String contig = e.getContig();
        if (e.getBasesPerLine() <= 0 || e.getBytesPerLine() < e.getBasesPerLine() || e.getSize() < 0) {
            throw stale(contig, "malformed line lengths");
        }
        if (e.getLocation() < previousEnd || endOf(e) > size) {
            throw stale(contig, "its sequence lies outside the file");
        }
        header(e);
        long lines = (e.getSize() + e.getBasesPerLine() - 1) / e.getBasesPerLine();
        for (long line : new long[] {0, lines / 2, lines - 1}) {
            if (line >= 0 && line < lines) {
                line(e, line, line == lines - 1);
            }
        }
    }

    /** The line before the sequence must be {@code >name} (and maybe a description). */
    private void header(FastaSequenceIndexEntry e) throws IOException {
        String expected = ">" + e.getContig();
        int back = (int) Math.min(e.getLocation(), expected.length() + 2L + 1024);
        byte[] before = read(e.getLocation() - back, back);
        int end = before.length;
        if (end == 0 || before[end - 1] != '\n') {
            throw stale(e.getContig(), "no line break before its sequence");
        }
        end--;
        if (end > 0 && before[end - 1] == '\r') {
            end--;
        }
        int start = end;
        while (start > 0 && before[start - 1] != '\n') {
            start--;
        }
        String line = new String(before, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        String first = line.split("[ \t]", 2)[0];
        if (!first.equals(expected)) {
            throw stale(e.getContig(), "its header line is not where the index says");
        }
    }

    /** Line {@code line} of the contig must hold only bases and end in a line break where the index says. */
    private void line(FastaSequenceIndexEntry e, long line, boolean last) throws IOException {
        long start = e.getLocation() + line * e.getBytesPerLine();
        long bases = last ? e.getSize() - line * e.getBasesPerLine() : e.getBasesPerLine();
        int terminator = (int) (e.getBytesPerLine() - e.getBasesPerLine());
        byte[] bytes = read(start, (int) Math.min(bases + terminator, size - start));
        for (int i = 0; i < bases; i++) {
            if (i >= bytes.length || !isBase(bytes[i])) {
                throw stale(e.getContig(), "line " + (line + 1) + " is not " + bases + " bases long");
            }
        }
        for (int i = (int) bases; i < bytes.length; i++) {
            if (bytes[i] != '\n' && bytes[i] != '\r') {
                throw stale(e.getContig(), "line " + (line + 1) + " is longer than the index says");
            }
        }
    }

    /** After the last contig only blank lines may follow: anything else is a contig the index does not know. */
    private void trailing(long end) throws IOException {
        if (size - end > TRAILING_SLACK) {
            throw stale("after the last indexed one", "the file holds more than its index");
        }
        for (byte b : read(end, (int) (size - end))) {
            if (!Character.isWhitespace(b)) {
                throw stale("after the last indexed one", "the file holds more than its index");
            }
        }
    }

    private static boolean isBase(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '*' || b == '-';
    }

    private byte[] read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length));
        file.position(position);
        while (buffer.hasRemaining() && file.read(buffer) >= 0) {
            continue; // a channel may hand over fewer bytes per read than asked
        }
        byte[] out = new byte[buffer.position()];
        buffer.flip().get(out);
        return out;
    }
}
