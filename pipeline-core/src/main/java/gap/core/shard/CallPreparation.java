package gap.core.shard;

import gap.core.calling.CallingParameters;
import gap.core.cohort.Pedigree;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.InputValidator;
import gap.core.io.ReferenceDictionary;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import gap.core.scoring.KnownSites;
import gap.core.scoring.ScoringParameters;
import htsjdk.samtools.SAMSequenceDictionary;

/**
 * Takes a {@code gap call} command line's options, gives the checked {@link CallRequest}: every input is checked
 * before any work (settings, known sites, reference, keystore, reads against the reference, pedigree, intervals,
 * output directory, population summary, in that order), each failure one line naming the file by its name. What every
 * driver runs between parsing its options and starting the run.
 */
public final class CallPreparation {
    private CallPreparation() {}

    public static CallRequest prepare(CallOptions options) {
        CallingParameters params = CallingParameters.load(options.settings());
        ScoringParameters scoring = ScoringParameters.load(options.settings());
        if (options.knownSites() != null) {
            KnownSites.check(options.knownSites());
        }
        SAMSequenceDictionary dictionary = InputValidator.checkReference(options.reference());
        LabKeys keys = options.keys().get();
        Pseudonymiser pseudonymiser = new Pseudonymiser(keys.pseudonymisationKey());
        ReadInputs.Resolved resolved = ReadInputs.resolve(options.sampleSheet(), options.inputs(),
                options.reference(), dictionary, pseudonymiser, Redactor.process());
        Samples samples = resolved.samples();
        Pedigree family = options.pedigree() == null ? Pedigree.none() : Pedigree.read(options.pedigree(),
                samples.pedigreeNames(), samples.samples().stream().map(Samples.Sample::sex).toList());
        var intervals = Intervals.parse(options.intervals(), dictionary, options.paths());
        InputValidator.checkOutputDirectory(options.output());
        if (options.population() != null) {
            PopulationAnnotator.check(options.population(), ReferenceDictionary.of(dictionary));
        }
        return CallRequest.of(options.reference(), dictionary, samples, resolved.indexes(), keys, options.output())
                .withPedigree(family).withIntervals(intervals).withShardSize(options.shardSize()).withParams(params)
                .withScoring(scoring).withKnownSites(options.knownSites()).withPopulation(options.population())
                .withQc(options.qc());
    }
}
