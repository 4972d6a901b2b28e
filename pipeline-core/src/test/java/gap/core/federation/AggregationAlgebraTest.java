package gap.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.io.ParquetFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For any split of a call set's rows into two sites, merging the sites' exact summaries gives the summary of the
 * whole: with min-count 0 (nothing suppressed) and with the default rule applied after the sums.
 */
class AggregationAlgebraTest {
    @TempDir
    Path dir;

    @Test
    void mergeOfTheSplitsIsTheSummaryOfTheWhole() {
        List<JointCalls.Row> rows = JointCalls.random(7, 120);
        Path all = JointCalls.write(dir.resolve("all.parquet"), rows);
        List<SummaryRow> whole = summary(List.of(all), new Suppression(0, 0), "whole");
        List<SummaryRow> wholeReleased = summary(List.of(all), new Suppression(5, 0), "whole5");
        Random rnd = new Random(11);
        for (int split = 0; split < 12; split++) {
            List<JointCalls.Row> a = new ArrayList<>();
            List<JointCalls.Row> b = new ArrayList<>();
            // split 0 puts every row at one site: an empty site must merge as nothing
            for (JointCalls.Row r : rows) {
                (split > 0 && rnd.nextBoolean() ? b : a).add(r);
            }
            Path siteA = dir.resolve("a" + split + ".parquet");
            Path siteB = dir.resolve("b" + split + ".parquet");
            SiteSummary.write(List.of(JointCalls.write(dir.resolve("ca" + split + ".parquet"), a)), "A", null, siteA);
            SiteSummary.write(List.of(JointCalls.write(dir.resolve("cb" + split + ".parquet"), b)), "B", null, siteB);
            Path network = dir.resolve("n" + split + ".parquet");
            NetworkMerge.write(List.of(siteA, siteB), new Suppression(0, 0), network);
            assertEquals(whole, SummaryTable.readAll(network), "split " + split);
            NetworkMerge.write(List.of(siteB, siteA), new Suppression(5, 0), network);
            assertEquals(wholeReleased, SummaryTable.readAll(network), "split " + split + ", suppressed after the sum");
        }
        assertEquals(true, wholeReleased.stream().anyMatch(SummaryRow::suppressed)
                && wholeReleased.stream().anyMatch(r -> !r.suppressed()), "the data exercise both outcomes");
    }

    @Test
    void partialSumsInMemoryAddUpInAnyGrouping() {
        List<JointCalls.Row> rows = JointCalls.random(3, 80);
        AlleleTotals whole = new AlleleTotals(ParquetFixtures.dictionary());
        rows.forEach(r -> whole.addRow(JointCalls.callsRow(r)));
        // four "partitions", reduced pairwise in another order, as a Spark reduce might
        List<AlleleTotals> parts = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            parts.add(new AlleleTotals(ParquetFixtures.dictionary()));
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            parts.get(i % 4).addRow(JointCalls.callsRow(rows.get(i)));
        }
        parts.get(3).addAll(parts.get(1));
        parts.get(2).addAll(parts.get(0));
        parts.get(3).addAll(parts.get(2));
        assertEquals(whole.sums(), parts.get(3).sums());
    }

    private List<SummaryRow> summary(List<Path> calls, Suppression s, String name) {
        Path out = dir.resolve(name + ".parquet");
        SiteSummary.write(calls, "X", s, out);
        return SummaryTable.readAll(out);
    }
}
