package gap.cli;

import gap.command.Commands;
import gap.core.privacy.RedactingStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gap} command: its subcommands, with gap's exit codes and one-line errors ({@link Commands}: 0 ok, 2 bad
 * command line, user or input error, 3 internal error; no stack trace unless {@code --debug}).
 */
@Command(name = "gap",
        mixinStandardHelpOptions = true,
        versionProvider = Commands.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Genome analytics pipeline: aligned reads in, variant calls out.")
public final class Main implements Runnable {
    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(CallCommand.class, JointCommand.class, CnvCommand.class,
            CnvPanelCommand.class, SomaticCommand.class, SomaticPonCommand.class, ScoreCommand.class,
            TrainScorerCommand.class, QcCommand.class, AggregateCommand.class, ConcordanceCommand.class,
            KeysCommand.class, ReidentifyCommand.class, SqlCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors (they may quote input files).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before anything prints: every byte to stdout and stderr (logs, picocli, htsjdk, stack traces) passes one
        // redaction step that replaces identifiers, input paths included, by pseudonyms as they become known.
        RedactingStream.installForProcess();
        int code = run(args);
        System.out.close();
        System.err.close();
        System.exit(code);
    }

    /** Runs the command line and returns its exit code, without exiting the JVM. */
    public static int run(String... args) {
        // htsjdk's Log writes straight to stderr, past Log4j2, and can quote header lines: errors only.
        htsjdk.samtools.util.Log.setGlobalLogLevel(htsjdk.samtools.util.Log.LogLevel.ERROR);
        return Commands.withErrorHandling(commandLine(args)).execute(args);
    }

    /**
     * The {@code gap} command line for {@code args}: with only the subcommand {@code args} name when they name one,
     * else with all. picocli reflects over every option of every subcommand it is given, a tenth of a second or more
     * of a cold JVM that a run of one command need not pay.
     */
    static CommandLine commandLine(String... args) {
        return commandLine(CommandLine.defaultFactory(), args);
    }

    /** As {@link #commandLine(String...)}, the commands made by {@code factory}. */
    static CommandLine commandLine(CommandLine.IFactory factory, String... args) {
        CommandLine cli = new CommandLine(new Main(), factory);
        String first = args.length > 0 ? args[0] : "";
        Class<?> named = SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(first))
                .findFirst().orElse(null);
        for (Class<?> sub : named == null ? SUBCOMMANDS : List.of(named)) {
            cli.addSubcommand(sub);
        }
        return cli;
    }

    /** The subcommands' names, in the help's order: the list the "a command is required" error gives. */
    static List<String> commandNames() {
        return SUBCOMMANDS.stream().map(c -> c.getAnnotation(Command.class).name()).toList();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required ("
                + String.join(", ", commandNames()) + ")");
    }
}
