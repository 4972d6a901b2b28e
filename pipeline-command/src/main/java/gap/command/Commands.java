package gap.command;

import gap.core.GapVersion;
import gap.core.UserException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * gap's exit codes and error output for any of its command lines (the CLI's and the Spark driver's), as GATK's: 0 ok,
 * 1 bad command line (usage on stderr), 2 user or input error (one line on stderr), 3 internal error. No stack trace
 * unless {@code --debug}.
 */
public final class Commands {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_USER_ERROR = 2;
    public static final int EXIT_INTERNAL_ERROR = 3;

    private Commands() {}

    /** Gives a command line gap's exit codes and error output, and its path converters ({@link RedactedPaths}). */
    public static CommandLine withErrorHandling(CommandLine cli) {
        cli.setExecutionExceptionHandler(Commands::handleExecutionException);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandSpec().root().name() + ": " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return EXIT_USAGE;
        });
        return cli;
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
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gap " + GapVersion.get()};
        }
    }
}
