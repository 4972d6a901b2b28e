package gap.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes the reference's contigs (names and lengths) and, optionally, pseudo-autosomal regions given by the user,
 * gives the copies of each position a sample of a given sex carries: 2 on autosomes; on chrX 2 in females and in the
 * PARs, 1 elsewhere in males; on chrY 1 in males (2 in its PARs), 0 in females; 1 on chrM. A sample of unknown sex
 * gets 2 on X and Y, as DRAGEN calls them. The PARs of GRCh37 and GRCh38 are recognised by contig name ({@code X},
 * {@code chrX}, {@code Y}, {@code chrY}) and length; other builds need them given.
 */
public final class Ploidy implements java.io.Serializable {
    /** What kind of sequence a contig is. */
    public enum Kind { AUTOSOME, X, Y, MITOCHONDRIAL }

    /** A 1-based inclusive region. */
    public record Region(String contig, int start, int end) implements java.io.Serializable {
        boolean contains(String c, int position) {
            return contig.equals(c) && position >= start && position <= end;
        }
    }

    // GRCh37 and GRCh38 PARs, 1-based inclusive (GRC; CNVkit's genomebuild table; Ensembl), keyed by contig length.
    private static final Map<Long, int[][]> KNOWN_PARS = Map.of(
            155_270_560L, new int[][] {{60_001, 2_699_520}, {154_931_044, 155_260_560}},   // GRCh37 X
            59_373_566L, new int[][] {{10_001, 2_649_520}, {59_034_050, 59_363_566}},      // GRCh37 Y
            156_040_895L, new int[][] {{10_001, 2_781_479}, {155_701_383, 156_030_895}},   // GRCh38 X
            57_227_415L, new int[][] {{10_001, 2_781_479}, {56_887_903, 57_217_415}});     // GRCh38 Y

    private final List<Region> pars;

    private Ploidy(List<Region> pars) {
        this.pars = List.copyOf(pars);
    }

    /**
     * @param contigLengths the reference's contigs, name to length
     * @param givenPars     PARs to use instead of the known builds' (empty: recognise GRCh37/GRCh38)
     */
    public static Ploidy of(Map<String, Long> contigLengths, List<Region> givenPars) {
        if (!givenPars.isEmpty()) {
            return new Ploidy(givenPars);
        }
        List<Region> pars = new ArrayList<>();
        for (Map.Entry<String, Long> c : contigLengths.entrySet()) {
            Kind kind = kind(c.getKey());
            int[][] known = KNOWN_PARS.get(c.getValue());
            if ((kind == Kind.X || kind == Kind.Y) && known != null && isBuildOf(kind, c.getValue())) {
                for (int[] r : known) {
                    pars.add(new Region(c.getKey(), r[0], r[1]));
                }
            }
        }
        return new Ploidy(pars);
    }

    private static boolean isBuildOf(Kind kind, long length) {
        boolean xLength = length == 155_270_560L || length == 156_040_895L;
        return kind == Kind.X ? xLength : !xLength;
    }

    public static Kind kind(String contig) {
        if (Contigs.isMitochondrial(contig)) {
            return Kind.MITOCHONDRIAL;
        }
        String c = contig.toLowerCase(Locale.ROOT);
        if (c.equals("x") || c.equals("chrx")) {
            return Kind.X;
        }
        if (c.equals("y") || c.equals("chry")) {
            return Kind.Y;
        }
        return Kind.AUTOSOME;
    }

    /**
     * Regions written {@code contig:start-end} (1-based, inclusive), as {@code ploidy.parRegions} lists them; one not
     * so written is an IllegalArgumentException (the settings turn it into a one-line user error).
     */
    public static List<Region> regions(List<String> texts) {
        List<Region> out = new ArrayList<>();
        for (String t : texts) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+):(\\d+)-(\\d+)").matcher(t.trim());
            if (!m.matches() || Long.parseLong(m.group(2)) > Long.parseLong(m.group(3))) {
                throw new IllegalArgumentException("'" + t + "' is not contig:start-end");
            }
            out.add(new Region(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        return out;
    }

    public List<Region> pars() {
        return pars;
    }

    public boolean inPar(String contig, int position) {
        for (Region r : pars) {
            if (r.contains(contig, position)) {
                return true;
            }
        }
        return false;
    }

    /** Copies of {@code contig}:{@code position} in a sample of {@code sex}. */
    public int copies(String contig, int position, Sex sex) {
        Kind kind = kind(contig);
        return switch (kind) {
            case AUTOSOME -> 2;
            case MITOCHONDRIAL -> 1;
            case X -> sex == Sex.MALE && !inPar(contig, position) ? 1 : 2;
            case Y -> sex == Sex.FEMALE ? 0 : sex == Sex.UNKNOWN || inPar(contig, position) ? 2 : 1;
        };
    }
}
