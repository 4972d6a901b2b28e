package gap.core.qc.report;

import gap.core.model.Filters;
import gap.core.model.ReadCounts;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.qc.SampleVariantCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a run's {@link QcReport}, gives {@code gap_qc_mqc.tsv}: MultiQC custom content (a YAML header in {@code #}
 * lines, then a table with a row per sample), which MultiQC finds by its {@code _mqc.tsv} name and shows as its own
 * table. Columns use Picard's metric names where Picard has one (MEAN_COVERAGE, PCT_20X, HET_HOMVAR_RATIO …).
 * Values it cannot give (coverage without reads, a ratio without a denominator) are {@code NA}.
 */
public final class MultiQcTable {
    public static final String FILE_NAME = "gap_qc_mqc.tsv";

    /** A column: its name, MultiQC's title and description for it, and its number format. */
    private record Column(String name, String title, String description, String format, String suffix) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("READS_SEEN", "Reads", "Reads starting in the callable regions", "{:,.0f}", ""),
            new Column("PCT_READS_KEPT", "Kept", "Reads passing gap's filters", "{:,.1f}", "%"),
            new Column("DUPLICATE_READS", "Duplicates", "Reads dropped as duplicates", "{:,.0f}", ""),
            new Column("LOW_MAPQ_READS", "MAPQ<20", "Reads dropped for mapping quality below 20", "{:,.0f}", ""),
            new Column("MEAN_COVERAGE", "Mean depth", "Mean fragment depth over callable bases", "{:,.1f}", "X"),
            new Column("MEDIAN_COVERAGE", "Median depth", "Median fragment depth over callable bases", "{:,.0f}", "X"),
            new Column("PCT_10X", "≥10X", "Callable bases with depth 10 or more", "{:,.1f}", "%"),
            new Column("PCT_20X", "≥20X", "Callable bases with depth 20 or more", "{:,.1f}", "%"),
            new Column("PCT_30X", "≥30X", "Callable bases with depth 30 or more", "{:,.1f}", "%"),
            new Column("SNVS", "SNVs", "SNV genotypes carrying an ALT", "{:,.0f}", ""),
            new Column("INDELS", "Indels", "Indel genotypes carrying an ALT", "{:,.0f}", ""),
            new Column("TITV", "Ti/Tv", "Transitions over transversions of SNV genotypes", "{:,.2f}", ""),
            new Column("HET_HOMVAR_RATIO", "Het/hom", "Het over hom-alt SNV genotypes", "{:,.2f}", ""),
            new Column("INS_DEL_RATIO", "Ins/del", "Insertion over deletion genotypes", "{:,.2f}", ""),
            new Column("PASS_VARIANTS", Filters.PASS_NAME, "Non-reference genotypes at PASS records", "{:,.0f}", ""),
            new Column("FILTERED_VARIANTS", "Filtered", "Non-reference genotypes at filtered records", "{:,.0f}", ""));

    private MultiQcTable() {}

    public static String write(QcReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# id: 'gap_qc'\n");
        out.append("# section_name: 'gap QC'\n");
        out.append("# description: ").append(yaml("Per-sample QC written by gap " + report.gapVersion()
                + ": reads, coverage of callable bases, variant counts. Samples are pseudonyms.")).append('\n');
        out.append("# format: 'tsv'\n");
        out.append("# plot_type: 'table'\n");
        out.append("# pconfig:\n#     id: 'gap_qc_table'\n#     namespace: 'gap'\n#     col1_header: 'Sample'\n");
        out.append("# headers:\n");
        for (Column c : COLUMNS) {
            out.append("#     ").append(c.name()).append(":\n");
            out.append("#         title: ").append(yaml(c.title())).append('\n');
            out.append("#         description: ").append(yaml(c.description())).append('\n');
            out.append("#         format: ").append(yaml(c.format())).append('\n');
            if (!c.suffix().isEmpty()) {
                out.append("#         suffix: ").append(yaml(c.suffix())).append('\n');
            }
            if (c.suffix().equals("%")) {
                out.append("#         min: 0\n#         max: 100\n");
            }
        }
        List<String> header = new ArrayList<>(List.of("Sample"));
        COLUMNS.forEach(c -> header.add(c.name()));
        out.append(String.join("\t", header)).append('\n');
        for (SampleQc s : report.samples()) {
            out.append(String.join("\t", row(report, s))).append('\n');
        }
        return out.toString();
    }

    private static List<String> row(QcReport report, SampleQc s) {
        List<String> row = new ArrayList<>();
        row.add(s.sample());
        ReadCounts r = s.reads();
        row.add(r == null ? "NA" : Long.toString(r.seen()));
        row.add(r == null || r.seen() == 0 ? "NA" : pct(r.get(ReadCounts.Reason.PASS), r.seen()));
        row.add(r == null ? "NA" : Long.toString(r.get(ReadCounts.Reason.DUPLICATE)));
        row.add(r == null ? "NA" : Long.toString(r.get(ReadCounts.Reason.LOW_MAPPING_QUALITY)));
        CoverageMetrics c = s.coverage();
        boolean covered = c != null && c.territory() > 0;
        row.add(covered ? number(c.meanCoverage(), 2) : "NA");
        row.add(covered ? Integer.toString(c.medianCoverage()) : "NA");
        for (int depth : new int[] {10, 20, 30}) {
            row.add(covered ? number(100 * c.fractionAtLeast(depth), 2) : "NA");
        }
        SampleVariantCounts v = report.variants(s);
        row.add(Long.toString(v.snvs()));
        row.add(Long.toString(v.indels()));
        row.add(number(v.tsTv(), 3));
        row.add(number(v.hetHomRatio(), 3));
        row.add(number(v.insDelRatio(), 3));
        row.add(Long.toString(v.nonRefPass()));
        row.add(Long.toString(v.nonRefFiltered()));
        return row;
    }

    /** A YAML single-quoted scalar: quotes inside are doubled. */
    static String yaml(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String pct(long part, long whole) {
        return number(100.0 * part / whole, 2);
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
