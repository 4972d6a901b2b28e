package gap.core.qc.report;

import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.qc.SampleVariantCounts;
import gap.core.qc.SomaticQc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Takes a run's {@link QcReport}, gives the report's plots: coverage of callable bases, variant classes per call
 * set, genotype counts per sample, Ti/Tv per sample, indel lengths, and GQ. Samples keep one colour in every plot
 * (Okabe–Ito, readable with colour blindness).
 */
public final class QcPlots {
    static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
        "#000000"};
    /** Expected whole-genome Ti/Tv, drawn as a band (2.0–2.1; exomes run higher, 2.8–3.3). */
    static final double[] WGS_TSTV = {2.0, 2.1};

    private QcPlots() {}

    public static List<Plot> of(QcReport report) {
        List<Plot> plots = new ArrayList<>();
        if (report.samples().stream().anyMatch(s -> s.coverage() != null && s.coverage().territory() > 0)) {
            plots.add(coverage(report));
        }
        plots.add(variantClasses(report));
        plots.add(genotypes(report));
        plots.add(tsTv(report));
        plots.add(indelLengths(report));
        plots.add(gq(report));
        if (report.somatic() != null) {
            plots.add(somaticAlleleFractions(report.somatic()));
            plots.add(somaticSpectrum(report.somatic()));
        }
        return plots;
    }

    private static Plot somaticAlleleFractions(SomaticQc q) {
        List<String> categories = new ArrayList<>();
        List<Plot.Mark> marks = new ArrayList<>();
        long[] histogram = q.afHistogram();
        for (int i = 0; i < histogram.length; i++) {
            String bin = String.format(Locale.ROOT, "%.2f", i * SomaticQc.AF_BIN);
            categories.add(bin);
            marks.add(new Plot.Mark(bin, i, histogram[i], bin + "–" + String.format(Locale.ROOT, "%.2f",
                    (i + 1) * SomaticQc.AF_BIN) + ": " + histogram[i] + " PASS calls"));
        }
        return new Plot("somatic-af", "Somatic allele fractions", "PASS somatic calls by the tumour's allele"
                + " fraction (FORMAT/AF); subclones make peaks below the clonal one", Plot.Kind.BAR,
                "tumour allele fraction", "PASS calls", categories,
                List.of(new Plot.Series(q.tumour(), color(0), marks)), 0, new double[0]);
    }

    private static Plot somaticSpectrum(SomaticQc q) {
        List<String> categories = new ArrayList<>();
        List<Plot.Mark> marks = new ArrayList<>();
        long[] spectrum = q.spectrum();
        for (int c = 0; c < spectrum.length; c++) {
            String name = SomaticQc.channelName(c);
            categories.add(name);
            marks.add(new Plot.Mark(name, c, spectrum[c], name + ": " + spectrum[c]));
        }
        return new Plot("somatic-spectrum", "Somatic mutation spectrum", "PASS somatic SNVs in the 96 trinucleotide"
                + " channels: six classes (pyrimidine REF) by 5' and 3' base", Plot.Kind.BAR, "channel", "PASS SNVs",
                categories, List.of(new Plot.Series(q.tumour(), color(0), marks)), 0, new double[0]);
    }

    static String color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /**
     * The depth axis ends where every sample's cumulative coverage has fallen below 0.5 % of its callable bases,
     * rounded up to ten; the far tail would only squeeze the part that matters.
     */
    static int coverageAxisMax(QcReport report) {
        int max = 10;
        for (SampleQc s : report.samples()) {
            CoverageMetrics c = s.coverage();
            if (c == null || c.territory() == 0) {
                continue;
            }
            int d = 0;
            while (d < CoverageMetrics.CAP && c.fractionAtLeast(d) >= 0.005) {
                d++;
            }
            max = Math.max(max, d);
        }
        return Math.min(CoverageMetrics.CAP, (max + 9) / 10 * 10);
    }

    private static Plot coverage(QcReport report) {
        int xMax = coverageAxisMax(report);
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < report.samples().size(); i++) {
            SampleQc s = report.samples().get(i);
            if (s.coverage() == null || s.coverage().territory() == 0) {
                continue;
            }
            List<Plot.Mark> marks = new ArrayList<>();
            for (int d = 0; d <= xMax; d++) {
                double pct = 100 * s.coverage().fractionAtLeast(d);
                marks.add(new Plot.Mark(null, d, pct, String.format(Locale.ROOT, "%s: %.1f%% at ≥ %d×", s.sample(),
                        pct, d)));
            }
            series.add(new Plot.Series(s.sample(), color(i), marks));
        }
        return new Plot("coverage", "Coverage of callable bases",
                "Share of callable bases (" + report.territory() + ") covered at least this deep, by fragments"
                        + " (overlapping mates once, deletions not counted); guides at 10, 20 and 30×.",
                Plot.Kind.LINE, "depth (×)", "% of callable bases", List.of(), series, xMax, new double[] {10, 20, 30});
    }

    private static Plot variantClasses(QcReport report) {
        List<String> classes = List.of("SNVs", "MNPs", "indels", "others", "multi-allelic");
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < report.callSets().size(); i++) {
            CallSetQc c = report.callSets().get(i);
            CallSetStats s = c.stats();
            long[] values = {s.snps(), s.mnps(), s.indels(), s.others(), s.multiallelic()};
            List<Plot.Mark> marks = new ArrayList<>();
            for (int k = 0; k < classes.size(); k++) {
                marks.add(new Plot.Mark(classes.get(k), 0, values[k], c.name() + ": " + values[k] + " " + classes.get(k)));
            }
            series.add(new Plot.Series(c.name(), color(sampleIndex(report, c)), marks));
        }
        return new Plot("variant-classes", "Variant classes",
                "Records of each call set by type, as bcftools stats counts them (a record with an SNV and an indel"
                        + " counts in both).", Plot.Kind.BAR, "", "records", classes, series, 0, new double[0]);
    }

    private static Plot genotypes(QcReport report) {
        List<String> kinds = List.of("het SNV", "hom-alt SNV", "het indel", "hom-alt indel");
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < report.samples().size(); i++) {
            SampleQc s = report.samples().get(i);
            SampleVariantCounts v = report.variants(s);
            long homIndels = v.insertionHomAlts() + v.deletionHomAlts();
            long[] values = {v.het(), v.homAlt(), v.indels() - homIndels, homIndels};
            List<Plot.Mark> marks = new ArrayList<>();
            for (int k = 0; k < kinds.size(); k++) {
                marks.add(new Plot.Mark(kinds.get(k), 0, values[k], s.sample() + ": " + values[k] + " " + kinds.get(k)));
            }
            series.add(new Plot.Series(s.sample(), color(i), marks));
        }
        return new Plot("genotypes", "Genotypes per sample",
                "Each sample's non-reference genotypes (bcftools' PSC and PSI rows).", Plot.Kind.BAR, "", "genotypes",
                kinds, series, 0, new double[0]);
    }

    private static Plot tsTv(QcReport report) {
        List<String> samples = new ArrayList<>();
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < report.samples().size(); i++) {
            SampleQc s = report.samples().get(i);
            samples.add(s.sample());
            double tstv = report.variants(s).tsTv();
            List<Plot.Mark> marks = Double.isNaN(tstv) ? List.of()
                    : List.of(new Plot.Mark(s.sample(), 0, tstv, String.format(Locale.ROOT, "%s: Ti/Tv %.2f", s.sample(),
                    tstv)));
            series.add(new Plot.Series(s.sample(), color(i), marks));
        }
        return new Plot("tstv", "Transitions / transversions",
                "Ti/Tv of each sample's SNV genotypes; the band is the usual whole-genome range, 2.0–2.1 (exomes:"
                        + " 2.8–3.3).", Plot.Kind.BAR, "", "Ti/Tv", samples, series, 0, WGS_TSTV);
    }

    private static Plot indelLengths(QcReport report) {
        TreeSet<Integer> lengths = new TreeSet<>();
        report.callSets().forEach(c -> c.stats().indelLengths().forEach(l -> lengths.add(l.length())));
        List<String> categories = lengths.stream().map(String::valueOf).toList();
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < report.callSets().size(); i++) {
            CallSetQc c = report.callSets().get(i);
            List<Plot.Mark> marks = new ArrayList<>();
            for (CallSetStats.IndelLength l : c.stats().indelLengths()) {
                marks.add(new Plot.Mark(String.valueOf(l.length()), 0, l.sites(), c.name() + ": " + l.sites()
                        + (l.length() < 0 ? " deletions of " + -l.length() : " insertions of " + l.length()) + " bp"));
            }
            series.add(new Plot.Series(c.name(), color(sampleIndex(report, c)), marks));
        }
        return new Plot("indel-lengths", "Indel lengths",
                "Indel alleles by length, deletions negative (bcftools' IDD; 60 stands for 60 bp and longer).",
                Plot.Kind.BAR, "length (bp)", "alleles", categories, series, 0, new double[0]);
    }

    private static Plot gq(QcReport report) {
        List<String> bins = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            bins.add((b * 10) + "–" + (b * 10 + 9));
        }
        List<Plot.Series> series = new ArrayList<>();
        for (int i = 0; i < report.samples().size(); i++) {
            SampleQc s = report.samples().get(i);
            long[] h = report.gqHistogram(s);
            long total = 0;
            for (long v : h) {
                total += v;
            }
            List<Plot.Mark> marks = new ArrayList<>();
            for (int b = 0; b < 10 && total > 0; b++) {
                long n = 0;
                for (int q = b * 10; q < b * 10 + 10; q++) {
                    n += h[q];
                }
                double pct = 100.0 * n / total;
                marks.add(new Plot.Mark(bins.get(b), 0, pct, String.format(Locale.ROOT, "%s: %d genotypes (%.1f%%)"
                        + " with GQ %s", s.sample(), n, pct, bins.get(b))));
            }
            series.add(new Plot.Series(s.sample(), color(i), marks));
        }
        return new Plot("gq", "Genotype quality",
                "Each sample's called genotypes by GQ (phred; capped at 99 as in the VCF).", Plot.Kind.BAR, "GQ",
                "% of genotypes", bins, series, 0, new double[0]);
    }

    /** The colour index of a call set: that of its first sample, so a sample's call set keeps its colour. */
    private static int sampleIndex(QcReport report, CallSetQc callSet) {
        for (int i = 0; i < report.samples().size(); i++) {
            if (report.samples().get(i).callSet().equals(callSet.name())) {
                return i;
            }
        }
        return report.samples().size() + report.callSets().indexOf(callSet);
    }
}
