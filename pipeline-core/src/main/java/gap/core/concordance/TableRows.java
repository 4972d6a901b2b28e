package gap.core.concordance;

import gap.core.UserException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a tab-separated table given by a command-line option ({@code chrom …} header line, {@code #} and blank lines
 * skipped), gives its rows with their line numbers. Errors name the option and the line, never the file: a file name
 * can hold a patient's name.
 */
final class TableRows {
    /** One data line: its 1-based number and its fields. */
    record Row(int line, String[] fields) {
        /** Field {@code i} as a 1-based position (or other positive number), else a one-line error. */
        long position(int i, String option) {
            try {
                long value = Long.parseLong(fields[i]);
                if (value >= 1) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UserException(option + " line " + line + ": column " + (i + 1) + " must be a 1-based position");
        }
    }

    private TableRows() {}

    /** Rows with at least {@code columns} fields, {@code expected} naming them in the error otherwise. */
    static List<Row> read(Path tsv, String option, int columns, String expected) {
        if (!Files.isRegularFile(tsv) || !Files.isReadable(tsv)) {
            throw new UserException("the table given to " + option + " does not exist or is not a readable file: check"
                    + " the path");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv);
        } catch (MalformedInputException e) {
            throw new UserException(option + " is not a text table (tab-separated " + expected + ")");
        } catch (IOException e) {
            throw new UserException("the table given to " + option + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || line.startsWith("chrom\t")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < columns) {
                throw new UserException(option + " line " + (i + 1) + " has fewer than " + columns
                        + " tab-separated columns: " + expected);
            }
            rows.add(new Row(i + 1, f));
        }
        return rows;
    }
}
