package gap.bench;

import gap.core.calling.CallingParameters;
import gap.core.io.InputValidator;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.io.VcfSink;
import gap.core.model.CallSet;
import gap.core.model.VariantCall;
import gap.core.qc.CallRecord;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.report.QcFiles;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.scoring.ScoringParameters;
import gap.core.scoring.VariantScorer;
import gap.core.shard.CallingPipeline;
import gap.core.shard.LocalShardExecutor;
import gap.core.shard.ProgressMeter;
import gap.core.shard.ShardPlanner;
import gap.core.vcf.InfoField;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a reference and a BAM, gives the time per call of each stage after calling (scoring, the QC records, the
 * VCF, calls.parquet, the QC files) on a genome-sized call set: the BAM's calls copied onto {@code --copies} renamed
 * copies of every contig. The 1 Mb test genome has too few calls to show these costs; a 30x genome has ~4.5 million.
 */
final class PostCalling {
    private PostCalling() {}

    /** {@code post -R ref.fa -I reads.bam [--copies 1000]}. */
    static void main(String[] args) throws IOException {
        Map<String, String> a = DecodePass.parse(args, Map.of("--copies", "1000"));
        Path reference = Path.of(DecodePass.require(a, "-R"));
        Path reads = Path.of(DecodePass.require(a, "-I"));
        int copies = Integer.parseInt(a.get("--copies"));
        if (copies < 1) {
            throw DecodePass.usage("--copies must be positive");
        }
        DecodePass.quiet();
        CallingParameters params = CallingParameters.load(Map.of());
        SAMSequenceDictionary dictionary = InputValidator.checkReference(reference);
        Path index = InputValidator.checkReads(reads, reference, dictionary).index();
        List<VariantCall> calls = new ArrayList<>();
        CallingPipeline.Summary summary = CallingPipeline.run(new CallingPipeline.Inputs(reference, reads, index),
                params, ShardPlanner.planFor(dictionary, List.of(), 2, params.shardPadding()),
                new LocalShardExecutor(2), calls::add, new ProgressMeter(10));
        Path tmp = Files.createTempDirectory("gap-bench-post-");
        try {
            // a small set first, so that every stage is compiled before the measured one
            measure(calls, dictionary, summary, params, Math.min(10, copies), tmp);
            System.out.println(measure(calls, dictionary, summary, params, copies, tmp));
        } finally {
            SteadyState.deleteTree(tmp, true);
        }
    }

    private static String measure(List<VariantCall> calls, SAMSequenceDictionary dictionary,
                                  CallingPipeline.Summary summary, CallingParameters params, int copies, Path dir) {
        List<SAMSequenceRecord> contigs = new ArrayList<>();
        List<VariantCall> all = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            for (SAMSequenceRecord contig : dictionary.getSequences()) {
                String name = contig.getSequenceName() + "_" + k;
                contigs.add(new SAMSequenceRecord(name, contig.getSequenceLength()));
                for (VariantCall c : calls) {
                    if (c.contig().equals(contig.getSequenceName())) {
                        all.add(new VariantCall(name, c.position(), c.alleles(), c.qual(), c.filter(), c.info(),
                                c.genotypes()));
                    }
                }
            }
        }
        SAMSequenceDictionary copied = new SAMSequenceDictionary(contigs);
        List<String> ids = List.of("SAMPLE");
        long t0 = System.nanoTime();
        VariantScorer.Result scored = new VariantScorer(ScoringParameters.defaults()).score(all, null);
        long t1 = System.nanoTime();
        List<CallRecord> records = scored.calls().stream().map(CallRecord::of).toList();
        long t2 = System.nanoTime();
        try (VcfSink sink = new VcfSink(dir.resolve(copies + ".vcf.gz"), copied, ids, new VcfSink.Reference("-", "-"), params.lowQual(),
                scored.headerLines())) {
            scored.calls().forEach(sink::add);
            sink.commit();
        }
        long t3 = System.nanoTime();
        ParquetSink.writeCalls(dir.resolve(copies + ".parquet"), InfoField.headerLines(),
                ReferenceDictionary.of(copied), new CallSet(ids, scored.calls()));
        long t4 = System.nanoTime();
        QcReport report = new QcReport("bench", "-", "copies", List.of(new SampleQc("SAMPLE", "unknown", "unknown",
                null, summary.sampleReadCounts().get(0), summary.sampleCoverage().get(0), "SAMPLE")),
                List.of(new CallSetQc("SAMPLE", copies + ".vcf.gz", CallSetStats.of(ids, records))), List.of());
        QcFiles.write(report, dir.resolve("qc" + copies));
        long t5 = System.nanoTime();
        double n = all.size();
        return String.format(Locale.ROOT, "post %,d calls (%d copies of %d): microseconds per call: scoring %.1f,"
                        + " QC records %.1f, VCF %.1f, calls.parquet %.1f, QC files %.1f", all.size(), copies,
                calls.size(), (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n,
                (t5 - t4) / 1e3 / n);
    }
}
