package gap.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.model.Filters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCounterTest {
    private static CallsRow row(String ref, List<String> alts, String filter, List<List<Integer>> genotypes) {
        return new CallsRow("chrM", 72, ref, alts, Filters.fromValues(List.of(filter)), genotypes);
    }

    @Test
    void everySamplesGenotypeCountsPerAlleleOfAJointMultiAllelicRow() {
        // 0/1, 1/1, 1/2, 2/2, ./., ./1, 0/0
        CallsRow r = row("A", List.of("G", "T"), "PASS", List.of(List.of(0, 1), List.of(1, 1), List.of(1, 2),
                List.of(2, 2), List.of(-1, -1), List.of(-1, 1), List.of(0, 0)));
        Map<AlleleKey, AlleleCounts> counts = RowCounter.count(r);
        assertEquals(Map.of(
                new AlleleKey("chrM", 72, 73, "A", "G"), new AlleleCounts(5, 11, 1, 6),
                new AlleleKey("chrM", 72, 73, "A", "T"), new AlleleCounts(3, 11, 1, 6)), counts);
    }

    @Test
    void onlyPassRowsCount() {
        List<List<Integer>> het = List.of(List.of(0, 1));
        assertEquals(Map.of(), RowCounter.count(row("A", List.of("G"), "LowQual", het)));
        assertEquals(Map.of(), RowCounter.count(new CallsRow("chrM", 72, "A", List.of("G"), Filters.fromValues(List.of()), het)),
                "no filter at all ('.') is not a pass");
        assertEquals(1, RowCounter.count(row("A", List.of("G"), "PASS", het)).size());
    }

    @Test
    void splitAllelesAreTrimmedToTheirOwnIdentityAndOverlapAllelesAreNotCounted() {
        Map<AlleleKey, AlleleCounts> counts = RowCounter.count(row("CTT", List.of("C", "CT", "*", "<NON_REF>"),
                "PASS", List.of(List.of(1, 2), List.of(0, 3))));
        assertEquals(Map.of(
                new AlleleKey("chrM", 72, 75, "CTT", "C"), new AlleleCounts(1, 4, 0, 2),
                new AlleleKey("chrM", 72, 74, "CT", "C"), new AlleleCounts(1, 4, 0, 2)), counts,
                "CTT>CT is the CT>C a sample called alone; '*' holds an allele (AN) but is no key of its own");
        assertEquals(AlleleKey.of("chrM", 72, "CT", "C"), new AlleleKey("chrM", 72, 74, "CT", "C"));
        assertEquals(new AlleleKey("chrM", 72, 73, "A", "AT"), AlleleKey.of("chrM", 72, "AT", "ATT"));
    }

    @Test
    void missingCallsAddNothingAndARowWithoutAnyAddsNoKey() {
        assertEquals(Map.of(), RowCounter.count(row("A", List.of("G"), "PASS", List.of(List.of(-1, -1),
                Arrays.asList(null, null)))));
        assertEquals(Map.of(new AlleleKey("chrM", 72, 73, "A", "G"), new AlleleCounts(1, 1, 0, 1)),
                RowCounter.count(row("A", List.of("G"), "PASS", List.of(Arrays.asList(null, 1)))),
                "a half-called genotype adds its one called allele; one copy of one is no homozygote");
    }
}
