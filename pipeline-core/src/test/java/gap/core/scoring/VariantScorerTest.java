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
    /** A model on these ~600-call sets: far below the whole-genome default minimum, so lowered here. */
    private final ScoringParameters params = small(Map.of());

    private static ScoringParameters small(Map<String, String> more) {
        Map<String, String> o = new java.util.HashMap<>(Map.of("score.minTrainingCalls", "50",
                "score.minNegativeCalls", "20", "score.model", "hard"));
        o.putAll(more);
        return ScoringParameters.load(o);
    }

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
        // the cutoff is set on ~110 held-out calls: a 99.7 % promise is that precise (the least of 110 draws leaves
        // about 1 % of new draws below it)
        assertTrue(knownGoodPass >= 0.98 * knownGood, knownGoodPass + " of " + knownGood);
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
        int heldOut = 0;
        int heldOutPass = 0;
        for (int i = 0; i < set.calls().size(); i++) {
            if (set.known()[i]) {
                boolean p = result.calls().get(i).filter().isPass();
                if (known % Model.HOLD_OUT_EVERY == Model.HOLD_OUT_EVERY - 1) { // the calls the cutoff is set on
                    heldOut++;
                    heldOutPass += p ? 1 : 0;
                }
                known++;
                pass += p ? 1 : 0;
            }
        }
        assertTrue(heldOutPass >= 0.997 * heldOut, heldOutPass + " of " + heldOut + " held out");
        assertTrue(pass >= 0.98 * known, pass + " of " + known + ": as precise as ~110 held-out calls allow");
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
        VariantScorer.Result trained = new VariantScorer(params)
                .score(set.calls(), set.known());
        assertTrue(header(trained).contains("INDEL: VQSR-style"), header(trained));
        assertTrue(header(trained).contains("SNV: VQSR-style"), header(trained));
        VariantScorer.Result fallback = new VariantScorer(small(Map.of("score.minTrainingCalls",
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
                "QD<2.0,FS>60.0,SOR>3.0,MQ<40.0,MQRankSum<-12.5,ReadPosRankSum<-8.0", "call.lowQual", "30",
                "score.model", "hard")))
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
    void noCallBelowLowQualPassesEvenWithAModel() {
        // The model's VQSLOD does not overrule QUAL: a good-looking call at QUAL 19 is LowQual, one at 25 passes.
        CallSet set = callSet(17, false);
        List<VariantCall> calls = new ArrayList<>(set.calls());
        int i = 1;
        while (!set.good()[i] || set.known()[i]) {
            i++;
        }
        int j = i + 1;
        while (!set.good()[j] || set.known()[j]) {
            j++;
        }
        VariantCall c = calls.get(i);
        calls.set(i, new VariantCall(c.contig(), c.position(), c.alleles(), 25.0, c.filter(), c.info(), c.genotype(0)));
        VariantCall d = calls.get(j);
        calls.set(j, new VariantCall(d.contig(), d.position(), d.alleles(), 19.0, d.filter(), d.info(), d.genotype(0)));
        VariantScorer.Result r = new VariantScorer(params).score(calls, set.known());
        assertEquals(Filters.PASS, r.calls().get(i).filter());
        assertEquals("LowQual", r.calls().get(j).filter().toString());
    }

    @Test
    void theTrainedModelsDecisionStandsAboveTheEmissionFloor() {
        // QUAL 10-20 calls are variants with 90-99% odds: the trained model, which weighs QUAL itself (QD, GQ),
        // decides them alone; below call.minQual (10), where no gap call writes, a call is LowQual whatever its score
        CallSet set = callSet(18, true);
        ScoringParameters defaults = ScoringParameters.defaults();
        VariantScorer.Result r = new VariantScorer(defaults).score(set.calls(), set.known());
        int i = 0;
        while (!r.calls().get(i).filter().isPass() || r.calls().get(i).contig().equals("chrM")) {
            i++;
        }
        List<VariantCall> calls = new ArrayList<>(set.calls());
        VariantCall c = calls.get(i);
        for (double qual : new double[] {defaults.minQual() + 5, defaults.minQual() - 1}) {
            calls.set(i, new VariantCall(c.contig(), c.position(), c.alleles(), qual, c.filter(), c.info(),
                    c.genotype(0)));
            VariantCall scored = new VariantScorer(defaults).score(calls, set.known()).calls().get(i);
            assertEquals(qual < defaults.minQual() ? "LowQual" : "PASS", scored.filter().toString(), "QUAL " + qual);
        }
        assertTrue(defaults.minQual() + 5 < defaults.lowQual(), "the passing QUAL is one LowQual held back before");
    }

    @Test
    void belowTheWholeGenomeMinimumTheDefaultScorerRunsAndSaysWhy() {
        CallSet set = callSet(18, true);
        VariantScorer.Result r = new VariantScorer(ScoringParameters.defaults()).score(set.calls(), set.known());
        String h = header(r);
        String version = TrainedModel.shipped().version();
        assertTrue(h.contains("SNV: trained model " + version) && h.contains("fewer than the 10000 a model needs"
                + " (score.minTrainingCalls)"), h);
        assertTrue(h.contains("INDEL: trained model"), h);
        assertTrue(h.contains("scoringModel=" + version), h);
        assertTrue(h.contains("ID=GapScoreSNV"), h);
        assertFalse(h.contains("VQSR-style"), h);
        for (VariantCall c : r.calls()) {
            assertFalse(c.info().containsKey(InfoField.VQSLOD.key()));
            if (!c.contig().equals("chrM")) {
                assertTrue(c.info().get(InfoField.GAPSCORE.key()) instanceof Double, c.toString());
            }
            if (c.qual() < 10 || c.contig().equals("chrM") && c.qual() < 20) {
                assertTrue(c.filter().toString().contains("LowQual"), "below the floor, or on chrM below 20: " + c);
            }
        }
        // rescoring the model's own output takes the same decisions (GAPSCORE is written as rounded)
        VariantScorer.Result again = new VariantScorer(ScoringParameters.defaults()).score(r.calls(), null);
        for (int i = 0; i < r.calls().size(); i++) {
            assertEquals(r.calls().get(i).filter(), again.calls().get(i).filter());
            assertEquals(r.calls().get(i).info(), again.calls().get(i).info());
        }
    }

    @Test
    void negativesAreTheCallsBelowTheLodCutoffWithAMinimumCount() {
        double[][] points = new double[8][];
        for (int m = 0; m < points.length; m++) {
            points[m] = new double[] {m};
        }
        double[] log10 = {-1, -6, -2, -9, -5, -7, -3, -5.5};
        // below -5: -6, -9, -7, -5.5 (four; -5 itself is not below), worst first
        double[][] four = Model.negatives(log10, points, small(Map.of("score.minNegativeCalls", "2")));
        assertEquals(List.of(3.0, 5.0, 1.0, 7.0), firsts(four));
        // a minimum of six takes the two next-worst as well: -5, then -3
        double[][] six = Model.negatives(log10, points, small(Map.of("score.minNegativeCalls", "6")));
        assertEquals(List.of(3.0, 5.0, 1.0, 7.0, 4.0, 6.0), firsts(six));
        // the count of calls below the cutoff is not a share of the class: a cutoff of -1.5 takes all but one
        double[][] loose = Model.negatives(log10, points, small(Map.of("score.minNegativeCalls", "1",
                "score.badLodCutoff", "-1.5")));
        assertEquals(7, loose.length);
        // a minimum above the class size takes the class
        assertEquals(8, Model.negatives(log10, points, small(Map.of("score.minNegativeCalls", "50"))).length);
    }

    private static List<Double> firsts(double[][] points) {
        List<Double> out = new ArrayList<>();
        for (double[] p : points) {
            out.add(p[0]);
        }
        return out;
    }

    @Test
    void chrMIsScoredApartFromTheNuclearModel() {
        CallSet set = callSet(19, false);
        List<VariantCall> calls = new ArrayList<>(set.calls());
        boolean[] known = java.util.Arrays.copyOf(set.known(), calls.size() + 1);
        Map<String, Object> info = new LinkedHashMap<>(calls.get(1).info());
        info.put(InfoField.QD.key(), 1.0); // fails QD < 2
        calls.add(new VariantCall("chrM", 100, List.of("A", "G"), 200, Filters.PASS, info,
                calls.get(1).genotype(0)));
        known[calls.size() - 1] = true;
        VariantScorer.Result r = new VariantScorer(params).score(calls, known);
        VariantCall m = r.calls().get(calls.size() - 1);
        assertEquals("QD2", m.filter().toString());
        assertFalse(m.info().containsKey(InfoField.VQSLOD.key()));
        String h = header(r);
        assertTrue(h.contains("SNV: VQSR-style") && h.contains("SNV on chrM: hard filters"), h);
    }

    @Test
    void aSpikeAnnotationIsNoCliff() {
        // MQ at exactly 60 on ~85 % of the calls, 40-59 on the rest (true calls in segmental duplications):
        // a good novel call at MQ 50 passes, the artefacts are still filtered.
        CallSet set = callSet(20, false);
        Random r = new Random(5);
        List<VariantCall> calls = new ArrayList<>();
        for (int i = 0; i < set.calls().size(); i++) {
            VariantCall c = set.calls().get(i);
            Map<String, Object> info = new LinkedHashMap<>(c.info());
            if (set.good()[i]) {
                info.put(InfoField.MQ.key(), r.nextDouble() < 0.85 ? 60.0 : InfoField.MQ.round(40 + 19 * r.nextDouble()));
            }
            calls.add(new VariantCall(c.contig(), c.position(), c.alleles(), c.qual(), c.filter(), info, c.genotype(0)));
        }
        int novel = 0;
        int novelPass = 0;
        int badPass = 0;
        VariantScorer.Result res = new VariantScorer(params).score(calls, set.known());
        for (int i = 0; i < calls.size(); i++) {
            boolean pass = res.calls().get(i).filter().isPass();
            if (!set.good()[i]) {
                badPass += pass ? 1 : 0;
            } else if (!set.known()[i] && (Double) calls.get(i).info().get(InfoField.MQ.key()) < 60) {
                novel++;
                novelPass += pass ? 1 : 0;
            }
        }
        assertTrue(novel > 3, "the set has novel good calls off the spike: " + novel);
        assertEquals(novel, novelPass, "novel good calls at MQ 40-59 pass");
        assertEquals(0, badPass);
        assertTrue(header(res).contains("over QD,MQ,"), header(res));
    }

    private static String header(VariantScorer.Result r) {
        StringBuilder sb = new StringBuilder();
        for (VCFHeaderLine l : r.headerLines()) {
            sb.append(l.toString()).append('\n');
        }
        return sb.toString();
    }

    /** The run's sample taken in parts of {@code part} calls, each part's sample merged in genome order. */
    private TrainingSample sampleInParts(CallSet set, int part, int k) {
        TrainingSample sum = null;
        for (int from = 0; from < set.calls().size(); from += part) {
            int to = Math.min(set.calls().size(), from + part);
            TrainingSample s = TrainingSample.of(set.calls().subList(from, to),
                    java.util.Arrays.copyOfRange(set.known(), from, to), TrainingSample.Spec.of(params, k));
            sum = sum == null ? s : sum.plus(s);
        }
        return sum;
    }

    @Test
    void aSampleHoldingEveryCallScoresAsTheWholeRun() {
        CallSet set = callSet(11, true);
        VariantScorer.Result whole = new VariantScorer(params).score(set.calls(), set.known());
        assertTrue(header(whole).contains("VQSR-style"), "a model is trained: " + header(whole));
        for (int part : new int[] {1, 37, 1000}) {
            VariantScorer scorer = new VariantScorer(params);
            VariantScorer.Prepared prepared = scorer.prepare(sampleInParts(set, part, TrainingSample.SIZE));
            VariantScorer.Result streamed = scorer.score(set.calls(), prepared,
                    DepthFilter.of(set.calls(), params.maxDepthSds()), false);
            assertEquals(whole.calls(), streamed.calls(), "parts of " + part);
            assertEquals(whole.headerLines(), streamed.headerLines(), "parts of " + part);
            // as it travels to a Spark executor: serialised, it scores the same
            VariantScorer.Prepared travelled = roundTrip(prepared);
            assertEquals(whole.calls(), scorer.score(set.calls(), travelled,
                    DepthFilter.of(set.calls(), params.maxDepthSds()), false).calls(), "serialised");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T object) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(object);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSampleIsTheSmallestHashesWhateverTheSplit() {
        CallSet set = callSet(12, true); // 504 SNVs, 126 indels
        int k = 100;
        TrainingSample whole = sampleInParts(set, set.calls().size(), k);
        assertEquals(2 * k, whole.size());
        for (int part : new int[] {1, 37, 101}) {
            TrainingSample split = sampleInParts(set, part, k);
            for (VariantType t : VariantType.values()) {
                assertEquals(java.util.Arrays.toString(whole.hashes().get(t)),
                        java.util.Arrays.toString(split.hashes().get(t)), t + ", parts of " + part);
            }
        }
        assertEquals(java.util.Arrays.toString(whole.hashes().get(VariantType.SNV)),
                java.util.Arrays.toString(roundTrip(whole).hashes().get(VariantType.SNV)), "serialised");
        long[] snvs = set.calls().stream().filter(c -> VariantType.of(c) == VariantType.SNV)
                .mapToLong(TrainingSample::hash).sorted().toArray();
        long[] kept = whole.hashes().get(VariantType.SNV).clone();
        java.util.Arrays.sort(kept);
        assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(snvs, k)), java.util.Arrays.toString(kept));
        // a model trained on the sample of 100 per class scores every call, the same for every split
        VariantScorer scorer = new VariantScorer(params);
        DepthFilter depth = DepthFilter.of(set.calls(), params.maxDepthSds());
        VariantScorer.Result a = scorer.score(set.calls(), scorer.prepare(whole), depth, false);
        VariantScorer.Result b = scorer.score(set.calls(), scorer.prepare(sampleInParts(set, 37, k)), depth, false);
        assertEquals(a.calls(), b.calls());
        assertTrue(header(a).contains("positive"), header(a));
        assertTrue(a.calls().stream().allMatch(c -> c.info().containsKey(InfoField.VQSLOD.key())));
    }

    @Test
    void equalHashesAreKeptInTheOrderGiven() {
        List<TrainingSample.Point> points = new ArrayList<>();
        for (long h : new long[] {5, 1, 5, 9, 5}) {
            points.add(new TrainingSample.Point(h, points.size() % 2 == 0, new double[] {points.size()}));
        }
        List<TrainingSample.Point> kept = TrainingSample.bottom(points, 3);
        assertEquals(List.of(points.get(0), points.get(1), points.get(2)), kept);
        assertEquals(points, TrainingSample.bottom(points, 5));
    }
}
