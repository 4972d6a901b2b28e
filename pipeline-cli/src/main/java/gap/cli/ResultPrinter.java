package gap.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Takes a JDBC result, gives it as text: an aligned table (numbers right-aligned) or CSV (RFC 4180, empty NULLs). */
final class ResultPrinter {
    private static final Set<Integer> NUMBERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC);

    private ResultPrinter() {}

    /** Prints every row under a header and a rule, each column as wide as its widest value. */
    static void table(ResultSet rows, PrintWriter out) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[n];
        boolean[] right = new boolean[n];
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            header[c] = meta.getColumnLabel(c + 1);
            right[c] = NUMBERS.contains(meta.getColumnType(c + 1));
            width[c] = header[c].length();
        }
        while (rows.next()) {
            String[] line = new String[n];
            for (int c = 0; c < n; c++) {
                String v = rows.getString(c + 1);
                line[c] = v == null ? "NULL" : v.replace('\n', ' ').replace('\t', ' ');
                width[c] = Math.max(width[c], line[c].length());
            }
            lines.add(line);
        }
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < n; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.println(row(header, width, right));
        out.println(rule);
        for (String[] line : lines) {
            out.println(row(line, width, right));
        }
        out.flush();
    }

    private static String row(String[] values, int[] width, boolean[] right) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < values.length; c++) {
            String pad = " ".repeat(width[c] - values[c].length());
            b.append(c == 0 ? "" : "  ");
            b.append(right[c] ? pad + values[c] : c == values.length - 1 ? values[c] : values[c] + pad);
        }
        return b.toString();
    }

    /** Prints a header line and the rows as CSV. */
    static void csv(ResultSet rows, PrintWriter out) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < n; c++) {
            b.append(c == 0 ? "" : ",").append(csvField(meta.getColumnLabel(c + 1)));
        }
        out.println(b);
        while (rows.next()) {
            b.setLength(0);
            for (int c = 0; c < n; c++) {
                String v = rows.getString(c + 1);
                b.append(c == 0 ? "" : ",").append(v == null ? "" : csvField(v));
            }
            out.println(b);
        }
        out.flush();
    }

    private static String csvField(String v) {
        boolean quote = v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
