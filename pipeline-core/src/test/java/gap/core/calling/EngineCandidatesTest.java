package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.RefWindow;
import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.NearbyAllele;
import gap.core.model.Shard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Candidates for issue items 3-5 and 9 on hand-made reads: windows over the whole repeat tract, events of one
 * haplotype written as one complex allele, a repeat's indels pooled whatever errors the reads carry, and reads per
 * start capped deterministically; long deletions and tandem duplications proposed by soft clips.
 */
class EngineCandidatesTest {
    //                                         1         2         3         4         5         6
    //                                1234567890123456789012345678901234567890123456789012345678901234567890
    private static final String SEQ = "GATCCTAGCTTACGGATCACACACACACACACAGTTCAAGGCTTGACCATAGGTCCTAGAGCTACGTTG";
    private static final RefWindow REF = RefWindow.of("chr1", 1, SEQ);

    @Test
    void aSitesWindowSpansTheWholeRepeatTractItTouches() {
        // (CA)8 tract from 18 to 33. A site at 25 inside it reaches both ends.
        RepeatContext.Tract t = RepeatContext.tract(REF, 25, 25, 300);
        assertEquals(18, t.start(), t.toString());
        assertEquals(33, t.end(), t.toString());
        RepeatContext.Tract none = RepeatContext.tract(REF, 5, 5, 300);
        assertEquals(5, none.start());
        assertEquals(5, none.end());
    }

    @Test
    void linkedEventsOfOneHaplotypeAreOneComplexAllele() {
        // hap 1: SNV at 10 and a 2-base insertion after 12 (2 bases apart); hap 2: the SNV alone at 40
        NearbyAllele snv = new NearbyAllele(10, "T", "G");
        NearbyAllele ins = new NearbyAllele(12, "A", "ACC");
        NearbyAllele far = new NearbyAllele(40, "G", "C");
        Set<NearbyAllele> blocks = new HashSet<>();
        List<List<NearbyAllele>> merged = ComplexEvents.merge(List.of(List.of(snv, ins, far), List.of(far)), REF, 3,
                blocks);
        NearbyAllele complex = new NearbyAllele(10, "TTA", "GTACC");
        assertEquals(List.of(List.of(complex, far), List.of(far)), merged);
        assertEquals(Set.of(complex), blocks);
    }

    @Test
    void eventsSomeHaplotypeCarriesApartStayApart() {
        NearbyAllele snv = new NearbyAllele(10, "T", "G");
        NearbyAllele ins = new NearbyAllele(12, "A", "ACC");
        Set<NearbyAllele> blocks = new HashSet<>();
        List<List<NearbyAllele>> merged = ComplexEvents.merge(List.of(List.of(snv, ins), List.of(snv)), REF, 3,
                blocks);
        assertEquals(List.of(List.of(snv, ins), List.of(snv)), merged);
        assertTrue(blocks.isEmpty());
    }

    @Test
    void aRepeatsInsertionPoolsWhateverErrorsTheReadsCarryInside() {
        // +CA in the tract at 18-33: each read puts the insertion elsewhere, and one has a sequencing error in the
        // repeat before its insertion; all three count for one allele anchored before the tract.
        String alt = SEQ.substring(0, 33) + "CA" + SEQ.substring(33);
        List<List<AlignedRead>> samples = List.of(List.of(
                read("i1", 1, "33M2I36M", alt),
                read("i2", 1, "25M2I44M", alt),
                read("i3", 1, "21M2I48M", alt.substring(0, 19) + "G" + alt.substring(20))));
        ReadTally tally = ReadTally.of(samples, REF, 1, SEQ.length(), 10, 300);
        assertEquals(1, tally.indels.size(), tally.indels.toString());
        var entry = tally.indels.entrySet().iterator().next();
        assertEquals(3, entry.getValue()[0]);
        assertEquals(17, entry.getKey().anchor(), "the base before the tract");
    }

    @Test
    void readsPerStartAreCappedTheSameWayWhateverTheirOrder() {
        List<AlignedRead> reads = new ArrayList<>();
        reads.add(read("before", 1, "10M", SEQ.substring(0, 10)));
        for (int i = 0; i < 200; i++) {
            reads.add(read("pile" + i, 5, "10M", SEQ.substring(4, 14)));
        }
        reads.add(read("after", 9, "10M", SEQ.substring(8, 18)));
        List<AlignedRead> kept = Downsampler.capPerStart(reads, 50);
        assertEquals(52, kept.size());
        assertEquals("before", kept.get(0).name());
        assertEquals("after", kept.get(51).name());
        List<AlignedRead> reversed = new ArrayList<>(reads.subList(1, 201));
        java.util.Collections.reverse(reversed);
        reversed.add(0, reads.get(0));
        reversed.add(reads.get(201));
        Set<String> a = new HashSet<>();
        Downsampler.capPerStart(reversed, 50).forEach(r -> a.add(r.name()));
        Set<String> b = new HashSet<>();
        kept.forEach(r -> b.add(r.name()));
        assertEquals(b, a);
        assertEquals(reads, Downsampler.capPerStart(reads, 500), "below the cap nothing changes");
    }

    @Test
    void anSnvInsideARepeatIsGenotypedOverTheWholeTract() {
        // An insertion of CA in the tract; two reads also show a C>A at 26. The SNV site's window spans the tract
        // (18-33) and a flank either side, and its haplotypes carry the neighbouring insertion.
        String alt = SEQ.substring(0, 33) + "CA" + SEQ.substring(33);
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reads.add(read("i" + i, 1, "33M2I36M", alt));
            reads.add(read("r" + i, 1, "69M", SEQ));
        }
        String snv = SEQ.substring(0, 25) + "A" + SEQ.substring(26);
        reads.add(read("s1", 1, "69M", snv));
        reads.add(read("s2", 1, "69M", snv));
        List<CandidateSite> sites = new CandidateFinder(TestParams.defaults()).find(new Shard(0, "chr1", 1, 69, 0),
                reads, REF);
        CandidateSite s = sites.stream().filter(x -> x.position() == 26).findFirst().orElseThrow();
        assertTrue(s.windowStart() <= 18 - 20 && s.windowEnd() >= 33 + 20, s.toString());
        assertTrue(s.needsHaplotypes());
    }

    @Test
    void softClipsAtABreakpointProposeTheLongDeletionOrDuplication() {
        // A 400-base reference without repeats; the person lacks 231-310 (80 bases after 230) on one haplotype.
        java.util.Random random = new java.util.Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        String seq = sb.toString();
        RefWindow ref = RefWindow.of("chr1", 1, seq);
        // a read aligned over 151-230, its last 30 bases clipped: they are the reference from 311 on
        AlignedRead tail = read("t", 151, "80M30S", seq.substring(150, 230) + seq.substring(310, 340));
        // a read aligned from 311, its first 30 bases clipped: they are the reference up to 230
        AlignedRead head = read("h", 311, "30S80M", seq.substring(200, 230) + seq.substring(310, 390));
        ReadTally tally = ReadTally.of(List.of(List.of(tail, head)), ref, 1, 400, 10, 300);
        gap.core.model.Indel deletion = ReadTally.leftAlignDeletion(ref, 230, 80, 300);
        assertEquals(java.util.Map.of(deletion, 2), single(tally));

        // a tandem duplication of 201-230: a read over 151-230 goes on with the copy, clipped; so does one from 201
        AlignedRead dupTail = read("d1", 151, "80M30S", seq.substring(150, 230) + seq.substring(200, 230));
        AlignedRead dupHead = read("d2", 201, "30S80M", seq.substring(200, 230) + seq.substring(200, 280));
        ReadTally dup = ReadTally.of(List.of(List.of(dupTail, dupHead)), ref, 1, 400, 10, 300);
        gap.core.model.Indel insertion = ReadTally.leftAlignInsertion(ref, 230, seq.substring(200, 230), 300);
        assertEquals(java.util.Map.of(insertion, 2), single(dup));

        // a clip whose bases are nowhere near (adapter, another locus) proposes nothing
        AlignedRead junk = read("j", 151, "80M30S", seq.substring(150, 230) + "A".repeat(30));
        assertTrue(ReadTally.of(List.of(List.of(junk)), ref, 1, 400, 10, 300).indels.isEmpty());
    }

    @Test
    void readsClippedAtALongInsertionTellApartInsertionsThatDifferInTheirMiddle() {
        // A 600-base reference without repeats; one haplotype carries 60 random bases after 300. Two reads spell the
        // insertion in their CIGAR, three others the same insertion with base 31 changed (an error that several reads
        // share, as assembly or CIGARs propose it at 3 % errors): both are candidates at 300, the wrong one ahead on
        // the reads that span it. The reads bwa clips at the junctions decide: six run from 241 into it (60M40S),
        // six start at 301 with its last 40 bases clipped (40S60M); every one of them covers base 31 and reads it as
        // the true insertion. Their clipped bases must be seen across the insertion (40 bases, beyond the 20-base
        // flank of a site's window), else they cannot tell the two apart and the three reads carry the wrong one.
        java.util.Random random = new java.util.Random(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        String seq = sb.toString();
        StringBuilder ins = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            ins.append("ACGT".charAt(random.nextInt(4)));
        }
        String inserted = ins.toString();
        char other = inserted.charAt(30) == 'A' ? 'C' : 'A';
        String wrong = inserted.substring(0, 30) + other + inserted.substring(31);
        RefWindow ref = RefWindow.of("chr1", 1, seq);
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reads.add(read("r" + i, 221 + 8 * i, "100M", seq.substring(220 + 8 * i, 320 + 8 * i)));
        }
        for (int i = 0; i < 3; i++) {
            if (i < 2) {
                reads.add(read("t" + i, 281 + i, "20M60I20M",
                        seq.substring(280 + i, 300) + inserted + seq.substring(300, 320 + i)));
            }
            reads.add(read("w" + i, 281 + i, "20M60I20M", seq.substring(280 + i, 300) + wrong + seq.substring(300, 320 + i)));
        }
        for (int i = 0; i < 6; i++) {
            reads.add(read("a" + i, 241, "60M40S", seq.substring(240, 300) + inserted.substring(0, 40)));
            reads.add(read("b" + i, 301, "40S60M", inserted.substring(20) + seq.substring(300, 360)));
        }
        reads.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        CallingParameters params = TestParams.defaults();
        List<CandidateSite> sites = new CandidateFinder(params).find(new Shard(0, "chr1", 1, 600, 0), reads, ref);
        CandidateSite site = sites.stream().filter(x -> x.position() == 300).findFirst().orElseThrow();
        String right = seq.charAt(299) + inserted;
        assertTrue(site.alleles().contains(right) && site.alleles().contains(seq.charAt(299) + wrong),
                site.alleles().toString());
        gap.core.model.Pileup pileup = new PileupBuilder(params.maxReadsPerSite()).build(site, reads);
        gap.core.model.VariantCall call = new VariantCaller(params).call(pileup,
                new GenotypeLikelihoodsModel(params).compute(pileup, ref));
        gap.core.model.Genotype g = call.genotypes().get(0);
        assertEquals(0, g.allele1(), call.toString());
        assertEquals(right, call.alleles().get(g.allele2()), call.toString());
    }

    @Test
    void anSnvThatIsTheMisalignedPartOfAnAssembledDuplicationIsNoCandidate() {
        // A 600-base reference without repeats; one haplotype duplicates 301-320 (inserted after 300). Ten reads lie
        // on the reference, three spell the insertion in their CIGAR, six run from 241 into it (60M40S) and six more
        // start in its first copy with its last base only, which the aligner laid on 300 without a gap: their
        // sequence from the right is the reference's, and 320's base falls on 300, an SNV no haplotype carries. As a
        // candidate it competes with the insertion at 300 on the reads that start there, which fit both alike; it
        // must not be one, and the call is the insertion.
        java.util.Random random = new java.util.Random(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        String seq = sb.toString();
        assertTrue(seq.charAt(299) != seq.charAt(319), "the misaligned base differs from the reference there");
        String copy = seq.substring(300, 320);
        String hap = seq.substring(0, 300) + copy + seq.substring(300);
        RefWindow ref = RefWindow.of("chr1", 1, seq);
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reads.add(read("r" + i, 221 + 8 * i, "100M", seq.substring(220 + 8 * i, 320 + 8 * i)));
        }
        for (int i = 0; i < 3; i++) {
            reads.add(read("t" + i, 261 + 5 * i, "40M20I40M", hap.substring(260 + 5 * i, 360 + 5 * i)));
        }
        for (int i = 0; i < 6; i++) {
            reads.add(read("a" + i, 241, "60M40S", hap.substring(240, 340)));
            // hap from 320 (0-based 319: the first copy's last base) laid on the reference from 300
            reads.add(read("b" + i, 300, (80 + i) + "M", hap.substring(319, 399 + i)));
        }
        reads.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        CallingParameters params = TestParams.defaults();
        List<CandidateSite> sites = new CandidateFinder(params).find(new Shard(0, "chr1", 1, 600, 0), reads, ref);
        CandidateSite site = sites.stream().filter(x -> x.position() == 300).findFirst().orElseThrow();
        String insertion = seq.charAt(299) + copy;
        assertEquals(List.of(seq.substring(299, 300), insertion), site.alleles(), sites.toString());
        gap.core.model.Pileup pileup = new PileupBuilder(params.maxReadsPerSite()).build(site, reads);
        gap.core.model.VariantCall call = new VariantCaller(params).call(pileup,
                new GenotypeLikelihoodsModel(params).compute(pileup, ref));
        assertEquals(List.of(seq.substring(299, 300), insertion), call.alleles(), call.toString());
    }

    @Test
    void anInsertionInAVntrCopyIsGenotypedOverTheWholeTract() {
        // 200 random bases, five copies of a 25-base unit (201-325), 200 more. The person carries 6 bases inserted
        // in the first copy (after 210) on both haplotypes. Every k-mer of the reference repeats in the tract, so
        // assembly walks its loop and proposes copy numbers besides the insertion, among them the insertion's copy
        // with another copy added: as a background of the reference allele it reads like the insertion over every
        // stretch shorter than the tract. Reads are 150 bases, one every 4 bases; only those from the left flank
        // to past the tract's end tell the two apart, and the site must see them whole.
        java.util.Random random = new java.util.Random(17);
        String left = randomBases(random, 200);
        String unit = randomBases(random, 25);
        String right = randomBases(random, 200);
        String seq = left + unit.repeat(5) + right;
        String inserted = randomBases(random, 6);
        String hap = left + unit.substring(0, 10) + inserted + unit.substring(10) + unit.repeat(4) + right;
        RefWindow ref = RefWindow.of("chr1", 1, seq);
        List<AlignedRead> reads = new ArrayList<>();
        for (int s = 0; s + 150 <= hap.length(); s += 4) {
            String bases = hap.substring(s, s + 150);
            if (s + 150 <= 210) {
                reads.add(read("l" + s, s + 1, "150M", bases));
            } else if (s >= 216) {
                reads.add(read("r" + s, s + 1 - 6, "150M", bases));
            } else if (s < 210 && s + 150 - 216 > 0) {
                reads.add(read("i" + s, s + 1, (210 - s) + "M6I" + (s + 150 - 216) + "M", bases));
            } else if (s < 210) { // ends in the insertion: the aligner clips it
                reads.add(read("c" + s, s + 1, (210 - s) + "M" + (s + 150 - 210) + "S", bases));
            }
        }
        CallingParameters params = TestParams.defaults();
        List<CandidateSite> sites = new CandidateFinder(params).find(new Shard(0, "chr1", 1, seq.length(), 0), reads,
                ref);
        CandidateSite site = sites.stream().filter(x -> x.alleles().size() == 2 && x.alleles().get(1).length() == 7
                && x.alleles().get(0).length() == 1).findFirst().orElseThrow(() -> new AssertionError(sites.toString()));
        gap.core.model.Pileup pileup = new PileupBuilder(params.maxReadsPerSite()).build(site, reads);
        gap.core.model.VariantCall call = new VariantCaller(params).call(pileup,
                new GenotypeLikelihoodsModel(params).compute(pileup, ref));
        assertNotNull(call, "called, above the minimum QUAL");
        gap.core.model.Genotype g = call.genotypes().get(0);
        assertEquals(1, g.allele1(), call.toString());
        assertEquals(1, g.allele2(), call.toString());
        assertTrue(call.qual() >= 30, call.toString());
    }

    private static String randomBases(java.util.Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        return sb.toString();
    }

    @Test
    void readsBelowTheMappingQualityMinimumAreAssembledButNotCounted() {
        // A 600-base reference without repeats; one haplotype lacks 301-400. Twelve passing reads (MAPQ 60) lie on
        // the reference; three more end at the breakpoint with 8 bases clipped (the region is active, but 8 bases
        // say nothing of where they belong). The eight reads that cross the breakpoint further were given MAPQ 10
        // by the aligner, which clipped them there (from 251 on, clipped after 300; from 401, clipped before): their
        // clipped bases are the other side of the deletion. Filtered before assembly, the deletion is never
        // proposed; assembled from them (the passing reads alone counting support), it is a candidate.
        java.util.Random random = new java.util.Random(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        String seq = sb.toString();
        RefWindow ref = RefWindow.of("chr1", 1, seq);
        List<AlignedRead> kept = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            kept.add(read("r" + i, 201 + 16 * i, "100M", seq.substring(200 + 16 * i, 300 + 16 * i)));
        }
        for (int i = 0; i < 3; i++) {
            kept.add(read("c" + i, 209 + i, (92 - i) + "M8S", seq.substring(208 + i, 300) + seq.substring(400, 408)));
        }
        List<AlignedRead> low = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            low.add(AlignedRead.of("a" + i, 251 + i, (50 - i) + "M" + (50 + i) + "S",
                    seq.substring(250 + i, 300) + seq.substring(400, 450 + i), 30, 10));
            low.add(AlignedRead.of("b" + i, 401, "50S" + (50 + i) + "M",
                    seq.substring(250, 300) + seq.substring(400, 450 + i), 30, 10));
        }
        kept.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        low.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        Shard shard = new Shard(0, "chr1", 1, 600, 0);
        CandidateFinder finder = new CandidateFinder(TestParams.defaults());
        String deleted = seq.substring(299, 400);
        java.util.function.Predicate<CandidateSite> hasDeletion = x -> x.position() == 300
                && x.alleles().contains(deleted) && x.alleles().contains(seq.substring(299, 300));
        assertTrue(finder.find(shard, ref, List.of(kept)).stream().noneMatch(hasDeletion));
        List<CandidateSite> sites = finder.find(shard, ref, List.of(kept), List.of(low));
        assertTrue(sites.stream().anyMatch(hasDeletion), sites.toString());
    }

    @Test
    void aLongDeletionIsAssembledWhenOnlyOneBreakpointIsActiveByItself() {
        // A 1200-base reference without repeats; one haplotype lacks 501-720 (220 bases after 500). 25 reads of 100
        // Q20 bases cover it all. The deletion's reads are clipped at whichever breakpoint is nearer their end: three
        // end at 500 with 21, 19 and 9 bases clipped (the reference from 721 on, read with one or two Q10 errors, as
        // the tails of noisy reads are), two start at 721 with 8 and 2 bases clipped (the reference up to 500, poor
        // bases). Alone, the second breakpoint is not active and the window around the first ends before 721; the
        // errors in the clips break every k-mer across the junction. Placed where their bases lie, the clips reach the
        // second breakpoint and their errors are read as the reference there: the deletion is a candidate.
        java.util.Random random = new java.util.Random(16);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            sb.append("ACGT".charAt(random.nextInt(4)));
        }
        String seq = sb.toString();
        RefWindow ref = RefWindow.of("chr1", 1, seq);
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < 175; i++) {
            int start = 301 + 4 * i;
            reads.add(AlignedRead.of("r" + i, start, "100M", seq.substring(start - 1, start + 99), 20, 60));
        }
        int[] clips = {21, 19, 9};
        for (int i = 0; i < clips.length; i++) {
            int c = clips[i];
            char[] clipped = seq.substring(720, 720 + c).toCharArray();
            byte[] q = new byte[100];
            java.util.Arrays.fill(q, (byte) 20);
            for (int e = i; e < c; e += 8) { // errors 8 bases apart: 3, 3 and 2 of them
                clipped[e] = clipped[e] == 'A' ? 'C' : 'A';
                q[100 - c + e] = 10;
            }
            reads.add(AlignedRead.of("d" + i, 501 - (100 - c), (100 - c) + "M" + c + "S",
                    seq.substring(500 - (100 - c), 500) + new String(clipped), q, 60, false));
        }
        for (int c : new int[] {8, 2}) {
            byte[] q = new byte[100];
            java.util.Arrays.fill(q, (byte) 20);
            java.util.Arrays.fill(q, 0, c, (byte) 12);
            reads.add(AlignedRead.of("h" + c, 721, c + "S" + (100 - c) + "M",
                    seq.substring(500 - c, 500) + seq.substring(720, 820 - c), q, 60, false));
        }
        reads.sort(java.util.Comparator.comparingInt(AlignedRead::start));
        List<CandidateSite> sites = new CandidateFinder(TestParams.defaults())
                .find(new Shard(0, "chr1", 1, 1200, 0), reads, ref);
        String deleted = seq.substring(499, 720);
        assertTrue(sites.stream().anyMatch(x -> x.alleles().stream().anyMatch(a -> a.length() == deleted.length())),
                sites.toString());
    }

    private static java.util.Map<gap.core.model.Indel, Integer> single(ReadTally tally) {
        java.util.Map<gap.core.model.Indel, Integer> out = new java.util.HashMap<>();
        tally.indels.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    private static AlignedRead read(String name, int start, String cigar, String bases) {
        return AlignedRead.of(name, start, cigar, bases, 30, 60);
    }
}
