package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.model.NearbyAllele;
import gap.core.model.RefWindow;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SNVs reads aligned without a gap through an indel show, on hand-made sequences. */
class IndelShadowsTest {
    //                                                1234567890123
    private static final RefWindow REF = RefWindow.of("chr1", 1, "GACTTTTTGCAGA");

    @Test
    void aHomopolymerDeletionShowsMismatchesPastEachEndOfTheRun() {
        // CT>C at 3 (one T of the run 4-8 fewer): haplotype GAC TTTT GCAGA. From the left the run ends a base early:
        // 8 reads G (T>G), 9 reads C (G>C). From the right the haplotype's C at 3 lies on 4 (T>C), its A on 3 (C>A).
        List<NearbyAllele> shadows = IndelShadows.of(new NearbyAllele(3, "CT", "C"), REF, 20);
        assertEquals(Set.of(new NearbyAllele(8, "T", "G"), new NearbyAllele(9, "G", "C"),
                new NearbyAllele(4, "T", "C"), new NearbyAllele(3, "C", "A")), Set.copyOf(shadows));
        assertEquals(4, shadows.size());
    }

    @Test
    void anInsertionShowsTheBasesItPushesOntoTheReference() {
        // G>GTG at 9 (GACTTTTTG TG CAGA). From the left: 10 reads T (C>T), 11 reads G (A>G). From the right the
        // haplotype's ...TTTTTGTGCAGA ends on the reference's ...CTTTTTGCAGA: GCAGA on 9-13, T on 8, the inserted G
        // on 7 (T>G), then the run's Ts on 4-6 and a fifth T on 3 (C>T).
        List<NearbyAllele> shadows = IndelShadows.of(new NearbyAllele(9, "G", "GTG"), REF, 20);
        assertEquals(Set.of(new NearbyAllele(10, "C", "T"), new NearbyAllele(11, "A", "G"),
                new NearbyAllele(7, "T", "G"), new NearbyAllele(3, "C", "T")), Set.copyOf(shadows));
    }

    @Test
    void anSnvHasNoShadow() {
        assertEquals(List.of(), IndelShadows.of(new NearbyAllele(5, "T", "A"), REF, 20));
    }
}
