package gap.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.crypto.KeyAccessDeniedException;
import org.apache.parquet.crypto.keytools.KeyToolkit;
import org.apache.parquet.crypto.keytools.KmsClient;
import org.apache.parquet.crypto.keytools.PropertiesDrivenCryptoFactory;

/**
 * Takes a master key id (a {@link LabKeys} alias) and a Parquet data or key-encryption key, gives it wrapped or
 * unwrapped with the keystore's key: Parquet Modular Encryption's {@link KmsClient} over the lab's keystore.
 *
 * <p>Parquet instantiates this class by name from the Hadoop configuration, so the keystore cannot be handed to
 * it and no password may travel in the configuration (Spark shows it in its UI). Instead the caller
 * {@link #register registers} its opened keystore and puts the returned token in
 * {@code parquet.encryption.key.access.token}; the client looks the keystore up by that token. parquet-java caches
 * KMS clients and keys per token for the whole JVM, so every registration, i.e. every principal, gets a fresh random
 * token: a researcher's read never reuses a clinician's client. The registry lives in this JVM only, which serves
 * the CLI and Spark local mode; executors on other machines need a KMS of their own.
 */
public final class KeyStoreKms implements KmsClient {
    private static final ConcurrentMap<String, LabKeys> PRINCIPALS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LabKeys keys;

    /** Registers a principal's keys; gives the access token that selects them. */
    public static String register(LabKeys keys) {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String token = "gap-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PRINCIPALS.put(token, keys);
        return token;
    }

    /** Forgets the token's keys, and the clients and keys parquet-java cached for it. */
    public static void unregister(String token) {
        PRINCIPALS.remove(token);
        KeyToolkit.removeCacheEntriesForToken(token);
    }

    /** Sets the Parquet encryption settings that make readers and writers use the keys registered as {@code token}. */
    public static void configure(Configuration conf, String token) {
        conf.set("parquet.crypto.factory.class", PropertiesDrivenCryptoFactory.class.getName());
        conf.set(KeyToolkit.KMS_CLIENT_CLASS_PROPERTY_NAME, KeyStoreKms.class.getName());
        conf.set(KeyToolkit.KEY_ACCESS_TOKEN_PROPERTY_NAME, token);
    }

    @Override
    public void initialize(Configuration configuration, String kmsInstanceID, String kmsInstanceURL,
                           String accessToken) throws KeyAccessDeniedException {
        LabKeys registered = accessToken == null ? null : PRINCIPALS.get(accessToken);
        if (registered == null) {
            throw new KeyAccessDeniedException("no keystore is registered for this access token: open one and"
                    + " register it with KeyStoreKms.register");
        }
        this.keys = registered;
    }

    @Override
    public String wrapKey(byte[] keyBytes, String masterKeyIdentifier) throws KeyAccessDeniedException {
        return KeyToolkit.encryptKeyLocally(keyBytes, masterKey(masterKeyIdentifier), aad(masterKeyIdentifier));
    }

    @Override
    public byte[] unwrapKey(String wrappedKey, String masterKeyIdentifier) throws KeyAccessDeniedException {
        byte[] master = masterKey(masterKeyIdentifier);
        try {
            return KeyToolkit.decryptKeyLocally(wrappedKey, master, aad(masterKeyIdentifier));
        } catch (RuntimeException e) {
            // AES-GCM fails its tag check: the file was written with another keystore's key of that name
            throw new KeyAccessDeniedException("the " + LabKeys.describe(masterKeyIdentifier) + " of keystore "
                    + keys.name() + " is not the one the file was written with: use the keystore of the lab that"
                    + " wrote it, or one exported from it");
        }
    }

    private byte[] masterKey(String alias) {
        if (keys == null) {
            throw new KeyAccessDeniedException("KeyStoreKms used before initialize");
        }
        return keys.key(alias).orElseThrow(() -> new KeyAccessDeniedException("the keystore's role ("
                + keys.role() + ") lacks the " + LabKeys.describe(alias)));
    }

    /** The master key id is authenticated with the wrapped key, so a key cannot pass for another's. */
    private static byte[] aad(String alias) {
        return alias.getBytes(StandardCharsets.UTF_8);
    }
}
