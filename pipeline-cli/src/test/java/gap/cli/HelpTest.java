package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand of {@code gap} answers {@code --help} and {@code -h} with its usage, not an error. */
class HelpTest {
    @Test
    void everyCommandAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() > 14, paths.toString());
        for (List<String> path : paths) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(help);
                CommandLine cli = Main.commandLine(args.toArray(String[]::new));
                CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
                while (parsed.hasSubcommand()) {
                    parsed = parsed.subcommand();
                }
                assertTrue(parsed.isUsageHelpRequested(), "gap " + String.join(" ", args));
            }
        }
    }

    /** {@code gap} alone is a usage error (exit 2) that names every command there is, none left out. */
    @Test
    void noCommandListsEveryCommand() {
        StringWriter err = new StringWriter();
        CommandLine cli = gap.command.Commands.withErrorHandling(Main.commandLine());
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute());
        String line = err.toString().strip();
        assertTrue(line.startsWith("gap: error: a command is required (call, joint, cnv, cnv-panel, somatic,"), line);
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            assertTrue(line.contains(name + ",") || line.contains(name + ")"), name + " missing from: " + line);
        }
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> paths) {
        for (var sub : cli.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.getKey());
            paths.add(p);
            collect(sub.getValue(), p, paths);
        }
    }
}
