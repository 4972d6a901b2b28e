package gap.core.calling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Filters;
import gap.core.model.Pileup;
import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GATK's annotations on hand-made pileups at an A→C site at 105, each value worked out by hand (rank-sum quantiles
 * and Fisher p-values from R 4.2.2). Reads are 10 bases; the site's read position is min(offset, 9 - offset).
 */
class AnnotatorTest {
    private static final CandidateSite SITE = new CandidateSite("chr1", 105, List.of("A", "C"), 105, 0, List.of(), 20);
    private final CallingParameters params = TestParams.defaults();

    /** A 10-base read from {@code start} showing {@code base} at 105 with quality {@code siteQ}, Q30 elsewhere. */
    private static AlignedRead read(String name, int start, char base, int siteQ, int mapq, boolean reverse) {
        char[] bases = new char[10];
        Arrays.fill(bases, 'A');
        byte[] quals = new byte[10];
        Arrays.fill(quals, (byte) 30);
        bases[105 - start] = base;
        quals[105 - start] = (byte) siteQ;
        return AlignedRead.of(name, start, "10M", new String(bases), quals, mapq, reverse);
    }

    private Map<String, Object> annotate(List<AlignedRead> reads) {
        Pileup pileup = new PileupBuilder(params.maxReadsPerSite()).build(SITE, reads);
        ReadLikelihoods likelihoods = new GenotypeLikelihoodsModel(params).compute(pileup, null);
        VariantCall call = new VariantCaller(params).call(pileup, likelihoods);
        VariantCall annotated = new Annotator().annotate(call, pileup, likelihoods);
        assertEquals(call.qual(), annotated.qual());
        return annotated.info();
    }

    /**
     * REF reads (strand, offset → position): +4→4, −4→4, +5→4, −6→3; all MAPQ 60, Q30 at the site.
     * ALT reads: +9→0 (Q20), +8→1 (Q25), +1→1 (MAPQ 50), +0→0 (MAPQ 40), all forward.
     */
    private static List<AlignedRead> het() {
        return List.of(
                read("r1", 101, 'A', 30, 60, false), read("r2", 101, 'A', 30, 60, true),
                read("r3", 100, 'A', 30, 60, false), read("r4", 99, 'A', 30, 60, true),
                read("a1", 96, 'C', 20, 60, false), read("a2", 97, 'C', 25, 60, false),
                read("a3", 104, 'C', 30, 50, false), read("a4", 105, 'C', 30, 40, false));
    }

    @Test
    void strandTestsOnTwoTwoFourZero() {
        Map<String, Object> info = annotate(het());
        // {{2,2},{4,0}}: p = 12/28 (hypergeometric 6,16,6 /28) → FS = -10 log10(3/7) = 3.680;
        // SOR = ln(0.2 + 5) + ln 1 - ln(1/5) = 3.258.
        assertEquals(3.680, info.get(InfoField.FS.key()));
        assertEquals(3.258, info.get(InfoField.SOR.key()));
    }

    @Test
    void rmsMappingQuality() {
        // √((6·60² + 50² + 40²) / 8) = √3212.5 = 56.68
        assertEquals(56.68, annotate(het()).get(InfoField.MQ.key()));
    }

    @Test
    void qualByDepthIsQualOverTheInformativeFragments() {
        List<AlignedRead> reads = het();
        Pileup pileup = new PileupBuilder(params.maxReadsPerSite()).build(SITE, reads);
        ReadLikelihoods likelihoods = new GenotypeLikelihoodsModel(params).compute(pileup, null);
        VariantCall call = new VariantCaller(params).call(pileup, likelihoods);
        assertEquals(List.of(4, 4), call.genotype(0).ad());
        assertEquals(InfoField.QD.round(call.qual() / 8), annotate(reads).get(InfoField.QD.key()));
    }

    @Test
    void rankSumsCompareAltWithRefFragments() {
        Map<String, Object> info = annotate(het());
        // MAPQ: ALT {60,60,50,40}, REF {60,60,60,60}. Ranks 40→1, 50→2, the six 60s → 5.5: U = 1+2+5.5+5.5 - 10 = 4.
        // Of the C(8,4) = 70 placements, U ≥ 4 always and = 4 for the 15 with both low ranks: mid-p = 7.5/70.
        assertEquals(-1.242, info.get(InfoField.MQ_RANK_SUM.key()));
        // Base quality at the site: ALT {20,25,30,30}, REF four 30s: the same ranks, the same z.
        assertEquals(-1.242, info.get(InfoField.BASE_Q_RANK_SUM.key()));
        // Read position: ALT {0,1,1,0}, REF {4,4,4,3}: ALT holds the four lowest ranks, a placement of one in
        // 70: mid-p = 1/140.
        assertEquals(-2.450, info.get(InfoField.READ_POS_RANK_SUM.key()));
    }

    @Test
    void homAltCallsHaveNoRankSums() {
        List<AlignedRead> reads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reads.add(read("a" + i, 100 + i % 3, 'C', 30, 60, i % 2 == 0));
        }
        Map<String, Object> info = annotate(reads);
        for (String key : List.of(InfoField.MQ_RANK_SUM.key(), InfoField.READ_POS_RANK_SUM.key(), InfoField.BASE_Q_RANK_SUM.key())) {
            assertFalse(info.containsKey(key), key);
        }
        assertTrue(info.containsKey(InfoField.QD.key()) && info.containsKey(InfoField.FS.key()) && info.containsKey(InfoField.SOR.key())
                && info.containsKey(InfoField.MQ.key()));
        // 3 forward and 3 reverse ALT, no REF: p = 1, FS 0; SOR = ln(1 + 1) + 0 - ln 1 = ln 2.
        assertEquals(0.000, info.get(InfoField.FS.key()));
        assertEquals(0.693, info.get(InfoField.SOR.key()));
    }

    @Test
    void veryHighQdIsReplacedAsGatkDoesAndReproducibly() {
        VariantCall high = new VariantCall("chr1", 105, List.of("A", "C"), 900, Filters.PASS, Map.of("DP", 20),
                new gap.core.model.Genotype(1, 1, 60, List.of(900, 60, 0), List.of(0, 20), 20));
        double qd = Annotator.qualByDepth(high, 20); // 45 before the fix
        assertEquals(qd, Annotator.qualByDepth(high, 20), 0);
        assertTrue(Math.abs(qd - 30) < 4 * 3, "30 plus Gaussian jitter of sd 3: " + qd);
        VariantCall normal = new VariantCall("chr1", 105, List.of("A", "C"), 200, Filters.PASS, Map.of("DP", 20),
                new gap.core.model.Genotype(0, 1, 60, List.of(200, 0, 300), List.of(10, 10), 20));
        assertEquals(10.0, Annotator.qualByDepth(normal, 20), 0);
    }

    @Test
    void numbersAreWrittenWithoutASignedZero() {
        assertEquals("0.000", InfoField.FS.format(InfoField.FS.round(-0.0001)));
        assertEquals("-0.001", InfoField.FS.format(-0.001));
        assertEquals("12.35", InfoField.QD.format(12.345001));
        assertEquals(12.35, InfoField.QD.round(12.345001));
    }
}
