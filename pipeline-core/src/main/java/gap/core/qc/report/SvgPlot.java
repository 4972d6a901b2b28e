package gap.core.qc.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a {@link Plot}, gives it as inline SVG: axes with round ticks, a legend, and one element per mark carrying
 * {@code data-mark} with its series, category or x, and value, plus a {@code <title>} a reader sees on hovering. Only
 * SVG presentation attributes and the report's classes: no script, no inline style, nothing fetched.
 */
final class SvgPlot {
    static final int WIDTH = 540;
    static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 14;
    private static final int TOP = 40;
    private static final int BOTTOM = 46;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int PLOT_H = HEIGHT - TOP - BOTTOM;

    private SvgPlot() {}

    static String render(Plot plot) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"plot\" data-plot=\"").append(Html.escape(plot.id()))
                .append("\" data-marks=\"").append(plot.marks()).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(plot.title())).append("\">\n");
        legend(plot, svg);
        double yMax = plot.kind() == Plot.Kind.LINE ? 100 : niceMax(maxY(plot));
        yAxis(plot, yMax, svg);
        if (plot.kind() == Plot.Kind.LINE) {
            lines(plot, yMax, svg);
        } else {
            bars(plot, yMax, svg);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void legend(Plot plot, StringBuilder svg) {
        double x = LEFT;
        for (Plot.Series s : plot.series()) {
            svg.append("<rect class=\"key\" x=\"").append(num(x)).append("\" y=\"10\" width=\"10\" height=\"10\" fill=\"")
                    .append(s.color()).append("\"/>");
            svg.append("<text class=\"legend\" x=\"").append(num(x + 14)).append("\" y=\"19\">")
                    .append(Html.escape(s.name())).append("</text>\n");
            x += 28 + 7.2 * s.name().length(); // room for the key and the name at 11 px
        }
    }

    private static double maxY(Plot plot) {
        double max = 0;
        for (Plot.Series s : plot.series()) {
            for (Plot.Mark m : s.marks()) {
                max = Math.max(max, m.y());
            }
        }
        for (double g : plot.guides()) {
            max = Math.max(max, g);
        }
        return max;
    }

    /** A round axis end at or above {@code v}: 1, 2, 2.5 or 5 times a power of ten, times four ticks. */
    static double niceMax(double v) {
        if (v <= 0) {
            return 1;
        }
        double step = niceStep(v / 4);
        return Math.ceil(v / step - 1e-9) * step;
    }

    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * power >= raw - 1e-12) {
                return f * power;
            }
        }
        return 10 * power;
    }

    private static double yPos(double y, double yMax) {
        return TOP + PLOT_H - PLOT_H * y / yMax;
    }

    private static void yAxis(Plot plot, double yMax, StringBuilder svg) {
        double step = plot.kind() == Plot.Kind.LINE ? 25 : niceStep(yMax / 4);
        for (double y = 0; y <= yMax + 1e-9; y += step) {
            double py = yPos(y, yMax);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_W)
                    .append("\" y1=\"").append(num(py)).append("\" y2=\"").append(num(py)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(num(py + 4))
                    .append("\" text-anchor=\"end\">").append(tickLabel(y, step)).append("</text>\n");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_W).append("\" y1=\"")
                .append(TOP + PLOT_H).append("\" y2=\"").append(TOP + PLOT_H).append("\"/>\n");
        svg.append("<text class=\"axis-label\" transform=\"translate(14 ").append(TOP + PLOT_H / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.escape(plot.yLabel())).append("</text>\n");
        if (!plot.xLabel().isEmpty()) {
            svg.append("<text class=\"axis-label\" x=\"").append(LEFT + PLOT_W / 2).append("\" y=\"").append(HEIGHT - 6)
                    .append("\" text-anchor=\"middle\">").append(Html.escape(plot.xLabel())).append("</text>\n");
        }
    }

    private static String tickLabel(double v, double step) {
        if (step >= 1 && v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, step >= 0.1 ? "%.1f" : "%.2f", v);
    }

    private static void lines(Plot plot, double yMax, StringBuilder svg) {
        double xMax = plot.xMax();
        double step = niceStep(xMax / 6);
        for (double x = 0; x <= xMax + 1e-9; x += step) {
            double px = LEFT + PLOT_W * x / xMax;
            svg.append("<text class=\"tick\" x=\"").append(num(px)).append("\" y=\"").append(TOP + PLOT_H + 16)
                    .append("\" text-anchor=\"middle\">").append(tickLabel(x, step)).append("</text>");
        }
        svg.append('\n');
        for (double g : plot.guides()) {
            if (g <= xMax) {
                double px = LEFT + PLOT_W * g / xMax;
                svg.append("<line class=\"guide\" x1=\"").append(num(px)).append("\" x2=\"").append(num(px))
                        .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + PLOT_H).append("\"/>\n");
            }
        }
        for (Plot.Series s : plot.series()) {
            List<String> points = new ArrayList<>();
            for (Plot.Mark m : s.marks()) {
                points.add(num(LEFT + PLOT_W * m.x() / xMax) + "," + num(yPos(m.y(), yMax)));
            }
            svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(s.color()).append("\" points=\"")
                    .append(String.join(" ", points)).append("\"/>\n");
            for (Plot.Mark m : s.marks()) {
                svg.append("<circle data-mark=\"\" data-series=\"").append(Html.escape(s.name())).append("\" data-x=\"")
                        .append(num(m.x())).append("\" data-value=\"").append(value(m.y())).append("\" cx=\"")
                        .append(num(LEFT + PLOT_W * m.x() / xMax)).append("\" cy=\"").append(num(yPos(m.y(), yMax)))
                        .append("\" r=\"2\" fill=\"").append(s.color()).append("\"><title>").append(Html.escape(m.label()))
                        .append("</title></circle>\n");
            }
        }
    }

    private static void bars(Plot plot, double yMax, StringBuilder svg) {
        List<String> categories = plot.categories();
        int n = Math.max(1, categories.size());
        double group = (double) PLOT_W / n;
        int widest = 1;
        for (String c : categories) {
            widest = Math.max(widest, present(plot, c).size());
        }
        double barWidth = Math.min(48, Math.max(1, group * 0.8 / widest));
        double[] band = plot.guides();
        if (band.length == 2) {
            svg.append("<rect class=\"band\" x=\"").append(LEFT).append("\" width=\"").append(PLOT_W).append("\" y=\"")
                    .append(num(yPos(band[1], yMax))).append("\" height=\"")
                    .append(num(yPos(band[0], yMax) - yPos(band[1], yMax))).append("\"/>\n");
        }
        int labelEvery = (int) Math.ceil(n / 16.0);
        for (int ci = 0; ci < categories.size(); ci++) {
            String category = categories.get(ci);
            double center = LEFT + group * (ci + 0.5);
            if (ci % labelEvery == 0) {
                svg.append("<text class=\"tick\" x=\"").append(num(center)).append("\" y=\"").append(TOP + PLOT_H + 16)
                        .append("\" text-anchor=\"middle\">").append(Html.escape(category)).append("</text>\n");
            }
            List<Plot.Series> here = present(plot, category);
            double x = center - barWidth * here.size() / 2;
            for (Plot.Series s : here) {
                Plot.Mark m = s.marks().stream().filter(k -> k.category().equals(category)).findFirst().orElseThrow();
                double top = yPos(m.y(), yMax);
                svg.append("<rect data-mark=\"\" data-series=\"").append(Html.escape(s.name())).append("\" data-category=\"")
                        .append(Html.escape(category)).append("\" data-value=\"").append(value(m.y())).append("\" x=\"")
                        .append(num(x)).append("\" y=\"").append(num(top)).append("\" width=\"").append(num(barWidth))
                        .append("\" height=\"").append(num(TOP + PLOT_H - top)).append("\" fill=\"").append(s.color())
                        .append("\"><title>").append(Html.escape(m.label())).append("</title></rect>\n");
                x += barWidth;
            }
        }
    }

    private static List<Plot.Series> present(Plot plot, String category) {
        return plot.series().stream().filter(s -> s.marks().stream().anyMatch(m -> category.equals(m.category())))
                .toList();
    }

    /** A coordinate: two decimals at most, no trailing zeros, locale-free. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** A mark's value as qc.json writes it: integers plain, fractions with four decimals. */
    static String value(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4f", v);
    }
}
