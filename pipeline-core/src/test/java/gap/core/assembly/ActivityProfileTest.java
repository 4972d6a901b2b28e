package gap.core.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.calling.CallingParameters;
import gap.core.model.AlignedRead;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Active regions from quality-weighted evidence (issue item 1): the same breakpoint opens a region on Q20 reads and
 * on Q37 reads alike, one clipped read does not, clip activity spreads over the clips, and mismatches alone open none.
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
}
