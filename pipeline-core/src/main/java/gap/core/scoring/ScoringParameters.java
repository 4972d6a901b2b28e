package gap.core.scoring;

import gap.core.UserException;
import gap.core.calling.CallingParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The scorer's settings, read from {@code gap-defaults.properties} (keys {@code score.*}, documented there) with
 * optional overrides, as {@link CallingParameters} reads the caller's.
 */
public record ScoringParameters(
        double snvTruthSensitivity,
        double indelTruthSensitivity,
        int minTrainingCalls,
        List<String> snvAnnotations,
        List<String> indelAnnotations,
        int maxGaussians,
        int maxNegativeGaussians,
        double negativeFraction,
        int minNegativeCalls,
        List<HardFilter> snvHardFilters,
        List<HardFilter> indelHardFilters,
        double lowQual) {

    public ScoringParameters {
        snvAnnotations = List.copyOf(snvAnnotations);
        indelAnnotations = List.copyOf(indelAnnotations);
        snvHardFilters = List.copyOf(snvHardFilters);
        indelHardFilters = List.copyOf(indelHardFilters);
        for (double ts : new double[] {snvTruthSensitivity, indelTruthSensitivity}) {
            if (!(ts > 0 && ts <= 100)) {
                throw new UserException("a truth sensitivity must lie in (0, 100], not " + ts);
            }
        }
        if (minTrainingCalls < 1 || maxGaussians < 1 || maxNegativeGaussians < 1 || minNegativeCalls < 1
                || !(negativeFraction > 0 && negativeFraction < 1)) {
            throw new UserException("score.* counts must be positive and score.negativeFraction lie in (0, 1)");
        }
    }

    public static ScoringParameters defaults() {
        return load(Map.of());
    }

    /** The embedded defaults with {@code overrides} applied; an unknown key is a user error. */
    public static ScoringParameters load(Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream in = ScoringParameters.class.getResourceAsStream(CallingParameters.DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CallingParameters.DEFAULTS_RESOURCE + " is not on the classpath");
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
        return new ScoringParameters(
                real(p, "score.snvTruthSensitivity"),
                real(p, "score.indelTruthSensitivity"),
                integer(p, "score.minTrainingCalls"),
                list(p, "score.snvAnnotations"),
                list(p, "score.indelAnnotations"),
                integer(p, "score.maxGaussians"),
                integer(p, "score.maxNegativeGaussians"),
                real(p, "score.negativeFraction"),
                integer(p, "score.minNegativeCalls"),
                HardFilter.parseAll(p.getProperty("score.snvHardFilters"), "score.snvHardFilters"),
                HardFilter.parseAll(p.getProperty("score.indelHardFilters"), "score.indelHardFilters"),
                real(p, "call.lowQual"));
    }

    private static List<String> list(Properties p, String key) {
        return Arrays.stream(p.getProperty(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(Properties p, String key) {
        try {
            return Integer.parseInt(p.getProperty(key).trim());
        } catch (NumberFormatException e) {
            throw new UserException("setting " + key + " must be a whole number");
        }
    }

    private static double real(Properties p, String key) {
        try {
            return Double.parseDouble(p.getProperty(key).trim());
        } catch (NumberFormatException e) {
            throw new UserException("setting " + key + " must be a number");
        }
    }
}
