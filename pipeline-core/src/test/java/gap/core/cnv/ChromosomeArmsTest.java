package gap.core.cnv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.io.ReferenceDictionary;
import gap.core.model.Centromeres;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import gap.core.vcf.CnvFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whole-arm and whole-contig changes on a GRCh37 chromosome 18 (78,077,248 bases; centromere 15,460,899-18,460,898
 * 1-based, from UCSC's hg19 gap table), in 100 kb bins: bins 0-154 lie on the p arm (their middles before the
 * centromere), 155-184 in it, 185-780 on the q arm. Depth is the panel's 1,000 reads per two copies with Poisson-sized
 * noise; SNVs every 50 kb, 60 % heterozygous, at 1/2 (two copies) or 1/3 and 2/3 (three), none where one copy is left.
 */
class ChromosomeArmsTest {
    private static final String CHR18 = "chr18";
    private static final int LENGTH = 78_077_248;
    private static final int BIN = 100_000;
    private static final int BINS = (LENGTH + BIN - 1) / BIN;

    @Test
    void centromeresAreKnownByNameAndLengthOnly() {
        assertEquals(new Centromeres.Centromere(15_460_899, 18_460_898), Centromeres.of("chr18", LENGTH));
        assertEquals(new Centromeres.Centromere(15_460_899, 18_460_898), Centromeres.of("18", LENGTH));
        assertEquals(new Centromeres.Centromere(15_460_900, 20_861_206), Centromeres.of("chr18", 80_373_285)); // GRCh38
        assertNull(Centromeres.of("chr18", LENGTH + 1));
        assertNull(Centromeres.of("chr17", LENGTH));
        assertNull(Centromeres.of("chr22_20_21M", 1_000_000));
    }

    @Test
    void aGainOfTheQArmIsOneWholeArmRecord() {
        List<CnvSegment> events = events(LENGTH, new int[] {2, 3});
        assertEquals(1, events.size(), events.toString());
        CnvSegment e = events.get(0);
        assertEquals(CnvSegment.Span.Q_ARM, e.span());
        assertEquals("q", e.wholeArm());
        assertEquals(18_460_899, e.start());
        assertEquals(LENGTH, e.end());
        assertEquals(3, e.state().copies());
        assertTrue(Math.abs(e.minorAlleleFraction() - 1 / 3.0) < 0.03, "BAF " + e.minorAlleleFraction());
    }

    @Test
    void aLossOfThePArmIsOneWholeArmRecord() {
        List<CnvSegment> events = events(LENGTH, new int[] {1, 2});
        assertEquals(1, events.size(), events.toString());
        CnvSegment e = events.get(0);
        assertEquals(CnvSegment.Span.P_ARM, e.span());
        assertEquals(1, e.start());
        assertEquals(15_460_898, e.end());
        assertEquals(1, e.state().copies());
        assertEquals(CnvFields.DEL, e.svType());
    }

    @Test
    void aGainOfBothArmsIsTheWholeContigNotTwoArms() {
        List<CnvSegment> events = events(LENGTH, new int[] {3, 3});
        assertEquals(1, events.size(), events.toString());
        assertEquals(CnvSegment.Span.CONTIG, events.get(0).span());
        assertEquals(1, events.get(0).start());
        assertEquals(LENGTH, events.get(0).end());
        assertNull(events.get(0).wholeArm());
    }

    @Test
    void withoutAKnownCentromereTheSameGainIsASegment() {
        List<CnvSegment> events = events(LENGTH - 1, new int[] {2, 3});
        assertEquals(1, events.size(), events.toString());
        assertEquals(CnvSegment.Span.SEGMENT, events.get(0).span());
        assertEquals(3, events.get(0).state().copies());
    }

    @Test
    void twoCopiesEverywhereIsNoEvent() {
        assertEquals(List.of(), events(LENGTH, new int[] {2, 2}));
    }

    /** The events of a female sample with {@code copies[0]} on the p arm and {@code copies[1]} on the q arm. */
    private static List<CnvSegment> events(int length, int[] copies) {
        int bins = (length + BIN - 1) / BIN;
        double[] gc = new double[bins];
        Random random = new Random(18);
        for (int b = 0; b < bins; b++) {
            gc[b] = 0.38 + 0.1 * random.nextDouble();
        }
        double[] ones = new double[bins];
        Arrays.fill(ones, 1.0);
        double[] spread = new double[bins];
        Arrays.fill(spread, 0.05);
        double[] zeros = new double[bins];
        double[] mapq = new double[bins];
        Arrays.fill(mapq, 60);
        PanelOfNormals.Mask[] mask = new PanelOfNormals.Mask[bins];
        Arrays.fill(mask, PanelOfNormals.Mask.NONE);
        for (int b = 155; b <= 184; b++) {
            mask[b] = PanelOfNormals.Mask.N_BASES; // the centromere: unsequenced in the reference
        }
        ReferenceDictionary dict = new ReferenceDictionary(List.of(new ReferenceDictionary.Contig(CHR18, length,
                "0123456789abcdef0123456789abcdef")));
        PanelOfNormals panel = new PanelOfNormals(dict, BIN, 1000, 20, List.of(), List.of(new PanelOfNormals.Contig(
                CHR18, length, gc, ones, spread, zeros, zeros, mapq, mask)));
        int[] counted = new int[bins];
        int[] gcBases = new int[bins];
        int[] acgt = new int[bins];
        int[] owned = new int[bins];
        List<SnvSite> snvs = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int middle = b * BIN + BIN / 2;
            int n = copies[middle < 16_000_000 ? 0 : 1];
            double mean = 500.0 * n;
            counted[b] = (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian());
            owned[b] = Math.min(BIN, length - b * BIN);
            acgt[b] = owned[b];
            gcBases[b] = (int) Math.round(gc[b] * owned[b]);
            for (int pos = b * BIN + 25_000; pos < (b + 1) * BIN && pos <= length; pos += 50_000) {
                if (mask[b] == PanelOfNormals.Mask.NONE) {
                    snvs.add(snv(pos, n, random));
                }
            }
        }
        SampleDepth depth = new SampleDepth(BIN);
        depth.add(new BinCounts(CHR18, length, 0, counted, new int[bins], new int[bins], new long[bins], gcBases, acgt,
                owned));
        CnvCaller caller = new CnvCaller(CnvParameters.defaults(), panel, Ploidy.of(Map.of(CHR18, (long) length),
                List.of()));
        return caller.call("S1", depth, Sex.FEMALE, snvs).events();
    }

    /**
     * An SNV at {@code pos} of a region of {@code copies}, 15x a copy: homozygous in 2 of 5, and where one copy is left;
     * else heterozygous, with one alternate copy of two, or one or two of three.
     */
    private static SnvSite snv(int pos, int copies, Random random) {
        int depth = 15 * copies;
        if (copies == 1 || random.nextDouble() < 0.4) { // a genome's SNVs are about 60 % heterozygous
            return new SnvSite(CHR18, pos, false, depth, depth);
        }
        int altCopies = copies == 2 ? 1 : 1 + random.nextInt(2);
        int alt = (int) Math.round(depth * altCopies / (double) copies + Math.sqrt(depth / 4.0) * random.nextGaussian());
        return new SnvSite(CHR18, pos, true, Math.max(1, Math.min(depth - 1, alt)), depth);
    }
}
