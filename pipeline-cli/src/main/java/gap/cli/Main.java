package gap.cli;

import gap.core.GapVersion;
import gap.core.UserException;
import gap.core.privacy.RedactingStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gap} command. Exit codes as GATK's: 0 ok, 1 bad command line (usage on stderr), 2 user or input error
 * (one line on stderr), 3 internal error. No stack trace unless {@code --debug}.
 */
@Command(name = "gap",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Genome analytics pipeline: aligned reads in, variant calls out.",
        subcommands = {CallCommand.class, CnvCommand.class, CnvPanelCommand.class, ScoreCommand.class, QcCommand.class, AggregateCommand.class,
                ConcordanceCommand.class,
                KeysCommand.class, ReidentifyCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_USER_ERROR = 2;
    public static final int EXIT_INTERNAL_ERROR = 3;

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
        return withErrorHandling(new CommandLine(new Main())).execute(args);
    }

    /**
     * Gives a command line gap's exit codes and error output (one line, usage for a bad command line, stack traces
     * only with {@code --debug}): this command's, and the Spark driver's.
     */
    public static CommandLine withErrorHandling(CommandLine cli) {
        cli.setExecutionExceptionHandler(Main::handleExecutionException);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandSpec().root().name() + ": " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return EXIT_USAGE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (call, score, qc, aggregate,"
                + " concordance, keys, reidentify)");
    }

    private static int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean debug = parseResult.hasMatchedOption("--debug")
                || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
        PrintWriter err = cmd.getErr();
        UserException user = userCause(ex);
        if (user != null) {
            err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + user.getMessage());
        } else {
            err.println(cmd.getCommandSpec().qualifiedName() + ": internal error (" + ex.getClass().getSimpleName()
                    + "); rerun with --debug for details and report it");
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return user != null ? EXIT_USER_ERROR : EXIT_INTERNAL_ERROR;
    }

    private static UserException userCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserException u) {
                return u;
            }
        }
        return null;
    }

    /** Reports the build version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gap " + GapVersion.get()};
        }
    }
}
