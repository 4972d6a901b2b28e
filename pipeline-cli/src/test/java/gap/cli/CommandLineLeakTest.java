package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped command line names the option, never the value after it (issue 18, class 9): picocli's own messages
 * quote every argument, and hospitals name files after patients. Exit 2 (a bad command line is bad input), one line, a hint.
 */
class CommandLineLeakTest {
    @TempDir
    Path tmp;

    private static final String LEAK = "leak/UZL-0012345_child.bam";

    private static String oneLine(Cli.Result r) {
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertFalse(r.stderr().contains("UZL") || r.stderr().contains("leak") || r.stderr().contains("\tat "),
                r.stderr());
        String line = r.stderrLines().get(0);
        assertTrue(line.startsWith("gap call: error: ") && line.endsWith("see 'gap call --help'"), line);
        return line;
    }

    @Test
    void mistypedOptionIsNamedWithSuggestionsAndItsValueIsNot() {
        String ref = SampleData.file("ref.fa").toString();
        String line = oneLine(Cli.run("call", "-R", ref, "--inptu", LEAK, "-O", tmp.resolve("o").toString()));
        assertTrue(line.contains("unknown option --inptu") && line.contains("did you mean --input"), line);
        assertTrue(line.contains("1 value that no option takes"), line);
        line = oneLine(Cli.run("call", "-R", ref, "--inptu=" + LEAK, "-O", tmp.resolve("o").toString()));
        assertTrue(line.contains("unknown option --inptu"), line);
    }

    @Test
    void strayValueOrBadValueIsNamedByPositionOrOption() {
        String ref = SampleData.file("ref.fa").toString();
        String bam = SampleData.file("trio1_child.bam").toString();
        String line = oneLine(Cli.run("call", "-R", ref, "-I", bam, "-O", tmp.resolve("o").toString(), LEAK));
        assertTrue(line.contains("1 value that no option takes"), line);
        line = oneLine(Cli.run("call", "-R", ref, "-I", bam, "-O", tmp.resolve("o").toString(), "--threads", LEAK));
        assertTrue(line.contains("option --threads has an invalid value"), line);
        line = oneLine(Cli.run("call", "-R", ref, "-I", bam, "-O", tmp.resolve("o").toString(), "-O", LEAK));
        assertTrue(line.contains("option --output is given more than once"), line);
    }

    @Test
    void missingValueAtTheEnd() {
        String line = oneLine(Cli.run("call", "-R", SampleData.file("ref.fa").toString(), "-O", LEAK, "-I"));
        assertTrue(line.contains("missing"), line);
        List.of(line).forEach(l -> assertFalse(l.contains("UZL")));
    }
}
