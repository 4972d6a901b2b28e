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
        return calls(seed, n, false);
    }

    /** As above; {@code dense}: no two calls of a contig more than 1000 bp apart, so no chunk ever ends by itself. */
    static List<VariantCall> calls(long seed, int n, boolean dense) {
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
            position += random.nextBoolean() ? 1 + random.nextInt(60) : dense ? 900 + random.nextInt(100)
                    : 900 + random.nextInt(300);
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
        scoringInChunksGivesTheCallsOfScoringAllAtOnce(calls(42, 2000));
        // dense: chunks end only by being scored with their neighbours as context
        scoringInChunksGivesTheCallsOfScoringAllAtOnce(calls(43, 2000, true));
    }

    private static void scoringInChunksGivesTheCallsOfScoringAllAtOnce(List<VariantCall> calls) {
        List<Trio> trios = List.of(new Trio(0, 1, 2));
        List<String> samples = List.of("C", "F", "M");
        for (String model : new String[] {"trained", "hard"}) {
            ScoringParameters params = ScoringParameters.load(Map.of("score.model", model));
            VariantScorer.Result whole = new VariantScorer(params).score(calls, null);
            DeNovoCalls.Result named = DeNovoCalls.name(whole.calls(), samples, trios, 20);
            CallDigest digest = CallDigest.of(calls);
            DepthFilter depth = digest.depthFilter(params.maxDepthSds());
            VariantScorer scorer = new VariantScorer(params);
            assertEquals(whole.headerLines(), scorer.score(digest.representatives(), scorer.prepare(null), depth, false)
                    .headerLines(), model);
            for (int chunk : new int[] {1, 3, 64, 10_000}) {
                List<VariantCall> streamed = new ArrayList<>();
                ScoringStream stream = new ScoringStream(scorer, scorer.prepare(null), depth, samples, trios, 20,
                        streamed::add, chunk);
                calls.forEach(stream);
                stream.close();
                assertEquals(named.calls(), streamed, model + ", chunks of " + chunk);
                assertEquals(named.deNovo(), stream.deNovo(), model + ", chunks of " + chunk);
            }
            assertTrue(named.deNovo().size() > 0);
        }
    }

    /**
     * Pass 2 on parts (spill pieces in bins of 5 kb here, cut where calls are >1000 bp apart, each part scored and
     * written alone, the VCF concatenated from the parts' BGZF bytes) gives the one stream's VCF text, final calls,
     * QC tallies, family tallies and de novo calls, and an index that finds every record by region.
     */
    @Test
    void passTwoOnPartsGivesWhatOneStreamGives() throws Exception {
        List<VariantCall> calls = calls(7, 3000);
        List<String> samples = List.of("C", "F", "M");
        Path ped = dir.resolve("trio.ped");
        java.nio.file.Files.writeString(ped, "fam C F M 1 0\nfam F 0 0 1 0\nfam M 0 0 2 0\n");
        gap.core.cohort.Pedigree pedigree = gap.core.cohort.Pedigree.read(ped, samples,
                List.of("unknown", "unknown", "unknown"));
        ScoringParameters params = ScoringParameters.load(Map.of());
        CallDigest digest = CallDigest.of(calls);
        DepthFilter depth = digest.depthFilter(params.maxDepthSds());
        VariantScorer scorer = new VariantScorer(params);
        htsjdk.samtools.SAMSequenceDictionary dictionary = new htsjdk.samtools.SAMSequenceDictionary(List.of(
                new htsjdk.samtools.SAMSequenceRecord("chr1", 5_000_000),
                new htsjdk.samtools.SAMSequenceRecord("chr2", 5_000_000),
                new htsjdk.samtools.SAMSequenceRecord("chrM", 5_000_000)));
        gap.core.io.VcfParts.Header header = new gap.core.io.VcfParts.Header(dictionary, samples,
                new gap.core.io.VcfSink.Reference("ref.fa", "0123"), params.lowQual(),
                scorer.score(digest.representatives(), scorer.prepare(null), depth, false).headerLines());

        // one stream, as before parts
        List<VariantCall> whole = new ArrayList<>();
        ScoringStream stream = new ScoringStream(scorer, scorer.prepare(null), depth, samples, pedigree.trios(), 20,
                whole::add);
        calls.forEach(stream);
        stream.close();
        Path one = dir.resolve("one.vcf.gz");
        try (gap.core.io.VcfSink sink = new gap.core.io.VcfSink(one, dictionary, samples, new gap.core.io.VcfSink
                .Reference("ref.fa", "0123"), params.lowQual(), header.extraLines())) {
            whole.forEach(sink::add);
            sink.commit();
        }
        gap.core.qc.CallSetStats.Builder stats = new gap.core.qc.CallSetStats.Builder(samples);
        gap.core.qc.FamilyTally family = new gap.core.qc.FamilyTally(samples, pedigree, 20);
        for (VariantCall c : whole) {
            gap.core.qc.CallRecord record = gap.core.qc.CallRecord.of(c);
            stats.add(record);
            family.add(record);
        }

        // parts: pieces of 5 kb bins, planned, written alone (out of order: each part needs nothing of another)
        Path spills = java.nio.file.Files.createDirectories(dir.resolve("_spill"));
        List<ShardSpill.Piece> pieces = new ArrayList<>();
        for (int from = 0; from < calls.size(); ) {
            VariantCall first = calls.get(from);
            int to = from;
            while (to < calls.size() && calls.get(to).contig().equals(first.contig())
                    && calls.get(to).position() / 5000 == first.position() / 5000) {
                to++;
            }
            Path file = spills.resolve("piece-" + pieces.size() + ".calls");
            CallSpill.write(file, calls.subList(from, to));
            pieces.add(new ShardSpill.Piece(file, first.contig(), first.position() / 5000, first.position(),
                    calls.get(to - 1).position(), to - from));
            from = to;
        }
        List<CallParts.Part> parts = CallParts.plan(pieces);
        assertTrue(parts.size() > 20 && parts.size() < pieces.size(), parts.size() + " parts of " + pieces.size());
        PartWriter writer = new PartWriter(params, new VariantScorer(params).prepare(null), depth, samples,
                java.util.Arrays.asList(null, null, null),
                pedigree, 20, header, null, List.of(), null, true, -1);
        PartWriter.Written[] written = new PartWriter.Written[parts.size()];
        try (PartWriter.Worker worker = writer.open()) {
            for (int p = parts.size() - 1; p >= 0; p--) {
                written[p] = writer.write(worker, parts.get(p));
            }
        }
        List<gap.core.io.VcfParts.Part> vcfParts = new ArrayList<>();
        List<VariantCall> finals = new ArrayList<>();
        List<DeNovoCalls.Call> deNovo = new ArrayList<>();
        gap.core.qc.CallSetStats partStats = new gap.core.qc.CallSetStats.Builder(samples).build();
        gap.core.qc.FamilyTally partFamily = new gap.core.qc.FamilyTally(samples, pedigree, 20);
        for (PartWriter.Written w : written) {
            vcfParts.add(w.vcf());
            CallSpill.read(w.finalCalls()).forEach(finals::add);
            deNovo.addAll(w.deNovo());
            partStats = partStats.plus(w.stats());
            partFamily.addAll(w.family());
        }
        Path concatenated = dir.resolve("parts.vcf.gz");
        assertEquals(calls.size(), gap.core.io.VcfParts.concatenate(concatenated, header, vcfParts));

        assertEquals(text(one), text(concatenated));
        assertEquals(whole, finals);
        assertEquals(stream.deNovo(), deNovo);
        assertTrue(deNovo.size() > 0);
        assertEquals(gap.core.qc.report.BcftoolsStatsFormat.write(stats.build(), "x.vcf.gz"),
                gap.core.qc.report.BcftoolsStatsFormat.write(partStats, "x.vcf.gz"));
        assertEquals(family.build(), partFamily.build());
        try (htsjdk.variant.vcf.VCFFileReader reader = new htsjdk.variant.vcf.VCFFileReader(concatenated, true)) {
            for (String contig : List.of("chr1", "chr2", "chrM")) {
                for (int from = 1; from < 700_000; from += 37_000) {
                    int start = from;
                    long expected = whole.stream().filter(c -> c.contig().equals(contig)
                            && c.position() <= start + 20_000 && c.end() >= start).count();
                    try (var found = reader.query(contig, start, start + 20_000)) {
                        assertEquals(expected, found.stream().count(), contig + ":" + start);
                    }
                }
            }
        }
    }

    /** The uncompressed text of a bgzipped file. */
    private static String text(Path bgzipped) throws java.io.IOException {
        try (var in = new htsjdk.samtools.util.BlockCompressedInputStream(bgzipped.toFile())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
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
