package gap.core.concordance;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Takes a {@link ConcordanceReport} (and the optional views of a {@link Concordance.Result}), gives its TSV:
 * {@code #} lines stating the matching rules, one column-header line, one row per {@link VariantClass}; then one
 * section per view, each a {@code #} line, a column-header line and its rows. Ratios have 4 decimals; "NA" when
 * undefined.
 */
public final class ConcordanceTsv {
    /** The column names, in order. */
    public static final List<String> COLUMNS = List.of("type", "TP", "FP", "FN", "precision", "recall", "F1",
            "genotype_concordance", "truth_total", "calls_total");

    private ConcordanceTsv() {}

    public static void write(ConcordanceReport report, Appendable out) throws IOException {
        out.append("# gap concordance: ALT alleles in the sample's GT (calls: "
                + (report.includeFiltered() ? "every record, whatever its FILTER" : "FILTER PASS or . only")
                + "), split one ALT each, MNPs and complex alleles decomposed into SNVs and indels, indels left-aligned"
                + " and trimmed against the reference, matched on exact (contig, POS, REF, ALT); alleles left over"
                + " within " + AlleleMatching.CLUSTER_GAP + " bp of each other (indels with every equivalent"
                + " placement) also match when both sides spell the same haplotypes there, phase unknown\n");
        ConcordanceReport.Clusters k = report.clusters();
        out.append("# haplotype matching: ").append(Integer.toString(k.compared()))
                .append(" clusters with left-over alleles on both sides, ").append(Integer.toString(k.matched()))
                .append(" matched by sequence, ").append(Integer.toString(k.tooLarge()))
                .append(" too large to compare (more than ")
                .append(Integer.toString(HaplotypeComparison.MAX_ALLELES_PER_SIDE))
                .append(" alleles a side; left unmatched). TP counts matched truth alleles, calls_total - FP matched"
                        + " call alleles (they differ when the sides decompose a haplotype into different numbers"
                        + " of alleles); genotype_concordance: TPs whose copy number the calls get right\n");
        out.append("# confident regions: ").append(report.regions())
                .append(" (BED, 0-based half-open; an allele counts when its POS lies in a region, as bcftools -T)\n");
        out.append("# left out: symbolic or * alleles truth ").append(Integer.toString(report.truthSkipped()))
                .append(", calls ").append(Integer.toString(report.callsSkipped()))
                .append("; filtered call records ").append(Integer.toString(report.callsFiltered())).append('\n');
        out.append(String.join("\t", COLUMNS)).append('\n');
        for (VariantClass c : VariantClass.values()) {
            ClassCounts n = report.of(c);
            out.append(String.join("\t", c.name(), Integer.toString(n.tp()), Integer.toString(n.fp()),
                    Integer.toString(n.fn()), ratio(n.precision()), ratio(n.recall()), ratio(n.f1()),
                    ratio(n.genotypeConcordance()), Integer.toString(n.truthTotal()),
                    Integer.toString(n.callsTotal()))).append('\n');
        }
    }

    /** The report and every view the result holds. */
    public static void write(Concordance.Result result, Appendable out) throws IOException {
        write(result.report(), out);
        if (!result.events().isEmpty()) {
            writeEvents(result.events(), out);
        }
        if (result.artefacts() != null) {
            writeArtefacts(result.artefacts(), out);
        }
        if (result.novel() != null) {
            writeNovel(result.novel(), out);
        }
    }

    /** The event view: one row per truth event class. */
    public static void writeEvents(List<EventConcordance.ClassEvents> events, Appendable out) throws IOException {
        out.append("# events: found when every truth allele in the event's extent matched (exactly or by haplotype"
                + " sequence); false_calls_inside counts call alleles in an event's extent matching no truth"
                + " allele\n");
        out.append(String.join("\t", "class", "events", "found", "recall", "false_calls_inside")).append('\n');
        for (EventConcordance.ClassEvents e : events) {
            out.append(String.join("\t", e.eventClass(), Integer.toString(e.events()), Integer.toString(e.found()),
                    ratio(e.recall()), Integer.toString(e.falseCallsInside()))).append('\n');
        }
    }

    /** The artefact view: one row per kind of artefact site. */
    public static void writeArtefacts(List<ArtefactSites.KindCounts> kinds, Appendable out) throws IOException {
        out.append("# artefacts: false call alleles (matching no truth allele) whose POS is an artefact site's;"
                + " false_calls_pass those a FILTER PASS or . record carries\n");
        out.append(String.join("\t", "kind", "sites", "false_calls", "false_calls_pass")).append('\n');
        for (ArtefactSites.KindCounts k : kinds) {
            out.append(String.join("\t", k.kind(), Integer.toString(k.sites()), Integer.toString(k.falseCalls()),
                    Integer.toString(k.falseCallsPass()))).append('\n');
        }
    }

    /** The novel view: one row. */
    public static void writeNovel(NovelAlleles.Counts n, Appendable out) throws IOException {
        out.append("# novel: alleles of the --novel table (normalised, in the confident regions), of them in the"
                + " truth, of those matched by the calls, of those matched only with an allele that filtered call"
                + " records alone carry\n");
        out.append(String.join("\t", "alleles", "listed", "in_truth", "called", "called_filtered")).append('\n');
        out.append(String.join("\t", "novel", Integer.toString(n.listed()), Integer.toString(n.inTruth()),
                Integer.toString(n.called()), Integer.toString(n.calledFiltered()))).append('\n');
    }

    /** A ratio as the TSV writes it: 4 decimals, or "NA". */
    public static String ratio(double value) {
        return Double.isNaN(value) ? "NA" : String.format(Locale.ROOT, "%.4f", value);
    }
}
