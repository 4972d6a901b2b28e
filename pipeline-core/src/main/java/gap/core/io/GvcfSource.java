package gap.core.io;

import htsjdk.samtools.seekablestream.SeekablePathStream;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes one sample's gVCF (bgzipped, tabix-indexed, as {@code gap call --gvcf} writes it), gives its records
 * overlapping a stretch of a contig: reference blocks and variant records, {@code <NON_REF>} (or {@code <*>}) taken
 * off the alleles and kept as the last column of PL. The lines are read here ({@link GvcfLine}), not decoded into htsjdk's
 * VariantContexts: decoding was 80 % of {@code gap joint}'s time (JFR, trio2). The header is not read here: the run
 * reads and checks each gVCF's header once ({@code GvcfInputs}), not each shard worker.
 */
public final class GvcfSource implements AutoCloseable {
    private final TabixIndex index;
    private final BlockCompressedInputStream in;

    public GvcfSource(Path gvcf, Path index) {
        try {
            this.index = new TabixIndex(index);
            this.in = new BlockCompressedInputStream(new SeekablePathStream(gvcf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records overlapping {@code from..to} of {@code contig}: the index's chunks read in order, each from its start (or
     * where the last one ended) to its end, so that a long block in a large bin does not make every later query read
     * the file from that block on. A line is only scanned for its position, kind and last position here; its columns
     * are decoded when the record is asked for ({@link GvcfStretch}).
     */
    public GvcfStretch query(String contig, int from, int to) {
        List<Block> chunks = new ArrayList<>(index.getBlocks(contig, from, to));
        chunks.sort(java.util.Comparator.comparingLong(Block::getStartPosition));
        Scan scan = new Scan(contig.getBytes(StandardCharsets.UTF_8), from, to, textSize(chunks));
        long done = -1;
        try {
            for (Block chunk : chunks) {
                if (chunk.getEndPosition() <= done) {
                    continue;
                }
                in.seek(Math.max(chunk.getStartPosition(), done));
                done = scan.chunk(in, chunk.getEndPosition());
                if (done == Scan.PAST) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scan.out.build(scan.text);
    }

    /**
     * About how many bytes of lines the chunks hold, from the compressed bytes they span: a gVCF's text is ~6 times its
     * BGZF bytes (trio2: 47 MB from 7.7 MB), so one array of that size rarely has to grow.
     */
    private static int textSize(List<Block> chunks) {
        long compressed = 0;
        for (Block chunk : chunks) {
            compressed += (chunk.getEndPosition() >>> 16) - (chunk.getStartPosition() >>> 16);
        }
        return (int) Math.min(8 * compressed + (1 << 16), 1 << 28);
    }

    /**
     * One query's lines, kept as the bytes they were read as, one array for the stretch: a String per line (htsjdk's
     * readLine, ~470,000 lines per sample per Mb) was most of a shard worker's allocation, and the lines of the shards
     * in flight most of what each young collection had to copy.
     */
    private static final class Scan {
        static final long PAST = -2;
        private static final byte[] END = GvcfSink.END.getBytes(StandardCharsets.US_ASCII);
        final GvcfStretch.Builder out;
        private final byte[] contig;
        private final int from;
        private final int to;
        byte[] text;
        private int size;

        Scan(byte[] contig, int from, int to, int textSize) {
            this.contig = contig;
            this.from = from;
            this.to = to;
            this.text = new byte[textSize];
            this.out = new GvcfStretch.Builder(textSize / 100); // ~100 bytes a line
        }

        /**
         * Scans the lines that start at the stream's position or after it and before virtual offset {@code end}; gives
         * the virtual offset of the first line not scanned, or PAST once the lines are past the stretch (or the file
         * ends). Reads a BGZF block at a time: a line's start within the last block read is that block's offset plus
         * its distance from the block's first byte; a line starting after it, the stream's position.
         */
        long chunk(BlockCompressedInputStream in, long end) throws IOException {
            int line = size;
            int scanned = size; // no line end in text[line, scanned)
            int blockAt = size; // where the last block read (from its virtual offset blockPointer) starts in text
            long blockPointer = in.getFilePointer();
            long pointer = blockPointer;
            while (pointer < end) {
                int nl = indexOf(text, scanned, size, (byte) '\n');
                if (nl < 0) {
                    scanned = size;
                    int n = in.available(); // the rest of the block, else the next block's length; 0 at the end
                    if (n == 0) { // the last line may lack its line end
                        if (line < size) {
                            add(line, text[size - 1] == '\r' ? size - 1 : size);
                        }
                        return PAST;
                    }
                    blockPointer = in.getFilePointer();
                    blockAt = size;
                    read(in, n);
                    continue;
                }
                if (!add(line, nl > line && text[nl - 1] == '\r' ? nl - 1 : nl)) {
                    return PAST;
                }
                line = nl + 1;
                scanned = line;
                pointer = line < size ? blockPointer + (line - blockAt) : in.getFilePointer();
            }
            size = line; // the bytes after it are read again by the chunk that holds them
            return pointer;
        }

        private void read(BlockCompressedInputStream in, int n) throws IOException {
            if (size + n > text.length) {
                int most = Integer.MAX_VALUE - 8; // the largest array a JVM makes
                if ((long) size + n > most) {
                    throw new IllegalStateException("a shard's gVCF lines exceed 2 GB: give a smaller --shard-size");
                }
                text = Arrays.copyOf(text, (int) Math.min(most, Math.max(text.length * 3L / 2, (long) size + n)));
            }
            for (int got = 0; got < n; ) {
                int r = in.read(text, size + got, n - got);
                if (r < 0) {
                    throw new java.io.EOFException("a gVCF ended inside a BGZF block");
                }
                got += r;
            }
            size += n;
        }

        /** Adds the line {@code text[s, e)} when it overlaps; false once the lines are past {@code to} (or the contig). */
        private boolean add(int s, int e) {
            int tab = indexOf(text, s, e, (byte) '\t');
            if (tab - s != contig.length || !Arrays.equals(text, s, tab, contig, 0, contig.length)) {
                return false;
            }
            int tab2 = column(tab, e);
            int position = wholeNumber(text, tab + 1, tab2);
            if (position > to) {
                return false;
            }
            int ref = column(tab2, e);
            int alt = column(ref, e);
            int qual = column(alt, e);
            int filter = column(qual, e);
            int info = column(filter, e);
            int infoEnd = indexOf(text, info + 1, e, (byte) '\t');
            int end = endValue(info + 1, infoEnd < 0 ? e : infoEnd);
            boolean block = end != Integer.MIN_VALUE;
            // as the decoded record has it: a variant record spans its REF, a block listing its bases its one position
            int last = !block ? position + alt - ref - 2 : hasBases(alt + 1, qual) ? position : end;
            if (position >= from || (block ? end : last) >= from) { // before the stretch as the line has it
                out.add(block, position, last, null, s, e);
            }
            return true;
        }

        /** The tab ending the column after the one {@code tab} ends. */
        private int column(int tab, int e) {
            int next = indexOf(text, tab + 1, e, (byte) '\t');
            if (next < 0) {
                throw new IllegalArgumentException("a gVCF line has fewer than 8 columns");
            }
            return next;
        }

        /** The value of INFO's END in {@code text[from, to)}, MIN_VALUE when it has none. */
        private int endValue(int from, int to) {
            for (int at = from; at < to; ) {
                int semi = indexOf(text, at, to, (byte) ';');
                int stop = semi < 0 ? to : semi;
                if (stop - at > END.length && text[at + END.length] == '='
                        && Arrays.equals(text, at, at + END.length, END, 0, END.length)) {
                    return wholeNumber(text, at + END.length + 1, stop);
                }
                at = stop + 1;
            }
            return Integer.MIN_VALUE;
        }

        /** Whether the ALT column {@code text[from, to)} lists an allele besides the symbolic ones (and "."). */
        private boolean hasBases(int from, int to) {
            for (int at = from; at < to; ) {
                int comma = indexOf(text, at, to, (byte) ',');
                int stop = comma < 0 ? to : comma;
                if (text[at] != '<' && !(stop - at == 1 && text[at] == '.')) {
                    return true;
                }
                at = stop + 1;
            }
            return false;
        }
    }

    /** The first {@code b} in {@code text[from, to)}, or -1. */
    static int indexOf(byte[] text, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The decimal whole number {@code text[from, to)} (digits only, as a VCF's POS and END are). */
    static int wholeNumber(byte[] text, int from, int to) {
        if (to <= from || to - from > 10) {
            throw new NumberFormatException("a gVCF line's POS or END is not a whole number");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("a gVCF line's POS or END is not a whole number");
            }
            value = value * 10 + digit;
        }
        if (value > Integer.MAX_VALUE) {
            throw new NumberFormatException("a gVCF line's POS or END is not a whole number");
        }
        return (int) value;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
