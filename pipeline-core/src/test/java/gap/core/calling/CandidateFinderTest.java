package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.NearbyAllele;
import gap.core.model.RefWindow;
import gap.core.model.Shard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidates from hand-made reads over a hand-made reference. */
class CandidateFinderTest {
    //                                       1234567890123456789012345678901234567890
    private static final RefWindow REF = RefWindow.of("chr1", 1, "ACGTTTTTGCAGTCAGCATCGATCGGACTAGCATCAGCTA");
    private static final Shard WHOLE = new Shard(0, "chr1", 1, 40, 0);
    private final CandidateFinder finder = new CandidateFinder(TestParams.defaults());

    private static AlignedRead read(String name, int start, String cigar, String bases) {
        return AlignedRead.of(name, start, cigar, bases, 30, 60);
    }

    private static List<AlignedRead> refReads(int n) {
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reads.add(read("ref" + i, 1, "40M", REF.substring(1, 40)));
        }
        return reads;
    }

    @Test
    void deletionsPlacedAnywhereInAHomopolymerCountAtItsLeftEnd() {
        // T run at 4-8. One read deletes its last T, one its second: both are GT>G anchored at 3.
        List<AlignedRead> reads = new ArrayList<>(refReads(2));
        reads.add(read("d1", 1, "7M1D32M", "ACGTTTT" + REF.substring(9, 40)));
        reads.add(read("d2", 1, "4M1D35M", "ACGT" + REF.substring(6, 40)));
        List<CandidateSite> sites = finder.find(WHOLE, reads, REF);
        assertEquals(1, sites.size());
        CandidateSite site = sites.get(0);
        assertEquals(3, site.position());
        assertEquals(List.of("GT", "G"), site.alleles());
        assertEquals(9, site.spanEnd(), "the T can be deleted anywhere up to 8; a read must reach 9");
        assertEquals(5, site.repeatUnits());
        assertTrue(site.needsHaplotypes());
    }

    @Test
    void insertionsShiftLeftThroughTheReadsOwnBases() {
        List<AlignedRead> reads = new ArrayList<>(refReads(2));
        String withT = "ACGTTTTTT" + REF.substring(9, 40);
        reads.add(read("i1", 1, "8M1I32M", withT));
        reads.add(read("i2", 1, "5M1I35M", withT));
        CandidateSite site = finder.find(WHOLE, reads, REF).get(0);
        assertEquals(3, site.position());
        assertEquals(List.of("G", "GT"), site.alleles());
        assertEquals(9, site.spanEnd());
    }

    @Test
    void snvNeedsTwoReadsAndFivePercent() {
        String alt = REF.substring(1, 19) + "A" + REF.substring(21, 40); // position 20: C>A
        List<AlignedRead> one = new ArrayList<>(refReads(10));
        one.add(read("a1", 1, "40M", alt));
        assertTrue(finder.find(WHOLE, one, REF).isEmpty());

        List<AlignedRead> two = new ArrayList<>(one);
        two.add(read("a2", 1, "40M", alt));
        List<CandidateSite> sites = finder.find(WHOLE, two, REF);
        assertEquals(1, sites.size());
        assertEquals(20, sites.get(0).position());
        assertEquals(List.of("C", "A"), sites.get(0).alleles());
        assertFalse(sites.get(0).needsHaplotypes(), "an isolated SNV is genotyped from bases");

        List<AlignedRead> diluted = new ArrayList<>(refReads(40));
        diluted.add(read("a1", 1, "40M", alt));
        diluted.add(read("a2", 1, "40M", alt));
        assertTrue(finder.find(WHOLE, diluted, REF).isEmpty(), "2 of 42 reads is under 5%");
    }

    @Test
    void allelesAtOnePositionShareTheLongestReference() {
        // Position 11 (A): an SNV A>T and a deletion of G12 anchored at 11.
        List<AlignedRead> reads = new ArrayList<>(refReads(2));
        String snv = REF.substring(1, 10) + "T" + REF.substring(12, 40);
        reads.add(read("s1", 1, "40M", snv));
        reads.add(read("s2", 1, "40M", snv));
        reads.add(read("s3", 1, "40M", snv));
        String del = REF.substring(1, 11) + REF.substring(13, 40);
        reads.add(read("d1", 1, "11M1D28M", del));
        reads.add(read("d2", 1, "11M1D28M", del));
        CandidateSite site = finder.find(WHOLE, reads, REF).get(0);
        assertEquals(11, site.position());
        assertEquals(List.of("AG", "TG", "A"), site.alleles(), "best supported first");
    }

    @Test
    void snvNearAnIndelGetsTheIndelAsNeighbour() {
        List<AlignedRead> reads = new ArrayList<>(refReads(2));
        String del = REF.substring(1, 11) + REF.substring(13, 40); // deletion of G12 after A11
        reads.add(read("d1", 1, "11M1D28M", del));
        reads.add(read("d2", 1, "11M1D28M", del));
        String snv = REF.substring(1, 19) + "A" + REF.substring(21, 40);
        reads.add(read("s1", 1, "40M", snv));
        reads.add(read("s2", 1, "40M", snv));
        List<CandidateSite> sites = finder.find(WHOLE, reads, REF);
        assertEquals(2, sites.size());
        assertEquals(List.of(new NearbyAllele(11, "AG", "A")), sites.get(1).neighbours());
        assertTrue(sites.get(1).needsHaplotypes());
        assertTrue(sites.get(0).neighbours().isEmpty(), "SNVs are never neighbours");
    }

    @Test
    void onlySitesInTheShardAreReturned() {
        List<AlignedRead> reads = new ArrayList<>(refReads(2));
        String snv = REF.substring(1, 19) + "A" + REF.substring(21, 40);
        reads.add(read("s1", 1, "40M", snv));
        reads.add(read("s2", 1, "40M", snv));
        assertTrue(finder.find(new Shard(0, "chr1", 1, 19, 30), reads, REF).isEmpty());
        assertEquals(1, finder.find(new Shard(1, "chr1", 20, 40, 30), reads, REF).size());
    }

    @Test
    void repeatContextCountsWholeUnits() {
        RefWindow ref = RefWindow.of("c", 1, "GCACACACAGT");
        assertEquals(new RepeatContext(2, 4), RepeatContext.of(ref, 1, "CA", 300));
        assertEquals(2, RepeatContext.primitivePeriod("CACA"));
        assertEquals(3, RepeatContext.primitivePeriod("CAG"));
        // CA deleted after G1 can slide right to delete the last CA ending at 9.
        assertEquals(9, RepeatContext.lastPlacement(ref, 1, new gap.core.model.Indel(1, 2, ""), 300));
    }

    @Test
    void supportIsJudgedPerSampleNotOverTheirPooledReads() {
        // Sample 2 shows C at 22 (an A) in 2 of its 4 reads (50%); with sample 1's 60 reference reads that is 2 of 64
        // (3%), below the 5% a candidate needs: pooled, a het in one member of a cohort would go unseen.
        String alt = REF.substring(1, 21) + "C" + REF.substring(23, 40);
        List<AlignedRead> second = new ArrayList<>(refReads(2));
        second.add(read("a1", 1, "40M", alt));
        second.add(read("a2", 1, "40M", alt));
        List<CandidateSite> sites = finder.find(WHOLE, REF, List.of(refReads(60), second));
        assertEquals(1, sites.size());
        assertEquals(22, sites.get(0).position());
        assertEquals(List.of("A", "C"), sites.get(0).alleles());
        List<AlignedRead> pooled = new ArrayList<>(refReads(60));
        pooled.addAll(second);
        assertTrue(finder.find(WHOLE, pooled, REF).isEmpty(), "as one sample, 2 of 64 is not enough");
    }
}
