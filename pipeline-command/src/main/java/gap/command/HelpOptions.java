package gap.command;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} and {@code --version} for a command whose {@code -V} is GATK's {@code --variant}: picocli's
 * standard mixin would claim {@code -V} for the version, and beside an option of that name it adds neither.
 */
public final class HelpOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    boolean version;
}
