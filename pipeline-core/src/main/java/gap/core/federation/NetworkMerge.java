package gap.core.federation;

import gap.core.UserException;
import gap.core.io.InputValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes sites' summaries exported for a merge (exact counts, one reference, each site once), gives the network's
 * summary: counts summed per allele, then suppressed again by the same rule (or left exact, to feed a larger merge).
 * Sites are assumed to hold disjoint samples: their sample counts are added.
 */
public final class NetworkMerge {
    private NetworkMerge() {}

    /**
     * @param suppression the release rule, or null to keep exact counts for a further merge
     */
    public static SummaryInfo write(List<Path> summaries, Suppression suppression, Path output) {
        InputValidator.checkParquetOutput(output);
        if (summaries.isEmpty()) {
            throw new UserException("give at least one summary to merge");
        }
        List<SummaryInfo> infos = new ArrayList<>();
        Map<String, String> siteFile = new HashMap<>();
        long samples = 0;
        List<String> names = InputNames.of(summaries);
        for (int i = 0; i < summaries.size(); i++) {
            String name = names.get(i);
            SummaryInfo info = SummaryTable.info(summaries.get(i), name);
            if (!info.forMerge()) {
                // its suppressed rows would be missing from the sums: every network count would be too low
                throw new UserException(name + " holds suppressed counts: a merge needs each site's exact counts,"
                        + " exported with gap aggregate --for-merge for a merge the site trusts");
            }
            if (!infos.isEmpty() && !infos.get(0).dictionary().digest().equals(info.dictionary().digest())) {
                throw new UserException(name + " was summarised against another reference than "
                        + names.get(0) + " (their reference dictionaries differ): merge summaries"
                        + " of one reference");
            }
            for (String site : info.sites()) {
                String earlier = siteFile.putIfAbsent(site, name);
                if (earlier != null) {
                    throw new UserException("site " + site + " is in both " + earlier + " and " + name + ": give each"
                            + " site's counts once");
                }
            }
            samples += info.samples();
            infos.add(info);
        }
        AlleleTotals totals = new AlleleTotals(infos.get(0).dictionary());
        for (int i = 0; i < summaries.size(); i++) {
            String name = names.get(i);
            try (SummaryTable.Reader reader = SummaryTable.open(summaries.get(i), name)) {
                for (SummaryRow r = reader.next(); r != null; r = reader.next()) {
                    if (r.suppressed() || r.homAltCount() == null) {
                        throw new UserException(name + " has a row without exact counts: export it again"
                                + " with gap aggregate --for-merge");
                    }
                    totals.add(r.key(), r.counts());
                }
            } catch (IllegalArgumentException e) {
                throw new UserException(name + " has a row outside its reference dictionary or with"
                        + " inconsistent counts: give the summary as gap aggregate wrote it", e);
            }
        }
        SummaryInfo info = new SummaryInfo(new ArrayList<>(siteFile.keySet()), samples, suppression,
                infos.get(0).dictionary());
        SiteSummary.write(output, info, totals);
        return info;
    }
}
