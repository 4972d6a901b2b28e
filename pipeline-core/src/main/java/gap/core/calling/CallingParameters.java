package gap.core.calling;

import gap.core.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The thresholds and model constants of calling, read from {@code gap-defaults.properties} (the {@code conf}
 * module, on the classpath), where each is documented, with optional overrides.
 */
public record CallingParameters(
        int minMappingQuality,
        int minAltReads,
        double minAltFraction,
        int minBaseQuality,
        int maxAltAlleles,
        double snvHeterozygosity,
        double indelHeterozygosity,
        double globalMismappingQ,
        double indelGapOpenQ,
        double pcrIndelRateFactor,
        double indelGapExtensionQ,
        int maxSiteSpan,
        int haplotypeFlank,
        int maxNeighbours,
        int maxReadsPerSite,
        int assemblyHalfWidth,
        List<Integer> assemblyKmerSizes,
        int assemblyMinPruning,
        int assemblyMaxHaplotypes,
        double minQual,
        double lowQual) {

    public static final String DEFAULTS_RESOURCE = "/gap-defaults.properties";

    /**
     * Bases a shard reads beyond each of its ends: a site it owns spans at most {@code maxSiteSpan}, its neighbours
     * lie within that plus the flank, and an assembly region that can add an allele to any of them reaches a region
     * width further; all must be found exactly as a neighbouring shard finds them.
     */
    public int shardPadding() {
        return maxSiteSpan + haplotypeFlank + 2 * assemblyHalfWidth + 1;
    }

    /** The embedded defaults. */
    public static CallingParameters defaults() {
        return load(Map.of());
    }

    /** The embedded defaults with {@code overrides} (same keys) applied; an unknown key is a user error. */
    public static CallingParameters load(Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream in = CallingParameters.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
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
        return new CallingParameters(
                    integer(p, "read.minMappingQuality"),
                    integer(p, "candidate.minAltReads"),
                    real(p, "candidate.minAltFraction"),
                    integer(p, "candidate.minBaseQuality"),
                    integer(p, "candidate.maxAltAlleles"),
                    real(p, "prior.snvHeterozygosity"),
                    real(p, "prior.indelHeterozygosity"),
                    real(p, "model.globalMismappingQ"),
                    real(p, "model.indelGapOpenQ"),
                    real(p, "model.pcrIndelRateFactor"),
                    real(p, "model.indelGapExtensionQ"),
                    integer(p, "model.maxSiteSpan"),
                    integer(p, "model.haplotypeFlank"),
                    integer(p, "model.maxNeighbours"),
                    integer(p, "model.maxReadsPerSite"),
                    integer(p, "assembly.halfWidth"),
                    integers(p, "assembly.kmerSizes"),
                    integer(p, "assembly.minPruning"),
                    integer(p, "assembly.maxHaplotypes"),
                    real(p, "call.minQual"),
                    real(p, "call.lowQual"));
    }

    private static int integer(Properties p, String key) {
        try {
            return Integer.parseInt(p.getProperty(key).trim());
        } catch (NumberFormatException e) {
            throw new UserException("setting " + key + " must be a whole number");
        }
    }

    private static List<Integer> integers(Properties p, String key) {
        try {
            return java.util.Arrays.stream(p.getProperty(key).split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new UserException("setting " + key + " must be whole numbers separated by commas");
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
