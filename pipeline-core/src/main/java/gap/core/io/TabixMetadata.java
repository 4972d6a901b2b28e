package gap.core.io;

import htsjdk.samtools.Bin;
import htsjdk.samtools.BinningIndexContent;
import htsjdk.samtools.Chunk;
import htsjdk.samtools.GenomicIndexUtil;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Takes a tabix index htsjdk wrote and the records per contig, gives the same index with htslib's metadata pseudo-bin
 * per contig (bin 37450: the contig's first and last file offsets, then its mapped and unmapped record counts), which
 * htsjdk leaves out and {@code bcftools index -n} and {@code -s} read their counts from.
 */
final class TabixMetadata {
    /** htslib's pseudo-bin number, one past the last real bin of the 14-bit, 5-level scheme. */
    static final int PSEUDO_BIN = GenomicIndexUtil.MAX_BINS;

    private TabixMetadata() {}

    static void add(Path tbi, Map<String, Long> recordsPerContig) {
        try {
            TabixIndex index = new TabixIndex(tbi);
            List<String> names = index.getSequenceNames();
            BinningIndexContent[] contents = index.getIndices();
            BinningIndexContent[] withMetadata = new BinningIndexContent[contents.length];
            for (int i = 0; i < contents.length; i++) {
                BinningIndexContent c = contents[i];
                withMetadata[i] = c == null ? null : withPseudoBin(c, recordsPerContig.getOrDefault(names.get(i), 0L));
            }
            Path partial = tbi.resolveSibling(tbi.getFileName() + ".partial");
            new TabixIndex(index.getFormatSpec(), names, withMetadata).write(partial);
            Files.move(partial, tbi, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the record counts to the VCF index", e);
        }
    }

    private static BinningIndexContent withPseudoBin(BinningIndexContent content, long records) {
        Bin[] bins = new Bin[PSEUDO_BIN + 1];
        long first = Long.MAX_VALUE;
        long last = 0;
        int count = 0;
        for (Bin bin : content.getBins()) {
            bins[bin.getBinNumber()] = bin;
            count++;
            for (Chunk chunk : bin.getChunkList()) {
                first = Math.min(first, chunk.getChunkStart());
                last = Math.max(last, chunk.getChunkEnd());
            }
        }
        Bin pseudo = new Bin(content.getReferenceSequence(), PSEUDO_BIN);
        // htslib reads the second chunk as two counts, not offsets: mapped records, then unmapped (none in a VCF)
        pseudo.setChunkList(List.of(new Chunk(first, last), new Chunk(records, 0)));
        bins[PSEUDO_BIN] = pseudo;
        return new BinningIndexContent(content.getReferenceSequence(), new BinningIndexContent.BinList(bins, count + 1),
                content.getLinearIndex());
    }
}
