package gap.core.privacy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes text bound for a log, a terminal or an error message, gives it with every registered identifier replaced
 * by its pseudonym: the one redaction step all output of a process passes through (see {@link RedactingStream}).
 * Identifiers are registered as soon as they are known (a sample sheet's fields, a BAM's {@code SM}, input paths);
 * the longest is replaced first, so a path is replaced whole before the identifier inside it. Thread-safe.
 */
public final class Redactor {
    private static final Redactor PROCESS = new Redactor();

    private final Map<String, String> replacements = new LinkedHashMap<>();
    private volatile List<Map.Entry<String, String>> ordered = List.of();

    /** The redactor of this process's standard streams. */
    public static Redactor process() {
        return PROCESS;
    }

    /** From now on, {@code identifier} is printed as {@code replacement}; a later registration replaces an earlier. */
    public synchronized void register(String identifier, String replacement) {
        if (identifier == null || identifier.isBlank() || identifier.equals(replacement)) {
            return;
        }
        replacements.put(identifier, replacement);
        ordered = replacements.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }

    public String redact(String text) {
        String out = text;
        for (Map.Entry<String, String> e : ordered) {
            if (out.contains(e.getKey())) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
