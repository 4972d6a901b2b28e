package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scorer on synthetic call sets whose two populations are known: good calls (QD ≈ 15, balanced strands, MQ 60,
 * RankSums ≈ 0; a third hom-alt, without RankSums) and artefacts (QD ≈ 3, strand-biased, low MQ, ALT at read ends).
 * Most good calls are at known sites, as most true variants are; some good calls are novel, as de novo variants are.
 */
class VariantScorerTest {
    private final ScoringParameters params = ScoringParameters.defaults();

    /** A synthetic SNV (or a 1-base deletion) at {@code pos} drawn from the good or the bad population. */
    private static VariantCall call(int pos, boolean good, boolean indel, Random r) {
        boolean homAlt = good && r.nextInt(3) == 0;
        Map<String, Object> info = new LinkedHashMap<>();
        int dp = 25 + r.nextInt(10);
        info.put("DP", dp);
        double qd = good ? (homAlt ? 28 : 15) + 2.5 * r.nextGaussian() : 3 + r.nextGaussian();
        info.put(InfoField.QD.key(), InfoField.QD.round(Math.max(0.5, qd)));
        info.put(InfoField.FS.key(), InfoField.FS.round(good ? Math.abs(2 * r.nextGaussian()) : 40 + 10 * r.nextGaussian()));
        info.put(InfoField.SOR.key(), InfoField.SOR.round(good ? 0.7 + 0.3 * r.nextGaussian() : 3.5 + 0.5 * r.nextGaussian()));
        info.put(InfoField.MQ.key(), InfoField.MQ.round(good ? 60 - Math.abs(r.nextGaussian()) : 35 + 4 * r.nextGaussian()));
        if (!homAlt) {
            info.put(InfoField.MQ_RANK_SUM.key(), InfoField.MQ_RANK_SUM.round(good ? r.nextGaussian() : -3 + r.nextGaussian()));
            info.put(InfoField.READ_POS_RANK_SUM.key(), InfoField.READ_POS_RANK_SUM.round(good ? r.nextGaussian() : -3 + r.nextGaussian()));
        }
        List<String> alleles = indel ? List.of("CA", "C") : List.of("C", "T");
        double qual = Math.round(Math.max(31, qd * dp / 2) * 100) / 100.0;
        return new VariantCall("chr1", pos, alleles, qual, Filters.PASS, info,
                new Genotype(homAlt ? 1 : 0, 1, 99, List.of(100, 0, 100), List.of(dp / 2, dp / 2), dp));
    }

    /**
     * 600 good calls (about 540 at known sites), 30 artefacts of which one is at a known site (dbSNP holds some
     * artefacts: fewer than the tranche's 0.3 % of its calls here, or the tranche would keep their look-alikes);
     * positions in order.
     */
    private record CallSet(List<VariantCall> calls, boolean[] known, boolean[] good) {}

    private static CallSet callSet(long seed, boolean withIndels) {
        Random r = new Random(seed);
        List<VariantCall> calls = new ArrayList<>();
        List<Boolean> known = new ArrayList<>();
        List<Boolean> good = new ArrayList<>();
        int pos = 1000;
        for (int i = 0; i < 630; i++) {
            boolean isGood = i % 21 != 0; // 30 artefacts among 630
            boolean indel = withIndels && i % 5 == 0;
            calls.add(call(pos += 100, isGood, indel, r));
            good.add(isGood);
            known.add(isGood ? r.nextDouble() < 0.9 : i == 0);
        }
        boolean[] k = new boolean[calls.size()];
        boolean[] g = new boolean[calls.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = known.get(i);
            g[i] = good.get(i);
        }
        return new CallSet(calls, k, g);
    }

    @Test
    void artefactsAreFilteredAndNovelGoodCallsPass() {
        CallSet set = callSet(11, false);
        VariantScorer.Result result = new VariantScorer(params).score(set.calls(), set.known());
        int knownGood = 0;
        int knownGoodPass = 0;
        int novelGood = 0;
        int novelGoodPass = 0;
        int bad = 0;
        int badPass = 0;
        for (int i = 0; i < set.calls().size(); i++) {
            VariantCall c = result.calls().get(i);
            assertTrue(c.info().containsKey(InfoField.VQSLOD.key()), "every call gets a VQSLOD");
            boolean pass = c.filter().isPass();
            if (!set.good()[i]) {
                bad++;
                badPass += pass ? 1 : 0;
            } else if (set.known()[i]) {
                knownGood++;
                knownGoodPass += pass ? 1 : 0;
            } else {
                novelGood++;
                novelGoodPass += pass ? 1 : 0;
            }
        }
        assertEquals(0, badPass, "the artefacts lie far below the good calls");
        assertTrue(knownGoodPass >= Math.ceil(0.997 * knownGood) - 1, knownGoodPass + " of " + knownGood);
        assertTrue(novelGoodPass >= novelGood - 1, "novel good calls, like de novo variants, pass: "
                + novelGoodPass + " of " + novelGood);
        assertTrue(header(result).contains("VQSR-style Gaussian mixtures"), header(result));
    }

    @Test
    void theTranchePromiseHoldsForTheCallsAtKnownSites() {
        CallSet set = callSet(12, false);
        VariantScorer.Result result = new VariantScorer(params).score(set.calls(), set.known());
        int known = 0;
        int pass = 0;
        for (int i = 0; i < set.calls().size(); i++) {
            if (set.known()[i]) {
                known++;
                pass += result.calls().get(i).filter().isPass() ? 1 : 0;
            }
        }
        assertTrue(pass >= 0.997 * known, pass + " of " + known);
        assertTrue(result.headerLines().stream().anyMatch(l -> l.getKey().equals("FILTER")
                && l.toString().contains("VQSRTrancheSNP99.70to100.00")));
    }

    @Test
    void knownSiteMembershipIsNotAFeature() {
        // A novel call and a known call with the same annotations get the same VQSLOD and the same FILTER.
        CallSet set = callSet(13, false);
        List<VariantCall> calls = new ArrayList<>(set.calls());
        boolean[] known = set.known().clone();
        int twin = -1;
        for (int i = 0; i < known.length && twin < 0; i++) {
            if (known[i] && set.good()[i] && i + 1 < known.length && !known[i + 1]) {
                twin = i;
            }
        }
        VariantCall original = calls.get(twin);
        VariantCall next = calls.get(twin + 1);
        calls.set(twin + 1, new VariantCall(next.contig(), next.position(), original.alleles(), original.qual(),
                Filters.PASS, original.info(), original.genotype(0)));
        VariantScorer.Result result = new VariantScorer(params).score(calls, known);
        assertEquals(result.calls().get(twin).info().get(InfoField.VQSLOD.key()),
                result.calls().get(twin + 1).info().get(InfoField.VQSLOD.key()));
        assertEquals(result.calls().get(twin).filter(), result.calls().get(twin + 1).filter());
    }

    @Test
    void scoringIsDeterministic() {
        CallSet set = callSet(14, true);
        VariantScorer.Result a = new VariantScorer(params).score(set.calls(), set.known());
        VariantScorer.Result b = new VariantScorer(params).score(set.calls(), set.known());
        assertEquals(a.calls(), b.calls());
        assertEquals(header(a), header(b));
    }

    @Test
    void indelsHaveTheirOwnModelOrFallBackWhenTooFew() {
        CallSet set = callSet(15, true); // one call in 5 is an indel: about 110 at known sites
        VariantScorer.Result trained = new VariantScorer(ScoringParameters.load(Map.of("score.minTrainingCalls", "50")))
                .score(set.calls(), set.known());
        assertTrue(header(trained).contains("INDEL: VQSR-style"), header(trained));
        assertTrue(header(trained).contains("SNV: VQSR-style"), header(trained));
        VariantScorer.Result fallback = new VariantScorer(ScoringParameters.load(Map.of("score.minTrainingCalls",
                "200"))).score(set.calls(), set.known());
        String h = header(fallback);
        assertTrue(h.contains("INDEL: hard filters") && h.contains("fewer than the 200 a model needs"), h);
        assertTrue(h.contains("SNV: VQSR-style"), h);
        for (VariantCall c : fallback.calls()) {
            if (VariantType.of(c) == VariantType.INDEL) {
                assertFalse(c.info().containsKey(InfoField.VQSLOD.key()));
            }
        }
    }

    @Test
    void withoutKnownSitesHardFiltersWithGatksThresholds() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("DP", 20);
        info.put(InfoField.QD.key(), 1.50);
        info.put(InfoField.FS.key(), 70.000);
        info.put(InfoField.SOR.key(), 1.000);
        info.put(InfoField.MQ.key(), 60.00);
        Genotype g = new Genotype(0, 1, 99, List.of(100, 0, 100), List.of(10, 10), 20);
        List<VariantCall> calls = List.of(
                new VariantCall("chr1", 100, List.of("C", "T"), 25, Filters.PASS, info, g),
                new VariantCall("chr1", 200, List.of("C", "T"), 300, Filters.PASS, Map.of("DP", 20, InfoField.QD.key(), 15.00,
                        InfoField.MQ.key(), 39.99), g),
                new VariantCall("chr1", 300, List.of("CA", "C"), 300, Filters.PASS, Map.of("DP", 20, InfoField.QD.key(), 15.00,
                        InfoField.FS.key(), 70.000, InfoField.MQ.key(), 20.00), g),
                new VariantCall("chr1", 400, List.of("C", "T"), 300, Filters.PASS, Map.of("DP", 20), g));
        VariantScorer.Result r = new VariantScorer(params).score(calls, null);
        assertEquals("QD2;FS60", r.calls().get(0).filter().toString(), "QUAL 25 is above LowQual's 20");
        assertEquals("PASS", r.calls().get(1).filter().toString(), "MQ40 is not among the default SNV filters");
        VariantScorer.Result gatk = new VariantScorer(ScoringParameters.load(Map.of("score.snvHardFilters",
                "QD<2.0,FS>60.0,SOR>3.0,MQ<40.0,MQRankSum<-12.5,ReadPosRankSum<-8.0", "call.lowQual", "30")))
                .score(calls, null);
        assertEquals("LowQual;QD2;FS60", gatk.calls().get(0).filter().toString(), "GATK's full set, LowQual at 30");
        assertEquals("MQ40", gatk.calls().get(1).filter().toString());
        assertEquals("PASS", r.calls().get(2).filter().toString(), "the indel thresholds: FS > 200, no MQ");
        assertEquals("PASS", r.calls().get(3).filter().toString(), "an absent annotation fails no filter");
        String h = header(r);
        assertTrue(h.contains("SNV: hard filters") && h.contains("because no known sites were given"), h);
        assertTrue(h.contains("ID=QD2") && h.contains("ID=MQRankSum-12.5") && h.contains("ID=ReadPosRankSum-20"), h);
    }

    @Test
    void aNearConstantAnnotationIsLeftOutOfTheModel() {
        CallSet set = callSet(16, false);
        List<VariantCall> flat = new ArrayList<>();
        for (VariantCall c : set.calls()) {
            Map<String, Object> info = new LinkedHashMap<>(c.info());
            info.put(InfoField.MQ.key(), "60.00"); // MQ 60 everywhere
            flat.add(new VariantCall(c.contig(), c.position(), c.alleles(), c.qual(), c.filter(), info, c.genotype(0)));
        }
        String h = header(new VariantScorer(params).score(flat, set.known()));
        assertTrue(h.contains("over QD,MQRankSum,ReadPosRankSum,FS,SOR,DP;"), h);
    }

    @Test
    void theModelDecidesWhateverTheQual() {
        // A class with a model is filtered by VQSLOD alone: a good call below QUAL 30 is not LowQual.
        CallSet set = callSet(17, false);
        List<VariantCall> calls = new ArrayList<>(set.calls());
        int i = 1;
        while (!set.good()[i] || set.known()[i]) {
            i++;
        }
        VariantCall c = calls.get(i);
        calls.set(i, new VariantCall(c.contig(), c.position(), c.alleles(), 25.0, c.filter(), c.info(), c.genotype(0)));
        assertEquals(Filters.PASS, new VariantScorer(params).score(calls, set.known()).calls().get(i).filter());
    }

    private static String header(VariantScorer.Result r) {
        StringBuilder sb = new StringBuilder();
        for (VCFHeaderLine l : r.headerLines()) {
            sb.append(l.toString()).append('\n');
        }
        return sb.toString();
    }
}
