package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.Tools;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htslib reads the record counts of gap's .tbi: {@code bcftools index -n} and {@code -s}, and region queries. */
class VcfIndexTest {
    @TempDir
    Path dir;

    @Test
    void bcftoolsIndexCountsTheRecordsPerContig() {
        Tools.require("bcftools");
        SAMSequenceDictionary dictionary = new SAMSequenceDictionary(List.of(new SAMSequenceRecord("chr1", 1_000_000),
                new SAMSequenceRecord("chr2", 500_000), new SAMSequenceRecord("chr3", 200_000)));
        Path vcf = dir.resolve("calls.vcf.gz");
        try (VcfSink sink = new VcfSink(vcf, dictionary, "GAP-S00000000001", new VcfSink.Reference("ref.fa", "0".repeat(32)), 10)) {
            // 2,499 records on chr1 (100, 500, … 999,700: many BGZF blocks and bins); three on chr2; none on chr3
            for (int pos = 100; pos <= 999_600; pos += 400) {
                sink.add(snv("chr1", pos));
            }
            for (int pos : new int[] {10, 250_000, 499_999}) {
                sink.add(snv("chr2", pos));
            }
            sink.commit();
        }
        assertEquals("2502\n", Tools.run(dir, List.of("bcftools", "index", "-n", vcf.toString())));
        assertEquals("chr1\t1000000\t2499\nchr2\t500000\t3\n",
                Tools.run(dir, List.of("bcftools", "index", "-s", vcf.toString())));
        // the bins still find the records: 500,000–540,000 holds those at 500,100 … 539,700 (100 of them)
        String region = Tools.run(dir, List.of("bcftools", "view", "-H", "-r", "chr1:500000-540000", vcf.toString()));
        assertEquals(100, region.lines().count());
        assertEquals(1, Tools.run(dir, List.of("bcftools", "view", "-H", "-r", "chr2:499999", vcf.toString()))
                .lines().count());
    }

    private static VariantCall snv(String contig, int pos) {
        return new VariantCall(contig, pos, List.of("A", "G"), 50.0, Filters.PASS, Map.of(),
                List.of(new Genotype(0, 1, 99, List.of(60, 0, 90), List.of(15, 16), 31)));
    }
}
