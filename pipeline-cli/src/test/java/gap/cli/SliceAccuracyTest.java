package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.Tools;
import gap.core.concordance.ClassCounts;
import gap.core.concordance.Concordance;
import gap.core.concordance.ConcordanceReport;
import gap.core.concordance.ConcordanceTsv;
import gap.core.concordance.VariantClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy on the committed slice against its truth, computed by {@code gap concordance}: pinned in
 * golden/trio1_child.concordance.tsv (it moves only with the golden VCF digest), and no worse than bcftools 1.16 on the
 * same BAM, scored the same way, by more than 0.005 F1 for SNVs and 0.01 for indels. That comparison is of callers:
 * bcftools filters nothing, so both sides count every record (gap's PASS calls are also filtered by the scorer).
 */
class SliceAccuracyTest {
    @TempDir
    static Path tmp;
    private static ConcordanceReport ours;
    private static ConcordanceReport oursAllRecords;

    @BeforeAll
    static void callSlice() {
        Path vcf = CallCommandTest.call(tmp.resolve("gap"), SampleData.file("trio1_child.bam"));
        ours = score(vcf, false);
        oursAllRecords = score(vcf, true);
    }

    private static ConcordanceReport score(Path calls, boolean includeFiltered) {
        return Concordance.run(new Concordance.Inputs(SampleData.file("trio1_child.truth.vcf.gz"), calls,
                SampleData.file("ref.fa"), SampleData.file("confident.bed"), null, null, includeFiltered));
    }

    private static String tsv(ConcordanceReport report) throws IOException {
        StringBuilder sb = new StringBuilder();
        ConcordanceTsv.write(report, sb);
        return sb.toString();
    }

    @Test
    void accuracyIsThePinnedTable() throws IOException {
        String table = tsv(ours);
        System.out.println("gap on the slice:\n" + table);
        assertEquals(Files.readString(Path.of("src/test/resources/golden/trio1_child.concordance.tsv")), table);
    }

    @Test
    void noWorseThanBcftoolsOnTheSameBam() throws Exception {
        Tools.require("bcftools");
        Path calls = tmp.resolve("bcftools.vcf.gz");
        String ref = SampleData.file("ref.fa").toString();
        String bam = SampleData.file("trio1_child.bam").toString();
        Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; bcftools mpileup -f '" + ref + "' -a AD,DP '" + bam
                + "' 2>/dev/null | bcftools call -mv -Oz -o '" + calls + "'").inheritIO().start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "bcftools failed");
        ConcordanceReport theirs = score(calls, true);
        System.out.println("bcftools on the slice:\n" + tsv(theirs));
        System.out.println("gap on the slice, every record:\n" + tsv(oursAllRecords));
        for (VariantClass c : VariantClass.values()) {
            ClassCounts a = oursAllRecords.of(c);
            ClassCounts b = theirs.of(c);
            double margin = c == VariantClass.SNV ? 0.005 : 0.01;
            assertTrue(a.f1() >= b.f1() - margin, c + ": gap F1 " + a.f1() + " vs bcftools " + b.f1());
            assertTrue(a.truthTotal() > 20, "the slice holds " + c + "s to score");
        }
    }

}
