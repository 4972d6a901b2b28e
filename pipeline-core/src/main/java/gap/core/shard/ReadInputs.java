package gap.core.shard;

import gap.core.UserException;
import gap.core.io.InputValidator;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.Redactor;
import gap.core.privacy.Samples;
import htsjdk.samtools.SAMSequenceDictionary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a sample sheet or {@code -I} reads files, gives the run's samples, pseudonymised, each with its checked reads'
 * index, in the sheet's or the command line's order.
 */
public final class ReadInputs {
    /** The samples and, in their order, each one's reads index. */
    public record Resolved(Samples samples, Map<Samples.Sample, Path> indexes) {}

    private ReadInputs() {}

    public static Resolved resolve(Path sheet, List<Path> inputs, Path reference, SAMSequenceDictionary dictionary,
                            Pseudonymiser pseudonymiser, Redactor redactor) {
        return resolve(sheet, inputs, null, reference, dictionary, pseudonymiser, redactor);
    }

    /** As above, the {@code -I} files' samples with {@code roles} (null: unknown). */
    static Resolved resolve(Path sheet, List<Path> inputs, List<String> roles, Path reference,
                            SAMSequenceDictionary dictionary, Pseudonymiser pseudonymiser, Redactor redactor) {
        Map<Samples.Sample, Path> indexes = new LinkedHashMap<>();
        if (sheet != null) {
            Samples samples = Samples.fromSheet(sheet, pseudonymiser, redactor);
            for (Samples.Sample s : samples.samples()) {
                InputValidator.CheckedReads checked = InputValidator.checkReads(s.reads(), reference, dictionary);
                samples.checkReadGroups(s, checked.readGroupSamples());
                indexes.put(s, checked.index());
            }
            return new Resolved(samples, indexes);
        }
        Map<Path, List<String>> readGroups = new LinkedHashMap<>();
        List<Path> readIndexes = new ArrayList<>();
        for (Path input : inputs) {
            InputValidator.requireFile(input, "reads file");
            InputValidator.CheckedReads checked = InputValidator.checkReads(input, reference, dictionary);
            if (readGroups.put(input.toAbsolutePath().normalize(), checked.readGroupSamples()) != null) {
                throw new UserException("-I file " + (readIndexes.size() + 1) + " is an earlier -I file again: give"
                        + " each reads file once");
            }
            readIndexes.add(checked.index());
        }
        Samples samples = roles == null ? Samples.fromReads(readGroups, pseudonymiser, redactor)
                : Samples.fromReads(readGroups, roles, pseudonymiser, redactor);
        for (int i = 0; i < readIndexes.size(); i++) {
            indexes.put(samples.samples().get(i), readIndexes.get(i));
        }
        return new Resolved(samples, indexes);
    }
}
