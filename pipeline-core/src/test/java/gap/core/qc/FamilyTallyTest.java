package gap.core.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.cohort.Pedigree;
import gap.core.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mendelian counts and relatedness of hand-made trio records; columns father, mother, child. */
class FamilyTallyTest {
    private static final List<String> IDS = List.of("GAP-F", "GAP-M", "GAP-C");
    @TempDir
    static Path tmp;

    private static Pedigree trio() throws Exception {
        Path ped = Files.writeString(tmp.resolve("t.ped"), "T dad 0 0 1 1\nT mum 0 0 2 1\nT kid dad mum 2 2\n");
        return Pedigree.read(ped, List.of("dad", "mum", "kid"), List.of("male", "female", "female"));
    }

    private static CallRecord.Call g(int a, int b, int dnq) {
        return new CallRecord.Call(new int[] {a, b}, 99, 30, new int[] {15, 15}, dnq);
    }

    private static CallRecord snv(String contig, int pos, String filter, CallRecord.Call... genotypes) {
        return new CallRecord(contig, pos, List.of("A", "G"), 50, Filters.fromValues(List.of(filter)), 90, null, null,
                List.of(genotypes));
    }

    @Test
    void mendelianViolationsAtPassSitesWithDeNovoCallsApart() throws Exception {
        FamilyTally t = new FamilyTally(IDS, trio(), 20);
        t.add(snv("chr1", 1, "PASS", g(0, 1, -1), g(0, 0, -1), g(0, 1, -1)));   // consistent
        t.add(snv("chr1", 2, "PASS", g(0, 0, -1), g(0, 0, -1), g(0, 1, 35)));   // de novo call
        t.add(snv("chr1", 3, "PASS", g(0, 0, -1), g(0, 0, -1), g(0, 1, 12)));   // violation, DNQ below 20
        t.add(snv("chr1", 4, "PASS", g(1, 1, -1), g(0, 0, -1), g(0, 0, -1)));   // violation: the father gives 1
        t.add(snv("chr1", 5, "LowQual", g(0, 0, -1), g(0, 0, -1), g(1, 1, -1))); // not PASS: not checked
        t.add(snv("chrM", 6, "PASS", g(1, 1, -1), g(0, 0, -1), g(0, 0, -1)));   // chrM: the mother's, consistent
        t.add(new CallRecord("chr1", 7, List.of("A", "G"), 50, Filters.PASS, 90, null, null, List.of(
                new CallRecord.Call(new int[] {-1, -1}, -1, 0, null, -1), g(0, 0, -1), g(1, 1, -1)))); // not all called
        FamilyQc.TrioQc qc = t.build().trios().get(0);
        assertEquals(new FamilyQc.TrioQc("GAP-C", "GAP-F", "GAP-M", 5, 2, 1), qc);
    }

    /** A family's 150 SNV sites: parents' genotypes at random, the child one allele of each. */
    private static List<int[]> family(long seed) {
        Random r = new Random(seed);
        List<int[]> sites = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int f = r.nextInt(3);
            int m = r.nextInt(3);
            int c = transmit(f, r) + transmit(m, r);
            sites.add(new int[] {f, m, c});
        }
        return sites;
    }

    private static int transmit(int altCopies, Random r) {
        return altCopies == 1 ? r.nextInt(2) : altCopies / 2;
    }

    private static CallRecord.Call alt(int copies) {
        return g(copies == 2 ? 1 : 0, copies == 0 ? 0 : 1, -1);
    }

    private static FamilyQc tally(List<int[]> sites, int[] columns, List<String> mito) throws Exception {
        FamilyTally t = new FamilyTally(IDS, trio(), 20);
        int pos = 0;
        for (int[] s : sites) {
            t.add(snv("chr1", ++pos, "PASS", alt(s[columns[0]]), alt(s[columns[1]]), alt(s[columns[2]])));
        }
        for (String m : mito) { // the father's, mother's and child's columns' alt copies at one chrM site
            t.add(snv("chrM", ++pos, "PASS", alt(m.charAt(0) - '0'), alt(m.charAt(1) - '0'), alt(m.charAt(2) - '0')));
        }
        return t.build();
    }

    @Test
    void theTrueFamilyRaisesNoWarning() throws Exception {
        FamilyQc qc = tally(family(1), new int[] {0, 1, 2}, List.of("200", "200", "022", "222"));
        assertEquals(3, qc.pairs().size());
        for (FamilyQc.PairQc p : qc.pairs()) {
            assertNull(p.warning(), p.toString());
            assertEquals(p.declared().equals("parent-child") ? "parent-child" : "unrelated", p.inferred(), p.toString());
        }
        FamilyQc.PairQc motherChild = qc.pairs().get(2);
        assertEquals("GAP-M", motherChild.sampleA());
        assertEquals(0, motherChild.mitochondrialMismatches());
        assertEquals(-1, qc.pairs().get(0).mitochondrialSites(), "father and mother: no chrM check");
    }

    @Test
    void theFathersSampleUnderTheMothersRowIsFlaggedTwice() throws Exception {
        // The mother's column holds the father's genotypes (a tube swapped before sequencing): the two "parents"
        // are one person, and on chrM the child has three alleles the "mother" lacks.
        FamilyQc qc = tally(family(2), new int[] {0, 0, 2}, List.of("220", "220", "002", "222"));
        FamilyQc.PairQc parents = qc.pairs().get(0);
        assertEquals("duplicate", parents.inferred());
        assertTrue(parents.warning().contains("possible duplicate or swapped sample"), parents.warning());
        FamilyQc.PairQc motherChild = qc.pairs().get(2);
        assertEquals(4, motherChild.mitochondrialSites());
        assertEquals(3, motherChild.mitochondrialMismatches());
        assertTrue(motherChild.warning().startsWith("declared mother and child, but the child has mitochondrial"
                + " alleles the mother lacks at 3 of 4 sites"), motherChild.warning());
    }

    @Test
    void aStrangerDeclaredAsParentIsFlagged() throws Exception {
        // The father's column holds another family's father: IBS0 far above what a parent and child can have.
        List<int[]> stranger = family(3);
        List<int[]> sites = family(4);
        for (int i = 0; i < sites.size(); i++) {
            sites.get(i)[0] = stranger.get(i)[0];
        }
        FamilyQc.PairQc fatherChild = tally(sites, new int[] {0, 1, 2}, List.of()).pairs().get(1);
        assertEquals("parent-child", fatherChild.declared());
        assertTrue(fatherChild.ibs0() > 0.05, fatherChild.toString());
        assertTrue(fatherChild.warning().startsWith("declared parent and child, but the genotypes say"),
                fatherChild.toString());
    }

    @Test
    void fewSitesInferNothing() throws Exception {
        FamilyQc qc = tally(family(5).subList(0, 50), new int[] {0, 0, 2}, List.of());
        assertEquals("too few sites", qc.pairs().get(0).inferred());
        assertNull(qc.pairs().get(0).warning());
    }
}
