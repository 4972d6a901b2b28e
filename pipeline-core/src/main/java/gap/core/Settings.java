package gap.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Takes {@code --set} overrides, gives the embedded defaults ({@code gap-defaults.properties}, the conf module, on the
 * classpath) with them applied, and typed reads of one key. An unknown key or a value of the wrong type is a user
 * error naming the key.
 */
public final class Settings {
    public static final String DEFAULTS_RESOURCE = "/gap-defaults.properties";

    private final Properties values;

    private Settings(Properties values) {
        this.values = values;
    }

    public static Settings load(Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is not on the classpath (the conf module)");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!p.containsKey(e.getKey())) {
                throw new UserException("unknown setting '" + e.getKey() + "': see conf/gap-defaults.properties");
            }
            p.setProperty(e.getKey(), e.getValue());
        }
        return new Settings(p);
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(values.getProperty(key).trim());
        } catch (NumberFormatException e) {
            throw new UserException("setting " + key + " must be a whole number");
        }
    }

    public double real(String key) {
        try {
            return Double.parseDouble(values.getProperty(key).trim());
        } catch (NumberFormatException e) {
            throw new UserException("setting " + key + " must be a number");
        }
    }

    public List<Integer> integers(String key) {
        try {
            return Arrays.stream(values.getProperty(key).split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new UserException("setting " + key + " must be whole numbers separated by commas");
        }
    }

    /** The comma-separated items of {@code key}, trimmed, empty ones left out. */
    public List<String> list(String key) {
        return Arrays.stream(values.getProperty(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String string(String key) {
        return values.getProperty(key);
    }
}
