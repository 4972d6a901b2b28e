package gap.core.concordance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes an events table ({@code chrom start end class event …}, 1-based inclusive, header line first: the format of
 * the dev set's {@code hard1.classes.tsv}), gives its events. {@code end} is the last base any equivalent placement
 * of the event touches.
 */
public final class TruthEvents {
    private static final String OPTION = "--classes";

    /** One truth event: where it lies and its class. */
    public record Event(String contig, long start, long end, String eventClass, String id) {}

    private TruthEvents() {}

    public static List<Event> read(Path tsv) {
        List<Event> events = new ArrayList<>();
        for (TableRows.Row r : TableRows.read(tsv, OPTION, 5, "chrom start end class event")) {
            String[] f = r.fields();
            events.add(new Event(f[0], r.position(1, OPTION), r.position(2, OPTION), f[3], f[4]));
        }
        return events;
    }
}
