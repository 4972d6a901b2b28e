package gap.core.qc.report;

import gap.core.cnv.CnvResult;
import gap.core.cnv.CnvSegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes one sample's copy-number analysis, gives its plot along the genome as inline SVG: above, the log2 copy ratio
 * of its bins (at most {@link #MAX_POINTS}, medians of runs of neighbouring bins beyond that) with each segment drawn
 * at its mean, changes in colour (losses red, gains blue); below, the alternate fraction of its heterozygous SNV calls
 * (at most {@link #MAX_POINTS}, as the analysis thinned them). Contigs follow one another, their names on the axis. Every point and
 * segment is a mark ({@code data-mark}), counted in qc.json; nothing is fetched or scripted.
 */
final class CnvPlot {
    static final int MAX_POINTS = CnvResult.PLOTTED_POINTS;
    static final int WIDTH = 1080;
    static final int HEIGHT = 380;
    private static final int LEFT = 60;
    private static final int RIGHT = 14;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int RATIO_TOP = 30;
    private static final int RATIO_H = 180;
    private static final int BAF_TOP = 250;
    private static final int BAF_H = 90;
    private static final double LOG2_MIN = -3;
    private static final double LOG2_MAX = 2;

    /** The plot's marks: thinned ratio points, thinned allele fractions, segments. */
    record Marks(List<CnvResult.Point> ratios, List<CnvResult.Point> alleleFractions, List<CnvSegment> segments) {
        int count() {
            return ratios.size() + alleleFractions.size() + segments.size();
        }
    }

    private CnvPlot() {}

    static String id(CnvResult r) {
        return "cnv-" + r.sample();
    }

    static Marks marks(CnvResult r) {
        return new Marks(medians(r.ratios()), r.alleleFractions(), r.segments()); // thinned by the analysis
    }

    /** Runs of up to k neighbouring points of a contig as one: the middle position, the median value. */
    static List<CnvResult.Point> medians(List<CnvResult.Point> points) {
        int k = Math.max(1, (points.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<CnvResult.Point> out = new ArrayList<>();
        int i = 0;
        while (i < points.size()) {
            int j = i;
            while (j < points.size() && j - i < k && points.get(j).contig().equals(points.get(i).contig())) {
                j++;
            }
            double[] v = points.subList(i, j).stream().mapToDouble(CnvResult.Point::value).sorted().toArray();
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            out.add(new CnvResult.Point(points.get(i).contig(), points.get((i + j - 1) / 2).position(), median));
            i = j;
        }
        return out;
    }

    static String render(CnvResult r) {
        Marks marks = marks(r);
        Map<String, long[]> layout = layout(r);
        long total = layout.values().stream().mapToLong(v -> v[1]).sum();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot\" data-plot=\"").append(Html.escape(id(r))).append("\" data-marks=\"")
                .append(marks.count()).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"copy ratio and B-allele fraction of ")
                .append(Html.escape(r.sample())).append("\">\n");
        axes(layout, total, svg);
        for (CnvResult.Point p : marks.ratios()) {
            double y = Math.max(LOG2_MIN, Math.min(LOG2_MAX, p.value()));
            svg.append("<circle data-mark=\"\" data-series=\"ratio\" data-value=\"").append(SvgPlot.value(p.value()))
                    .append("\" cx=\"").append(SvgPlot.num(x(layout, total, p.contig(), p.position())))
                    .append("\" cy=\"").append(SvgPlot.num(ratioY(y))).append("\" r=\"1.5\" fill=\"#8c959f\"/>\n");
        }
        for (CnvSegment s : marks.segments()) {
            segment(layout, total, s, svg);
        }
        for (CnvResult.Point p : marks.alleleFractions()) {
            svg.append("<circle data-mark=\"\" data-series=\"baf\" data-value=\"").append(SvgPlot.value(p.value()))
                    .append("\" cx=\"").append(SvgPlot.num(x(layout, total, p.contig(), p.position())))
                    .append("\" cy=\"").append(SvgPlot.num(BAF_TOP + BAF_H * (1 - p.value())))
                    .append("\" r=\"1.5\" fill=\"#6e40c9\"/>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void segment(Map<String, long[]> layout, long total, CnvSegment s, StringBuilder svg) {
        double y = ratioY(Math.max(LOG2_MIN, Math.min(LOG2_MAX, s.meanLog2())));
        String colour = !s.isEvent() ? "#1b1f24" : "DEL".equals(s.svType()) ? "#cf222e" : "#0969da";
        String label = String.format(Locale.ROOT, "%s:%,d-%,d %s CN %d%s, log2 %.2f, %d bins, %d hets, CNQ %.0f",
                s.contig(), s.start(), s.end(), s.svType() == null ? "neutral" : s.svType(), s.state().copies(),
                s.state().isMosaic() ? String.format(Locale.ROOT, " in %.0f%% of cells", 100 * s.state().fraction())
                        : "", s.meanLog2(), s.bins(), s.hets(), s.quality());
        svg.append("<line data-mark=\"\" data-series=\"segment\" data-value=\"").append(SvgPlot.value(s.meanLog2()))
                .append("\" x1=\"").append(SvgPlot.num(x(layout, total, s.contig(), s.start()))).append("\" x2=\"")
                .append(SvgPlot.num(x(layout, total, s.contig(), s.end()))).append("\" y1=\"").append(SvgPlot.num(y))
                .append("\" y2=\"").append(SvgPlot.num(y)).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"3\"><title>").append(Html.escape(label)).append("</title></line>\n");
    }

    /** Each contig plotted, in order: its offset and length along the x axis (its last plotted position). */
    private static Map<String, long[]> layout(CnvResult r) {
        Map<String, Long> ends = new LinkedHashMap<>();
        for (CnvSegment s : r.segments()) {
            ends.merge(s.contig(), (long) s.end(), Math::max);
        }
        for (CnvResult.Point p : r.ratios()) {
            ends.merge(p.contig(), (long) p.position(), Math::max);
        }
        Map<String, long[]> layout = new LinkedHashMap<>();
        long offset = 0;
        for (Map.Entry<String, Long> e : ends.entrySet()) {
            layout.put(e.getKey(), new long[] {offset, e.getValue()});
            offset += e.getValue();
        }
        return layout;
    }

    private static double x(Map<String, long[]> layout, long total, String contig, int position) {
        long[] c = layout.get(contig);
        return LEFT + PLOT_W * (c[0] + position) / (double) Math.max(1, total);
    }

    private static double ratioY(double log2) {
        return RATIO_TOP + RATIO_H * (LOG2_MAX - log2) / (LOG2_MAX - LOG2_MIN);
    }

    private static void axes(Map<String, long[]> layout, long total, StringBuilder svg) {
        for (double v = LOG2_MIN; v <= LOG2_MAX; v += 1) {
            double y = ratioY(v);
            svg.append("<line class=\"").append(v == 0 ? "axis" : "grid").append("\" x1=\"").append(LEFT)
                    .append("\" x2=\"").append(LEFT + PLOT_W).append("\" y1=\"").append(SvgPlot.num(y))
                    .append("\" y2=\"").append(SvgPlot.num(y)).append("\"/><text class=\"tick\" x=\"").append(LEFT - 6)
                    .append("\" y=\"").append(SvgPlot.num(y + 4)).append("\" text-anchor=\"end\">")
                    .append(String.format(Locale.ROOT, "%.0f", v)).append("</text>\n");
        }
        for (double v : new double[] {0, 1.0 / 3, 0.5, 2.0 / 3, 1}) {
            double y = BAF_TOP + BAF_H * (1 - v);
            svg.append("<line class=\"").append(v == 0.5 ? "axis" : "grid").append("\" x1=\"").append(LEFT)
                    .append("\" x2=\"").append(LEFT + PLOT_W).append("\" y1=\"").append(SvgPlot.num(y))
                    .append("\" y2=\"").append(SvgPlot.num(y)).append("\"/><text class=\"tick\" x=\"").append(LEFT - 6)
                    .append("\" y=\"").append(SvgPlot.num(y + 4)).append("\" text-anchor=\"end\">")
                    .append(String.format(Locale.ROOT, "%.2f", v)).append("</text>\n");
        }
        for (Map.Entry<String, long[]> c : layout.entrySet()) {
            double x0 = LEFT + PLOT_W * c.getValue()[0] / (double) Math.max(1, total);
            svg.append("<line class=\"guide\" x1=\"").append(SvgPlot.num(x0)).append("\" x2=\"")
                    .append(SvgPlot.num(x0)).append("\" y1=\"").append(RATIO_TOP).append("\" y2=\"")
                    .append(BAF_TOP + BAF_H).append("\"/><text class=\"tick\" x=\"").append(SvgPlot.num(x0 + 4))
                    .append("\" y=\"").append(BAF_TOP + BAF_H + 16).append("\">").append(Html.escape(c.getKey()))
                    .append("</text>\n");
        }
        svg.append("<text class=\"axis-label\" transform=\"translate(14 ").append(RATIO_TOP + RATIO_H / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">log2 copy ratio</text>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(14 ").append(BAF_TOP + BAF_H / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">BAF</text>\n");
    }
}
