package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.privacy.LeakScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shape every bad input must give (issue 18): exit 2, exactly one stderr line, no stack trace, no identifier or
 * input path, and nothing under {@code out} that looks like a result.
 */
final class BadInput {
    private BadInput() {}

    /** Checks {@code r} against the shape; {@code secrets} are strings (identifiers, path parts) that must not show. */
    static String oneLine(Cli.Result r, String command, Path out, List<String> secrets) {
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderrLines().size(), "exactly one line:\n" + r.stderr());
        String line = r.stderrLines().get(0);
        assertTrue(line.startsWith("gap " + command + ": error: "), line);
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.stderr());
        List<String> ids = new ArrayList<>(secrets);
        ids.addAll(sheetIdentifiers());
        LeakScanner scanner = new LeakScanner(ids).scanText("stdout", r.stdout()).scanText("stderr", r.stderr());
        assertEquals(List.of(), scanner.hits());
        nothingLooksComplete(out);
        return line;
    }

    /** The committed sample sheet's identifiers (the sample BAMs carry the child's patient id as SM). */
    static List<String> sheetIdentifiers() {
        try {
            List<String> ids = new ArrayList<>();
            List<String> lines = Files.readAllLines(SampleData.file("samplesheet.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                ids.addAll(List.of(line.split("\t")).subList(0, 4));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No file under a final name in {@code out} (hidden staging and lock files aside). */
    static void nothingLooksComplete(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> files = Files.list(out)) {
            List<Path> left = files.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            assertTrue(left.isEmpty(), "output left behind: " + left);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
