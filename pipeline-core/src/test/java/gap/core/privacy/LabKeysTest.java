package gap.core.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import gap.core.io.ParquetFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabKeysTest {
    @TempDir
    Path dir;

    private char[] password() {
        return LabKeys.password(ParquetFixtures.passwordFile(dir));
    }

    @Test
    void createThenOpenGivesTheSameThreeKeys() {
        Path keystore = dir.resolve("keys.p12");
        LabKeys created = LabKeys.create(keystore, password());
        LabKeys opened = LabKeys.open(keystore, password());
        assertEquals(List.of(LabKeys.PSEUDONYMISATION, LabKeys.FOOTER, LabKeys.CLINICIAN_COLUMN),
                List.copyOf(opened.aliases()));
        assertArrayEquals(created.pseudonymisationKey(), opened.pseudonymisationKey());
        assertArrayEquals(created.footerKey(), opened.footerKey());
        assertArrayEquals(created.clinicianColumnKey(), opened.clinicianColumnKey());
        assertEquals(32, opened.pseudonymisationKey().length, "AES-256");
        assertFalse(Arrays.equals(opened.footerKey(), opened.clinicianColumnKey()), "independent keys");
        assertEquals("lab", opened.role());
        assertEquals("keys.p12", opened.name());
        assertFalse(opened.toString().contains(Arrays.toString(opened.footerKey())));
    }

    @Test
    void anotherKeystoreHasOtherKeys() {
        LabKeys a = LabKeys.create(dir.resolve("a.p12"), password());
        LabKeys b = LabKeys.create(dir.resolve("b.p12"), password());
        assertFalse(Arrays.equals(a.pseudonymisationKey(), b.pseudonymisationKey()));
    }

    @Test
    void neverOverwritesAKeystore() {
        Path keystore = dir.resolve("keys.p12");
        LabKeys.create(keystore, password());
        byte[] before = readAll(keystore);
        UserException e = assertThrows(UserException.class, () -> LabKeys.create(keystore, password()));
        assertTrue(e.getMessage().startsWith("keystore keys.p12 already exists"), e.getMessage());
        assertArrayEquals(before, readAll(keystore));
    }

    @Test
    void wrongPasswordMissingKeystoreAndNotAKeystoreAreOneLineEach() throws Exception {
        Path keystore = dir.resolve("keys.p12");
        LabKeys.create(keystore, password());
        Path garbage = dir.resolve("notes.p12");
        Files.writeString(garbage, "not a keystore");
        Map<String, String> expected = Map.of(
                "wrong", "wrong password for keystore keys.p12: check --keystore-password-file or GAP_KEYSTORE_PASSWORD",
                "missing", "keystore absent.p12 does not exist: check --keystore, or create one with 'gap keys init"
                        + " --keystore absent.p12'",
                "garbage", "notes.p12 is not a PKCS12 keystore: give the keystore made by 'gap keys init' or"
                        + " 'gap keys export'");
        assertEquals(expected.get("wrong"), assertThrows(UserException.class,
                () -> LabKeys.open(keystore, "nope".toCharArray())).getMessage());
        assertEquals(expected.get("missing"), assertThrows(UserException.class,
                () -> LabKeys.open(dir.resolve("absent.p12"), password())).getMessage());
        assertEquals(expected.get("garbage"), assertThrows(UserException.class,
                () -> LabKeys.open(garbage, password())).getMessage());
    }

    @Test
    void exportedRolesHoldOnlyTheirKeys() {
        LabKeys lab = LabKeys.create(dir.resolve("lab.p12"), password());
        lab.exportRole("researcher", dir.resolve("researcher.p12"), password());
        lab.exportRole("clinician", dir.resolve("clinician.p12"), password());

        LabKeys researcher = LabKeys.open(dir.resolve("researcher.p12"), password());
        assertEquals(Set.of(LabKeys.FOOTER), researcher.aliases());
        assertEquals("researcher", researcher.role());
        assertArrayEquals(lab.footerKey(), researcher.footerKey());
        UserException noPseudonyms = assertThrows(UserException.class, researcher::pseudonymisationKey);
        assertEquals("keystore researcher.p12 lacks the pseudonymisation key: use the lab's keystore (made by"
                + " 'gap keys init'), or one exported for a role that holds it", noPseudonyms.getMessage());
        assertThrows(UserException.class, researcher::clinicianColumnKey);

        LabKeys clinician = LabKeys.open(dir.resolve("clinician.p12"), password());
        assertEquals(Set.of(LabKeys.FOOTER, LabKeys.CLINICIAN_COLUMN), clinician.aliases());
        assertEquals("clinician", clinician.role());
        assertArrayEquals(lab.clinicianColumnKey(), clinician.clinicianColumnKey());
        assertThrows(UserException.class, clinician::pseudonymisationKey);

        // a role keystore cannot pass on keys it does not hold
        UserException up = assertThrows(UserException.class,
                () -> researcher.exportRole("clinician", dir.resolve("x.p12"), password()));
        assertTrue(up.getMessage().startsWith("keystore researcher.p12 lacks the clinician column key"));
        assertFalse(Files.exists(dir.resolve("x.p12")));
    }

    @Test
    void passwordFromFileElseEnvironmentElseOneLineSayingHow() throws Exception {
        assertEquals(ParquetFixtures.PASSWORD, new String(LabKeys.password(ParquetFixtures.passwordFile(dir), Map.of())));
        Path crlf = dir.resolve("crlf.txt");
        Files.writeString(crlf, "s3cret\r\n");
        assertEquals("s3cret", new String(LabKeys.password(crlf, Map.of(LabKeys.PASSWORD_ENV, "other"))));
        assertEquals("fromenv", new String(LabKeys.password(null, Map.of(LabKeys.PASSWORD_ENV, "fromenv"))));
        UserException none = assertThrows(UserException.class, () -> LabKeys.password(null, Map.of()));
        assertEquals("no keystore password given: put it in a file named by --keystore-password-file, or in the"
                + " environment variable GAP_KEYSTORE_PASSWORD (never on the command line)", none.getMessage());
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n");
        assertThrows(UserException.class, () -> LabKeys.password(empty, Map.of()));
        assertThrows(UserException.class, () -> LabKeys.password(dir.resolve("absent.txt"), Map.of()));
    }

    @Test
    void defaultKeystoreIsCreatedOnceWithAPrivatePasswordFileAndOneWarning() throws Exception {
        String home = System.getProperty("user.home");
        List<String> warnings = new ArrayList<>();
        Logger logger = (Logger) LogManager.getLogger(LabKeys.class);
        AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                warnings.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        logger.addAppender(capture);
        System.setProperty("user.home", dir.toString());
        try {
            LabKeys first = LabKeys.openDefault();
            LabKeys second = LabKeys.openDefault();
            assertArrayEquals(first.pseudonymisationKey(), second.pseudonymisationKey());
            assertEquals("lab", second.role());

            Path gapDir = dir.resolve(".gap");
            Path passwordFile = gapDir.resolve("keys.p12.password");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(gapDir)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(gapDir.resolve("keys.p12"))));
            String password = Files.readString(passwordFile);
            assertTrue(password.length() >= 40, "a random password");
            LabKeys.open(gapDir.resolve("keys.p12"), password.toCharArray());

            // created: one warning naming the folder in full (user.home, which the launchers set from $HOME);
            // opened again: one line naming it
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("WARN Created the lab's default keystore keys.p12 and its password"
                    + " file keys.p12.password in " + dir.resolve(".gap").toAbsolutePath() + ": "), warnings.get(0));
            assertEquals("INFO Using the lab's default keystore keys.p12 in " + dir.resolve(".gap").toAbsolutePath(),
                    warnings.get(1));
            assertTrue(warnings.get(0).contains("back both up"));
            assertFalse(warnings.get(0).contains(password));

            // a keystore without its password file: one line saying what to restore
            Files.delete(passwordFile);
            UserException lost = assertThrows(UserException.class, LabKeys::openDefault);
            assertTrue(lost.getMessage().contains("has no password file keys.p12.password"), lost.getMessage());
            assertNotEquals(0, Files.size(gapDir.resolve("keys.p12")), "never replaced");
        } finally {
            System.setProperty("user.home", home);
            logger.removeAppender(capture);
        }
    }

    @Test
    void onlyTheDefaultKeystoreWithItsRandomPasswordSkipsPasswordStretching() throws Exception {
        Path chosen = dir.resolve("chosen.p12");
        LabKeys.create(chosen, password());
        // three entries and the MAC at the JDK's 10,000 iterations; none at 1
        assertEquals(4, saltedIterationCounts(chosen, new byte[] {0x02, 0x02, 0x27, 0x10}));
        assertEquals(0, saltedIterationCounts(chosen, new byte[] {0x02, 0x01, 0x01}));

        String home = System.getProperty("user.home");
        System.setProperty("user.home", dir.toString());
        try {
            LabKeys created = LabKeys.openDefault();
            Path keystore = dir.resolve(".gap").resolve("keys.p12");
            // the three entries at 1 iteration, the MAC still at 10,000
            assertEquals(3, saltedIterationCounts(keystore, new byte[] {0x02, 0x01, 0x01}));
            assertEquals(1, saltedIterationCounts(keystore, new byte[] {0x02, 0x02, 0x27, 0x10}));
            assertArrayEquals(created.footerKey(), LabKeys.openDefault().footerKey());
            // a role's keystore exported from it is opened with a password a person chose: stretched again
            Path exported = dir.resolve("clinician.p12");
            created.exportRole("clinician", exported, password());
            assertEquals(0, saltedIterationCounts(exported, new byte[] {0x02, 0x01, 0x01}));
            assertEquals(3, saltedIterationCounts(exported, new byte[] {0x02, 0x02, 0x27, 0x10}), "two entries, the MAC");
        } finally {
            System.setProperty("user.home", home);
        }
    }

    /**
     * How often a 20-byte salt (DER OCTET STRING 04 14 ...) is followed by {@code count}, an encoded INTEGER: the
     * iteration count of an entry's PBKDF2 parameters, or of the file's MAC.
     */
    private static int saltedIterationCounts(Path keystore, byte[] count) {
        byte[] der = readAll(keystore);
        int found = 0;
        for (int i = 0; i + 22 + count.length <= der.length; i++) {
            if (der[i] == 0x04 && der[i + 1] == 0x14
                    && Arrays.equals(der, i + 22, i + 22 + count.length, count, 0, count.length)) {
                found++;
            }
        }
        return found;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
