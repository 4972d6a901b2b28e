package gap.core.privacy;

import gap.core.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.PBEParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a PKCS12 keystore file and its password, gives the lab's keys it holds: the pseudonymisation key, the
 * Parquet footer key and the clinician column key (AES-256), or the subset a role was given.
 */
public final class LabKeys {
    private static final Logger LOG = LogManager.getLogger(LabKeys.class);

    public static final String PSEUDONYMISATION = "gap-pseudonymisation";
    public static final String FOOTER = "gap-parquet-footer";
    public static final String CLINICIAN_COLUMN = "gap-parquet-clinician-column";
    /** Aliases in the order keystores are written and keys described. */
    static final List<String> ALIASES = List.of(PSEUDONYMISATION, FOOTER, CLINICIAN_COLUMN);

    public static final String PASSWORD_ENV = "GAP_KEYSTORE_PASSWORD";
    static final String DEFAULT_DIR = ".gap";
    static final String DEFAULT_NAME = "keys.p12";
    static final String PASSWORD_SUFFIX = ".password";
    /** Present only while the default keystore is first created (see {@link #createDefault}). */
    static final String CREATING = "." + DEFAULT_NAME + ".creating";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The JDK's own protection of PKCS12 secret-key entries (since JDK 12), named so it can be given iterations. */
    private static final String ENTRY_PROTECTION = "PBEWithHmacSHA256AndAES_256";
    /**
     * PBKDF2 iterations over the default keystore's entries. Iterations stretch a password a person chose and an
     * attacker can guess; the default keystore's password is 256 random bits, which no stretching strengthens. At
     * the JDK's 10,000 its three entries cost every run a twentieth of a second and the JIT a compilation it abandons.
     * Keystores with a password a person gives ({@code gap keys init}, {@code export}) keep the JDK's count.
     */
    static final int RANDOM_PASSWORD_ITERATIONS = 1;
    private static final Object DEFAULT_LOCK = new Object();

    private final Path location;
    private final Map<String, byte[]> keys;

    private LabKeys(Path location, Map<String, byte[]> keys) {
        this.location = location;
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** Creates a keystore with all three keys, freshly generated; refuses to replace an existing file. */
    public static LabKeys create(Path keystore, char[] password) {
        return create(keystore, password, 0);
    }

    /** As {@link #create(Path, char[])}, the entries protected with {@code iterations} (0: the JDK's default). */
    private static LabKeys create(Path keystore, char[] password, int iterations) {
        Map<String, byte[]> fresh = new LinkedHashMap<>();
        for (String alias : ALIASES) {
            fresh.put(alias, generateKey());
        }
        write(keystore, fresh, password, iterations);
        return new LabKeys(keystore, fresh);
    }

    /** Opens a named keystore: a missing file, a wrong password or a file that is no keystore is a user error. */
    public static LabKeys open(Path keystore, char[] password) {
        String name = keystore.getFileName().toString();
        if (!Files.isRegularFile(keystore)) {
            throw new UserException("keystore " + name + " does not exist: check --keystore, or create one with"
                    + " 'gap keys init --keystore " + name + "'");
        }
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new UserException("wrong password for keystore " + name + ": check --keystore-password-file"
                        + " or " + PASSWORD_ENV);
            }
            throw new UserException(name + " is not a PKCS12 keystore: give the keystore made by 'gap keys init'"
                    + " or 'gap keys export'");
        } catch (GeneralSecurityException e) {
            throw new UserException(name + " is not a PKCS12 keystore: give the keystore made by 'gap keys init'"
                    + " or 'gap keys export'");
        }
        Map<String, byte[]> found = new LinkedHashMap<>();
        try {
            for (String alias : ALIASES) {
                if (store.containsAlias(alias)) {
                    Key key = store.getKey(alias, password);
                    if (!(key instanceof SecretKey) || key.getEncoded() == null) {
                        throw new UserException("keystore " + name + " holds no secret key under " + alias
                                + ": give a keystore made by 'gap keys init'");
                    }
                    found.put(alias, key.getEncoded());
                }
            }
        } catch (GeneralSecurityException e) {
            // entries are protected with the keystore password; another entry password means another tool made it
            throw new UserException("the keys in keystore " + name + " cannot be read with its password: give a"
                    + " keystore made by 'gap keys init' or 'gap keys export'");
        }
        if (found.isEmpty()) {
            throw new UserException("keystore " + name + " holds none of gap's keys: give a keystore made by"
                    + " 'gap keys init' or 'gap keys export'");
        }
        return new LabKeys(keystore, found);
    }

    /**
     * The lab's default keystore, {@code ~/.gap/keys.p12}, with its password in {@code keys.p12.password} beside
     * it. Created on first use (one warning line: back it up), opened on later ones.
     */
    public static LabKeys openDefault() {
        Path dir = Path.of(System.getProperty("user.home"), DEFAULT_DIR);
        Path keystore = dir.resolve(DEFAULT_NAME);
        Path passwordFile = dir.resolve(DEFAULT_NAME + PASSWORD_SUFFIX);
        boolean created;
        // two first runs at once must not make two keystores: one process-wide lock, one file lock across processes
        synchronized (DEFAULT_LOCK) {
            try {
                createPrivateDirectory(dir);
                try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    FileLock lock = lockFile.lock();
                    try {
                        created = !Files.exists(keystore);
                        if (created) {
                            clearInterruptedCreation(dir, passwordFile);
                            createDefault(keystore, passwordFile);
                        } else {
                            // complete: from now on a missing keystore is a lost one, never recreated silently
                            Files.deleteIfExists(dir.resolve(CREATING));
                        }
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new UserException("cannot create the default keystore in ~/" + DEFAULT_DIR + ": fix the"
                        + " permissions of your home directory, or give --keystore");
            }
        }
        if (!Files.isRegularFile(passwordFile)) {
            throw new UserException("the default keystore " + DEFAULT_NAME + " in ~/" + DEFAULT_DIR + " has no"
                    + " password file " + passwordFile.getFileName() + " beside it: restore it from the lab's"
                    + " backup, or give --keystore with " + PASSWORD_ENV);
        }
        char[] password = password(passwordFile);
        try {
            LabKeys keys = open(keystore, password);
            if (!created) {
                LOG.info("Using the lab's default keystore {} in {}", DEFAULT_NAME, dir.toAbsolutePath());
            }
            return keys;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Before creating the default keystore: what a first creation killed part-way left (its marker still there, its
     * password file and partial keystore) is removed, as no data can depend on a keystore that never existed; a
     * password file without that marker belongs to a keystore that existed and was lost, and is refused.
     */
    private static void clearInterruptedCreation(Path dir, Path passwordFile) throws IOException {
        Path marker = dir.resolve(CREATING);
        if (!Files.exists(marker)) {
            if (Files.exists(passwordFile)) {
                throw new UserException("the default keystore " + DEFAULT_NAME + " in ~/" + DEFAULT_DIR + " is"
                        + " missing but its password file is there: restore the keystore from the lab's backup, or"
                        + " give --keystore");
            }
            return;
        }
        Files.deleteIfExists(passwordFile);
        try (var partials = Files.newDirectoryStream(dir, "." + DEFAULT_NAME + "*.partial")) {
            for (Path partial : partials) {
                Files.deleteIfExists(partial);
            }
        }
        LOG.warn("A first creation of the lab's default keystore was interrupted before the keystore existed; its"
                + " leftovers are removed and the keystore is created now");
    }

    /**
     * Creates the password file and the keystore, between a marker written first and removed last: killed at any
     * point, the next run finds either a complete keystore or the marker saying that none was ever made.
     */
    private static void createDefault(Path keystore, Path passwordFile) throws IOException {
        Path marker = keystore.resolveSibling(CREATING);
        try (FileChannel out = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.force(true);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try (FileChannel out = FileChannel.open(passwordFile, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnly(false))) {
            out.write(bytes);
            out.force(true);
        } finally {
            Arrays.fill(bytes.array(), (byte) 0);
        }
        try {
            create(keystore, password, RANDOM_PASSWORD_ITERATIONS);
        } catch (RuntimeException e) {
            Files.deleteIfExists(passwordFile);
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
        Files.delete(marker);
        // the folder in full, once: under sudo, in a container or in CI the home is not always the one expected,
        // and another home is another pseudonymisation domain (the launchers pass -Duser.home="$HOME")
        LOG.warn("Created the lab's default keystore {} and its password file {} in {}: back both up now; losing them"
                + " starts a new pseudonymisation domain (new pseudonyms for the same patients) and leaves"
                + " encrypted identifiers unreadable", DEFAULT_NAME, passwordFile.getFileName(),
                keystore.toAbsolutePath().getParent());
    }

    /**
     * The keystore password: from {@code passwordFile} when given (one line; a trailing newline is dropped), else
     * from {@value #PASSWORD_ENV}. Never from the command line, where {@code ps} would show it.
     */
    public static char[] password(Path passwordFile) {
        return password(passwordFile, System.getenv());
    }

    static char[] password(Path passwordFile, Map<String, String> env) {
        if (passwordFile != null) {
            String name = passwordFile.getFileName().toString();
            if (!Files.isRegularFile(passwordFile)) {
                throw new UserException("keystore password file " + name + " does not exist: check"
                        + " --keystore-password-file");
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(passwordFile);
            } catch (IOException e) {
                throw new UserException("keystore password file " + name + " cannot be read: check its permissions");
            }
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
            Arrays.fill(bytes, (byte) 0);
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            if (password.length == 0) {
                throw new UserException("keystore password file " + name + " is empty: put the password on its"
                        + " first line");
            }
            return password;
        }
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        throw new UserException("no keystore password given: put it in a file named by --keystore-password-file,"
                + " or in the environment variable " + PASSWORD_ENV + " (never on the command line)");
    }

    /** Writes a keystore holding only {@code role}'s keys (as {@code access-policy.yaml} maps them). */
    public LabKeys exportRole(String role, Path target, char[] password) {
        List<String> aliases = AccessPolicy.load().aliases(role);
        Map<String, byte[]> subset = new LinkedHashMap<>();
        for (String alias : aliases) {
            subset.put(alias, require(alias));
        }
        write(target, subset, password, 0);
        return new LabKeys(target, subset);
    }

    public byte[] pseudonymisationKey() {
        return require(PSEUDONYMISATION);
    }

    public byte[] footerKey() {
        return require(FOOTER);
    }

    public byte[] clinicianColumnKey() {
        return require(CLINICIAN_COLUMN);
    }

    public boolean has(String alias) {
        return keys.containsKey(alias);
    }

    /** The aliases of the keys this keystore holds. */
    public Set<String> aliases() {
        return keys.keySet();
    }

    /** The role of {@code access-policy.yaml} whose keys these are exactly, or {@code "unknown"}. */
    public String role() {
        return AccessPolicy.load().roleHolding(keys.keySet()).orElse("unknown");
    }

    /** The keystore file, for what lives beside it (the audit log). */
    public Path location() {
        return location;
    }

    /** The keystore's file name, the only part of its path messages show. */
    public String name() {
        return location.getFileName().toString();
    }

    /** The key under {@code alias}, if held; a copy. */
    public Optional<byte[]> key(String alias) {
        byte[] key = keys.get(alias);
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    private byte[] require(String alias) {
        return key(alias).orElseThrow(() -> new UserException("keystore " + name() + " lacks the "
                + describe(alias) + ": use the lab's keystore (made by 'gap keys init'), or one exported for a role"
                + " that holds it"));
    }

    static String describe(String alias) {
        return switch (alias) {
            case PSEUDONYMISATION -> "pseudonymisation key";
            case FOOTER -> "Parquet footer key";
            case CLINICIAN_COLUMN -> "clinician column key";
            default -> "key " + alias;
        };
    }

    private static byte[] generateKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate AES-256 keys", e);
        }
    }

    /** An entry's protection: the JDK's default, or its algorithm with a fresh salt and {@code iterations}. */
    private static KeyStore.ProtectionParameter protection(char[] password, int iterations) {
        if (iterations == 0) {
            return new KeyStore.PasswordProtection(password);
        }
        byte[] salt = new byte[20]; // the length the JDK draws for its own entries
        RANDOM.nextBytes(salt);
        return new KeyStore.PasswordProtection(password, ENTRY_PROTECTION, new PBEParameterSpec(salt, iterations));
    }

    /**
     * Writes under a temporary name (mode 600) and moves it into place, never over an existing file; the entries
     * protected with {@code iterations} (0: the JDK's default).
     */
    private static void write(Path keystore, Map<String, byte[]> keys, char[] password, int iterations) {
        String name = keystore.getFileName().toString();
        if (Files.exists(keystore)) {
            throw new UserException("keystore " + name + " already exists: it may hold keys data depend on, so it is"
                    + " never overwritten; choose another name");
        }
        Path dir = keystore.toAbsolutePath().getParent();
        Path partial = null;
        try {
            Files.createDirectories(dir);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Map.Entry<String, byte[]> key : keys.entrySet()) {
                store.setEntry(key.getKey(), new KeyStore.SecretKeyEntry(new SecretKeySpec(key.getValue(), "AES")),
                        protection(password, iterations));
            }
            partial = Files.createTempFile(dir, "." + name, ".partial", ownerOnly(false));
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
                store.store(out, password);
            }
            // a plain move refuses an existing target, so a keystore made meanwhile is not replaced either
            Files.move(partial, keystore);
            partial = null;
        } catch (FileAlreadyExistsException e) {
            throw new UserException("keystore " + name + " already exists: it may hold keys data depend on, so it is"
                    + " never overwritten; choose another name");
        } catch (IOException e) {
            throw new UserException("keystore " + name + " cannot be written: check the directory exists and is"
                    + " writable");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot write PKCS12 keystores", e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    LOG.warn("Could not delete the partial keystore {}", partial.getFileName());
                }
            }
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly(true));
        }
    }

    /** Owner-only permissions where the file system has POSIX modes (600 files, 700 directories). */
    private static FileAttribute<?>[] ownerOnly(boolean directory) {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"))};
    }

    @Override
    public String toString() {
        return "LabKeys[" + name() + ", " + keys.keySet() + "]";
    }
}
