package gap.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, for {@code ##source} lines and {@code gap --version}. */
public final class GapVersion {
    private static final String VERSION = load();

    private GapVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = GapVersion.class.getResourceAsStream("/gap/core/version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
