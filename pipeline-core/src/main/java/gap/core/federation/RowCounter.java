package gap.core.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one calls row, gives the counts of each of its alternate alleles (multi-allelics split, one key per ALT):
 * a pure function of the row, so any driver may count rows wherever they are and sum the results. Only PASS rows
 * count, and only called alleles: a genotype {@code ./.} adds nothing, {@code ./1} adds one called allele.
 */
public final class RowCounter {
    private RowCounter() {}

    public static Map<AlleleKey, AlleleCounts> count(CallsRow row) {
        Map<AlleleKey, AlleleCounts> counts = new LinkedHashMap<>();
        if (!row.passes()) {
            return counts;
        }
        List<String> alts = row.alternateAlleles();
        for (int k = 1; k <= alts.size(); k++) {
            String alt = alts.get(k - 1);
            if (!AlleleKey.isCountable(alt)) {
                continue;
            }
            long ac = 0;
            long an = 0;
            long homAlt = 0;
            long called = 0;
            for (List<Integer> calls : row.genotypeCalls()) {
                int calledAlleles = 0;
                int copies = 0;
                for (Integer allele : calls) {
                    if (allele != null && allele >= 0) {
                        calledAlleles++;
                        copies += allele == k ? 1 : 0;
                    }
                }
                if (calledAlleles == 0) {
                    continue;
                }
                called++;
                an += calledAlleles;
                ac += copies;
                // every copy the allele, at least two of them: a haploid call is not a homozygote
                homAlt += copies == calls.size() && copies >= 2 ? 1 : 0;
            }
            if (called == 0) {
                continue;
            }
            AlleleKey key = AlleleKey.of(row.contigName(), row.start(), row.referenceAllele(), alt);
            counts.merge(key, new AlleleCounts(ac, an, homAlt, called), AlleleCounts::plus);
        }
        return counts;
    }
}
