package gap.core.federation;

import gap.core.io.ReferenceDictionary;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Takes per-allele counts in any order (rows, or other totals), gives their sums keyed in genome order: the
 * partial sums of one site, or of a network once sites' sums are added. A Spark job reduces by key the same way.
 * Holds one entry per distinct allele in memory.
 */
public final class AlleleTotals {
    private final TreeMap<AlleleKey, AlleleCounts> sums;
    private final Map<String, Integer> contigIndexes;

    public AlleleTotals(ReferenceDictionary dictionary) {
        this.contigIndexes = dictionary.indexes();
        this.sums = new TreeMap<>(AlleleKey.genomeOrder(contigIndexes));
    }

    public void add(AlleleKey key, AlleleCounts counts) {
        // fails on a contig outside the dictionary before the map's comparator would
        AlleleKey.contigIndex(contigIndexes, key.contigName());
        sums.merge(key, counts, AlleleCounts::plus);
    }

    public void addRow(CallsRow row) {
        RowCounter.count(row).forEach(this::add);
    }

    public void addAll(AlleleTotals other) {
        other.sums.forEach(this::add);
    }

    public SortedMap<AlleleKey, AlleleCounts> sums() {
        return Collections.unmodifiableSortedMap(sums);
    }
}
