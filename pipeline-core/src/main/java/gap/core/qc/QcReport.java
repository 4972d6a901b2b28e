package gap.core.qc;

import java.util.List;

/**
 * The QC of a run, what every QC file is written from: the gap version, the reference's MD5 (null when unknown),
 * what the callable territory is, each sample's QC, each call set's statistics, and the accuracy against a truth set
 * when one was given. Pseudonyms only: nothing here names a patient or an input path.
 *
 * <p>{@code family} holds the family checks of a joint call (Mendelian violations and de novo counts per trio,
 * relatedness per pair of samples); {@link FamilyQc#NONE} for one sample or call sets read from files.
 * {@code somatic} is the somatic section of a somatic run (null otherwise).
 */
public record QcReport(String gapVersion, String referenceMd5, String territory, List<SampleQc> samples,
                       List<CallSetQc> callSets, List<TruthQc> truth, FamilyQc family, SomaticQc somatic) {
    public QcReport {
        samples = List.copyOf(samples);
        callSets = List.copyOf(callSets);
        truth = List.copyOf(truth);
        java.util.Objects.requireNonNull(family, "family");
    }

    /** A report without a somatic section. */
    public QcReport(String gapVersion, String referenceMd5, String territory, List<SampleQc> samples,
                    List<CallSetQc> callSets, List<TruthQc> truth, FamilyQc family) {
        this(gapVersion, referenceMd5, territory, samples, callSets, truth, family, null);
    }

    /** A report without family checks. */
    public QcReport(String gapVersion, String referenceMd5, String territory, List<SampleQc> samples,
                    List<CallSetQc> callSets, List<TruthQc> truth) {
        this(gapVersion, referenceMd5, territory, samples, callSets, truth, FamilyQc.NONE);
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
