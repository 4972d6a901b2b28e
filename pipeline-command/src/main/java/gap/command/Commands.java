package gap.command;

import gap.core.GapVersion;
import gap.core.UserException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * gap's exit codes and error output for any of its command lines (the CLI's and the Spark driver's): 0 ok, 2 bad
 * command line or bad input (one line on stderr; a command-line error names the option, never its value), 3 internal
 * error. No stack trace unless {@code --debug}. A bad command line is bad input like any other, so it shares exit 2:
 * a scheduler or script tells "fix what you gave" (2) from "report it" (3) by the code alone.
 */
public final class Commands {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_USER_ERROR = 2;
    public static final int EXIT_INTERNAL_ERROR = 3;

    private Commands() {}

    /** Gives a command line gap's exit codes and error output, and its path converters ({@link RedactedPaths}). */
    public static CommandLine withErrorHandling(CommandLine cli) {
        cli.setExecutionExceptionHandler(Commands::handleExecutionException);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": error: " + CommandLineErrors.describe(ex) + "; see '" + command + " --help'");
            err.flush();
            return EXIT_USAGE;
        });
        return cli;
    }

    private static int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean debug = parseResult.hasMatchedOption("--debug")
                || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
        PrintWriter err = cmd.getErr();
        UserException user = userCause(ex);
        if (user == null) {
            user = gap.core.io.OutputFailure.userError(ex); // a full or read-only disk is the user's to fix
        }
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
