package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real reads with a paralogous haplotype (bcftools' test/mpileup/annot-NMBZ.1.bam, MIT-licensed, see the resource
 * folder's README): gap calls its mismatches as het SNVs over chr19:42–99, and the default scorer (the trained model,
 * no known sites) must let none of them PASS. Each call carries the read evidence that gives it away: NMBZ, the
 * alt reads' own mismatches against the ref reads', well above 2 (bcftools gives these sites about 6.5).
 */
class NmbzClusterTest {
    private static final Path DATA = Path.of("src/test/resources/bcftools-mpileup");

    @TempDir
    Path tmp;

    @Test
    void theParalogousClusterDoesNotPass() throws IOException {
        for (String f : List.of("annot-NMBZ.1.bam", "annot-NMBZ.1.bam.bai", "annot-NMBZ.1.fa", "annot-NMBZ.1.fa.fai",
                "annot-NMBZ.1.dict")) {
            Files.copy(DATA.resolve(f), tmp.resolve(f));
        }
        List<String> args = new ArrayList<>(List.of("call", "-R", tmp.resolve("annot-NMBZ.1.fa").toString(), "-I",
                tmp.resolve("annot-NMBZ.1.bam").toString(), "-O", tmp.resolve("out").toString()));
        args.addAll(TestKeys.options(tmp));
        assertEquals(0, Main.run(args.toArray(String[]::new)));
        List<String[]> records;
        try (Stream<String> lines = CallCommandTest.vcfText(CallCommandTest.onlyVcf(tmp.resolve("out"))).lines()) {
            records = lines.filter(l -> !l.startsWith("#")).map(l -> l.split("\t")).toList();
        }
        assertTrue(records.size() >= 5, "the cluster's SNVs are called: " + records.size());
        for (String[] r : records) {
            String site = r[0] + ":" + r[1] + " " + r[6];
            assertFalse(r[6].equals("PASS"), site + " passes");
            double nmbz = info(r, "NMBZ");
            assertTrue(nmbz > 2, site + " NMBZ " + nmbz);
            // reads of MAPQ 15-19 overlap the cluster: dropped before pileups, yet counted in LMQF
            assertTrue(info(r, "LMQF") > 0, site + " LMQF");
            assertEquals(0.0, info(r, "MQ0F"), site + " MQ0F"); // the BAM holds no MAPQ 0 read
        }
        // at 42, 8 of the 49 reads overlapping it have MAPQ below 20, and all 8 carry the paralogue's C
        // (samtools view -F 0xF04 annot-NMBZ.1.bam chr19:42-42: 49 records, 8 with MAPQ 17-19)
        String[] first = records.stream().filter(r -> r[1].equals("42")).findFirst().orElseThrow();
        assertEquals(0.163, info(first, "LMQF"));
    }

    private static double info(String[] record, String key) {
        return Double.parseDouble(record[7].replaceAll(".*(^|;)" + key + "=([-0-9.]+).*", "$2"));
    }
}
