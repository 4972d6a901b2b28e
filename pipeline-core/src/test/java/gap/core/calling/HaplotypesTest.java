package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.calling.Haplotypes.Edit;
import gap.core.model.CandidateSite;
import gap.core.model.NearbyAllele;
import gap.core.model.RefWindow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaplotypesTest {

    @Test
    void editsLeaveOutSharedBases() {
        assertEquals(new Edit(101, 103, ""), Edit.of(100, "ATT", "A"));
        assertEquals(new Edit(101, 101, "ATGG"), Edit.of(100, "C", "CATGG"));
        assertEquals(new Edit(102, 103, "A"), Edit.of(100, "ATT", "ATA"));
        assertEquals(new Edit(100, 101, "G"), Edit.of(100, "CTT", "GTT"));
    }

    @Test
    void collisions() {
        Edit deletion = new Edit(101, 103, "");
        assertTrue(deletion.collides(new Edit(102, 103, "A")), "SNV inside the deletion");
        assertFalse(deletion.collides(new Edit(101, 101, "G")), "insertion before the deleted bases");
        assertTrue(deletion.collides(new Edit(102, 102, "G")), "insertion inside the deleted bases");
        assertFalse(deletion.collides(new Edit(103, 104, "A")), "SNV just after");
        assertTrue(new Edit(101, 101, "A").collides(new Edit(101, 101, "C")), "two insertions at one point");
    }

    @Test
    void eachAlleleAloneAndWithEachCompatibleNeighbour() {
        //                                        position 1...
        RefWindow ref = RefWindow.of("c", 1, "AAAAACCCCCGGGGGTTTTTACGTACGTACGTACGTACGT");
        // Site: SNV G>T at 13; neighbour: deletion of CC after C7 (positions 8-9).
        CandidateSite site = new CandidateSite("c", 13, List.of("G", "T"), 13, 0,
                List.of(new NearbyAllele(7, "CCC", "C")), 2);
        Haplotypes.Set set = Haplotypes.build(site, ref, 300);
        List<byte[]> refHaps = set.byAllele().get(0);
        List<byte[]> altHaps = set.byAllele().get(1);
        assertEquals(2, refHaps.size());
        assertEquals(2, altHaps.size());
        String window = new String(refHaps.get(0), StandardCharsets.US_ASCII);
        String altAlone = new String(altHaps.get(0), StandardCharsets.US_ASCII);
        String altWithDeletion = new String(altHaps.get(1), StandardCharsets.US_ASCII);
        assertEquals(window.length(), set.referenceLength());
        assertEquals(window.length(), altAlone.length());
        assertEquals(window.length() - 2, altWithDeletion.length());
        assertTrue(altAlone.contains("CCCCCGGTGG"));
        assertTrue(altWithDeletion.contains("ACCCGGTGG"));
    }
}
