package gap.core.cnv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one sample's SNV sites as copy number reads them ({@link SnvSite}), added in genome order, gives them back per
 * contig in position order, packed in primitive arrays (12 bytes a site: position, alternate reads or -1 for a
 * homozygous alternate call, REF + ALT reads) rather than held as calls or objects, so that a run's copy number keeps
 * its allele fractions at a small, fixed cost per site whatever else the calls carried.
 */
public final class SnvSites {
    /** One contig's sites: positions ascending, alternate reads (-1: homozygous alternate) and depths. */
    static final class Contig {
        int size;
        int[] position = new int[16];
        int[] alt = new int[16];
        int[] depth = new int[16];

        private void add(int pos, int altReads, int reads) {
            if (size == position.length) {
                int n = size * 2;
                position = java.util.Arrays.copyOf(position, n);
                alt = java.util.Arrays.copyOf(alt, n);
                depth = java.util.Arrays.copyOf(depth, n);
            }
            position[size] = pos;
            alt[size] = altReads;
            depth[size++] = reads;
        }

        boolean het(int i) {
            return alt[i] >= 0;
        }
    }

    private final Map<String, Contig> contigs = new LinkedHashMap<>();
    private long hets;

    /** The sites of {@code sites}, in their order (a run's genome order); each contig's sorted by position. */
    public static SnvSites of(List<SnvSite> sites) {
        List<SnvSite> sorted = new ArrayList<>(sites);
        Map<String, Integer> first = new java.util.HashMap<>();
        for (SnvSite s : sites) {
            first.putIfAbsent(s.contig(), first.size());
        }
        sorted.sort(java.util.Comparator.<SnvSite>comparingInt(s -> first.get(s.contig()))
                .thenComparingInt(SnvSite::position));
        SnvSites out = new SnvSites();
        sorted.forEach(out::add);
        return out;
    }

    /** Adds a site after those added so far: same contig at the same or a later position, or another contig. */
    public void add(SnvSite site) {
        Contig c = contigs.computeIfAbsent(site.contig(), k -> new Contig());
        if (c.size > 0 && c.position[c.size - 1] > site.position()) {
            throw new IllegalArgumentException("SNV sites out of genome order");
        }
        c.add(site.position(), site.het() ? site.alt() : -1, site.depth());
        hets += site.het() ? 1 : 0;
    }

    /** The heterozygous sites. */
    public long hets() {
        return hets;
    }

    Map<String, Contig> contigs() {
        return contigs;
    }

    /**
     * Every {@code k}-th heterozygous site's alternate fraction, in genome order from the first, k the least that
     * leaves at most {@code max}: the points a plot draws.
     */
    List<CnvResult.Point> hetFractions(int max) {
        long k = Math.max(1, (hets + max - 1) / max);
        List<CnvResult.Point> out = new ArrayList<>();
        long seen = 0;
        for (Map.Entry<String, Contig> e : contigs.entrySet()) {
            Contig c = e.getValue();
            for (int i = 0; i < c.size; i++) {
                if (c.het(i) && seen++ % k == 0) {
                    out.add(new CnvResult.Point(e.getKey(), c.position[i], c.alt[i] / (double) c.depth[i]));
                }
            }
        }
        return out;
    }
}
