package gap.core.concordance;

import gap.core.UserException;
import gap.core.io.InputValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes an events table ({@code chrom start end class event …}, 1-based inclusive, header line first: the format of
 * the dev set's {@code hard1.classes.tsv}), gives its events. {@code end} is the last base any equivalent placement
 * of the event touches.
 */
public final class TruthEvents {

    /** One truth event: where it lies and its class. */
    public record Event(String contig, long start, long end, String eventClass, String id) {}

    private TruthEvents() {}

    public static List<Event> read(Path tsv) {
        InputValidator.requireFile(tsv, "events table");
        String name = tsv.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv);
        } catch (IOException e) {
            throw new UserException("events table " + name + " cannot be read");
        }
        List<Event> events = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 5) {
                throw new UserException("events table " + name + " line " + (i + 1)
                        + " has fewer than 5 columns: chrom start end class event");
            }
            try {
                events.add(new Event(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4]));
            } catch (NumberFormatException e) {
                throw new UserException("events table " + name + " line " + (i + 1) + ": start and end must be numbers");
            }
        }
        return events;
    }
}
