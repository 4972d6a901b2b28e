package gap.core.io;

import gap.core.model.Filters;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Takes a VCF record as htsjdk reads it, gives its FILTER and INFO as gap's calls hold them: {@link Filters} (names
 * sorted, as htsjdk writes them; {@code .} kept apart from PASS) and INFO values typed by their header lines
 * (Integer, Double, String, or lists of them). Both readers of VCFs, {@link VcfCalls} (scoring) and the QC's, read
 * through here, so a VCF reads one way.
 */
public final class VcfRecords {
    private VcfRecords() {}

    public static Filters filters(VariantContext vc) {
        if (vc.isFiltered()) {
            return Filters.failed(new TreeSet<>(vc.getFilters()));
        }
        return vc.filtersWereApplied() ? Filters.PASS : Filters.MISSING;
    }

    /**
     * The record's values of the {@code declared} INFO fields it holds, by key in declaration order: a Number=1 field
     * as one value, any other as a list. A value that does not parse as its type (a {@code .} in a list, say) is kept
     * as its text, which writers copy and numeric readers ignore.
     */
    public static Map<String, Object> info(VariantContext vc, Collection<VCFInfoHeaderLine> declared) {
        Map<String, Object> info = new LinkedHashMap<>();
        for (VCFInfoHeaderLine line : declared) {
            Object v = vc.getAttribute(line.getID());
            if (v != null) {
                String text = v instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                        : v.toString();
                info.put(line.getID(), typed(line, text));
            }
        }
        return info;
    }

    private static Object typed(VCFInfoHeaderLine line, String text) {
        if (line.getType() == VCFHeaderLineType.Flag) {
            return Boolean.TRUE;
        }
        if (line.getCountType() == VCFHeaderLineCount.INTEGER && line.getCount() == 1) {
            Object value = scalar(line.getType(), text);
            return value == null ? text : value;
        }
        List<Object> values = new ArrayList<>();
        for (String element : text.split(",", -1)) {
            Object value = scalar(line.getType(), element);
            if (value == null) {
                return text;
            }
            values.add(value);
        }
        return values;
    }

    private static Object scalar(VCFHeaderLineType type, String text) {
        return switch (type) {
            case Integer -> integer(text);
            case Float -> real(text);
            default -> text;
        };
    }

    /** An integer value of a record (INFO or FORMAT), or null when it is absent or not a whole number. */
    public static Integer integer(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Integer i) {
            return i;
        }
        try {
            return Integer.valueOf(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double real(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
