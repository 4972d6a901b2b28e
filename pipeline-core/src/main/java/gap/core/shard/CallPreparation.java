package gap.core.shard;

import gap.core.Settings;
import gap.core.calling.GqBands;

import gap.core.UserException;
import gap.core.calling.CallingParameters;
import gap.core.cnv.CnvParameters;
import gap.core.cohort.Pedigree;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.InputValidator;
import gap.core.io.TabixIndexCheck;
import gap.core.io.VariantsAgainstReference;
import gap.core.io.ReferenceDictionary;
import gap.core.io.RunFolder;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import gap.core.scoring.KnownSites;
import gap.core.scoring.ScoringParameters;
import htsjdk.samtools.SAMSequenceDictionary;

/**
 * Takes a {@code gap call} command line's options, gives the checked {@link CallRequest}: every input is checked
 * before any work ({@code gap cnv} without a panel, settings, known sites, reference, keystore, reads against the reference, pedigree, intervals,
 * output directory, population summary, panel of normals, in that order), each failure one line naming the file by its name. What every
 * driver runs between parsing its options and starting the run.
 */
public final class CallPreparation {
    private CallPreparation() {}

    public static CallRequest prepare(CallOptions options) {
        if (options.copyNumberOnly() && options.cnvPanel() == null) {
            throw new UserException("gap cnv needs --cnv-panel (build one with gap cnv-panel)");
        }
        CallingParameters params = CallingParameters.load(options.settings());
        ScoringParameters scoring = ScoringParameters.load(options.settings());
        SAMSequenceDictionary dictionary = InputValidator.checkReference(options.reference());
        if (options.knownSites() != null) {
            KnownSites.check(options.knownSites(), dictionary);
            TabixIndexCheck.checkIfIndexed(options.knownSites(), dictionary, "known-sites VCF "
                    + options.knownSites().getFileName());
            VariantsAgainstReference.check(options.knownSites(), options.reference(), "known-sites VCF "
                    + options.knownSites().getFileName());
        }
        LabKeys keys = options.keys().get();
        Pseudonymiser pseudonymiser = new Pseudonymiser(keys.pseudonymisationKey());
        ReadInputs.Resolved resolved = options.fromGvcfs()
                ? GvcfInputs.resolve(options.sampleSheet(), options.inputs(), options.reference(), dictionary,
                        pseudonymiser, Redactor.process())
                : ReadInputs.resolve(options.sampleSheet(), options.inputs(), options.reference(), dictionary,
                        pseudonymiser, Redactor.process());
        if (options.gvcf() && resolved.samples().ids().size() != 1) {
            throw new UserException("--gvcf writes one sample's gVCF: give one sample (gap joint genotypes several)");
        }
        Samples samples = resolved.samples();
        Pedigree family = options.pedigree() == null ? Pedigree.none() : Pedigree.read(options.pedigree(),
                samples.pedigreeNames(), samples.samples().stream().map(Samples.Sample::sex).toList());
        var intervals = Intervals.parse(options.intervals(), dictionary, options.paths());
        InputValidator.checkSequenceMd5(options.reference(), dictionary, contigsInPlay(intervals, dictionary));
        RunFolder.check(options.output(), options.overwrite());
        if (options.population() != null) {
            PopulationAnnotator.check(options.population(), ReferenceDictionary.of(dictionary));
        }
        CopyNumberRun.Options copyNumber = copyNumber(options, dictionary, params);
        return CallRequest.of(options.reference(), dictionary, samples, resolved.indexes(), keys, options.output())
                .withPedigree(family).withIntervals(intervals).withShardSize(options.shardSize()).withParams(params)
                .withScoring(options.fromGvcfs() ? scoring.withoutReadEvidence() : scoring).withKnownSites(options.knownSites()).withPopulation(options.population())
                .withQc(options.qc()).withCopyNumber(copyNumber)
                .withOverwrite(options.overwrite()).withFromGvcfs(options.fromGvcfs())
                .withGvcf(options.gvcf() ? gqBands(options) : null);
    }

    /**
     * The GQ bands of {@code gvcf.gqBands} with {@code gvcf.hetPlTolerance}; a list that is not increasing positive
     * numbers, or a negative tolerance, is a user error.
     */
    private static GqBands gqBands(CallOptions options) {
        Settings settings = Settings.load(options.settings());
        int tolerance = settings.integer("gvcf.hetPlTolerance");
        if (tolerance < 0) {
            throw new UserException("gvcf.hetPlTolerance must be a whole number, 0 or more");
        }
        try {
            return GqBands.parse(settings.string("gvcf.gqBands"), tolerance);
        } catch (IllegalArgumentException e) {
            throw new UserException("gvcf.gqBands must be increasing positive whole numbers, comma-separated");
        }
    }

    /** The panel of normals, checked against the run's reference and read filter; null without one. */
    private static CopyNumberRun.Options copyNumber(CallOptions options, SAMSequenceDictionary dictionary,
                                                    CallingParameters params) {
        if (options.cnvPanel() == null) {
            return null;
        }
        CopyNumberRun.Options copyNumber = new CopyNumberRun.Options(options.cnvPanel(),
                CnvParameters.load(options.settings()), options.copyNumberOnly());
        CopyNumberRun.open(copyNumber, ReferenceDictionary.of(dictionary), params.minMappingQuality());
        return copyNumber;
    }

    /** The contigs a run reads: those of its intervals, or all of the reference's when there are none. */
    private static java.util.Set<String> contigsInPlay(java.util.List<htsjdk.samtools.util.Interval> intervals,
                                                       SAMSequenceDictionary dictionary) {
        java.util.Set<String> contigs = new java.util.HashSet<>();
        if (intervals.isEmpty()) {
            dictionary.getSequences().forEach(s -> contigs.add(s.getSequenceName()));
        } else {
            intervals.forEach(i -> contigs.add(i.getContig()));
        }
        return contigs;
    }
}
