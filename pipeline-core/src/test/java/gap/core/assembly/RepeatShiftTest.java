package gap.core.assembly;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.RefWindow;
import org.junit.jupiter.api.Test;

/** Which mismatches a unit's shift in a tandem repeat explains: worked out by hand on short references. */
class RepeatShiftTest {
    /** The reference from position 1. */
    private static RefWindow ref(String bases) {
        return RefWindow.of("c", 1, bases);
    }

    @Test
    void anImperfectDinucleotideCopyTakesItsNeighboursBase() {
        // GCCGCG ATATAT G TATATAT CCGCCG: the G (13) in an AT tract; A there makes (AT)7, 14 bases
        RefWindow r = ref("GCCGCGATATATGTATATATCCGCCG");
        assertTrue(r.base(13) == 'G');
        assertTrue(RepeatShift.explains(r, 13, (byte) 'A'), "A: the base two before and after");
        assertFalse(RepeatShift.explains(r, 13, (byte) 'C'), "C: no unit has it");
        assertFalse(RepeatShift.explains(r, 13, (byte) 'T'), "T: one away only, a homopolymer's period");
    }

    @Test
    void aShortTractIsNotEnough() {
        // ATAT G TAT: with A in place ATATATAT, 8 bases, under 12
        RefWindow r = ref("GCCGCGCCATATGTATCCGCCGCG");
        assertTrue(r.base(13) == 'G');
        assertFalse(RepeatShift.explains(r, 13, (byte) 'A'));
    }

    @Test
    void theEndOfATractTakesTheBaseOfTheUnitThatWouldFollow() {
        // (CAG)5 then T: a read with one CAG more, aligned from its start, shows C (the unit's first base) at the T (16)
        RefWindow r = ref("CAGCAGCAGCAGCAGTTGGATTC");
        assertTrue(r.base(16) == 'T');
        assertTrue(RepeatShift.explains(r, 16, (byte) 'C'));
        assertFalse(RepeatShift.explains(r, 16, (byte) 'A'));
    }

    @Test
    void insideAPerfectTractNoTractBaseIsAShift() {
        // T flanks, (CAG)8 at 9-32: a unit away every base is the reference's own, and shifted by one or two bases
        // every base differs, so no A, C or G anywhere in the tract has a period over which it repeats. (A T there can:
        // it copies the flank's last base, a duplication across the tract's edge.)
        RefWindow r = ref("TTTTTTTT" + "CAG".repeat(8) + "TTTTTTTT");
        for (int pos = 9; pos <= 32; pos++) {
            for (byte b : new byte[] {'A', 'C', 'G'}) {
                if (b != r.base(pos)) {
                    assertFalse(RepeatShift.explains(r, pos, b), pos + " " + (char) b);
                }
            }
        }
        assertTrue(RepeatShift.explains(r, 8 + 9, (byte) 'T'), "TCAGCAGCA twice");
    }

    @Test
    void aLongUnitNeedsTwoCopies() {
        // a 25-base unit twice with one base changed in the second copy (G at 35, C in the first at 10)
        String unit = "TATATGATAGAGATTATATACAATA";
        String changed = unit.substring(0, 9) + "C" + unit.substring(10);
        RefWindow twice = ref(unit + changed + "GGCCTTGGAACCTTGGCCAAGGTTC");
        assertTrue(twice.base(35) == 'C' && twice.base(10) == 'G');
        assertTrue(RepeatShift.explains(twice, 35, (byte) 'G'));
        // one copy and 20 bases of the next: 45 bases, but not two units
        RefWindow partial = ref(unit + changed.substring(0, 20) + "GGCCTTGGAACCTTGGCCAAGGTTC");
        assertFalse(RepeatShift.explains(partial, 35, (byte) 'G'));
    }
}
