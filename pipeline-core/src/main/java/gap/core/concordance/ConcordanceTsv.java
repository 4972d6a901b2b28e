package gap.core.concordance;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Takes a {@link ConcordanceReport}, gives its TSV: {@code #} lines stating the matching rules, one column-header
 * line, one row per {@link VariantClass}. Ratios have 4 decimals; "NA" when undefined.
 */
public final class ConcordanceTsv {
    /** The column names, in order. */
    public static final List<String> COLUMNS = List.of("type", "TP", "FP", "FN", "precision", "recall", "F1",
            "genotype_concordance", "truth_total", "calls_total");

    private ConcordanceTsv() {}

    public static void write(ConcordanceReport report, Appendable out) throws IOException {
        out.append("# gap concordance: ALT alleles in the sample's GT (calls: FILTER PASS or . only), split one ALT"
                + " each, MNPs and complex alleles decomposed into SNVs and indels, indels left-aligned and trimmed"
                + " against the reference, matched on exact (contig, POS, REF, ALT)\n");
        out.append("# confident regions: ").append(report.regions())
                .append(" (BED, 0-based half-open; an allele counts when its POS lies in a region, as bcftools -T)\n");
        out.append("# left out: symbolic or * alleles truth ").append(Integer.toString(report.truthSkipped()))
                .append(", calls ").append(Integer.toString(report.callsSkipped()))
                .append("; filtered call records ").append(Integer.toString(report.callsFiltered())).append('\n');
        out.append(String.join("\t", COLUMNS)).append('\n');
        for (VariantClass c : VariantClass.values()) {
            ClassCounts k = report.of(c);
            out.append(String.join("\t", c.name(), Integer.toString(k.tp()), Integer.toString(k.fp()),
                    Integer.toString(k.fn()), ratio(k.precision()), ratio(k.recall()), ratio(k.f1()),
                    ratio(k.genotypeConcordance()), Integer.toString(k.truthTotal()),
                    Integer.toString(k.callsTotal()))).append('\n');
        }
    }

    /** The event view: one row per truth event class. */
    public static void writeEvents(List<EventConcordance.ClassEvents> events, Appendable out) throws IOException {
        out.append("# events: found when every truth allele in the event's extent is called, or the calls there spell"
                + " the same sequence; false_calls_inside counts call alleles in an event's extent matching no truth"
                + " allele\n");
        out.append(String.join("\t", "class", "events", "found", "recall", "false_calls_inside")).append('\n');
        for (EventConcordance.ClassEvents e : events) {
            out.append(String.join("\t", e.eventClass(), Integer.toString(e.events()), Integer.toString(e.found()),
                    ratio(e.recall()), Integer.toString(e.falseCallsInside()))).append('\n');
        }
    }

    /** A ratio as the TSV writes it: 4 decimals, or "NA". */
    public static String ratio(double value) {
        return Double.isNaN(value) ? "NA" : String.format(Locale.ROOT, "%.4f", value);
    }
}
