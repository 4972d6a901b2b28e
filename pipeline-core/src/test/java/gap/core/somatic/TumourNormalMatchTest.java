package gap.core.somatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TumourNormalMatchTest {

    /** {@code n} hom-alt sites of the normal with {@code ref} REF of {@code depth} tumour fragments each. */
    private static List<GermlineSite> sites(int n, int ref, int depth) {
        List<GermlineSite> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new GermlineSite("c", 100 + i, "A", "G", ref, depth, 0));
        }
        return out;
    }

    @Test
    void onePersonsContaminatedTumourMatches() {
        // 30 % contamination: 9 of 30 fragments REF, never all of them
        TumourNormalMatch m = TumourNormalMatch.of(sites(40, 9, 30));
        assertEquals(new TumourNormalMatch(40, 0), m);
        assertTrue(m.judged());
        assertTrue(m.samePerson());
    }

    @Test
    void anotherPersonIsHomRefAtManySites() {
        // 15 of 40 sites REF only (another person hom-ref there), 25 with ALT: 37.5 % discordant
        List<GermlineSite> s = sites(15, 20, 20);
        s.addAll(sites(25, 0, 20));
        TumourNormalMatch m = TumourNormalMatch.of(s);
        assertEquals(new TumourNormalMatch(40, 15), m);
        assertFalse(m.samePerson());
    }

    @Test
    void thinSitesAndFewSitesDoNotJudge() {
        // REF-only sites below 10 fragments are not counted; 19 counted sites are too few to judge
        List<GermlineSite> s = sites(50, 9, 9);
        s.addAll(sites(19, 12, 12));
        TumourNormalMatch m = TumourNormalMatch.of(s);
        assertEquals(new TumourNormalMatch(19, 19), m);
        assertFalse(m.judged());
        assertTrue(m.samePerson());
    }

    @Test
    void theCutIsTenPercent() {
        // 2 of 20 discordant (10 %) is one person's (a few sites of mapping errors); 3 of 20 is not
        List<GermlineSite> two = sites(2, 15, 15);
        two.addAll(sites(18, 1, 15));
        assertTrue(TumourNormalMatch.of(two).samePerson());
        List<GermlineSite> three = sites(3, 15, 15);
        three.addAll(sites(17, 1, 15));
        assertFalse(TumourNormalMatch.of(three).samePerson());
    }
}
