package gap.cli;

import gap.command.Commands;
import gap.core.privacy.AccessPolicy;
import gap.core.privacy.LabKeys;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * {@code gap keys}: creates the lab's keystore and exports the keys of one role from it.
 *
 * <pre>
 * GAP_KEYSTORE_PASSWORD=… gap keys init --keystore lab.p12
 * gap keys export --role researcher --keystore lab.p12 --keystore-password-file lab.pw --to researcher.p12
 * </pre>
 *
 * Passwords come from a file or the environment, never from the command line, where {@code ps} shows them.
 */
@Command(name = "keys",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = "Create the lab's keystore, or export a role's keys from it.",
        subcommands = {KeysCommand.Init.class, KeysCommand.Export.class, KeysCommand.ExportKms.class})
public final class KeysCommand implements Runnable {
    private static final Logger LOG = LogManager.getLogger(KeysCommand.class);
    private static final String PASSWORD_HELP = "File holding the keystore's password (first line). Default: the"
            + " GAP_KEYSTORE_PASSWORD environment variable.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a keys command is required (init, export, export-kms)");
    }

    /** {@code gap keys init}: a new keystore with the pseudonymisation, footer and clinician column keys. */
    @Command(name = "init",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {"Create the lab's PKCS12 keystore: the pseudonymisation key, the Parquet footer key and the"
                    + " clinician column key (AES-256). Never overwrites a file.",
                    "Back the keystore and its password up: losing them starts a new pseudonymisation domain."})
    static final class Init implements Callable<Integer> {
        @Option(names = "--keystore", required = true, paramLabel = "P12", description = "Keystore file to create.")
        Path keystore;

        @Option(names = "--keystore-password-file", paramLabel = "FILE", showDefaultValue = Visibility.NEVER,
                description = PASSWORD_HELP)
        Path passwordFile;

        @Override
        public Integer call() {
            char[] password = LabKeys.password(passwordFile);
            try {
                LabKeys.create(keystore, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            LOG.info("Created keystore {} with the pseudonymisation, Parquet footer and clinician column keys: back"
                    + " it and its password up; losing them starts a new pseudonymisation domain",
                    keystore.getFileName());
            return Commands.EXIT_OK;
        }
    }

    /** {@code gap keys export}: a keystore with only one role's keys, as {@code access-policy.yaml} maps them. */
    @Command(name = "export",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = "Write a keystore holding only one role's keys (conf/access-policy.yaml): researcher = the"
                    + " footer key; clinician = footer and clinician column keys. The pseudonymisation key stays"
                    + " with the lab.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "researcher or clinician.")
        String role;

        @Option(names = "--keystore", required = true, paramLabel = "P12", description = "The lab's keystore.")
        Path keystore;

        @Option(names = "--keystore-password-file", paramLabel = "FILE", showDefaultValue = Visibility.NEVER,
                description = PASSWORD_HELP)
        Path passwordFile;

        @Option(names = "--to", required = true, paramLabel = "P12", description = "Keystore file to create.")
        Path target;

        @Option(names = "--to-password-file", paramLabel = "FILE", showDefaultValue = Visibility.NEVER,
                description = "File holding the new keystore's password. Default: the lab keystore's password.")
        Path targetPasswordFile;

        @Override
        public Integer call() {
            AccessPolicy.load().keys(role); // an unknown role fails before any password is read
            char[] password = LabKeys.password(passwordFile);
            char[] targetPassword = targetPasswordFile == null ? password : LabKeys.password(targetPasswordFile);
            try {
                LabKeys.open(keystore, password).exportRole(role, target, targetPassword);
            } finally {
                Arrays.fill(password, '\0');
                Arrays.fill(targetPassword, '\0');
            }
            LOG.info("Wrote keystore {} with the {} role's keys", target.getFileName(), role);
            return Commands.EXIT_OK;
        }
    }

    /**
     * {@code gap keys export-kms}: a keystore's Parquet master keys as the {@code custom_kms_conf} of pyarrow's
     * encryption API, for {@code python/gap_kms.py}; never the pseudonymisation key.
     */
    @Command(name = "export-kms",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = {"Write the keystore's Parquet keys (footer, and clinician column when held; never the"
                    + " pseudonymisation key) as JSON, {\"<key id>\": \"<base64>\"}, mode 600: the custom_kms_conf"
                    + " of pyarrow's KmsConnectionConfig, read by the KMS client in python/gap_kms.py.",
                    "The file opens the identifiers like the keystore and its password together: keep it as safe,"
                    + " and delete it after use."})
    static final class ExportKms implements Callable<Integer> {
        @Option(names = "--keystore", required = true, paramLabel = "P12",
                description = "A clinician's (or the lab's) keystore.")
        Path keystore;

        @Option(names = "--keystore-password-file", paramLabel = "FILE", showDefaultValue = Visibility.NEVER,
                description = PASSWORD_HELP)
        Path passwordFile;

        @Option(names = "--to", required = true, paramLabel = "JSON", description = "File to create.")
        Path target;

        @Override
        public Integer call() {
            char[] password = LabKeys.password(passwordFile);
            LabKeys keys;
            try {
                keys = LabKeys.open(keystore, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            KmsKeysFile.write(keys, target);
            LOG.info("Wrote the {} role's Parquet keys to {} (mode 600): delete it after use", keys.role(),
                    target.getFileName());
            return Commands.EXIT_OK;
        }
    }
}
