package gap.core.qc;

import java.util.List;

/**
 * The QC of a run, what every QC file is written from: the gap version, the reference's MD5 (null when unknown),
 * what the callable territory is, each sample's QC, each call set's statistics, and the accuracy against a truth set
 * when one was given. Pseudonyms only: nothing here names a patient or an input path.
 *
 * <p>Family checks (Mendelian violations, de novo counts, relatedness) need joint calling and a pedigree; when they
 * come, they are one more list here, one more section in each writer.
 */
public record QcReport(String gapVersion, String referenceMd5, String territory, List<SampleQc> samples,
                       List<CallSetQc> callSets, List<TruthQc> truth) {
    public QcReport {
        samples = List.copyOf(samples);
        callSets = List.copyOf(callSets);
        truth = List.copyOf(truth);
    }

    /** The call set named {@code name}. */
    public CallSetQc callSet(String name) {
        return callSets.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no call set " + name));
    }

    /** The PSC/PSI counts of {@code sample} in its call set. */
    public SampleVariantCounts variants(SampleQc sample) {
        CallSetStats stats = callSet(sample.callSet()).stats();
        return stats.sampleCounts().get(stats.samples().indexOf(sample.sample()));
    }

    /** The GQ histogram of {@code sample} in its call set. */
    public long[] gqHistogram(SampleQc sample) {
        CallSetStats stats = callSet(sample.callSet()).stats();
        return stats.gqHistogram(stats.samples().indexOf(sample.sample()));
    }
}
