package gap.core.federation;

import gap.core.GapVersion;
import gap.core.UserException;
import gap.core.io.ReferenceDictionary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Takes or gives a summary's Parquet metadata: the contributing sites, their sample count, the suppression applied
 * ({@code null}: none, exported {@code --for-merge}), the reference dictionary, and what the counts mean.
 */
public record SummaryInfo(List<String> sites, long samples, Suppression suppression, ReferenceDictionary dictionary) {
    public static final String FORMAT = "gap.summary.format";
    public static final String SITES = "gap.summary.sites";
    public static final String SAMPLES = "gap.summary.samples";
    public static final String FOR_MERGE = "gap.summary.for-merge";
    public static final String MIN_COUNT = "gap.summary.min-count";
    public static final String MIN_AN = "gap.summary.min-an";
    public static final String SUPPRESSION = "gap.summary.suppression";
    public static final String COUNTS = "gap.summary.counts";
    public static final String ALLELE_NUMBER = "gap.summary.allele-number";
    public static final String VERSION = "gap.version";

    /** Site ids are institution codes such as {@code UZL}: short, and safe to join with commas. */
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static final String COUNTS_TEXT = "one row per alternate allele of PASS records (multi-allelics split, alleles"
            + " trimmed of shared trailing bases); alleleCount: copies of the allele among called alleles;"
            + " alleleNumber: called alleles; homAltCount: genotypes whose every copy is the allele; calledSamples:"
            + " genotypes with a called allele; a network sums its sites' counts";
    static final String ALLELE_NUMBER_TEXT = "a lower bound: alleleNumber counts the samples whose record lists the"
            + " allele; single-sample call sets hold variant sites only (no hom-ref genotypes), so samples called"
            + " hom-ref there are not counted";

    public SummaryInfo {
        sites = List.copyOf(sites.stream().sorted().toList());
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a summary has at least one site");
        }
        sites.forEach(SummaryInfo::requireSiteId);
    }

    /** Checks a site id given on the command line. */
    public static String requireSiteId(String site) {
        if (site == null || !SITE_ID.matcher(site).matches()) {
            throw new UserException("site id must be 1 to 64 letters, digits, '.', '_' or '-' (a code such as UZL),"
                    + " starting with a letter or digit");
        }
        return site;
    }

    public boolean forMerge() {
        return suppression == null;
    }

    /** Key-value metadata, in key order so that the same summary is the same file. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new TreeMap<>(dictionary.metadata());
        m.put(FORMAT, "1");
        m.put(VERSION, GapVersion.get());
        m.put(SITES, String.join(",", sites));
        m.put(SAMPLES, Long.toString(samples));
        m.put(FOR_MERGE, Boolean.toString(forMerge()));
        if (forMerge()) {
            m.put(SUPPRESSION, "none: exact counts exported with --for-merge, only for a merge the site trusts;"
                    + " never publish this file");
        } else {
            m.put(MIN_COUNT, Long.toString(suppression.minCount()));
            m.put(MIN_AN, Long.toString(suppression.minAn()));
            m.put(SUPPRESSION, suppression.describe() + ": a row is suppressed (counts null) unless AC >= min-count,"
                    + " AN - AC is 0 or >= min-count, calledSamples >= min-count and AN >= min-an; homAltCount is"
                    + " withheld unless it and calledSamples - homAltCount are each 0 or >= min-count");
        }
        m.put(COUNTS, COUNTS_TEXT);
        m.put(ALLELE_NUMBER, ALLELE_NUMBER_TEXT);
        return m;
    }

    /** The metadata of a file gap aggregate wrote; anything else is one line naming the file. */
    public static SummaryInfo fromMetadata(Map<String, String> m, String fileName) {
        if (!"1".equals(m.get(FORMAT))) {
            throw new UserException(fileName + " is not a summary written by gap aggregate: give the output of"
                    + " gap aggregate or gap aggregate merge");
        }
        ReferenceDictionary dictionary = ReferenceDictionary.fromMetadata(m, fileName,
                "give the summary as gap aggregate wrote it");
        try {
            List<String> sites = Arrays.asList(m.get(SITES).split(","));
            long samples = Long.parseLong(m.get(SAMPLES));
            Suppression suppression = Boolean.parseBoolean(m.get(FOR_MERGE)) ? null
                    : new Suppression(Long.parseLong(m.get(MIN_COUNT)), Long.parseLong(m.get(MIN_AN)));
            return new SummaryInfo(sites, samples, suppression, dictionary);
        } catch (RuntimeException e) {
            throw new UserException(fileName + " has malformed summary metadata: give the summary as gap aggregate"
                    + " wrote it", e);
        }
    }
}
