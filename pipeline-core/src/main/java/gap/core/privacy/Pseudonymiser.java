package gap.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Takes an identifier (a sample's, a patient's or a family's), gives its pseudonym: HMAC-SHA256 under the lab's
 * pseudonymisation key, the first 60 bits written as {@code GAP-} and 12 Crockford base32 characters (no I, L, O, U:
 * nothing to misread). The same key gives the same pseudonym, so records link over time inside one
 * pseudonymisation domain; another key gives unrelated ones. The kind of identifier is part of what is hashed, so
 * a sample and a patient with the same text get different pseudonyms.
 */
public final class Pseudonymiser {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    public static final String PREFIX = "GAP-";

    /** What an identifier names; part of the hashed input. */
    public enum Kind { SAMPLE, PATIENT, FAMILY, COHORT }

    private final SecretKeySpec key;

    public Pseudonymiser(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a pseudonymisation key needs at least 128 bits");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String pseudonym(Kind kind, String identifier) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(kind.name().getBytes(StandardCharsets.US_ASCII));
            hmac.update((byte) 0);
            mac = hmac.doFinal(identifier.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
        }
        bits >>>= 4; // the first 60 bits: twelve characters of five
        char[] out = new char[12];
        for (int i = 11; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        return PREFIX + new String(out);
    }

    /** True for text of a pseudonym's form ({@code GAP-} and 12 Crockford base32 characters), whatever its key. */
    public static boolean isPseudonym(String text) {
        return text.length() == PREFIX.length() + 12 && text.startsWith(PREFIX)
                && text.substring(PREFIX.length()).chars().allMatch(c -> new String(CROCKFORD).indexOf(c) >= 0);
    }

    public String sample(String identifier) {
        return pseudonym(Kind.SAMPLE, identifier);
    }

    public String patient(String identifier) {
        return pseudonym(Kind.PATIENT, identifier);
    }

    public String family(String identifier) {
        return pseudonym(Kind.FAMILY, identifier);
    }

    /** A set of samples called together, whatever their order: the pseudonym of their sorted identifiers. */
    public String cohort(java.util.Collection<String> sampleIdentifiers) {
        return pseudonym(Kind.COHORT, String.join("\0", new java.util.TreeSet<>(sampleIdentifiers)));
    }
}
