package gap.core.model;

import java.util.Locale;

/** A sample's sex as the sample sheet gives it ({@code male}, {@code female}, {@code unknown}) or the data show it. */
public enum Sex {
    MALE, FEMALE, UNKNOWN;

    /** The sheet's word; anything else (or null) is {@link #UNKNOWN}. */
    public static Sex parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "male", "m", "1" -> MALE;
            case "female", "f", "2" -> FEMALE;
            default -> UNKNOWN;
        };
    }

    /** As the sample sheet writes it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
