package gap.core.qc.report;

import java.util.List;

/**
 * One plot of the report, as data: bars over categories (grouped by series) or lines over a numeric x axis, each
 * {@link Mark} one drawn element. {@link SvgPlot} draws it; qc.json records its mark count, so a test can hold the
 * drawing to the numbers. {@code guides} are x values (lines) or a y band {lo, hi} (bars) drawn for reference.
 */
public record Plot(String id, String title, String caption, Kind kind, String xLabel, String yLabel,
                   List<String> categories, List<Series> series, double xMax, double[] guides) {
    public enum Kind { BAR, LINE }

    /** A mark: its category (bars) or x (lines), its value, and the text a reader sees on hovering it. */
    public record Mark(String category, double x, double y, String label) {}

    /** Marks of one sample or call set, drawn in {@code color}. */
    public record Series(String name, String color, List<Mark> marks) {
        public Series {
            marks = List.copyOf(marks);
        }
    }

    public Plot {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        guides = guides.clone();
    }

    @Override
    public double[] guides() {
        return guides.clone();
    }

    public int marks() {
        return series.stream().mapToInt(s -> s.marks().size()).sum();
    }
}
