package gap.core.cnv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes one sample's SNV sites ({@link SnvSites}), gives the {@link AlleleEvidence} of any stretch of a contig (binary
 * search over the sites' positions) and the sample's share of heterozygous calls among its autosomal SNV calls.
 */
final class SnvIndex {
    private final SnvSites sites;
    private final double hetShare;

    SnvIndex(SnvSites sites) {
        this.sites = sites;
        long hets = 0;
        long all = 0;
        for (Map.Entry<String, SnvSites.Contig> e : sites.contigs().entrySet()) {
            if (gap.core.model.Ploidy.kind(e.getKey()) != gap.core.model.Ploidy.Kind.AUTOSOME) {
                continue;
            }
            SnvSites.Contig c = e.getValue();
            all += c.size;
            for (int i = 0; i < c.size; i++) {
                hets += c.het(i) ? 1 : 0;
            }
        }
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
        SnvSites.Contig c = sites.contigs().get(contig);
        if (c == null) {
            return new AlleleEvidence(hets, 0);
        }
        for (int[] r : ranges) {
            for (int i = firstAtOrAfter(c, r[0]); i < c.size && c.position[i] <= r[1]; i++) {
                if (c.het(i)) {
                    hets.add(new AlleleEvidence.Het(c.alt[i], c.depth[i]));
                } else {
                    homs++;
                }
            }
        }
        return new AlleleEvidence(hets, homs);
    }

    private static int firstAtOrAfter(SnvSites.Contig c, int position) {
        int lo = 0;
        int hi = c.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c.position[mid] < position) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
