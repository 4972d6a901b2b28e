package gap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes picocli's complaint about a command line, gives it in words that name options and positions only. picocli's
 * own messages quote the values ({@code Unknown options: '--inptu', 'leak/UZL-0012345_child.bam'}), and a value may
 * be a patient's file name: a mistyped option must not print the path after it.
 */
final class CommandLineErrors {
    private CommandLineErrors() {}

    static String describe(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return unmatched(u);
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return "missing " + m.getMissing().stream().map(CommandLineErrors::name)
                    .collect(Collectors.joining(", ")) + " (required)";
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return name(o.getOverwritten()) + " is given more than once";
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null) {
            return name(arg) + " has an invalid value";
        }
        if (ex.getClass() == CommandLine.ParameterException.class) {
            return ex.getMessage(); // thrown by gap's own checks, in gap's words: it quotes no value
        }
        return "the command line could not be read";
    }

    /** Unknown options by their names (what follows {@code =} dropped), stray values by position, with suggestions. */
    private static String unmatched(CommandLine.UnmatchedArgumentException u) {
        List<String> options = new ArrayList<>();
        int values = 0;
        for (String arg : u.getUnmatched()) {
            if (arg.startsWith("-") && arg.length() > 1 && !Character.isDigit(arg.charAt(1))) {
                options.add(arg.split("=", 2)[0]);
            } else {
                values++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
            parts.add("unknown option" + (options.size() > 1 ? "s " : " ")
                    + options.stream().map(o -> looksSafe(o) ? o : "(unprintable)").collect(Collectors.joining(", ")));
        }
        if (values > 0) {
            parts.add(values + " value" + (values > 1 ? "s" : "") + " that no option takes (a value given twice, or"
                    + " after a flag that takes none?)");
        }
        String text = parts.isEmpty() ? "the command line could not be read" : String.join(" and ", parts);
        List<String> suggestions = u.getSuggestions().stream().filter(s -> s.startsWith("-")).limit(3).toList();
        return suggestions.isEmpty() ? text : text + " (did you mean " + String.join(" or ", suggestions) + "?)";
    }

    /** An option-looking argument is printed only when it could be one of gap's: letters, digits and dashes. */
    private static boolean looksSafe(String option) {
        return option.length() <= 30 && option.matches("--?[A-Za-z][A-Za-z-]*");
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return "option " + option.longestName();
        }
        return "argument " + arg.paramLabel();
    }
}
