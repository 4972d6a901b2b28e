package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.model.Filters;
import gap.core.vcf.InfoField;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VcfRecordsTest {
    private static final String HEADER = """
            ##fileformat=VCFv4.2
            ##FILTER=<ID=PASS,Description="All filters passed">
            ##INFO=<ID=DP,Number=1,Type=Integer,Description="d">
            ##INFO=<ID=QD,Number=1,Type=Float,Description="q">
            ##INFO=<ID=AF,Number=A,Type=Float,Description="a">
            ##INFO=<ID=AC,Number=A,Type=Integer,Description="c">
            ##INFO=<ID=DENOVO,Number=.,Type=String,Description="n">
            ##contig=<ID=chr1,length=1000>
            #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
            """;

    private static VariantContext record(String line) {
        VCFCodec codec = new VCFCodec();
        codec.readActualHeader(new htsjdk.tribble.readers.LineIteratorImpl(
                new htsjdk.tribble.readers.SynchronousLineReader(new java.io.InputStreamReader(
                        new ByteArrayInputStream(HEADER.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))));
        return codec.decode(line);
    }

    @Test
    void filtersReadOneWayPassMissingAndSortedNames() {
        assertEquals(Filters.PASS, VcfRecords.filters(record("chr1\t10\t.\tA\tG\t50\tPASS\tDP=3")));
        assertEquals(Filters.MISSING, VcfRecords.filters(record("chr1\t10\t.\tA\tG\t50\t.\tDP=3")),
                "'.' stays missing, as bcftools reads it, not a pass");
        assertEquals(List.of("FS60", "QD2"), VcfRecords.filters(record("chr1\t10\t.\tA\tG\t50\tQD2;FS60\tDP=3"))
                .names(), "sorted, as htsjdk writes them");
    }

    @Test
    void infoValuesAreTypedByTheirHeaderLines() {
        VariantContext vc = record("chr1\t10\t.\tA\tG,T\t50\tPASS\tDP=61;QD=1.79;AF=0.500,0.250;AC=1,1;DENOVO=S1,S2");
        Map<String, Object> info = VcfRecords.info(vc, InfoField.headerLines());
        assertEquals(61, info.get("DP"));
        assertEquals(1.79, info.get("QD"));
        assertEquals(List.of(0.5, 0.25), info.get("AF"));
        assertEquals(List.of(1, 1), info.get("AC"));
        assertEquals(List.of("S1", "S2"), info.get("DENOVO"));
        assertEquals("0.500", InfoField.AF.format((Double) ((List<?>) info.get("AF")).get(0)), "written back as read");
    }

    @Test
    void aValueThatIsNotItsTypeIsKeptAsText() {
        Map<String, Object> info = VcfRecords.info(record("chr1\t10\t.\tA\tG,T\t50\tPASS\tDP=x;AC=1,."),
                InfoField.headerLines());
        assertEquals("x", info.get("DP"));
        assertEquals("1,.", info.get("AC"));
    }
}
