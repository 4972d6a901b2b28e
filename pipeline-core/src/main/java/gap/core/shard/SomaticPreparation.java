package gap.core.shard;

import gap.core.UserException;
import gap.core.calling.CallingParameters;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.InputValidator;
import gap.core.io.TabixIndexCheck;
import gap.core.io.VariantsAgainstReference;
import gap.core.io.ReferenceDictionary;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import gap.core.somatic.SomaticParameters;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.Interval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Takes a {@code gap somatic} (or {@code gap somatic-pon}) command line's options, gives the checked run: every input
 * checked before any work (settings, reference, keystore, reads against the reference, the tumour and normal roles of
 * one patient, intervals, output, population summary, germline resource, panel of normals, in that order), each
 * failure one line naming the file by its name. What every driver runs between parsing its options and the run.
 */
public final class SomaticPreparation {
    private SomaticPreparation() {}

    /** A {@code gap somatic-pon} command line: the normals ({@code -I} files or a sample sheet) and the table. */
    public record PanelOptions(Path reference, List<Path> inputs, Path sampleSheet, Path table, List<String> intervals,
                               Map<String, String> settings, Supplier<LabKeys> keys) {
        public PanelOptions {
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
            intervals = intervals == null ? List.of() : List.copyOf(intervals);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }

    public static SomaticRun.Request prepare(SomaticOptions options) {
        SomaticParameters somatic = SomaticParameters.load(options.settings());
        CallingParameters params = callingParameters(options.settings(), somatic);
        SAMSequenceDictionary dictionary = InputValidator.checkReference(options.reference());
        LabKeys keys = options.keys().get();
        Pseudonymiser pseudonymiser = new Pseudonymiser(keys.pseudonymisationKey());
        ReadInputs.Resolved resolved = resolve(options, dictionary, pseudonymiser);
        Samples.Sample tumour = role(resolved.samples(), "tumour", true);
        Samples.Sample normal = role(resolved.samples(), "normal", false);
        if (resolved.samples().samples().size() != (normal == null ? 1 : 2)) {
            throw new UserException("give one tumour and at most one normal (roles tumour and normal in the sample"
                    + " sheet); other samples belong in another run");
        }
        if (options.sampleSheet() != null && normal != null
                && !tumour.patientPseudonym().equals(normal.patientPseudonym())) {
            throw new UserException("the tumour and the normal are of different patients (patient_id differs in the"
                    + " sample sheet): a somatic call needs the patient's own normal");
        }
        List<Interval> intervals = Intervals.parse(options.intervals(), dictionary, options.paths());
        InputValidator.checkOutputDirectory(options.output());
        if (options.population() != null) {
            PopulationAnnotator.check(options.population(), ReferenceDictionary.of(dictionary));
        }
        if (options.germlineResource() != null) {
            InputValidator.requireFile(options.germlineResource(), "germline resource VCF");
            TabixIndexCheck.checkIfIndexed(options.germlineResource(), dictionary, "germline resource VCF "
                    + options.germlineResource().getFileName());
            VariantsAgainstReference.check(options.germlineResource(), options.reference(), "germline resource VCF "
                    + options.germlineResource().getFileName());
        }
        if (options.panelOfNormals() != null) {
            InputValidator.requireFile(options.panelOfNormals(), "panel of normals");
        }
        return new SomaticRun.Request(options.reference(), dictionary, resolved.samples(), tumour, normal,
                resolved.indexes(), intervals, options.shardSize(), params, somatic, keys, options.output(),
                options.germlineResource(), options.population(), options.panelOfNormals(), options.qc(),
                options.overwrite());
    }

    /** The checked {@code gap somatic-pon} run: each normal a tumour-only somatic request. */
    public static PanelOfNormalsRun.Request preparePanel(PanelOptions options) {
        SomaticParameters somatic = SomaticParameters.load(options.settings());
        CallingParameters params = callingParameters(options.settings(), somatic);
        SAMSequenceDictionary dictionary = InputValidator.checkReference(options.reference());
        LabKeys keys = options.keys().get();
        Pseudonymiser pseudonymiser = new Pseudonymiser(keys.pseudonymisationKey());
        ReadInputs.Resolved resolved = ReadInputs.resolve(options.sampleSheet(), options.inputs(),
                options.reference(), dictionary, pseudonymiser, Redactor.process());
        List<Interval> intervals = Intervals.parse(options.intervals(), dictionary, Path::of);
        Path folder = options.table().toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserException("the folder of -O does not exist: create it first");
        }
        List<SomaticRun.Request> normals = new ArrayList<>();
        for (Samples.Sample s : resolved.samples().samples()) {
            normals.add(new SomaticRun.Request(options.reference(), dictionary, resolved.samples(), s, null,
                    resolved.indexes(), intervals, null, params, somatic, keys, folder, null, null, null, false, false));
        }
        return new PanelOfNormalsRun.Request(normals, options.table(), somatic.ponMinSampleCount());
    }

    /**
     * The engine's settings for somatic candidates: the tumour's candidate fraction is the somatic one unless the
     * user set the engine's own.
     */
    static CallingParameters callingParameters(Map<String, String> settings, SomaticParameters somatic) {
        Map<String, String> merged = new HashMap<>(settings);
        merged.putIfAbsent("candidate.minAltFraction", Double.toString(somatic.candidateMinAltFraction()));
        return CallingParameters.load(merged);
    }

    private static ReadInputs.Resolved resolve(SomaticOptions options, SAMSequenceDictionary dictionary,
                                               Pseudonymiser pseudonymiser) {
        if (options.sampleSheet() != null) {
            return ReadInputs.resolve(options.sampleSheet(), null, options.reference(), dictionary, pseudonymiser,
                    Redactor.process());
        }
        List<Path> files = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        files.add(options.tumour());
        roles.add("tumour");
        if (options.normal() != null) {
            files.add(options.normal());
            roles.add("normal");
        }
        return ReadInputs.resolve(null, files, roles, options.reference(), dictionary, pseudonymiser,
                Redactor.process());
    }

    /** The one sample of {@code role} (tumor and tumour alike), or null when optional and absent. */
    private static Samples.Sample role(Samples samples, String role, boolean required) {
        List<Samples.Sample> found = samples.samples().stream()
                .filter(s -> role.equals(s.role().toLowerCase(Locale.ROOT).replace("tumor", "tumour"))).toList();
        if (found.size() > 1) {
            throw new UserException("the sample sheet has " + found.size() + " samples of role " + role
                    + ": give one per run");
        }
        if (found.isEmpty() && required) {
            throw new UserException("no sample of role tumour: the sample sheet's role column must name the tumour");
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
