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
        List<String> header = List.of(lines.get(0).strip().split("\t", -1));
        int[] col = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            col[c] = header.indexOf(COLUMNS.get(c));
            if (col[c] < 0) {
                throw new UserException("sample sheet: column '" + COLUMNS.get(c)
                        + "' is missing from the header line (tab-separated: " + String.join(" ", COLUMNS) + ")");
            }
        }
        Path base = sheet.toAbsolutePath().getParent();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> aliasRow = new HashMap<>();
        Map<Path, Integer> bamRow = new HashMap<>();
        Map<String, String> mrnOfPatient = new HashMap<>();
        Map<String, Integer> patientRow = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String text = lines.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            String where = "sample sheet line " + lineNo;
            String[] f = text.split("\t", -1);
            if (f.length != header.size()) {
                throw new UserException(where + " has " + f.length + " fields but the header has " + header.size()
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
            Integer previous = aliasRow.putIfAbsent(v[2], lineNo);
            if (previous != null) {
                throw new UserException(where + ": column 'sample_alias' repeats line " + previous
                        + "'s; each sample needs its own alias");
            }
            previous = bamRow.putIfAbsent(bam, lineNo);
            if (previous != null) {
                throw new UserException(where + ": column 'bam' names the same file as line " + previous);
            }
            String mrn = mrnOfPatient.putIfAbsent(v[0], v[1]);
            if (mrn != null && !mrn.equals(v[1])) {
                throw new UserException(where + ": column 'mrn' differs from line " + patientRow.get(v[0])
                        + " for the same patient_id; one patient has one MRN");
            }
            patientRow.putIfAbsent(v[0], lineNo);
            if (!Files.isRegularFile(bam)) {
                throw new UserException(where + ": the file in column 'bam' does not exist (paths are relative to"
                        + " the sheet)");
            }
            rows.add(new Row(lineNo, v[0], v[1], v[2], v[3], v[4], sex, bam));
        }
        if (rows.isEmpty()) {
            throw new UserException("sample sheet has no sample rows");
        }
        return List.copyOf(rows);
    }
}
