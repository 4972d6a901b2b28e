package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import gap.core.model.GvcfRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gVCF's or known-sites file's {@code .tbi} must be its own: two gVCFs of the same contigs and the same header
 * length (the first record at the same offset in both), one with another's index beside it, is refused in one line;
 * each with its own passes.
 */
class TabixIndexCheckTest {
    private static final SAMSequenceDictionary DICTIONARY = new SAMSequenceDictionary(List.of(
            new SAMSequenceRecord("chr1", 200_000), new SAMSequenceRecord("chr2", 50_000)));

    /** A gVCF of one-position blocks every {@code step} bases: another step, other offsets for the same positions. */
    private static Path gvcf(Path dir, String name, int step) {
        Path target = dir.resolve(name + ".g.vcf.gz");
        try (GvcfSink sink = new GvcfSink(target, DICTIONARY, "GAP-S00000000001",
                new VcfSink.Reference("ref.fa", "0".repeat(32)), 10, List.of(), r -> r.position(),
                (contig, position) -> 'A')) {
            for (SAMSequenceRecord contig : DICTIONARY.getSequences()) {
                for (int p = 1; p <= contig.getSequenceLength(); p += step) {
                    sink.accept(GvcfRecord.block(contig.getSequenceName(), p, p + step - 1, 'A', 30 + p % 7,
                            new int[] {0, 30 + p % 7, 300}, 10 + p % 5));
                }
            }
            sink.commit();
        }
        return target;
    }

    @Test
    void aFilesOwnIndexPasses(@TempDir Path dir) {
        Path a = gvcf(dir, "a", 10);
        assertDoesNotThrow(() -> TabixIndexCheck.checkIfIndexed(a, DICTIONARY, "-V #1"));
    }

    @Test
    void anotherFilesIndexIsRefused(@TempDir Path dir) throws Exception {
        Path a = gvcf(dir, "a", 10);
        Path b = gvcf(dir, "b", 7);
        Files.copy(dir.resolve("b.g.vcf.gz.tbi"), dir.resolve("a.g.vcf.gz.tbi"), StandardCopyOption.REPLACE_EXISTING);
        UserException e = assertThrows(UserException.class,
                () -> TabixIndexCheck.checkIfIndexed(a, DICTIONARY, "-V #1"));
        assertTrue(e.getMessage().startsWith("-V #1's tabix index (.tbi) does not match it"), e.getMessage());
        assertTrue(!e.getMessage().contains(dir.toString()), "no path in the message");
        assertDoesNotThrow(() -> TabixIndexCheck.checkIfIndexed(b, DICTIONARY, "-V #2"));
    }

    @Test
    void anIndexReachingPastTheFileIsRefused(@TempDir Path dir) throws Exception {
        Path big = gvcf(dir, "big", 3);
        Path small = gvcf(dir, "small", 50);
        Files.copy(dir.resolve("big.g.vcf.gz.tbi"), dir.resolve("small.g.vcf.gz.tbi"),
                StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(big) > 3 * Files.size(small));
        assertThrows(UserException.class, () -> TabixIndexCheck.checkIfIndexed(small, DICTIONARY, "-V #1"));
    }
}
