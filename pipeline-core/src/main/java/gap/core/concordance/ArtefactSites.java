package gap.core.concordance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes a table of artefact sites ({@code chrom pos kind …}: positions where reads carry an artefact that is no
 * variant, as the evaluation sets' {@code *.artefacts.tsv}), gives per kind the false call alleles at those
 * positions: call alleles whose POS is a site's and that match no truth allele, all and those a PASS record carries.
 * A position listed twice keeps its first kind.
 */
public final class ArtefactSites {
    private static final String OPTION = "--artefacts";

    /** One kind: its sites, the false call alleles at them, and of those the ones a PASS (or ".") record carries. */
    public record KindCounts(String kind, int sites, int falseCalls, int falseCallsPass) {}

    private record Site(String contig, long pos) {}

    private final Map<Site, String> kinds;

    private ArtefactSites(Map<Site, String> kinds) {
        this.kinds = kinds;
    }

    public static ArtefactSites read(Path tsv) {
        Map<Site, String> kinds = new HashMap<>();
        for (TableRows.Row r : TableRows.read(tsv, OPTION, 3, "chrom pos kind")) {
            kinds.putIfAbsent(new Site(r.fields()[0], r.position(1, OPTION)), r.fields()[2]);
        }
        return new ArtefactSites(kinds);
    }

    /** Per kind, in name order. */
    public List<KindCounts> count(GenotypedAlleles calls, AlleleMatching.Matches matches) {
        Map<String, int[]> tally = new TreeMap<>(); // sites, false calls, of them PASS
        kinds.values().forEach(k -> tally.computeIfAbsent(k, x -> new int[3])[0]++);
        for (AtomicAllele a : calls.copies().keySet()) {
            String kind = kinds.get(new Site(a.contig(), a.pos()));
            if (kind != null && !matches.callsMatched().contains(a)) {
                int[] t = tally.get(kind);
                t[1]++;
                t[2] += calls.passes(a) ? 1 : 0;
            }
        }
        List<KindCounts> out = new ArrayList<>();
        tally.forEach((k, t) -> out.add(new KindCounts(k, t[0], t[1], t[2])));
        return out;
    }
}
