package gap.core.io;

import gap.core.UserException;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.BlockCompressedFilePointerUtil;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.seekablestream.SeekablePathStream;
import htsjdk.samtools.util.FileExtensions;
import htsjdk.tribble.index.Block;
import htsjdk.tribble.index.tabix.TabixIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Takes a bgzipped VCF with its tabix index, gives nothing or a user error: the index must be this file's. An index
 * kept from another file (a gVCF or known-sites file re-made, the old {@code .tbi} left beside it) points into the
 * wrong bytes, and a run then reads records of other positions, none, or fails where a shard first reads there. So on
 * each of the first {@value #CONTIGS} contigs the index lists, the chunk it gives for the contig's start and for a
 * quarter, half and three quarters of its length must begin a line of that contig, inside the file. A few blocks read
 * per contig, milliseconds.
 */
public final class TabixIndexCheck {
    /** Contigs probed, in the index's order. */
    static final int CONTIGS = 25;

    private TabixIndexCheck() {}

    /** Checks {@code vcf}'s {@code .tbi} when it has one; {@code what} names the file without its path. */
    public static void checkIfIndexed(Path vcf, SAMSequenceDictionary dictionary, String what) {
        Path tbi = vcf.resolveSibling(vcf.getFileName() + FileExtensions.TABIX_INDEX);
        if (Files.isRegularFile(tbi)) {
            check(vcf, tbi, dictionary, what);
        }
    }

    /** Checks {@code tbi} as {@code vcf}'s index. */
    public static void check(Path vcf, Path tbi, SAMSequenceDictionary dictionary, String what) {
        TabixIndex index;
        try {
            index = new TabixIndex(tbi);
        } catch (IOException | RuntimeException e) {
            throw stale(what, e);
        }
        // through the path's own file system (a gVCF on HDFS has no java.io.File)
        try (BlockCompressedInputStream in = new BlockCompressedInputStream(new SeekablePathStream(vcf))) {
            long size = Files.size(vcf);
            List<String> contigs = index.getSequenceNames();
            for (String contig : contigs.subList(0, Math.min(CONTIGS, contigs.size()))) {
                SAMSequenceRecord known = dictionary.getSequence(contig);
                int length = known == null ? 1 : known.getSequenceLength();
                for (int quarter = 0; quarter < 4; quarter++) {
                    int position = Math.max(1, (int) ((long) length * quarter / 4));
                    List<Block> blocks = index.getBlocks(contig, position, position);
                    if (!blocks.isEmpty()) {
                        probe(in, blocks.get(0).getStartPosition(), size, contig, what);
                    }
                }
            }
        } catch (UserException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw stale(what, e);
        }
    }

    /** The bytes at virtual offset {@code start} must begin a line (after a newline) of {@code contig}. */
    private static void probe(BlockCompressedInputStream in, long start, long size, String contig, String what)
            throws IOException {
        if (BlockCompressedFilePointerUtil.getBlockAddress(start) >= size) {
            throw stale(what, null);
        }
        int offset = BlockCompressedFilePointerUtil.getBlockOffset(start);
        if (offset > 0) { // the byte before, in the same block, ends the previous line
            in.seek(BlockCompressedFilePointerUtil.makeFilePointer(
                    BlockCompressedFilePointerUtil.getBlockAddress(start), offset - 1));
            if (in.read() != '\n') {
                throw stale(what, null);
            }
        }
        in.seek(start);
        String line = in.readLine();
        String[] fields = line == null ? new String[0] : line.split("\t", 3);
        if (fields.length < 3 || !fields[0].equals(contig) || !fields[1].chars().allMatch(Character::isDigit)
                || fields[1].isEmpty()) {
            throw stale(what, null);
        }
    }

    private static UserException stale(String what, Exception cause) {
        return new UserException(what + "'s tabix index (.tbi) does not match it (a query through the index reads"
                + " other bytes than a record's), or the file is damaged: re-create the index with 'tabix -p vcf'",
                cause);
    }
}
