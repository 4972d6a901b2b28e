package gap.core.qc.report;

import gap.core.model.ReadCounts;
import java.util.Locale;

/** The names QC files give gap's read filters: {@code low_mapping_quality} and so on, as the log spells them. */
final class QcNames {
    private QcNames() {}

    static String reason(ReadCounts.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /** The filter as a column heading reads: "low mapping quality". */
    static String reasonTitle(ReadCounts.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
