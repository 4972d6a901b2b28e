package gap.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.cohort.DeNovoCalls;
import gap.core.cohort.Trio;
import gap.core.io.CallSpill;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.scoring.DepthFilter;
import gap.core.scoring.ScoringParameters;
import gap.core.scoring.TrainingSample;
import gap.core.scoring.VariantScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming pieces give exactly what the whole-list ones give: a spill file returns its calls equal; a digest's
 * median (added up shard by shard) is the sorted values'; scoring and naming in chunks gives the calls, header lines
 * and de novo calls of scoring all at once, for the trained model and the hard filters, with chrM among the calls.
 */
class StreamedCallsTest {
    @TempDir
    Path dir;

    /** Trio calls (child, father, mother) on two contigs and chrM, in clusters closer and further than 1000 bp. */
    static List<VariantCall> calls(long seed, int n) {
        Random random = new Random(seed);
        List<VariantCall> out = new ArrayList<>();
        String[] contigs = {"chr1", "chr2", "chrM"};
        int position = 100;
        int contig = 0;
        for (int i = 0; i < n; i++) {
            if (contig < 2 && random.nextInt(n / 3) == 0) {
                contig++;
                position = 100;
            }
            position += random.nextBoolean() ? 1 + random.nextInt(60) : 900 + random.nextInt(300);
            boolean indel = random.nextInt(5) == 0;
            Map<String, Object> info = new LinkedHashMap<>();
            int dp = 10 + random.nextInt(random.nextInt(10) == 0 ? 200 : 40);
            info.put("DP", dp);
            info.put("QD", random.nextDouble() * 30);
            info.put("MQ", 40 + random.nextDouble() * 20);
            info.put("FS", random.nextDouble() * 70);
            info.put("SOR", random.nextDouble() * 4);
            if (random.nextBoolean()) {
                info.put("MQRankSum", random.nextGaussian() * 3);
                info.put("ReadPosRankSum", random.nextGaussian() * 3);
            }
            List<Genotype> gts = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                int alt = random.nextInt(dp / 2 + 1);
                int a1 = random.nextInt(2);
                int dnq = s == 0 && random.nextInt(10) == 0 ? random.nextInt(60) : -1;
                gts.add(new Genotype(a1, 1, 1 + random.nextInt(99), List.of(30, 0, 40), List.of(dp - alt, alt), dp,
                        dnq));
            }
            out.add(new VariantCall(contigs[contig], position, indel ? List.of("A", "ATT") : List.of("C", "T"),
                    random.nextDouble() * (random.nextInt(8) == 0 ? 25 : 400), Filters.PASS, info, gts));
        }
        return out;
    }

    @Test
    void spillFilesGiveTheirCallsBackEqualAndInOrder() {
        List<VariantCall> calls = calls(1, 1000);
        Path file = dir.resolve("shard.calls");
        assertEquals(1000, CallSpill.write(file, calls));
        List<VariantCall> back = new ArrayList<>();
        CallSpill.read(file).forEach(back::add);
        assertEquals(calls, back);
        List<VariantCall> again = new ArrayList<>();
        CallSpill.read(file).forEach(again::add); // a second pass reads it again
        assertEquals(calls, again);
        CallSpill.write(file, List.of());
        assertTrue(CallSpill.read(file).iterator().hasNext() == false);
    }

    @Test
    void digestsAddedShardByShardGiveTheMedianOfAllCalls() {
        for (int n : new int[] {0, 1, 2, 7, 500}) {
            List<VariantCall> calls = calls(n, Math.max(n, 3)).subList(0, n);
            CallDigest sum = CallDigest.EMPTY;
            for (int from = 0; from < n; from += 37) {
                sum = sum.plus(CallDigest.of(calls.subList(from, Math.min(n, from + 37))));
            }
            assertEquals(DepthFilter.of(calls, 3), sum.depthFilter(3), n + " calls");
            assertEquals(n, sum.calls());
        }
    }

    @Test
    void scoringInChunksGivesTheCallsOfScoringAllAtOnce() {
        List<VariantCall> calls = calls(42, 2000);
        List<Trio> trios = List.of(new Trio(0, 1, 2));
        List<String> samples = List.of("C", "F", "M");
        for (String model : new String[] {"trained", "hard"}) {
            ScoringParameters params = ScoringParameters.load(Map.of("score.model", model));
            VariantScorer.Result whole = new VariantScorer(params).score(calls, null);
            DeNovoCalls.Result named = DeNovoCalls.name(whole.calls(), samples, trios, 20);
            CallDigest digest = CallDigest.of(calls);
            DepthFilter depth = digest.depthFilter(params.maxDepthSds());
            VariantScorer scorer = new VariantScorer(params);
            VariantScorer.Prepared prepared = scorer.prepare(null);
            assertEquals(whole.headerLines(), scorer.score(digest.representatives(), prepared, depth, false)
                    .headerLines(), model);
            for (int chunk : new int[] {3, 64, 10_000}) {
                List<VariantCall> streamed = new ArrayList<>();
                ScoringStream stream = new ScoringStream(scorer, prepared, depth, samples, trios, 20, streamed::add, chunk);
                calls.forEach(stream);
                stream.close();
                assertEquals(named.calls(), streamed, model + ", chunks of " + chunk);
                assertEquals(named.deNovo(), stream.deNovo(), model + ", chunks of " + chunk);
            }
            assertTrue(named.deNovo().size() > 0);
        }
    }

    @Test
    void scoringWithKnownSitesInChunksGivesTheCallsOfScoringAllAtOnce() {
        List<VariantCall> calls = calls(43, 2000);
        boolean[] known = new boolean[calls.size()];
        Random random = new Random(7);
        for (int i = 0; i < known.length; i++) {
            known[i] = random.nextInt(4) != 0;
        }
        List<Trio> trios = List.of(new Trio(0, 1, 2));
        List<String> samples = List.of("C", "F", "M");
        ScoringParameters params = ScoringParameters.load(Map.of("score.minTrainingCalls", "50",
                "score.minNegativeCalls", "20", "score.model", "hard"));
        VariantScorer.Result whole = new VariantScorer(params).score(calls, known);
        assertTrue(whole.headerLines().toString().contains("VQSR-style"), whole.headerLines().toString());
        DeNovoCalls.Result named = DeNovoCalls.name(whole.calls(), samples, trios, 20);
        CallDigest digest = CallDigest.EMPTY;
        for (int from = 0; from < calls.size(); from += 97) { // shards of 97 calls, each with its part of the sample
            int to = Math.min(calls.size(), from + 97);
            digest = digest.plus(CallDigest.of(calls.subList(from, to), TrainingSample.of(calls.subList(from, to),
                    java.util.Arrays.copyOfRange(known, from, to), TrainingSample.Spec.of(params,
                            TrainingSample.SIZE))));
        }
        DepthFilter depth = digest.depthFilter(params.maxDepthSds());
        VariantScorer scorer = new VariantScorer(params);
        VariantScorer.Prepared prepared = scorer.prepare(digest.sample());
        assertEquals(whole.headerLines(), scorer.score(digest.representatives(), prepared, depth, false)
                .headerLines());
        for (int chunk : new int[] {3, 10_000}) {
            List<VariantCall> streamed = new ArrayList<>();
            ScoringStream stream = new ScoringStream(scorer, prepared, depth, samples, trios, 20, streamed::add,
                    chunk);
            calls.forEach(stream);
            stream.close();
            assertEquals(named.calls(), streamed, "chunks of " + chunk);
            assertEquals(named.deNovo(), stream.deNovo(), "chunks of " + chunk);
        }
    }
}
