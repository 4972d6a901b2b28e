package gap.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A call's FILTER: {@link #PASS}, the names of the filters it failed (a set, in the order they were applied), or
 * {@link #MISSING} ({@code .}: no filters were applied, as in a VCF from a caller that filters nothing). The one
 * place where the VCF's spellings of PASS and missing live.
 */
public final class Filters implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** How VCF, and Glow's {@code filters} column, spell a record that passed every filter. */
    public static final String PASS_NAME = "PASS";
    private static final String MISSING_TEXT = ".";

    public static final Filters PASS = new Filters(List.of(), true);
    public static final Filters MISSING = new Filters(List.of(), false);

    private final List<String> failed;
    private final boolean applied;

    private Filters(List<String> failed, boolean applied) {
        this.failed = failed;
        this.applied = applied;
    }

    /** The filters failed, in the order given, each once; none given is {@link #PASS}. */
    public static Filters failed(Collection<String> names) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        for (String name : distinct) {
            if (name.isEmpty() || name.contains(";") || name.equals(MISSING_TEXT)) {
                throw new IllegalArgumentException("not a filter name: '" + name + "'");
            }
        }
        return distinct.isEmpty() ? PASS : new Filters(List.copyOf(distinct), true);
    }

    public static Filters failed(String... names) {
        return failed(List.of(names));
    }

    /**
     * The filters of a FILTER column's values as VCF readers and Glow give them: {@code [PASS]}, {@code [.]} or none
     * for missing, else the names failed.
     */
    public static Filters fromValues(List<String> values) {
        if (values.equals(List.of(PASS_NAME))) {
            return PASS;
        }
        if (values.isEmpty() || values.equals(List.of(MISSING_TEXT))) {
            return MISSING;
        }
        return failed(values);
    }

    public boolean isPass() {
        return applied && failed.isEmpty();
    }

    /** No filters were applied ({@code .}). */
    public boolean isMissing() {
        return !applied;
    }

    /** The names of the filters failed, in order; empty for PASS and missing. */
    public List<String> names() {
        return failed;
    }

    /** The FILTER column's values: {@code [PASS]}, {@code [.]}, or the names failed (Glow's {@code filters}). */
    public List<String> values() {
        return isPass() ? List.of(PASS_NAME) : isMissing() ? List.of(MISSING_TEXT) : failed;
    }

    /** The FILTER column's text: {@code PASS}, {@code .}, or the names failed joined by {@code ;}. */
    @Override
    public String toString() {
        return String.join(";", values());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filters f && applied == f.applied && failed.equals(f.failed);
    }

    @Override
    public int hashCode() {
        return 31 * failed.hashCode() + (applied ? 1 : 0);
    }
}
