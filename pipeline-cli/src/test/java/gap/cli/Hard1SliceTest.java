package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.concordance.Concordance;
import gap.core.concordance.ConcordanceTsv;
import gap.core.concordance.EventConcordance;
import gap.core.concordance.VariantClass;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed hard1 slice at 15x (noisy 2x250 reads, PCR duplicates, STRs, long indels, MNPs, SNV+indel alleles):
 * every long deletion and insertion, MNP and complex event of the slice found (the long insertions need local
 * assembly: bwa soft-clips them), STR events all but one, and F1 floors.
 */
class Hard1SliceTest {
    @TempDir
    Path tmp;

    @Test
    void classFloors() throws IOException {
        Path vcf = CallCommandTest.call(tmp.resolve("out"), SampleData.file("hard1_proband_15x.bam"));
        Concordance.Result result = Concordance.run(new Concordance.Inputs(SampleData.file("hard1_proband.truth.vcf.gz"),
                vcf, SampleData.file("ref.fa"), SampleData.file("confident.bed"), null, null),
                SampleData.file("hard1.classes.tsv"));
        StringBuilder table = new StringBuilder();
        ConcordanceTsv.write(result.report(), table);
        ConcordanceTsv.writeEvents(result.events(), table);
        System.out.println("gap on the hard1 slice:\n" + table);

        Map<String, EventConcordance.ClassEvents> byClass = result.events().stream()
                .collect(Collectors.toMap(EventConcordance.ClassEvents::eventClass, e -> e));
        for (String everyOne : new String[] {"long_del", "long_ins", "mnp", "snv_indel"}) {
            EventConcordance.ClassEvents e = byClass.get(everyOne);
            assertEquals(e.events(), e.found(), everyOne + " all found\n" + table);
        }
        assertTrue(byClass.get("str_indel").found() >= 15, "STR events: " + byClass.get("str_indel"));
        assertTrue(result.report().of(VariantClass.SNV).f1() >= 0.99, table.toString());
        assertTrue(result.report().of(VariantClass.INDEL).f1() >= 0.97, table.toString());
        result.events().forEach(e -> assertEquals(0, e.falseCallsInside(), "no false call inside " + e));
    }
}
