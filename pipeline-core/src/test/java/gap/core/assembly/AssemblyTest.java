package gap.core.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.AlignedRead;
import gap.core.model.Indel;
import gap.core.model.RefWindow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph construction, pruning, k escalation and event decomposition on hand-made reads. */
class AssemblyTest {
    // 120 bases without a repeated 11-mer (a fixed pseudo-random sequence).
    private static final String REF = "GATCCTAGCTTACGGATACCGTTAGCAATGCGTCAGTTCAAGGCTTGACCATAGGTCCTAGAGCTACGTTGCAA"
            + "CGGTATGCTCAAGTGCCATTCGGAACTTGCAGTACGCATGGTTCCAGA";

    private static byte[][] segment(String bases) {
        byte[] q = new byte[bases.length()];
        Arrays.fill(q, (byte) 30);
        return new byte[][] {bases.getBytes(StandardCharsets.US_ASCII), q};
    }

    private static List<byte[][]> copies(String bases, int n) {
        List<byte[][]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(segment(bases));
        }
        return out;
    }

    @Test
    void aHetSnvGivesTwoHaplotypesAndOneEvent() {
        String alt = REF.substring(0, 60) + (REF.charAt(60) == 'A' ? 'C' : 'A') + REF.substring(61);
        List<byte[][]> reads = new ArrayList<>(copies(REF.substring(5, 115), 3));
        reads.addAll(copies(alt.substring(10, 110), 3));
        AssemblyGraph g = AssemblyGraph.build(REF, reads, 11, 10);
        g.prune(2, 0);
        assertFalse(g.hasCycle());
        List<String> paths = g.bestPaths(8);
        assertEquals(2, paths.size(), paths.toString());
        assertTrue(paths.contains(REF) && paths.contains(alt));
        assertEquals(List.of(new HaplotypeAligner.Event(60, String.valueOf(REF.charAt(60)), String.valueOf(alt.charAt(60)))),
                HaplotypeAligner.events(REF, alt));
    }

    @Test
    void aBranchSeenOnceIsPruned() {
        String error = REF.substring(0, 50) + (REF.charAt(50) == 'G' ? 'T' : 'G') + REF.substring(51);
        List<byte[][]> reads = new ArrayList<>(copies(REF.substring(0, 120), 3));
        reads.add(segment(error.substring(20, 100)));
        AssemblyGraph g = AssemblyGraph.build(REF, reads, 11, 10);
        g.prune(2, 0);
        assertEquals(List.of(REF), g.bestPaths(8));
    }

    @Test
    void aRepeatedReferenceKmerOrACycleForcesALargerK() {
        String unit = "TGAGTCCA";
        String ref = REF.substring(0, 50) + unit + unit + REF.substring(50, 100);
        assertNull(AssemblyGraph.build(ref, List.of(), 5, 10), "with k = 5 a k-mer of the doubled unit occurs twice");
        // With k = 11 the reference is unique, but a read with a third copy of the unit threads a cycle:
        String expanded = REF.substring(0, 50) + unit + unit + unit + REF.substring(50, 100);
        AssemblyGraph small = AssemblyGraph.build(ref, copies(expanded, 3), 11, 10);
        small.prune(2, 0);
        assertTrue(small.hasCycle());
        AssemblyGraph large = AssemblyGraph.build(ref, copies(expanded, 3), 25, 10);
        large.prune(2, 0);
        assertFalse(large.hasCycle());
        assertTrue(large.bestPaths(8).contains(expanded));
    }

    @Test
    void aTandemDuplicationLongerThanTheTrimmedContextKeepsItsAnchor() {
        // REF[30, 90) twice: the haplotype shares 90+ bases with the reference before it differs, but the insertion
        // slides left to its leftmost place, after REF[29] (G, where REF[89] is C); context counted from the first
        // difference (50 bases) would start inside the duplication and leave the gap no anchor
        String duplication = REF.substring(30, 90);
        String hap = REF.substring(0, 90) + duplication + REF.substring(90);
        List<HaplotypeAligner.Event> expected = List.of(new HaplotypeAligner.Event(29, "G", "G" + duplication));
        assertEquals(expected, HaplotypeAligner.events(REF, hap));
        assertEquals(List.of(expected), HaplotypeAligner.trimmedEvents(REF, List.of(hap)));
    }

    @Test
    void haplotypeToEvents() {
        String deletion = REF.substring(0, 40) + REF.substring(52);
        assertEquals(List.of(new HaplotypeAligner.Event(39, REF.substring(39, 52), REF.substring(39, 40))),
                HaplotypeAligner.events(REF, deletion));
        String insertion = REF.substring(0, 70) + "TTTTTGGGGG" + REF.substring(70);
        assertEquals(List.of(new HaplotypeAligner.Event(69, REF.substring(69, 70), REF.charAt(69) + "TTTTTGGGGG")),
                HaplotypeAligner.events(REF, insertion));
    }

    @Test
    void aThirtyBaseInsertionCarriedOnlyBySoftClipsIsAssembled() {
        // Reference window of 300 bases from position 1001; the insertion follows position 1150.
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 320) {
            sb.append(REF);
        }
        // Make the long reference unique by mutating every 7th base in a pattern that breaks the period.
        char[] bases = sb.substring(0, 320).toCharArray();
        for (int i = 0; i < bases.length; i += 7) {
            bases[i] = "ACGT".charAt((i / 7 * 3 + i / 11) % 4);
        }
        String ref = new String(bases);
        RefWindow window = RefWindow.of("c", 1001, ref);
        String ins = "GGATTCACAGTTCCGATCAAGTCTGAACTA";
        int cut = 150; // offset of the first base after the insertion point
        String hap = ref.substring(0, cut) + ins + ref.substring(cut);
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int start = 40 + 5 * i;
            // aligned up to the insertion, the insertion and 20 more bases soft-clipped
            String r = hap.substring(start, cut + 30 + 20);
            reads.add(AlignedRead.of("L" + i, 1001 + start, (cut - start) + "M50S", r, 30, 60));
            // starting 20 bases before the insertion point, all of it clipped up to the read's first aligned base
            int end = cut + 30 + 90 + 5 * i;
            String s = hap.substring(cut - 20, end);
            reads.add(AlignedRead.of("R" + i, 1001 + cut, "50S" + (end - cut - 50) + "M", s, 30, 60));
        }
        LocalAssembler assembler = new LocalAssembler(new LocalAssembler.Settings(new int[] {25, 35}, 2, 0.1, 8, 10, 100,
                300, 20000));
        LocalAssembler.Assembly assembly = assembler.assemble(new ActivityProfile.Region(1001 + cut - 20,
                1001 + cut + 20), reads, window);
        assertEquals(1, assembly.haplotypes().size(), assembly.toString());
        assertEquals(1, assembly.haplotypes().get(0).size(), assembly.toString());
        gap.core.model.NearbyAllele found = assembly.haplotypes().get(0).get(0);
        assertEquals(31, found.alt().length());
        // left-normalised: the anchor is at or before the base the insertion follows
        assertTrue(found.position() <= 1000 + cut, found.toString());
    }

    @Test
    void haplotypesAlignedTogetherGetTheEventsTheyGetAlone() {
        java.util.Random random = new java.util.Random(9);
        List<String> haps = new ArrayList<>();
        for (int h = 0; h < 12; h++) {
            StringBuilder hap = new StringBuilder(REF);
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                int at = 12 + random.nextInt(hap.length() - 24); // the first and last k-mers stay the reference's
                switch (random.nextInt(3)) {
                    case 0 -> hap.setCharAt(at, "ACGT".charAt(random.nextInt(4)));
                    case 1 -> hap.insert(at, "TTGCA".substring(0, 1 + random.nextInt(5)).repeat(1 + random.nextInt(3)));
                    default -> hap.delete(at, at + 1 + random.nextInt(9));
                }
            }
            haps.add(hap.toString());
        }
        haps.add(REF);
        haps.add(haps.get(3));
        List<List<HaplotypeAligner.Event>> together = HaplotypeAligner.events(REF, haps);
        for (int h = 0; h < haps.size(); h++) {
            assertEquals(HaplotypeAligner.events(REF, haps.get(h)), together.get(h), haps.get(h));
        }
        assertEquals(List.of(), together.get(12), "the reference has no events");
    }

    @Test
    void aDuplicationLongerThanEveryKIsWalkedAtTheLargestKWhoseReferenceIsUnique() {
        // A 30-base stretch holding a 13-base sequence twice, duplicated in tandem: a cycle at k = 11 and at k = 21
        // (both shorter than the duplication), so no k gives a bubble and the cyclic walk decides. At k = 11 the
        // reference itself repeats (the 13-base sequence's 11-mers), its two copies collapse into one vertex, and the
        // walk may enter the loop at either copy: half-unit insertions and deletions of 17 bases compete with the
        // duplication. At k = 21 the reference is unique and the only cycle is the reads' duplication.
        String sequence = "CATGGTCAAGTGC";
        String unit = sequence + "ACGT" + sequence;
        String ref = longReference().substring(0, 170) + unit + longReference().substring(200, 320);
        RefWindow window = RefWindow.of("c", 1001, ref);
        assertNull(AssemblyGraph.build(ref, List.of(), 11, 10), "the reference repeats at k = 11");
        assertTrue(AssemblyGraph.build(ref, List.of(), 21, 10) != null, "and is unique at k = 21");
        int end = 200; // offset of the first base after the duplicated stretch
        String hap = ref.substring(0, end) + unit + ref.substring(end);
        List<AlignedRead> reads = new ArrayList<>();
        for (int start = 60; start + 100 <= hap.length() - 40; start += 4) {
            String r = hap.substring(start, start + 100);
            if (start + 100 <= end) {
                reads.add(AlignedRead.of("D" + start, 1001 + start, "100M", r, 30, 60));
            } else if (start >= end + 30) {
                reads.add(AlignedRead.of("D" + start, 1001 + start - 30, "100M", r, 30, 60));
            } else if (start < end && start + 100 > end + 30) { // the aligner's insertion of the second copy
                reads.add(AlignedRead.of("D" + start, 1001 + start, (end - start) + "M30I" + (70 - end + start) + "M",
                        r, 30, 60));
            }
        }
        LocalAssembler assembler = new LocalAssembler(new LocalAssembler.Settings(new int[] {11, 21}, 2, 0.1, 8, 10,
                100, 300, 20000));
        LocalAssembler.Assembly assembly = assembler.assemble(new ActivityProfile.Region(1001 + 160, 1001 + 215),
                reads, window);
        assertEquals(1, assembly.haplotypes().size(), assembly.toString());
        gap.core.model.NearbyAllele found = assembly.haplotypes().get(0).get(0);
        assertEquals(List.of(found), assembly.haplotypes().get(0));
        assertEquals(31, found.alt().length(), found.toString());
        assertEquals(window.substring(found.position() + 1, found.position() + 30), found.alt().substring(1),
                "a tandem copy of the stretch before it");
    }

    /** 320 bases without a repeated 21-mer: REF repeated, every 7th base changed in a pattern that breaks the period. */
    private static String longReference() {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 320) {
            sb.append(REF);
        }
        char[] bases = sb.substring(0, 320).toCharArray();
        for (int i = 0; i < bases.length; i += 7) {
            bases[i] = "ACGT".charAt((i / 7 * 3 + i / 11) % 4);
        }
        return new String(bases);
    }
}
