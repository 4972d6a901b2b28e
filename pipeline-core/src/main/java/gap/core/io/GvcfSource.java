package gap.core.io;

import htsjdk.samtools.seekablestream.SeekablePathStream;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
        GvcfStretch.Builder out = new GvcfStretch.Builder();
        List<Block> chunks = new ArrayList<>(index.getBlocks(contig, from, to));
        chunks.sort(java.util.Comparator.comparingLong(Block::getStartPosition));
        long done = -1;
        try {
            for (Block chunk : chunks) {
                if (chunk.getEndPosition() <= done) {
                    continue;
                }
                in.seek(Math.max(chunk.getStartPosition(), done));
                while (in.getFilePointer() < chunk.getEndPosition()) {
                    String line = in.readLine();
                    if (line == null || !add(line, contig, from, to, out)) {
                        return out.build(GvcfLine::record);
                    }
                }
                done = in.getFilePointer();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.build(GvcfLine::record);
    }

    /** Adds the line when it overlaps; false once the lines are past {@code to} (or the contig). */
    private static boolean add(String line, String contig, int from, int to, GvcfStretch.Builder out) {
        int tab = line.indexOf('\t');
        int tab2 = line.indexOf('\t', tab + 1);
        if (!line.regionMatches(0, contig, 0, tab) || tab != contig.length()) {
            return false;
        }
        int position = Integer.parseInt(line, tab + 1, tab2, 10);
        if (position > to) {
            return false;
        }
        int ref = line.indexOf('\t', tab2 + 1);
        int alt = line.indexOf('\t', ref + 1);
        int qual = line.indexOf('\t', alt + 1);
        int filter = line.indexOf('\t', qual + 1);
        int info = line.indexOf('\t', filter + 1);
        int infoEnd = line.indexOf('\t', info + 1);
        int end = infoValue(line, info + 1, infoEnd < 0 ? line.length() : infoEnd, GvcfSink.END);
        boolean block = end != Integer.MIN_VALUE;
        // as the decoded record has it: a variant record spans its REF, a block listing its bases its one position
        int last = !block ? position + alt - ref - 2 : hasBases(line, alt + 1, qual) ? position : end;
        if (position >= from || (block ? end : last) >= from) { // before the stretch as the line has it
            out.add(block, position, last, null, line);
        }
        return true;
    }

    /** The integer value of INFO key {@code key} in {@code line[from, to)}, MIN_VALUE when the key is absent. */
    private static int infoValue(String line, int from, int to, String key) {
        for (int at = from; at < to; ) {
            int semi = line.indexOf(';', at);
            int stop = semi < 0 || semi > to ? to : semi;
            if (stop - at > key.length() && line.charAt(at + key.length()) == '='
                    && line.regionMatches(at, key, 0, key.length())) {
                return Integer.parseInt(line, at + key.length() + 1, stop, 10);
            }
            at = stop + 1;
        }
        return Integer.MIN_VALUE;
    }

    /** Whether the ALT column {@code line[from, to)} lists an allele besides the symbolic ones (and "."). */
    private static boolean hasBases(String line, int from, int to) {
        for (int at = from; at < to; ) {
            int comma = line.indexOf(',', at);
            int stop = comma < 0 || comma > to ? to : comma;
            if (line.charAt(at) != '<' && !(stop - at == 1 && line.charAt(at) == '.')) {
                return true;
            }
            at = stop + 1;
        }
        return false;
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
