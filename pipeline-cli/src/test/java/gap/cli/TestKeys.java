package gap.cli;

import gap.core.privacy.LabKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A lab keystore for tests, so no test touches the user's default keystore in ~/.gap. */
final class TestKeys {
    static final String PASSWORD = "test-only-password";

    private TestKeys() {}

    /** Creates {@code dir/lab.p12} (once) and its password file; gives the options that make gap use them. */
    static List<String> options(Path dir) {
        Path keystore = dir.resolve("lab.p12");
        Path password = dir.resolve("lab.password");
        try {
            Files.createDirectories(dir);
            if (!Files.exists(keystore)) {
                LabKeys.create(keystore, PASSWORD.toCharArray());
                Files.writeString(password, PASSWORD);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("--keystore", keystore.toString(), "--keystore-password-file", password.toString());
    }
}
