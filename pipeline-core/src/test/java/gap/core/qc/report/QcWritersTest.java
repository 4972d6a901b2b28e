package gap.core.qc.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.model.ReadCounts;
import gap.core.qc.AlleleType;
import gap.core.qc.CallRecord;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.qc.report.Plot;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces of the QC files: allele types, C rounding, merging, and what each writer promises. */
class QcWritersTest {

    @Test
    void allelesAreTypedAsHtslibTypesThem() {
        assertEquals(new AlleleType(AlleleType.SNP, 1), AlleleType.of("A", "G"));
        assertEquals(new AlleleType(AlleleType.REF, 0), AlleleType.of("A", "."));
        assertEquals(new AlleleType(AlleleType.INDEL, 2), AlleleType.of("A", "ATT"));
        assertEquals(new AlleleType(AlleleType.INDEL, -2), AlleleType.of("ATT", "A"));
        assertEquals(new AlleleType(AlleleType.SNP, 1), AlleleType.of("ATT", "GTT"), "padded SNV of a multi-allelic");
        assertEquals(new AlleleType(AlleleType.MNP, 2), AlleleType.of("AC", "GT"));
        assertEquals(AlleleType.OTHER, AlleleType.of("ACT", "TCGA").flag());
        assertEquals(AlleleType.OTHER, AlleleType.of("A", "<DEL>").flag());
        assertEquals(AlleleType.OVERLAP, AlleleType.of("A", "*").flag());
        assertEquals(new AlleleType(AlleleType.REF, 0), AlleleType.of("A", "<NON_REF>"));
    }

    @Test
    void numbersRoundAsCPrintfDoes() {
        assertEquals("0.12", CFormat.fixed(0.125, 2), "an exact tie goes to even");
        assertEquals("2.67", CFormat.fixed(2.675, 2), "2.675 is 2.67499… in binary");
        assertEquals("0.000000", CFormat.fixed(0));
        assertEquals("29.6", CFormat.fixed((float) 7400 / 250f, 1));
    }

    @Test
    void statisticsOfPartsAddUpToTheWhole() {
        List<CallRecord> records = new ArrayList<>();
        List<String> samples;
        try (VCFFileReader reader = new VCFFileReader(SampleData.file("trio1.truth.vcf.gz"), false)) {
            samples = reader.getFileHeader().getGenotypeSamples();
            for (VariantContext vc : reader) {
                records.add(CallRecord.of(vc, samples));
            }
        }
        CallSetStats whole = CallSetStats.of(samples, records);
        int third = records.size() / 3;
        CallSetStats parts = CallSetStats.of(samples, records.subList(2 * third, records.size()))
                .plus(CallSetStats.of(samples, records.subList(0, third)))
                .plus(CallSetStats.of(samples, records.subList(third, 2 * third)));
        assertEquals(BcftoolsStatsFormat.write(whole, "x.vcf.gz"), BcftoolsStatsFormat.write(parts, "x.vcf.gz"));
        assertTrue(whole.records() > 100);
    }

    private static QcReport report() {
        List<CallRecord> records = new ArrayList<>();
        try (VCFFileReader reader = new VCFFileReader(SampleData.file("trio1_child.truth.vcf.gz"), false)) {
            for (VariantContext vc : reader) {
                records.add(CallRecord.of(vc, List.of("trio1_child")));
            }
        }
        long[] h = new long[CoverageMetrics.CAP + 1];
        h[0] = 5;
        h[30] = 95;
        CoverageMetrics coverage = new CoverageMetrics(100, 95 * 30, h);
        ReadCounts reads = new ReadCounts(Map.of(ReadCounts.Reason.PASS, 1000L, ReadCounts.Reason.DUPLICATE, 7L));
        String id = "GAP-0123456789AB";
        return new QcReport("9.9", null, "the whole reference less its N bases",
                List.of(new SampleQc(id, "proband", "female", "GAP-ZZZZZZZZZZZZ", reads, coverage, id)),
                List.of(new CallSetQc(id, id + ".vcf.gz", CallSetStats.of(List.of(id), records))), List.of());
    }

    @Test
    void theReportsPolicyAllowsExactlyItsStylesheet() throws Exception {
        QcReport report = report();
        String html = HtmlReport.write(report, QcPlots.of(report));
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(HtmlReport.STYLE.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'sha256-" + hash + "'"), html);
        assertTrue(html.contains("<style>" + HtmlReport.STYLE + "</style>"));
        assertFalse(html.contains(" style="), "inline style attributes would be blocked by the policy");
        assertFalse(html.contains("trio1"), "names are the ones the report is given");
    }

    @Test
    void everyPlotDrawsOneMarkPerDatumAndQcJsonCountsThem() {
        QcReport report = report();
        List<Plot> plots = QcPlots.of(report);
        String html = HtmlReport.write(report, plots);
        String json = QcJson.write(report, plots);
        for (Plot p : plots) {
            int start = html.indexOf("data-plot=\"" + p.id() + "\"");
            String svg = html.substring(start, html.indexOf("</svg>", start));
            assertEquals(p.marks(), svg.split("data-mark=\"\"", -1).length - 1, p.id());
            assertTrue(json.contains("\"id\" : \"" + p.id() + "\",\n    \"title\" : \"" + p.title() + "\",\n    \"marks\" : "
                    + p.marks()), p.id());
        }
        Plot coverage = plots.get(0);
        assertEquals("coverage", coverage.id());
        assertEquals(40, coverage.xMax(), "95 % of bases at 30×: the axis ends at the first multiple of ten past it");
        assertEquals(41, coverage.marks());
    }

    @Test
    void multiQcHeaderIsYamlEvenWithQuotes() {
        String table = MultiQcTable.write(report());
        assertTrue(table.contains("#         description: 'Reads passing gap''s filters'\n"), table);
        String[] lines = table.lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("Sample\tREADS_SEEN\t"));
        assertTrue(lines[1].startsWith("GAP-0123456789AB\t1007\t99.30\t7\t0\t28.50\t30\t95.00\t95.00\t95.00\t"),
                lines[1]);
    }
}
