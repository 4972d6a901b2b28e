package gap.core.privacy;

import gap.core.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a sample sheet (tab-separated: {@code patient_id mrn sample_alias family_id role sex bam}, BAM paths relative
 * to the sheet), gives its rows, checked. One patient may have several samples (tumour and normal, a re-sequencing),
 * always with one MRN. Errors name the line and the column, never the value (values are identifiers) nor the
 * sheet's file name (which can be one too).
 */
public final class SampleSheet {
    public static final List<String> COLUMNS = List.of("patient_id", "mrn", "sample_alias", "family_id", "role", "sex", "bam");

    /** One sample: who it is, and where its reads are. Holds identifiers: stays in this package's hands. */
    public record Row(int line, String patientId, String mrn, String sampleAlias, String familyId, String role,
                      String sex, Path bam) {}

    private SampleSheet() {}

    public static List<Row> read(Path sheet) {
        List<String> lines = lines(sheet);
        List<String> header = List.of(lines.get(0).strip().split("\t", -1));
        int[] col = columns(header);
        Path base = sheet.toAbsolutePath().getParent();
        Uniqueness seen = new Uniqueness();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            rows.add(row(i + 1, text, header.size(), col, base, seen));
        }
        if (rows.isEmpty()) {
            throw new UserException("sample sheet has no sample rows");
        }
        return List.copyOf(rows);
    }

    /** The sheet's lines; it must exist, be UTF-8 text and have a header line. */
    private static List<String> lines(Path sheet) {
        if (!Files.isRegularFile(sheet)) {
            throw new UserException("sample sheet does not exist: check the --sample-sheet path");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(sheet, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("sample sheet cannot be read as UTF-8 text");
        }
        if (lines.isEmpty()) {
            throw new UserException("sample sheet is empty: it needs a header line " + String.join(" ", COLUMNS));
        }
        return lines;
    }

    /** Where each of {@link #COLUMNS} is in the header line. */
    private static int[] columns(List<String> header) {
        int[] col = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            col[c] = header.indexOf(COLUMNS.get(c));
            if (col[c] < 0) {
                throw new UserException("sample sheet: column '" + COLUMNS.get(c)
                        + "' is missing from the header line (tab-separated: " + String.join(" ", COLUMNS) + ")");
            }
        }
        return col;
    }

    /** What earlier rows claimed: aliases and BAMs are each one sample's, and a patient has one MRN. */
    private static final class Uniqueness {
        final Map<String, Integer> aliasRow = new HashMap<>();
        final Map<Path, Integer> bamRow = new HashMap<>();
        final Map<String, String> mrnOfPatient = new HashMap<>();
        final Map<String, Integer> patientRow = new HashMap<>();
    }

    /** Line {@code lineNo} as a row, checked on its own and against the earlier ones ({@code seen}, updated). */
    private static Row row(int lineNo, String text, int fields, int[] col, Path base, Uniqueness seen) {
        String where = "sample sheet line " + lineNo;
        String[] f = text.split("\t", -1);
        if (f.length != fields) {
            throw new UserException(where + " has " + f.length + " fields but the header has " + fields
                    + ": separate fields with single tabs");
        }
        String[] v = new String[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            v[c] = f[col[c]].strip();
            if (v[c].isEmpty()) {
                throw new UserException(where + ": column '" + COLUMNS.get(c) + "' is empty");
            }
        }
        String sex = v[5].toLowerCase(Locale.ROOT);
        if (!List.of("male", "female", "unknown").contains(sex)) {
            throw new UserException(where + ": column 'sex' must be male, female or unknown");
        }
        Path bam = base.resolve(v[6]).normalize();
        Integer previous = seen.aliasRow.putIfAbsent(v[2], lineNo);
        if (previous != null) {
            throw new UserException(where + ": column 'sample_alias' repeats line " + previous
                    + "'s; each sample needs its own alias");
        }
        previous = seen.bamRow.putIfAbsent(bam, lineNo);
        if (previous != null) {
            throw new UserException(where + ": column 'bam' names the same file as line " + previous);
        }
        String mrn = seen.mrnOfPatient.putIfAbsent(v[0], v[1]);
        if (mrn != null && !mrn.equals(v[1])) {
            throw new UserException(where + ": column 'mrn' differs from line " + seen.patientRow.get(v[0])
                    + " for the same patient_id; one patient has one MRN");
        }
        seen.patientRow.putIfAbsent(v[0], lineNo);
        if (!Files.isRegularFile(bam)) {
            throw new UserException(where + ": the file in column 'bam' does not exist (paths are relative to"
                    + " the sheet)");
        }
        return new Row(lineNo, v[0], v[1], v[2], v[3], v[4], sex, bam);
    }
}
