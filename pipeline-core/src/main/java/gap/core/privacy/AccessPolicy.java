package gap.core.privacy;

import gap.core.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes {@code access-policy.yaml} (role → key names), gives the keys each role holds and the role a set of keys
 * amounts to. Reads only the small YAML subset that file uses, by hand: a map of roles to lists of key names.
 */
public final class AccessPolicy {
    /** The classpath resource, packaged from {@code conf/}. */
    public static final String RESOURCE = "access-policy.yaml";

    /** Key names the policy may use, and the keystore alias each stands for. */
    static final Map<String, String> KEY_ALIASES = Map.of(
            "pseudonymisation", LabKeys.PSEUDONYMISATION,
            "footer", LabKeys.FOOTER,
            "clinician-column", LabKeys.CLINICIAN_COLUMN);

    private static final String NAME = "[a-z][a-z0-9-]*";
    private static final Pattern FLOW = Pattern.compile("(" + NAME + "):\\s*\\[(.*)]");
    private static final Pattern BLOCK_START = Pattern.compile("(" + NAME + "):");
    private static final Pattern BLOCK_ITEM = Pattern.compile("\\s+-\\s+(" + NAME + ")");
    private static final Pattern KEY_NAME = Pattern.compile(NAME);

    private final Map<String, List<String>> keysByRole;

    private AccessPolicy(Map<String, List<String>> keysByRole) {
        this.keysByRole = Collections.unmodifiableMap(keysByRole);
    }

    /** The policy packaged with gap (from {@code conf/access-policy.yaml}). */
    public static AccessPolicy load() {
        try (InputStream in = AccessPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                // a packaging bug, not the user's: the conf jar belongs on every driver's classpath
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses policy text; {@code source} names it in error messages. */
    public static AccessPolicy parse(String text, String source) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        String blockRole = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = source + " line " + (i + 1);
            String line = stripComment(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            Matcher item = BLOCK_ITEM.matcher(line);
            if (item.matches()) {
                if (blockRole == null) {
                    throw new UserException(where + ": a list item outside a role: write 'role: [key, key]'");
                }
                roles.get(blockRole).add(checkKey(item.group(1), where));
                continue;
            }
            blockRole = null;
            Matcher flow = FLOW.matcher(line.strip());
            Matcher block = BLOCK_START.matcher(line.strip());
            if (Character.isWhitespace(line.charAt(0)) || !(flow.matches() || block.matches())) {
                throw new UserException(where + ": expected 'role: [key, key]' (a map of roles to lists of"
                        + " key names, nothing else)");
            }
            String role = flow.matches() ? flow.group(1) : block.group(1);
            if (roles.containsKey(role)) {
                throw new UserException(where + ": role " + role + " is given twice: keep one line per role");
            }
            List<String> keys = new ArrayList<>();
            roles.put(role, keys);
            if (flow.matches()) {
                String items = flow.group(2).strip();
                if (!items.isEmpty()) {
                    for (String key : items.split(",", -1)) {
                        keys.add(checkKey(key.strip(), where));
                    }
                }
            } else {
                blockRole = role;
            }
        }
        if (roles.isEmpty()) {
            throw new UserException(source + " names no role: give lines like 'researcher: [footer]'");
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        roles.forEach((role, keys) -> {
            if (new LinkedHashSet<>(keys).size() != keys.size()) {
                throw new UserException(source + ": role " + role + " lists a key twice: list each key once");
            }
            frozen.put(role, List.copyOf(keys));
        });
        return new AccessPolicy(frozen);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String checkKey(String key, String where) {
        if (!KEY_NAME.matcher(key).matches() || !KEY_ALIASES.containsKey(key)) {
            throw new UserException(where + ": unknown key name '" + key + "': use "
                    + String.join(", ", List.of("pseudonymisation", "footer", "clinician-column")));
        }
        return key;
    }

    public Set<String> roles() {
        return keysByRole.keySet();
    }

    /** Key names the role holds; an unknown role is a user error. */
    public List<String> keys(String role) {
        List<String> keys = keysByRole.get(role);
        if (keys == null) {
            throw new UserException("unknown role '" + role + "': use one of " + String.join(", ", roles()));
        }
        return keys;
    }

    /** Keystore aliases the role holds. */
    public List<String> aliases(String role) {
        return keys(role).stream().map(KEY_ALIASES::get).toList();
    }

    /** The role holding exactly these keystore aliases, if any. */
    public Optional<String> roleHolding(Set<String> aliases) {
        return keysByRole.keySet().stream()
                .filter(role -> Set.copyOf(aliases(role)).equals(aliases))
                .findFirst();
    }
}
