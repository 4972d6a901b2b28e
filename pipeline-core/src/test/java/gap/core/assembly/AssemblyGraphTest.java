package gap.core.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.RefWindow;
import gap.core.model.AlignedRead;
import gap.core.model.NearbyAllele;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The assembler's answers to what GATK's does not give up on (issue item 2), on hand-made reads: whole-chain pruning,
 * dangling ends joined by Smith-Waterman, repeated reference k-mers and cycles walked on the last attempt, and every
 * event of a haplotype kept with its phase.
 */
class AssemblyGraphTest {
    /** 400 random bases (seed 11): no repeated 20-mer. */
    private static final String REF = random(400, 11);

    private static String random(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append("ACGT".charAt(r.nextInt(4)));
        }
        return sb.toString();
    }

    private static byte[][] segment(String bases) {
        byte[] q = new byte[bases.length()];
        Arrays.fill(q, (byte) 30);
        return new byte[][] {bases.getBytes(StandardCharsets.US_ASCII), q};
    }

    /** Reads of {@code length} bases tiling {@code hap} every {@code step} bases. */
    private static List<byte[][]> tiles(String hap, int length, int step) {
        List<byte[][]> out = new ArrayList<>();
        for (int s = 0; s + length <= hap.length(); s += step) {
            out.add(segment(hap.substring(s, s + length)));
        }
        return out;
    }

    @Test
    void aChainIsPrunedOnlyWhenNoneOfItsEdgesReachesTheMinimum() {
        // A 12-base insertion at 200 carried by reads whose k-mers over it are seen once each except one seen twice:
        // single-edge pruning would cut the chain where it has 1; chain pruning keeps it whole.
        String alt = REF.substring(0, 200) + "GATTACAGATTA" + REF.substring(200);
        List<byte[][]> reads = new ArrayList<>(tiles(REF.substring(100, 300), 100, 5));
        reads.add(segment(alt.substring(160, 230))); // covers the insertion
        reads.add(segment(alt.substring(170, 240))); // covers it too: the k-mers they share are seen twice
        reads.add(segment(alt.substring(190, 260)));
        AssemblyGraph g = AssemblyGraph.build(REF.substring(100, 300), reads, 25, 0);
        g.prune(2, 0);
        assertTrue(g.bestPaths(8).contains(alt.substring(100, 312)), "the whole chain stays");

        List<byte[][]> once = new ArrayList<>(tiles(REF.substring(100, 300), 100, 5));
        once.add(segment(alt.substring(160, 230)));
        AssemblyGraph single = AssemblyGraph.build(REF.substring(100, 300), once, 25, 0);
        single.prune(2, 0);
        assertEquals(List.of(REF.substring(100, 300)), single.bestPaths(8), "a chain seen once is pruned");
    }

    @Test
    void aChainBelowATenthOfTheReadsAtItsBranchIsPruned() {
        String error = REF.substring(0, 200) + (REF.charAt(200) == 'A' ? 'C' : 'A') + REF.substring(201);
        List<byte[][]> reads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            reads.add(segment(REF.substring(150, 260)));
        }
        reads.add(segment(error.substring(150, 260)));
        reads.add(segment(error.substring(150, 260)));
        AssemblyGraph g = AssemblyGraph.build(REF.substring(100, 300), reads, 25, 0);
        g.prune(2, 0.1);
        assertEquals(1, g.bestPaths(8).size(), "2 of 32 reads sharing an error is not an allele");
    }

    @Test
    void aDanglingTailIsJoinedBackBySmithWaterman() {
        // An SNV 6 bases before the reads' end: the branch never rejoins with 25 matching bases.
        String alt = REF.substring(0, 250) + (REF.charAt(250) == 'G' ? 'T' : 'G') + REF.substring(251);
        List<byte[][]> reads = new ArrayList<>(tiles(REF.substring(100, 300), 100, 4));
        for (int i = 0; i < 4; i++) {
            reads.add(segment(alt.substring(150 + i, 257)));
        }
        AssemblyGraph g = AssemblyGraph.build(REF.substring(100, 300), reads, 25, 0);
        g.prune(2, 0);
        assertEquals(1, g.bestPaths(8).size(), "without recovery the branch leads nowhere");
        g.recoverDanglingEnds();
        assertTrue(g.bestPaths(8).contains(alt.substring(100, 300)));
    }

    @Test
    void aDanglingHeadIsJoinedBackBySmithWaterman() {
        String alt = REF.substring(0, 150) + (REF.charAt(150) == 'G' ? 'T' : 'G') + REF.substring(151);
        List<byte[][]> reads = new ArrayList<>(tiles(REF.substring(100, 300), 100, 4));
        for (int i = 0; i < 4; i++) {
            reads.add(segment(alt.substring(144, 250 - i)));
        }
        AssemblyGraph g = AssemblyGraph.build(REF.substring(100, 300), reads, 25, 0);
        g.prune(2, 0);
        g.recoverDanglingEnds();
        assertTrue(g.bestPaths(8).contains(alt.substring(100, 300)));
    }

    @Test
    void aDanglingTailThatRepeatsTheSequenceBeforeItIsNotMergedDownstream() {
        // A 28-base tandem duplication (REF 200-227 twice) whose reads end 26 bases into the second copy: at k 35 the
        // junction branch dangles. It is the duplicated sequence, so the reads do not say where the insertion ends;
        // merged downstream by Smith-Waterman it became an insertion at the wrong place with mismatches no read shows
        // (dw30's (AAAT)n site). Left unmerged, the graph proposes no haplotype the reads do not carry.
        String alt = REF.substring(0, 228) + REF.substring(200, 228) + REF.substring(228);
        String window = REF.substring(100, 300);
        List<byte[][]> reads = new ArrayList<>(tiles(window, 100, 4));
        for (int i = 0; i < 4; i++) {
            reads.add(segment(alt.substring(150 + i, 254)));
        }
        AssemblyGraph g = AssemblyGraph.build(window, reads, 35, 0);
        g.prune(2, 0);
        assertFalse(g.hasCycle());
        g.recoverDanglingEnds();
        assertEquals(List.of(window), g.bestPaths(8));
    }

    @Test
    void aDanglingHeadThatRepeatsTheSequenceAfterItIsNotMergedUpstream() {
        // The same duplication seen by reads that begin 26 bases before the junction, inside the first copy.
        String alt = REF.substring(0, 228) + REF.substring(200, 228) + REF.substring(228);
        String window = REF.substring(100, 300);
        List<byte[][]> reads = new ArrayList<>(tiles(window, 100, 4));
        for (int i = 0; i < 4; i++) {
            reads.add(segment(alt.substring(202, 330 - i)));
        }
        AssemblyGraph g = AssemblyGraph.build(window, reads, 35, 0);
        g.prune(2, 0);
        g.recoverDanglingEnds();
        assertEquals(List.of(window), g.bestPaths(8));
    }

    @Test
    void aWeakChainThatAloneBridgesASupportedInsertionIsKept() {
        // a 60-base insertion after REF[150): three reads hold its first 28 bases (alt[90, 178)), three its last 28
        // (alt[182, 280)), and only two cross the middle (alt[120, 250)), one of them with an error at alt[180].
        // The k-mers holding alt[180] (those starting at 156 to 180) are then seen once on the true chain and once on
        // the error's: both chains are below minPruning 2, and pruning both cut the insertion's path in two.
        String insertion = random(60, 5);
        String alt = REF.substring(0, 150) + insertion + REF.substring(150, 300);
        String window = REF.substring(0, 300);
        char wrong = alt.charAt(180) == 'A' ? 'C' : 'A';
        String error = alt.substring(0, 180) + wrong + alt.substring(181);
        List<byte[][]> reads = new ArrayList<>(tiles(window, 100, 5));
        for (int i = 0; i < 3; i++) {
            reads.add(segment(alt.substring(90, 178)));
            reads.add(segment(alt.substring(182, 280)));
        }
        reads.add(segment(alt.substring(120, 250)));
        reads.add(segment(error.substring(120, 250)));
        AssemblyGraph g = AssemblyGraph.build(window, reads, 25, 0);
        g.prune(2, 0);
        g.recoverDanglingEnds();
        assertFalse(g.hasCycle());
        List<String> paths = g.bestPaths(8);
        assertTrue(paths.contains(alt), "the insertion's path survives");
        assertTrue(paths.contains(error), "so does the error's, across the same gap: the reads choose");
        assertTrue(paths.contains(window));
        assertEquals(3, paths.size());
    }

    @Test
    void aWeakChainOffTheReferencePathOrLeadingNowhereIsStillPruned() {
        // one read's error on the reference (a bubble between reference vertices) and one read's error near the end
        // of the only read of a supported insertion's tail (a dead end): both pruned, the insertion kept
        String insertion = random(30, 7);
        String alt = REF.substring(0, 150) + insertion + REF.substring(150, 300);
        String window = REF.substring(0, 300);
        String onReference = window.substring(0, 60) + (window.charAt(60) == 'A' ? 'C' : 'A') + window.substring(61);
        List<byte[][]> reads = new ArrayList<>(tiles(window, 100, 5));
        reads.add(segment(onReference.substring(20, 120)));
        for (int i = 0; i < 3; i++) {
            reads.add(segment(alt.substring(100, 240)));
        }
        String deadEnd = alt.substring(100, 170) + (alt.charAt(170) == 'A' ? 'C' : 'A') + alt.substring(171, 185);
        reads.add(segment(deadEnd));
        AssemblyGraph g = AssemblyGraph.build(window, reads, 25, 0);
        g.prune(2, 0);
        g.recoverDanglingEnds();
        List<String> paths = g.bestPaths(8);
        assertEquals(2, paths.size(), paths.toString());
        assertTrue(paths.contains(alt));
        assertTrue(paths.contains(window));
    }

    @Test
    void aDanglingEndIsMergedOnlyWhereFourIdenticalBasesRejoinTheReference() {
        // a branch of 25 reference bases, 19 novel ones (an insertion the reads do not get across) and then one base
        // that happens to be the reference's next: scored 25 x 25 - 110 - 18 x 6 + 25 = 432 > 0, the old merge put a
        // 19-base insertion there; GATK merges only on at least 4 identical closing bases
        String reference = REF.substring(0, 80);
        String novel = "CGCCCAGAGCGTTTCCGCG";
        assertEquals(-1, DanglingAligner.alignPrefix(reference.substring(0, 25) + novel + reference.charAt(25),
                reference));
        assertEquals(-1, DanglingAligner.alignPrefix(reference.substring(0, 25) + novel + reference.substring(25, 28),
                reference));
        assertEquals(29, DanglingAligner.alignPrefix(reference.substring(0, 25) + novel + reference.substring(25, 29),
                reference), "four closing bases: a real insertion's far side");
        assertEquals(40, DanglingAligner.alignPrefix(reference.substring(0, 40), reference), "all reference");
    }

    @Test
    void aBranchRepeatsItsFlankOnlyWhenEachBaseIsTheOneAPeriodBefore() {
        assertTrue(AssemblyGraph.repeatsFlank("GGCAAAT", "AAATAAATA"), "period 4");
        assertTrue(AssemblyGraph.repeatsFlank("GCTTACG", "TTACGTT"), "period 5, the whole copy and more");
        assertTrue(AssemblyGraph.repeatsFlank("GCA", "AAAA"), "period 1");
        assertFalse(AssemblyGraph.repeatsFlank("GGCAAAT", "AAATAAGT"));
        assertFalse(AssemblyGraph.repeatsFlank("ACG", "TTTT"));
    }

    @Test
    void aTandemDuplicationLongerThanEveryKIsWalkedOnTheLastAttempt() {
        // 100 bases after 200 duplicated: the junction returns to a k-mer the path passed, for every k up to 85.
        String dup = REF.substring(0, 300) + REF.substring(200, 300) + REF.substring(300);
        String window = REF.substring(150, 350);
        List<byte[][]> reads = new ArrayList<>(tiles(window, 100, 5));
        reads.addAll(tiles(dup.substring(150, 450), 100, 5));
        for (int k : new int[] {25, 45, 85}) {
            AssemblyGraph g = AssemblyGraph.build(window, reads, k, 0);
            g.prune(2, 0);
            assertTrue(g.hasCycle(), "k " + k);
        }
        AssemblyGraph g = AssemblyGraph.build(window, reads, 25, 0, true);
        g.prune(2, 0);
        List<String> paths = g.bestPathsCyclic(8, 600, 20000);
        assertTrue(paths.contains(window), paths.toString());
        assertTrue(paths.contains(dup.substring(150, 450)));
        assertFalse(paths.contains(REF.substring(150, 300) + REF.substring(200, 300) + REF.substring(200, 350)),
                "two extra copies are one loop more than reads of this length can tell apart: not proposed");
    }

    @Test
    void repeatedReferenceKmersNeedTheLastAttempt() {
        String unit = REF.substring(40, 70);
        String ref = REF.substring(0, 100) + unit + REF.substring(100, 200);
        assertNull(AssemblyGraph.build(ref, List.of(), 25, 0));
        AssemblyGraph g = AssemblyGraph.build(ref, tiles(ref, 100, 5), 25, 0, true);
        assertNotNull(g);
        g.prune(2, 0);
        assertTrue(g.bestPathsCyclic(4, 400, 20000).contains(ref));
    }

    @Test
    void everyEventOfAnAssembledHaplotypeIsKeptWithItsPhase() {
        // one haplotype: an SNV at 180, a 3-base deletion after 190 and an SNV at 230; the other the reference
        StringBuilder hap = new StringBuilder(REF);
        hap.setCharAt(230, REF.charAt(230) == 'A' ? 'C' : 'A');
        hap.delete(191, 194);
        hap.setCharAt(180, REF.charAt(180) == 'A' ? 'C' : 'A');
        List<AlignedRead> reads = new ArrayList<>();
        for (int s = 60; s + 120 <= 340; s += 4) {
            reads.add(AlignedRead.of("r" + s, 1 + s, "120M", REF.substring(s, s + 120), 30, 60));
        }
        String alt = hap.toString();
        for (int s = 60; s + 120 <= 337; s += 4) {
            int e = s + 120;
            String cigar = s < 190 && e > 191 ? (191 - s) + "M3D" + (120 - (191 - s)) + "M" : "120M";
            int start = s < 191 ? 1 + s : 1 + s + 3;
            reads.add(AlignedRead.of("a" + s, start, cigar, alt.substring(s, e), 30, 60));
        }
        reads.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        LocalAssembler assembler = new LocalAssembler(gap.core.calling.CallingParameters.defaults().assemblySettings());
        LocalAssembler.Assembly a = assembler.assemble(new ActivityProfile.Region(170, 240), reads,
                RefWindow.of("c", 1, REF));
        NearbyAllele snv1 = new NearbyAllele(181, String.valueOf(REF.charAt(180)), String.valueOf(alt.charAt(180)));
        int anchor = 190; // left-aligned: the deleted bases slide left while the base before equals the last deleted
        while (REF.charAt(anchor) == REF.charAt(anchor + 3)) {
            anchor--;
        }
        NearbyAllele del = new NearbyAllele(anchor + 1, REF.substring(anchor, anchor + 4), REF.substring(anchor, anchor + 1));
        NearbyAllele snv2 = new NearbyAllele(231, String.valueOf(REF.charAt(230)), String.valueOf(hap.charAt(227)));
        assertTrue(a.haplotypes().contains(List.of(snv1, del, snv2)), a.toString());
    }
}
