package gap.core.io;

import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.tribble.SimpleFeature;
import htsjdk.tribble.index.tabix.TabixFormat;
import htsjdk.tribble.index.tabix.TabixIndexCreator;
import htsjdk.variant.vcf.VCFEncoder;
import htsjdk.variant.vcf.VCFHeader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes a VCF header and record lines in genome order, gives the bgzipped VCF and its tabix index: the bytes htsjdk's
 * indexing writer gives for the same text (as {@link VcfParts} writes them), staged under a hidden name and moved
 * into place by {@link #commit()}. For a sink that formats most of its records itself (a gVCF's reference blocks,
 * hundreds of thousands per Mb), where building an htsjdk {@code VariantContext} per line costs more than the line.
 */
final class VcfLineWriter implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final Path partialIndex;
    private final VcfParts.CountingStream file;
    private final BlockCompressedOutputStream bgzf;
    private final TabixIndexCreator indexer;
    private final Map<String, Long> recordsPerContig = new LinkedHashMap<>();
    private boolean done;

    VcfLineWriter(Path target, SAMSequenceDictionary dictionary, VCFHeader header) {
        this.target = target;
        this.partial = VcfParts.staged(target);
        this.partialIndex = partial.resolveSibling(partial.getFileName() + ".tbi");
        this.indexer = new TabixIndexCreator(dictionary, TabixFormat.VCF);
        try {
            this.file = new VcfParts.CountingStream(new BufferedOutputStream(Files.newOutputStream(partial),
                    1 << 16));
            this.bgzf = new BlockCompressedOutputStream(new VcfParts.NoClose(file), (Path) null);
            bgzf.write(VcfParts.headerText(header));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the VCF", e);
        }
    }

    /** Writes one record's line (without its newline), which spans {@code start..end} of {@code contig}. */
    void add(String contig, int start, int end, CharSequence line) {
        add(contig, start, end, line, true);
    }

    /** As {@link #add(String, int, int, CharSequence)}; {@code counted}: in the index's per-contig record counts. */
    void add(String contig, int start, int end, CharSequence line, boolean counted) {
        try {
            indexer.addFeature(new SimpleFeature(contig, start, end), bgzf.getFilePointer());
            bgzf.write((line + "\n").getBytes(VCFEncoder.VCF_CHARSET));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the VCF", e);
        }
        if (counted) {
            recordsPerContig.merge(contig, 1L, Long::sum);
        }
    }

    /** Ends the file and its index and moves the index, then the VCF, into place (an older VCF removed first). */
    void commit() {
        done = true;
        try {
            bgzf.close(false);
            VcfParts.commitStaged(target, file, indexer, recordsPerContig);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished VCF into place", e);
        }
    }

    /** Without {@link #commit()}: deletes the partial files. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            file.close();
            Files.deleteIfExists(partial);
            Files.deleteIfExists(partialIndex);
        } catch (IOException ignored) {
            // the run already failed; its staging folder goes with it
        }
    }
}
