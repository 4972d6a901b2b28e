package gap.core.cnv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one sample's SNV calls, gives the {@link AlleleEvidence} of any stretch of a contig (binary search over the
 * calls' positions) and the sample's share of heterozygous calls among its autosomal SNV calls.
 */
final class SnvIndex {
    private final Map<String, List<SnvSite>> byContig = new HashMap<>();
    private final double hetShare;

    SnvIndex(List<SnvSite> sites) {
        long hets = 0;
        long all = 0;
        for (SnvSite s : sites) {
            byContig.computeIfAbsent(s.contig(), k -> new ArrayList<>()).add(s);
            if (gap.core.model.Ploidy.kind(s.contig()) == gap.core.model.Ploidy.Kind.AUTOSOME) {
                all++;
                hets += s.het() ? 1 : 0;
            }
        }
        byContig.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.position(), b.position())));
        this.hetShare = all == 0 ? Double.NaN : hets / (double) all;
    }

    double hetShare() {
        return hetShare;
    }

    /** The calls of [start, end] (1-based, inclusive) of {@code contig}. */
    AlleleEvidence evidence(String contig, int start, int end) {
        return evidence(contig, List.of(new int[] {start, end}));
    }

    /** The calls of several stretches of one contig together. */
    AlleleEvidence evidence(String contig, List<int[]> ranges) {
        List<AlleleEvidence.Het> hets = new ArrayList<>();
        int homs = 0;
        List<SnvSite> sites = byContig.getOrDefault(contig, List.of());
        for (int[] r : ranges) {
            for (int i = firstAtOrAfter(sites, r[0]); i < sites.size() && sites.get(i).position() <= r[1]; i++) {
                SnvSite s = sites.get(i);
                if (s.het()) {
                    hets.add(new AlleleEvidence.Het(s.alt(), s.depth()));
                } else {
                    homs++;
                }
            }
        }
        return new AlleleEvidence(hets, homs);
    }

    private static int firstAtOrAfter(List<SnvSite> sites, int position) {
        int lo = 0;
        int hi = sites.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sites.get(mid).position() < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
