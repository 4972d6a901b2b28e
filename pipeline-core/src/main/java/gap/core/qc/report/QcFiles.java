package gap.core.qc.report;

import gap.core.UserException;
import gap.core.io.TextFiles;
import gap.core.qc.CallSetQc;
import gap.core.qc.QcReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a run's {@link QcReport} and a folder, writes the QC files there: {@code <call set>.stats.txt} per call set
 * (bcftools stats), {@code gap_qc_mqc.tsv} (MultiQC), {@code qc.json} and {@code report.html}. Each is written under a
 * temporary name and renamed when complete, so a failed run leaves nothing that looks like a result.
 */
public final class QcFiles {
    public static final String JSON = "qc.json";
    public static final String REPORT = "report.html";

    private QcFiles() {}

    /** Writes every file; gives their paths in the order written. */
    public static List<Path> write(QcReport report, Path dir) {
        List<Plot> plots = QcPlots.of(report);
        Map<String, String> files = new LinkedHashMap<>();
        for (CallSetQc c : report.callSets()) {
            files.put(c.name() + ".stats.txt", BcftoolsStatsFormat.write(c.stats(), c.vcfName()));
        }
        files.put(MultiQcTable.FILE_NAME, MultiQcTable.write(report));
        files.put(JSON, QcJson.write(report, plots));
        files.put(REPORT, HtmlReport.write(report, plots));
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                written.add(TextFiles.writeAtomically(dir.resolve(f.getKey()), f.getValue()));
            }
        } catch (IOException e) {
            throw new UserException("could not write the QC files in " + dir.getFileName() + " ("
                    + e.getClass().getSimpleName() + "): check that the folder is writable and has space", e);
        }
        return written;
    }
}
