package gap.core.shard;

import gap.core.calling.CallingParameters;
import gap.core.calling.GqBands;
import gap.core.cohort.Pedigree;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Samples;
import gap.core.scoring.ScoringParameters;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.Interval;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run of {@link CallingRun} needs, already checked ({@link CallPreparation} makes it from a command
 * line's options): the reference and its dictionary, the samples with each one's reads index (in run order), the
 * keys, the output directory, and what the options add. Built with {@link #of} and {@code with…}; unset, a request
 * has no pedigree, no intervals (the whole reference), the automatic shard size, the default settings, no known sites
 * or population summary, no copy number, and writes the QC files.
 */
public final class CallRequest {
    private final Path reference;
    private final SAMSequenceDictionary dictionary;
    private final Samples samples;
    private final Map<Samples.Sample, Path> indexes;
    private final LabKeys keys;
    private final Path output;
    private Pedigree pedigree = Pedigree.none();
    private List<Interval> intervals = List.of();
    private Integer shardSize;
    private CallingParameters params = CallingParameters.defaults();
    private ScoringParameters scoring = ScoringParameters.defaults();
    private Path knownSites;
    private Path population;
    private boolean qc = true;
    private CopyNumberRun.Options copyNumber;
    private boolean overwrite;
    private GqBands gvcfBands;
    private boolean fromGvcfs;

    private CallRequest(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                        Map<Samples.Sample, Path> indexes, LabKeys keys, Path output) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.samples = Objects.requireNonNull(samples, "samples");
        this.indexes = new LinkedHashMap<>(indexes);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.output = Objects.requireNonNull(output, "output");
    }

    /** A run of the samples ({@code indexes}: each sample's reads index, in run order) with everything else unset. */
    public static CallRequest of(Path reference, SAMSequenceDictionary dictionary, Samples samples,
                                 Map<Samples.Sample, Path> indexes, LabKeys keys, Path output) {
        return new CallRequest(reference, dictionary, samples, indexes, keys, output);
    }

    private CallRequest copy(Path newOutput) {
        CallRequest c = new CallRequest(reference, dictionary, samples, indexes, keys, newOutput);
        c.pedigree = pedigree;
        c.intervals = intervals;
        c.shardSize = shardSize;
        c.params = params;
        c.scoring = scoring;
        c.knownSites = knownSites;
        c.population = population;
        c.qc = qc;
        c.copyNumber = copyNumber;
        c.overwrite = overwrite;
        c.gvcfBands = gvcfBands;
        c.fromGvcfs = fromGvcfs;
        return c;
    }

    /** What is declared of the samples: its trios get de novo qualities, every pair a relatedness check. */
    public CallRequest withPedigree(Pedigree value) {
        CallRequest c = copy(output);
        c.pedigree = Objects.requireNonNull(value);
        return c;
    }

    /** The territory: sorted, merged intervals ({@link Intervals#parse}); empty for the whole reference. */
    public CallRequest withIntervals(List<Interval> value) {
        CallRequest c = copy(output);
        c.intervals = List.copyOf(value);
        return c;
    }

    /** Bases per shard; null for the automatic size, from the executor's workers ({@link ShardPlanner#planFor}). */
    public CallRequest withShardSize(Integer value) {
        CallRequest c = copy(output);
        c.shardSize = value;
        return c;
    }

    public CallRequest withParams(CallingParameters value) {
        CallRequest c = copy(output);
        c.params = Objects.requireNonNull(value);
        return c;
    }

    public CallRequest withScoring(ScoringParameters value) {
        CallRequest c = copy(output);
        c.scoring = Objects.requireNonNull(value);
        return c;
    }

    /** The VCF whose calls train the scorer and whose alleles a trio child's DNQ counts as not novel; may be null. */
    public CallRequest withKnownSites(Path value) {
        CallRequest c = copy(output);
        c.knownSites = value;
        return c;
    }

    /** A released population summary whose counts annotate every call; may be null. */
    public CallRequest withPopulation(Path value) {
        CallRequest c = copy(output);
        c.population = value;
        return c;
    }

    /** Whether to write the QC files. */
    /** Whether a previous run's results in the output folder are replaced whole (else the run is refused). */
    public CallRequest withOverwrite(boolean value) {
        CallRequest c = copy(output);
        c.overwrite = value;
        return c;
    }

    public boolean overwrite() {
        return overwrite;
    }

    public CallRequest withQc(boolean value) {
        CallRequest c = copy(output);
        c.qc = value;
        return c;
    }

    /** Copy number against a panel of normals, or only copy number ({@code gap cnv}); null for none. */
    public CallRequest withCopyNumber(CopyNumberRun.Options value) {
        CallRequest c = copy(output);
        c.copyNumber = value;
        return c;
    }

    /** The same run into another directory (a cluster driver's staging directory). */
    public CallRequest withOutput(Path value) {
        return copy(Objects.requireNonNull(value));
    }

    /** The shards of this run on {@code workers} workers: of the shard size, or the automatic plan. */
    public List<gap.core.model.Shard> shards(int workers) {
        return shardSize == null ? ShardPlanner.planFor(dictionary, intervals, workers, params.shardPadding())
                : ShardPlanner.plan(dictionary, intervals, shardSize, params.shardPadding());
    }

    public Path reference() {
        return reference;
    }

    public SAMSequenceDictionary dictionary() {
        return dictionary;
    }

    public Samples samples() {
        return samples;
    }

    /** Each sample's reads index, in run order. */
    public Map<Samples.Sample, Path> indexes() {
        return java.util.Collections.unmodifiableMap(indexes);
    }

    public LabKeys keys() {
        return keys;
    }

    public Path output() {
        return output;
    }

    public Pedigree pedigree() {
        return pedigree;
    }

    public List<Interval> intervals() {
        return intervals;
    }

    public Integer shardSize() {
        return shardSize;
    }

    public CallingParameters params() {
        return params;
    }

    public ScoringParameters scoring() {
        return scoring;
    }

    public Path knownSites() {
        return knownSites;
    }

    public Path population() {
        return population;
    }

    public boolean qc() {
        return qc;
    }

    /** Copy number's panel and settings; null when the run has none. */
    public CopyNumberRun.Options copyNumber() {
        return copyNumber;
    }

    /** Also writes the (one) sample's gVCF, its blocks banded by {@code value}; null: no gVCF. */
    public CallRequest withGvcf(GqBands value) {
        CallRequest c = copy(output);
        c.gvcfBands = value;
        return c;
    }

    public GqBands gvcfBands() {
        return gvcfBands;
    }

    /** Whether each sample's input (its {@code reads()}) is its gVCF, genotyped jointly ({@code gap joint}). */
    public CallRequest withFromGvcfs(boolean value) {
        CallRequest c = copy(output);
        c.fromGvcfs = value;
        return c;
    }

    public boolean fromGvcfs() {
        return fromGvcfs;
    }
}
