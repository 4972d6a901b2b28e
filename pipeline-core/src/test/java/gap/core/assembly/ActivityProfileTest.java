package gap.core.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.calling.CallingParameters;
import gap.core.model.AlignedRead;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Active regions from quality-weighted evidence (issue item 1): the same breakpoint opens a region on Q20 reads and
 * on Q37 reads alike, one clipped read does not, clip activity spreads over the clips, and mismatches alone open none
 * unless they are what reads shifted by a unit of a tandem repeat show (a copy-number change aligned without a gap).
 */
class ActivityProfileTest {
    private final ActivityProfile profile = new ActivityProfile(CallingParameters.defaults().activitySettings());

    /**
     * 30 reads of 150 bases tiling 1000..1585 every 15 bases, and {@code clipped} more whose last {@code clip} bases
     * are soft-clipped after position 1300 (the breakpoint of an event).
     */
    private static List<AlignedRead> reads(int clipped, int clip, int quality) {
        List<AlignedRead> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(read("r" + i, 1000 + 15 * i, "150M", quality));
        }
        for (int i = 0; i < clipped; i++) {
            out.add(read("c" + i, 1301 - (150 - clip), (150 - clip) + "M" + clip + "S", quality));
        }
        out.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        return out;
    }

    private static AlignedRead read(String name, int start, String cigar, int quality) {
        byte[] q = new byte[150];
        Arrays.fill(q, (byte) quality);
        return AlignedRead.of(name, start, cigar, "A".repeat(150), q, 60, false);
    }

    @Test
    void aBreakpointIsActiveOnQ20AndQ37ReadsAlike() {
        for (int q : new int[] {20, 37}) {
            List<ActivityProfile.Region> regions = profile.regions(List.of(reads(0, 40, q)), 1000, 1600);
            assertEquals(List.of(), regions, "no evidence, Q" + q);
            regions = profile.regions(List.of(reads(8, 40, q)), 1000, 1600);
            assertEquals(1, regions.size(), "Q" + q);
            assertTrue(regions.get(0).start() <= 1300 && regions.get(0).end() >= 1300, regions + " Q" + q);
        }
    }

    @Test
    void oneClippedReadIsNotAnEvent() {
        assertEquals(List.of(), profile.regions(List.of(reads(1, 40, 30)), 1000, 1600));
    }

    @Test
    void clipActivitySpreadsOverTheClipsLength() {
        ActivityProfile.Region shortClips = profile.regions(List.of(reads(8, 10, 30)), 1000, 1600).get(0);
        ActivityProfile.Region longClips = profile.regions(List.of(reads(8, 80, 30)), 1000, 1600).get(0);
        assertTrue(longClips.end() - longClips.start() >= shortClips.end() - shortClips.start() + 100,
                shortClips + " " + longClips);
        assertTrue(longClips.end() >= 1300 + 80, "reaches where the clipped bases belong: " + longClips);
    }

    @Test
    void aClippedTailOfPoorBasesWeighsLittle() {
        List<AlignedRead> poor = new ArrayList<>();
        for (AlignedRead r : reads(3, 10, 30)) {
            byte[] q = r.quals().clone();
            if (r.name().startsWith("c")) {
                Arrays.fill(q, q.length - 10, q.length, (byte) 2); // the clip is a run of Q2 bases, as tails are
            }
            poor.add(new AlignedRead(r.name(), r.start(), r.end(), r.bases(), q, r.cigarOps(), r.cigarLengths(),
                    r.mappingQuality(), r.negativeStrand()));
        }
        assertEquals(List.of(), profile.regions(List.of(poor), 1000, 1600));
        assertEquals(1, profile.regions(List.of(reads(3, 10, 30)), 1000, 1600).size(), "three clips of good bases");
    }

    @Test
    void mismatchesAloneOpenNoRegion() {
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String bases = "A".repeat(100) + "C" + "A".repeat(49); // every read mismatches at one position
            byte[] q = new byte[150];
            Arrays.fill(q, (byte) 30);
            reads.add(AlignedRead.of("m" + i, 1200 - 100, "150M", bases, q, 60, false));
        }
        assertEquals(List.of(), profile.regions(List.of(reads), 1000, 1600));
    }

    @Test
    void clipsPlacedAtADeletionsFarBreakpointMakeOneRegionOfBoth() {
        // Random reference; one haplotype lacks 501-720. 25x of Q20 reference reads; three reads end at 500 with 20
        // bases clipped (the reference from 721), two start at 721 with 6 poor bases clipped. Unplaced, only the
        // first breakpoint is active; placed, the clips lend their evidence to 721 and the region spans both.
        java.util.Random random = new java.util.Random(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        String seq = sb.toString();
        gap.core.model.RefWindow ref = gap.core.model.RefWindow.of("c", 1, seq);
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            int start = 201 + 4 * i;
            reads.add(AlignedRead.of("r" + i, start, "100M", seq.substring(start - 1, start + 99), 20, 60));
        }
        for (int i = 0; i < 3; i++) {
            reads.add(AlignedRead.of("d" + i, 421 + i, (80 - i) + "M20S",
                    seq.substring(420 + i, 500) + seq.substring(720, 740), 20, 60));
        }
        for (int i = 0; i < 2; i++) {
            byte[] q = new byte[100];
            Arrays.fill(q, (byte) 20);
            Arrays.fill(q, 0, 6, (byte) 8);
            reads.add(AlignedRead.of("h" + i, 721, "6S94M", seq.substring(494, 500) + seq.substring(720, 814 - i)
                    + "A".repeat(i), q, 60, false));
        }
        reads.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        List<ActivityProfile.Region> unplaced = profile.regions(List.of(reads), 300, 1000);
        assertEquals(1, unplaced.size(), unplaced.toString());
        assertTrue(unplaced.get(0).start() <= 500 && unplaced.get(0).end() + 100 < 721, unplaced.toString());
        List<ActivityProfile.Region> placed = profile.regions(List.of(reads), ref, 300, 1000);
        assertEquals(1, placed.size(), placed.toString());
        assertTrue(placed.get(0).start() <= 500 && placed.get(0).end() >= 721, placed.toString());
    }

    /** A tandem repeat's unit (25 bases, as at easy45's 323978) and the same unit with one base changed (G to C). */
    private static final String UNIT = "TATATGATAGAGATTATATACAATA";
    private static final String VARIANT_UNIT = "TATATGATACAGATTATATACAATA";
    private static final int TRACT = 1001;

    /** Random sequence with a tract of two units and three variant units at {@value #TRACT}-1125, plus {@code tail}. */
    private static String flanked(String tract) {
        java.util.Random random = new java.util.Random(7);
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            left.append("ACGT".charAt(random.nextInt(4)));
            right.append("ACGT".charAt(random.nextInt(4)));
        }
        return left + tract + right;
    }

    /**
     * 30x of reference reads, and 15 reads of {@code alt} aligned ungapped from their start (as bwa aligns a read
     * whose end lies in a repeat: a gap costs more than the mismatches it saves), each starting in 911..976 so that it
     * covers 1060 and ends inside the tract.
     */
    private static List<AlignedRead> shiftedReads(String ref, String alt) {
        List<AlignedRead> reads = new ArrayList<>();
        for (int start = 601; start <= 1450; start += 5) {
            reads.add(AlignedRead.of("r" + start, start, "150M", ref.substring(start - 1, start + 149), 35, 60));
        }
        for (int i = 0; i < 15; i++) {
            int start = 911 + 4 * i;
            reads.add(AlignedRead.of("a" + i, start, "150M", alt.substring(start - 1, start + 149), 35, 60));
        }
        reads.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        return reads;
    }

    @Test
    void aUnitMoreOfARepeatAlignedWithoutAGapOpensARegionOverIt() {
        // reference: U U V V V; one haplotype carries U U U V V V. Its reads aligned from their start show, at the
        // first V's changed base (1060), the G of the unit before: the one mismatch the ungapped alignment makes.
        String ref = flanked(UNIT + UNIT + VARIANT_UNIT.repeat(3));
        String alt = flanked(UNIT.repeat(3) + VARIANT_UNIT.repeat(3));
        List<AlignedRead> reads = shiftedReads(ref, alt);
        assertEquals('C', ref.charAt(1059));
        assertEquals(15, reads.stream().filter(r -> r.name().startsWith("a")
                && r.bases()[1060 - r.start()] == 'G').count(), "every shifted read shows G at 1060");
        List<ActivityProfile.Region> regions = profile.regions(List.of(reads), RefWindow.of("c", 1, ref), 700, 1400);
        assertEquals(1, regions.size(), regions.toString());
        assertTrue(regions.get(0).start() <= 1060 && regions.get(0).end() >= 1060, regions.toString());
    }

    @Test
    void theSameCountOfAnotherBaseIsAnSnvAndOpensNone() {
        // the same reads, but the 15 show T at 1060: no unit of the tract has T there, so no shift explains it
        String ref = flanked(UNIT + UNIT + VARIANT_UNIT.repeat(3));
        String snv = ref.substring(0, 1059) + "T" + ref.substring(1060);
        assertEquals(List.of(), profile.regions(List.of(shiftedReads(ref, snv)), RefWindow.of("c", 1, ref), 700, 1400));
    }

    @Test
    void anSnvInUniqueSequenceOpensNone() {
        // 15 of 45 reads show the base found 2, 3, ... bases away, but no tract repeats around it
        String ref = flanked(UNIT + UNIT + VARIANT_UNIT.repeat(3));
        int pos = 700;
        char alt = ref.charAt(pos - 1 - 3) != ref.charAt(pos - 1) ? ref.charAt(pos - 1 - 3) : ref.charAt(pos - 1 + 3);
        assertTrue(alt != ref.charAt(pos - 1));
        String snv = ref.substring(0, pos - 1) + alt + ref.substring(pos);
        List<AlignedRead> reads = new ArrayList<>();
        for (int start = 401; start <= 900; start += 5) {
            reads.add(AlignedRead.of("r" + start, start, "150M", ref.substring(start - 1, start + 149), 35, 60));
        }
        for (int i = 0; i < 15; i++) {
            int start = 560 + 9 * i;
            reads.add(AlignedRead.of("a" + i, start, "150M", snv.substring(start - 1, start + 149), 35, 60));
        }
        reads.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        assertEquals(List.of(), profile.regions(List.of(reads), RefWindow.of("c", 1, ref), 400, 1000));
    }

    @Test
    void aSubstitutionInReadsThatReachPastTheRepeatOpensNone() {
        // the G at 1060 as a substitution (U U V' V V, V' = V with G), read by 15 reads starting 960-1002: those from
        // 986 on reach from before 1016 to past 1135, beyond the unit shift's extent (1026-1125) both ways, so the
        // base is no shifted read's
        String ref = flanked(UNIT + UNIT + VARIANT_UNIT.repeat(3));
        String snv = ref.substring(0, 1059) + "G" + ref.substring(1060);
        List<AlignedRead> reads = new ArrayList<>();
        for (int start = 601; start <= 1450; start += 5) {
            reads.add(AlignedRead.of("r" + start, start, "150M", ref.substring(start - 1, start + 149), 35, 60));
        }
        for (int i = 0; i < 15; i++) {
            int start = 960 + 3 * i;
            reads.add(AlignedRead.of("a" + i, start, "150M", snv.substring(start - 1, start + 149), 35, 60));
        }
        reads.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        RefWindow window = RefWindow.of("c", 1, ref);
        assertEquals(List.of(), profile.regions(List.of(reads), window, 700, 1400));
        // the same reads but those that reach past both ends: all can be shifted ones, and the region opens
        reads.removeIf(r -> r.name().startsWith("a") && r.start() >= 986);
        assertEquals(1, profile.regions(List.of(reads), window, 700, 1400).size());
    }
}
