package gap.core.qc.report;

import gap.core.cnv.CnvResult;
import gap.core.cnv.CnvSegment;
import gap.core.io.ReadFilters;
import gap.core.concordance.ClassCounts;
import gap.core.concordance.VariantClass;
import gap.core.model.ReadCounts;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.FamilyQc;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.qc.SampleVariantCounts;
import gap.core.qc.SomaticQc;
import gap.core.qc.TruthQc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a run's {@link QcReport} and its {@link Plot}s, gives {@code report.html}: one self-contained page (summary
 * tables, inline SVG plots, the concordance table when a truth set was given) that loads nothing. Its
 * content-security policy is {@code default-src 'none'} with only its own stylesheet allowed (by hash): no script,
 * font, image or connection can leave the page, whatever a browser would otherwise fetch. No dates or paths, so the
 * same inputs give the same bytes.
 */
public final class HtmlReport {
    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;\
            max-width:1140px;color:#1b1f24;padding:0 16px}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;\
            padding-bottom:4px}
            .meta{color:#57606a;margin:0}.note{color:#57606a;font-size:13px}
            table{border-collapse:collapse;font-size:13px;margin:4px 0}
            th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:right;white-space:nowrap}
            th{background:#f6f8fa}td:first-child,th:first-child{text-align:left;font-family:ui-monospace,monospace}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:16px}
            figure{margin:0;border:1px solid #d0d7de;border-radius:6px;padding:8px}
            figcaption{font-size:12px;color:#57606a;margin-top:4px}figcaption b{color:#1b1f24;font-size:14px}
            .plot text{font-size:11px;fill:#1b1f24}.plot .tick{fill:#57606a}.plot .axis-label{font-size:12px}
            .plot .grid{stroke:#eaeef2}.plot .axis{stroke:#57606a}.plot .guide{stroke:#8c959f;stroke-dasharray:4 3}
            .plot .band{fill:#2da44e;fill-opacity:.15}.plot .series{stroke-width:1.5}
            ul{font-size:13px;color:#57606a}tr.warn td{background:#fff8c5}""";

    private HtmlReport() {}

    public static String write(QcReport report, List<Plot> plots) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(styleHash()).append("'; base-uri 'none'; form-action 'none'\">\n");
        h.append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>gap QC report</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>gap QC report</h1>\n<p class=\"meta\">").append(report.samples().size()).append(" sample(s), ")
                .append(report.callSets().size()).append(" call set(s) · gap ").append(Html.escape(report.gapVersion()))
                .append(report.referenceMd5() == null ? "" : " · reference md5 " + Html.escape(report.referenceMd5()))
                .append(" · callable: ").append(Html.escape(report.territory())).append("</p>\n");
        summary(report, h);
        reads(report, h);
        h.append("<h2>Plots</h2>\n<div class=\"grid\">\n");
        for (Plot p : plots) {
            h.append("<figure id=\"plot-").append(Html.escape(p.id())).append("\">\n").append(SvgPlot.render(p))
                    .append("<figcaption><b>").append(Html.escape(p.title())).append("</b><br>")
                    .append(Html.escape(p.caption())).append("</figcaption>\n</figure>\n");
        }
        h.append("</div>\n");
        copyNumber(report, h);
        callSets(report, h);
        somatic(report.somatic(), h);
        truth(report, h);
        family(report.family(), h);
        notes(h);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The CSP source allowing exactly the page's stylesheet. */
    static String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void summary(QcReport report, StringBuilder h) {
        h.append("<h2>Summary</h2>\n<table id=\"summary\">\n<tr><th>sample</th><th>role</th><th>mean depth</th>"
                + "<th>≥10×</th><th>≥20×</th><th>≥30×</th><th>SNVs</th><th>indels</th><th>Ti/Tv</th><th>het/hom</th>"
                + "<th>ins/del</th><th>PASS</th><th>filtered</th></tr>\n");
        for (SampleQc s : report.samples()) {
            CoverageMetrics c = s.coverage();
            boolean covered = c != null && c.territory() > 0;
            SampleVariantCounts v = report.variants(s);
            h.append("<tr><td>").append(Html.escape(s.sample())).append("</td><td>")
                    .append(s.role() == null ? "—" : Html.escape(s.role())).append("</td><td>")
                    .append(covered ? fixed(c.meanCoverage(), 1) + "×" : "—").append("</td>");
            for (int depth : new int[] {10, 20, 30}) {
                h.append("<td>").append(covered ? fixed(100 * c.fractionAtLeast(depth), 1) + "%" : "—").append("</td>");
            }
            h.append("<td>").append(count(v.snvs())).append("</td><td>").append(count(v.indels())).append("</td><td>")
                    .append(fixed(v.tsTv(), 2)).append("</td><td>").append(fixed(v.hetHomRatio(), 2)).append("</td><td>")
                    .append(fixed(v.insDelRatio(), 2)).append("</td><td>").append(count(v.nonRefPass()))
                    .append("</td><td>").append(count(v.nonRefFiltered())).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">SNVs and indels: the sample's non-reference genotypes. Ti/Tv and het/hom"
                + " over SNVs, ins/del over indels; PASS and filtered count non-reference genotypes by their"
                + " record's FILTER.</p>\n");
    }

    private static void reads(QcReport report, StringBuilder h) {
        if (report.samples().stream().allMatch(s -> s.reads() == null)) {
            return;
        }
        h.append("<h2>Reads</h2>\n<table id=\"reads\">\n<tr><th>sample</th><th>seen</th><th>kept</th>");
        for (ReadCounts.Reason r : ReadCounts.Reason.values()) {
            if (r != ReadCounts.Reason.PASS) {
                h.append("<th>").append(QcNames.reasonTitle(r)).append("</th>");
            }
        }
        h.append("</tr>\n");
        for (SampleQc s : report.samples()) {
            ReadCounts r = s.reads();
            h.append("<tr><td>").append(Html.escape(s.sample())).append("</td>");
            if (r == null) {
                h.append("<td colspan=\"").append(ReadCounts.Reason.values().length + 1).append("\">—</td></tr>\n");
                continue;
            }
            h.append("<td>").append(count(r.seen())).append("</td>");
            for (ReadCounts.Reason reason : ReadCounts.Reason.values()) {
                h.append("<td>").append(count(r.get(reason))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p class=\"note\">Each read is counted once, by the shard holding its start; a read is"
                + " dropped by the first filter that matches, in this order.</p>\n");
    }

    private static void copyNumber(QcReport report, StringBuilder h) {
        if (report.copyNumber().isEmpty()) {
            return;
        }
        h.append("<h2>Copy number</h2>\n<table id=\"copy-number\">\n<tr><th>sample</th><th>sex</th><th>usable bins"
                + "</th><th>noise (log2 SD)</th><th>baseline</th><th>het SNVs</th><th>changes</th></tr>\n");
        for (CnvResult r : report.copyNumber()) {
            h.append("<tr><td>").append(Html.escape(r.sample())).append("</td><td>").append(r.sex().word())
                    .append("</td><td>").append(count(r.usableBins())).append("</td><td>").append(fixed(r.noise(), 3))
                    .append("</td><td>").append(fixed(r.baseline(), 3))
                    .append(r.baselineFromAlleles() ? "" : " (fitted)").append("</td><td>").append(count(r.hets()))
                    .append("</td><td>").append(count(r.events().size())).append("</td></tr>\n");
        }
        h.append("</table>\n<table id=\"copy-number-changes\">\n<tr><th>sample</th><th>region</th><th>type</th>"
                + "<th>CN</th><th>mosaic fraction</th><th>CNQ</th><th>log2 ratio</th><th>bins</th><th>het SNVs</th>"
                + "<th>BAF</th></tr>\n");
        for (CnvResult r : report.copyNumber()) {
            for (CnvSegment e : r.events()) {
                h.append("<tr><td>").append(Html.escape(r.sample())).append("</td><td>")
                        .append(Html.escape(e.contig())).append(':').append(count(e.start())).append('-')
                        .append(count(e.end())).append(e.wholeContig() ? " (whole contig)"
                                : e.wholeArm() != null ? " (whole " + e.wholeArm() + " arm)" : "").append("</td><td>")
                        .append(e.svType()).append("</td><td>").append(e.state().copies()).append("</td><td>")
                        .append(e.state().isMosaic() ? fixed(e.state().fraction(), 2) : "—").append("</td><td>")
                        .append(fixed(e.quality(), 0)).append("</td><td>").append(fixed(e.meanLog2(), 2))
                        .append("</td><td>").append(count(e.bins())).append("</td><td>").append(count(e.hets()))
                        .append("</td><td>").append(fixed(e.minorAlleleFraction(), 2)).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        for (CnvResult r : report.copyNumber()) {
            h.append("<figure id=\"plot-").append(Html.escape(CnvPlot.id(r))).append("\">\n")
                    .append(CnvPlot.render(r)).append("<figcaption><b>Copy ratio and B-allele fraction of ")
                    .append(Html.escape(r.sample())).append("</b><br>Above: log2 ratio of each usable bin's reads to"
                            + " the panel of normals' for the expected copies, against the sample's baseline, with"
                            + " the segments at their means (losses red, gains blue). Below: alternate fraction of"
                            + " the heterozygous SNV calls (1/2 for two copies, 1/3 and 2/3 for a gain of one"
                            + " haplotype, none left where one is lost).</figcaption>\n</figure>\n");
        }
        h.append("<p class=\"note\">Changes are called from depth against the panel of normals and the allele"
                + " fractions of the sample's own heterozygous SNV calls; a mosaic fraction is the share of cells"
                + " carrying the change where depth and allele fractions say it is not all of them. Bins the panel"
                + " masks (low mappability, N bases, disagreeing normals) are not called.</p>\n");
    }

    private static void callSets(QcReport report, StringBuilder h) {
        h.append("<h2>Call sets</h2>\n<table id=\"call-sets\">\n<tr><th>call set</th><th>records</th><th>SNVs</th>"
                + "<th>MNPs</th><th>indels</th><th>others</th><th>multi-allelic</th><th>Ti/Tv</th><th>ins/del</th>"
                + "<th>FILTER</th></tr>\n");
        for (CallSetQc c : report.callSets()) {
            CallSetStats s = c.stats();
            StringBuilder filters = new StringBuilder();
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(s.filters()).entrySet()) {
                filters.append(filters.length() == 0 ? "" : ", ").append(Html.escape(e.getKey())).append(' ')
                        .append(count(e.getValue()));
            }
            h.append("<tr><td>").append(Html.escape(c.name())).append("</td><td>").append(count(s.records()))
                    .append("</td><td>").append(count(s.snps())).append("</td><td>").append(count(s.mnps()))
                    .append("</td><td>").append(count(s.indels())).append("</td><td>").append(count(s.others()))
                    .append("</td><td>").append(count(s.multiallelic())).append("</td><td>").append(fixed(s.tsTv(), 2))
                    .append("</td><td>").append(fixed(s.insDelRatio(), 2)).append("</td><td>")
                    .append(filters.length() == 0 ? "—" : filters).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">As bcftools stats counts them: records by type, Ti/Tv over every SNV"
                + " ALT allele, ins/del over indel ALT alleles. The bcftools-stats-compatible text of each call set is"
                + " beside this page.</p>\n");
    }

    private static void somatic(SomaticQc q, StringBuilder h) {
        if (q == null) {
            return;
        }
        h.append("<h2>Somatic calls</h2>\n<table id=\"somatic\">\n<tr><th>tumour</th><th>normal</th><th>mode</th>"
                + "<th>PASS SNVs</th><th>PASS indels</th><th>estimated purity</th><th>contamination</th></tr>\n");
        h.append("<tr><td>").append(Html.escape(q.tumour())).append("</td><td>")
                .append(q.normal() == null ? "—" : Html.escape(q.normal())).append("</td><td>")
                .append(Html.escape(q.mode())).append("</td><td>").append(count(q.passSnvs())).append("</td><td>")
                .append(count(q.passIndels())).append("</td><td>").append(fixed(q.purity(), 2)).append("</td><td>")
                .append(q.normal() == null ? "—" : fixed(q.contamination(), 4) + " ± " + fixed(q.contaminationError(), 4))
                .append("</td></tr>\n</table>\n");
        h.append("<table id=\"somatic-spectrum\">\n<tr><th>class</th>");
        for (String c : SomaticQc.CLASSES) {
            h.append("<th>").append(Html.escape(c)).append("</th>");
        }
        h.append("</tr>\n<tr><td>PASS SNVs</td>");
        for (int c = 0; c < SomaticQc.CLASSES.size(); c++) {
            h.append("<td>").append(count(q.classCount(c))).append("</td>");
        }
        h.append("</tr>\n</table>\n<table id=\"somatic-filters\">\n<tr><th>FILTER</th><th>records</th></tr>\n");
        new java.util.TreeMap<>(q.filters()).forEach((f, n) -> h.append("<tr><td>").append(Html.escape(f))
                .append("</td><td>").append(count(n)).append("</td></tr>\n"));
        h.append("</table>\n<p class=\"note\">Purity: twice the allele fraction of the heaviest cluster of the somatic"
                + " allele-fraction spectrum (clonal heterozygous mutations of a diploid tumour). Contamination: from"
                + " the tumour's REF reads at the normal's hom-alt SNVs (contamination.table). The spectrum plot has"
                + " the 96 trinucleotide channels (COSMIC SBS96 order); oxoG damage shows as C&gt;A, APOBEC as C&gt;T"
                + " and C&gt;G at TCW. A record fails every filter its error probability for exceeds the run's"
                + " threshold.</p>\n");
    }

    private static void truth(QcReport report, StringBuilder h) {
        if (report.truth().isEmpty()) {
            return;
        }
        h.append("<h2>Accuracy against the truth set</h2>\n<table id=\"truth\">\n<tr><th>sample</th><th>type</th>"
                + "<th>TP</th><th>FP</th><th>FN</th><th>precision</th><th>recall</th><th>F1</th>"
                + "<th>genotype concordance</th></tr>\n");
        for (TruthQc t : report.truth()) {
            for (VariantClass c : VariantClass.values()) {
                ClassCounts k = t.report().of(c);
                h.append("<tr><td>").append(Html.escape(t.sample())).append("</td><td>").append(c.name())
                        .append("</td><td>").append(count(k.tp())).append("</td><td>").append(count(k.fp()))
                        .append("</td><td>").append(count(k.fn())).append("</td><td>").append(fixed(k.precision(), 4))
                        .append("</td><td>").append(fixed(k.recall(), 4)).append("</td><td>").append(fixed(k.f1(), 4))
                        .append("</td><td>").append(fixed(k.genotypeConcordance(), 4)).append("</td></tr>\n");
            }
        }
        h.append("</table>\n<p class=\"note\">Scored as gap concordance scores: both sides normalised, matched on"
                + " exact (contig, POS, REF, ALT) or, for alleles left over, by the haplotype sequences both sides"
                + " spell nearby; calls with FILTER PASS or . only, in the confident regions when given.</p>\n");
    }

    private static void family(FamilyQc family, StringBuilder h) {
        if (family.pairs().isEmpty()) {
            return;
        }
        h.append("<h2>Family checks</h2>\n");
        if (!family.trios().isEmpty()) {
            h.append("<table id=\"trios\">\n<tr><th>child</th><th>father</th><th>mother</th><th>PASS sites</th>"
                    + "<th>Mendelian violations</th><th>de novo calls</th></tr>\n");
            for (FamilyQc.TrioQc t : family.trios()) {
                h.append("<tr><td>").append(Html.escape(t.child())).append("</td><td>").append(Html.escape(t.father()))
                        .append("</td><td>").append(Html.escape(t.mother())).append("</td><td>").append(count(t.sites()))
                        .append("</td><td>").append(count(t.violations())).append("</td><td>").append(count(t.deNovo()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n<p class=\"note\">PASS sites where all three are called and one carries an alternate"
                    + " allele; chrM by maternal inheritance. Violations exclude the de novo calls (DNQ at the run's"
                    + " threshold), listed in denovo.tsv.</p>\n");
        }
        h.append("<table id=\"relatedness\">\n<tr><th>sample</th><th>sample</th><th>declared</th><th>sites</th>"
                + "<th>IBS0</th><th>kinship</th><th>genotypes say</th><th>chrM mismatches</th><th>warning</th></tr>\n");
        for (FamilyQc.PairQc p : family.pairs()) {
            h.append(p.warning() == null ? "<tr>" : "<tr class=\"warn\">").append("<td>").append(Html.escape(p.sampleA()))
                    .append("</td><td>").append(Html.escape(p.sampleB())).append("</td><td>")
                    .append(Html.escape(p.declared())).append("</td><td>").append(count(p.sites())).append("</td><td>")
                    .append(fixed(p.ibs0(), 4)).append("</td><td>").append(fixed(p.kinship(), 3)).append("</td><td>")
                    .append(Html.escape(p.inferred())).append("</td><td>")
                    .append(p.mitochondrialSites() < 0 ? "—" : p.mitochondrialMismatches() + " of "
                            + p.mitochondrialSites()).append("</td><td>")
                    .append(p.warning() == null ? "—" : Html.escape(p.warning())).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"note\">Over the biallelic PASS SNV sites (chrM aside) where both are called"
                + " with GQ 20 or more: IBS0 is the share where they share no allele, kinship KING's robust estimator"
                + " (parent and child: IBS0 near 0, kinship near 0.25; unrelated: kinship near 0). A declared mother"
                + " and child are also compared on chrM, which the child inherits from her.</p>\n");
    }

    private static void notes(StringBuilder h) {
        h.append("<h2>How these numbers are made</h2>\n<ul>\n");
        h.append("<li>Depth: fragments with an aligned base at a position (samtools depth -s over the reads gap keeps;"
                + " overlapping mates count once, deletions and clipped bases do not). Callable bases: the -L"
                + " intervals, else the reference, without N bases.</li>\n");
        h.append("<li>Variant counts follow bcftools stats -s -: a record with several variant types counts in each;"
                + " het/hom and Ti/Tv per sample are over SNV genotypes (PSC), indel genotypes are in PSI.</li>\n");
        h.append("<li>Samples are named by their pseudonyms only.</li>\n</ul>\n");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
