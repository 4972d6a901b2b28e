package gap.command;

import gap.core.privacy.LabKeys;
import java.nio.file.Path;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** The options that choose the lab's keystore, shared by the commands that pseudonymise; gives the opened keys. */
public final class KeystoreOptions {
    @Option(names = "--keystore", paramLabel = "P12", showDefaultValue = Visibility.NEVER,
            description = "The lab's keystore (gap keys init). Default: ~/.gap/keys.p12, created on first use.")
    Path keystore;

    @Option(names = "--keystore-password-file", paramLabel = "FILE", showDefaultValue = Visibility.NEVER,
            description = "File holding the keystore's password. Default: the GAP_KEYSTORE_PASSWORD environment"
                    + " variable.")
    Path passwordFile;

    public LabKeys open() {
        return keystore == null ? LabKeys.openDefault() : LabKeys.open(keystore, LabKeys.password(passwordFile));
    }
}
