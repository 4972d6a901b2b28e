package gap.core.qc;

import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.Tools;
import gap.core.qc.report.BcftoolsStatsFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our stats file holds, section for section, what Debian's {@code bcftools stats -s -} (1.16) prints for the same VCF:
 * every line but the two header lines naming the program and the HWE section we do not write. The VCFs: hand-made
 * edge cases (multi-allelic mixes, MNPs, complex and symbolic alleles, {@code *}, ALT {@code .}, haploid and missing
 * genotypes, INFO AC/AN, an N and a lowercase REF, QUAL past 10000, depth past 500), the slice's joint trio truth and
 * hard1 truth (MNPs, complex alleles, long indels), and the known sites (no samples).
 */
class BcftoolsStatsCompatibilityTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"edge-cases.vcf", "trio1.truth.vcf.gz", "hard1_proband.truth.nosplit.vcf.gz",
            "known-sites.vcf.gz", "trio1_child.truth.vcf.gz"})
    void everySectionWeWriteIsBcftools(String name) throws IOException {
        Tools.require("bcftools");
        Path vcf = tmp.resolve(name);
        Path source = name.equals("edge-cases.vcf") ? Path.of("src/test/resources/gap/core/qc", name)
                : SampleData.file(name);
        Files.copy(source, vcf);
        CallSetStats stats = CallSetReader.read(vcf);
        // bcftools refuses -s - for a VCF without samples, and then writes no per-sample sections, as we do
        String theirs = Tools.run(tmp, stats.samples().isEmpty() ? List.of("bcftools", "stats", name)
                : List.of("bcftools", "stats", "-s", "-", name));
        String ours = BcftoolsStatsFormat.write(stats, name);
        assertLinesMatch(Tools.bcftoolsComparable(theirs), Tools.bcftoolsComparable(ours));
        assertTrue(ours.lines().anyMatch(l -> l.startsWith("SN\t0\tnumber of records:")));
    }
}
