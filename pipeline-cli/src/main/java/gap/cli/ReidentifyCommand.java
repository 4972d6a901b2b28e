package gap.cli;

import gap.command.Commands;
import gap.core.UserException;
import gap.core.io.ParquetSink;
import gap.core.privacy.LabKeys;
import gap.core.privacy.Pseudonymiser;
import gap.core.privacy.SampleRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gap reidentify}: prints {@code pseudonym<TAB>patientId<TAB>mrn<TAB>sampleAlias} from {@code samples.parquet},
 * for a keystore
 * that holds the clinician column key, and appends an audit line per pseudonym beside the keystore.
 *
 * <pre>
 * gap reidentify --keystore clinician.p12 --keystore-password-file pw --samples out/samples.parquet --pseudonym GAP-…
 * </pre>
 */
@Command(name = "reidentify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Print pseudonym, patient identifier, MRN and the lab's sample alias (sample_alias of the"
                + " sheet, or the reads' @RG SM), tab-separated, from a samples.parquet: needs a keystore with the"
                + " clinician column key (a clinician's or the lab's).",
                "Each pseudonym shown is logged (time, role, pseudonym; never the identifier) to"
                        + " <keystore>.audit.log beside the keystore."})
public final class ReidentifyCommand implements Callable<Integer> {
    static final String AUDIT_SUFFIX = ".audit.log";

    @Option(names = "--keystore", required = true, paramLabel = "P12",
            description = "A keystore holding the clinician column key (gap keys export --role clinician).")
    Path keystore;

    @Option(names = "--keystore-password-file", paramLabel = "FILE", showDefaultValue = Visibility.NEVER,
            description = "File holding the keystore's password. Default: the GAP_KEYSTORE_PASSWORD environment"
                    + " variable.")
    Path passwordFile;

    @Option(names = "--samples", required = true, paramLabel = "PARQUET", description = "The samples.parquet of a run.")
    Path samples;

    @Option(names = "--pseudonym", paramLabel = "GAP-…", showDefaultValue = Visibility.NEVER,
            description = "A sample or patient pseudonym to re-identify; repeatable. Default: every sample.")
    List<String> pseudonyms = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        char[] password = LabKeys.password(passwordFile);
        LabKeys keys;
        try {
            keys = LabKeys.open(keystore, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        List<SampleRow> rows;
        Map<String, SampleRow> shown;
        try {
            rows = ParquetSink.readSamples(samples, keys, true);
            shown = select(rows);
        } catch (UserException e) {
            // a refused attempt leaves its trace too: who asked for which pseudonym, and that it was refused
            audit(keys, asked(), e.getMessage().contains("lacks") ? "denied" : "failed");
            throw e;
        }
        // audit first: identifiers are never shown without their trace
        audit(keys, shown.keySet(), "shown");
        PrintWriter out = spec.commandLine().getOut();
        shown.forEach((pseudonym, row) -> out.println(pseudonym + "\t" + row.patientId() + "\t"
                + orEmpty(row.mrn()) + "\t" + orEmpty(row.sampleAlias())));
        out.flush();
        return Commands.EXIT_OK;
    }

    /** Asked pseudonym (sample or patient) → its row, in the order asked; every sample when none was asked. */
    private Map<String, SampleRow> select(List<SampleRow> rows) {
        Map<String, SampleRow> shown = new LinkedHashMap<>();
        if (pseudonyms.isEmpty()) {
            rows.forEach(r -> shown.put(r.sampleId(), r));
            return shown;
        }
        for (int i = 0; i < pseudonyms.size(); i++) {
            String pseudonym = pseudonyms.get(i);
            int position = i + 1;
            // not echoed: a mistyped value may be the patient identifier itself
            SampleRow match = rows.stream()
                    .filter(r -> r.sampleId().equals(pseudonym) || r.patientPseudonym().equals(pseudonym))
                    .findFirst()
                    .orElseThrow(() -> new UserException("--pseudonym number " + position + " is not in the"
                            + " --samples file: give a sampleId or patientPseudonym of that file"));
            shown.put(pseudonym, match);
        }
        return shown;
    }

    /** What was asked, as it may be written to the audit: pseudonyms only (a mistyped value may be an identifier). */
    private List<String> asked() {
        if (pseudonyms.isEmpty()) {
            return List.of("(every sample)");
        }
        return pseudonyms.stream().map(p -> Pseudonymiser.isPseudonym(p) ? p : "(not a pseudonym)").toList();
    }

    private static void audit(LabKeys keys, Iterable<String> pseudonyms, String outcome) {
        Path log = keys.location().resolveSibling(keys.name() + AUDIT_SUFFIX);
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String role = keys.role();
        List<String> lines = new ArrayList<>();
        for (String pseudonym : pseudonyms) {
            lines.add(time + "\t" + role + "\t" + pseudonym + "\t" + outcome + "\n");
        }
        try {
            Files.writeString(log, String.join("", lines), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UserException("cannot append to the audit log " + log.getFileName() + " beside the keystore:"
                    + " make it writable; nothing was re-identified");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
