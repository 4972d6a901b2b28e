package gap.core.federation;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceDictionary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes one site's {@code calls.parquet} files (one reference, each sample once), gives its summary: per allele the
 * summed counts, suppressed for release or exact for a trusted merge. What {@code gap aggregate} runs; a Spark job
 * would only replace the reading and the sum ({@link RowCounter} per row, {@link AlleleCounts#plus} by key).
 */
public final class SiteSummary {
    private static final Logger LOG = LogManager.getLogger(SiteSummary.class);

    private SiteSummary() {}

    /**
     * @param suppression the release rule, or null to export exact counts for a merge ({@code --for-merge})
     */
    public static SummaryInfo write(List<Path> calls, String siteId, Suppression suppression, Path output) {
        InputValidator.checkParquetOutput(output);
        SummaryInfo.requireSiteId(siteId);
        if (calls.isEmpty()) {
            throw new UserException("give at least one calls.parquet");
        }
        List<String> names = InputNames.of(calls);
        ReferenceDictionary dictionary = null;
        Map<String, String> sampleFile = new HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            String name = names.get(i);
            CallsTable.Header header = CallsTable.header(calls.get(i), name);
            if (dictionary == null) {
                dictionary = header.dictionary();
            } else if (!dictionary.digest().equals(header.dictionary().digest())) {
                throw new UserException(name + " was called against another reference than " + names.get(0) + " (their"
                        + " reference dictionaries differ): aggregate calls of one reference together");
            }
            long shared = header.samples().stream().filter(sampleFile::containsKey).count();
            if (shared > 0) {
                // counting a sample twice would inflate every count it touches
                throw new UserException(name + " holds " + shared + " sample(s) already counted from "
                        + sampleFile.get(header.samples().stream().filter(sampleFile::containsKey).findFirst()
                        .orElseThrow()) + ": give each sample's calls once");
            }
            header.samples().forEach(s -> sampleFile.put(s, name));
        }
        AlleleTotals totals = new AlleleTotals(dictionary);
        for (int i = 0; i < calls.size(); i++) {
            String name = names.get(i);
            CallsTable.forEachRow(calls.get(i), name, row -> {
                try {
                    totals.addRow(row);
                } catch (IllegalArgumentException e) {
                    throw new UserException(name + " has a row on a contig outside its reference"
                            + " dictionary: give the calls.parquet gap call wrote", e);
                }
            });
        }
        SummaryInfo info = new SummaryInfo(List.of(siteId), sampleFile.size(), suppression, dictionary);
        write(output, info, totals);
        return info;
    }

    /** Writes totals under a summary's rule: suppressed rows flagged, or exact counts for a merge. */
    static void write(Path output, SummaryInfo info, AlleleTotals totals) {
        List<SummaryRow> rows = new ArrayList<>(totals.sums().size());
        for (Entry<AlleleKey, AlleleCounts> e : totals.sums().entrySet()) {
            rows.add(info.forMerge() ? SummaryRow.exact(e.getKey(), e.getValue())
                    : info.suppression().apply(e.getKey(), e.getValue()));
        }
        SummaryTable.write(output, info, rows);
        long suppressed = rows.stream().filter(SummaryRow::suppressed).count();
        LOG.info("Wrote {} allele(s) of {} sample(s) from site(s) {} to {}: {}", rows.size(), info.samples(),
                String.join(",", info.sites()), output.getFileName(), info.forMerge()
                        ? "exact counts for a trusted merge (--for-merge), never to be published"
                        : suppressed + " suppressed (" + info.suppression().describe() + ")");
    }
}
