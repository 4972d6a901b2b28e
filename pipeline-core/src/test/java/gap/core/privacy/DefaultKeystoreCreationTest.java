package gap.core.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default keystore's first creation is atomic (issue 18, class 7): killed at any point of it, the next run creates
 * the keystore instead of asking for a backup that cannot exist; two first runs at once, in two JVMs, make one
 * keystore and both use it.
 */
class DefaultKeystoreCreationTest {
    @TempDir
    Path home;

    /** Opens the default keystore of {@code -Duser.home} and prints its pseudonymisation key: a child JVM's work. */
    public static void main(String[] args) {
        System.out.println("KEY " + HexFormat.of().formatHex(LabKeys.openDefault().pseudonymisationKey()));
    }

    private LabKeys openDefault(Path userHome) {
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", userHome.toString());
        try {
            return LabKeys.openDefault();
        } finally {
            System.setProperty("user.home", saved);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFirstCreationKilledAtAnyPointIsFinishedByTheNextRun() throws IOException {
        // what a kill leaves at each point: the marker; then the password file; then a partial keystore
        for (int point = 0; point < 3; point++) {
            Path userHome = Files.createDirectories(home.resolve("killed-" + point));
            Path gap = Files.createDirectories(userHome.resolve(LabKeys.DEFAULT_DIR));
            Files.write(gap.resolve(LabKeys.CREATING), new byte[0]);
            if (point >= 1) {
                Files.writeString(gap.resolve("keys.p12.password"), "password-of-a-keystore-never-made");
            }
            if (point >= 2) {
                Files.writeString(gap.resolve(".keys.p1212345.partial"), "half a keystore");
            }
            LabKeys keys = openDefault(userHome);
            assertEquals(List.of(".lock", "keys.p12", "keys.p12.password"), names(gap), "point " + point);
            assertNotEquals("password-of-a-keystore-never-made",
                    Files.readString(gap.resolve("keys.p12.password"), StandardCharsets.UTF_8));
            assertArrayEquals(keys.pseudonymisationKey(), openDefault(userHome).pseudonymisationKey());
        }
        // killed after the keystore moved into place, before the marker went: the keystore is kept, the marker goes
        Path userHome = Files.createDirectories(home.resolve("killed-last"));
        byte[] key = openDefault(userHome).pseudonymisationKey();
        Path gap = userHome.resolve(LabKeys.DEFAULT_DIR);
        Files.write(gap.resolve(LabKeys.CREATING), new byte[0]);
        assertArrayEquals(key, openDefault(userHome).pseudonymisationKey());
        assertFalse(Files.exists(gap.resolve(LabKeys.CREATING)));
        // ... so a keystore lost later is never silently replaced: its password file asks for the backup
        Files.delete(gap.resolve("keys.p12"));
        UserException lost = assertThrows(UserException.class, () -> openDefault(userHome));
        assertTrue(lost.getMessage().contains("restore the keystore from the lab's backup"), lost.getMessage());
    }

    @Test
    void twoFirstRunsAtOnceInTwoJvmsMakeOneKeystore() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path userHome = Files.createDirectories(home.resolve("round-" + round));
            List<Process> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Duser.home=" + userHome, "-cp", System.getProperty("java.class.path"),
                        DefaultKeystoreCreationTest.class.getName()).redirectErrorStream(true).start());
            }
            List<String> keys = new ArrayList<>();
            for (Process p : runs) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(2, TimeUnit.MINUTES));
                assertEquals(0, p.exitValue(), out);
                keys.add(out.lines().filter(l -> l.startsWith("KEY ")).findFirst().orElseThrow(() ->
                        new AssertionError(out)));
            }
            assertEquals(keys.get(0), keys.get(1), "both runs use the one keystore made");
            Path gap = userHome.resolve(LabKeys.DEFAULT_DIR);
            assertEquals(List.of(".lock", "keys.p12", "keys.p12.password"), names(gap));
            assertEquals(keys.get(0), "KEY " + HexFormat.of().formatHex(openDefault(userHome).pseudonymisationKey()));
        }
    }
}
