package gap.core.scoring;

import gap.core.UserException;
import gap.core.vcf.FilterFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hard filter as GATK's documentation writes it, e.g. {@code QD < 2.0}: it fails a call whose annotation lies
 * beyond the threshold; a call without the annotation passes (VariantFiltration's default). Its FILTER name is the
 * one GATK's examples use: the annotation and the threshold, e.g. {@code QD2}, {@code ReadPosRankSum-8}.
 */
public record HardFilter(String annotation, boolean below, double threshold) implements java.io.Serializable {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*([<>])\\s*(-?[0-9.]+)\\s*");

    public String name() {
        return annotation + FilterFields.number(threshold);
    }

    public String description() {
        return annotation + (below ? " < " : " > ") + threshold;
    }

    /** True when the call fails this filter. */
    public boolean fails(Double value) {
        return value != null && (below ? value < threshold : value > threshold);
    }

    static List<HardFilter> parseAll(String text, String key) {
        List<HardFilter> filters = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = FORM.matcher(part);
            if (!m.matches()) {
                throw new UserException("setting " + key + ": '" + part.trim() + "' is not ANNOTATION<NUMBER or"
                        + " ANNOTATION>NUMBER");
            }
            filters.add(new HardFilter(m.group(1), m.group(2).equals("<"), Double.parseDouble(m.group(3))));
        }
        return filters;
    }
}
