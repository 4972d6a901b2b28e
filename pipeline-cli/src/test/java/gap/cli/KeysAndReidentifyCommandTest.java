package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.io.ParquetFixtures;
import gap.core.io.ParquetSink;
import gap.core.privacy.LabKeys;
import gap.core.privacy.SampleRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap keys init/export} and {@code gap reidentify} as users run them (own JVM, real exit codes): the lab makes
 * a keystore and role keystores, a clinician re-identifies (audited, identifiers never in the audit), a researcher
 * and a wrong password get one line and exit 2.
 */
class KeysAndReidentifyCommandTest {
    @TempDir
    static Path dir;
    static Path password;
    static Path samples;

    @BeforeAll
    static void labKeysRoleKeysAndASamplesTable() {
        password = ParquetFixtures.passwordFile(dir);
        Cli.Result init = Cli.run("keys", "init", "--keystore", dir.resolve("lab.p12").toString(),
                "--keystore-password-file", password.toString());
        assertEquals(0, init.exitCode(), init.stderr());
        assertTrue(init.stderr().contains("Created keystore lab.p12"), init.stderr());
        for (String role : List.of("clinician", "researcher")) {
            Cli.Result export = Cli.run("keys", "export", "--role", role, "--keystore", dir.resolve("lab.p12").toString(),
                    "--keystore-password-file", password.toString(), "--to", dir.resolve(role + ".p12").toString());
            assertEquals(0, export.exitCode(), export.stderr());
        }
        samples = dir.resolve("samples.parquet");
        ParquetSink.writeSamples(samples, ParquetFixtures.sampleRows(), open("lab.p12"));
    }

    private static LabKeys open(String name) {
        return LabKeys.open(dir.resolve(name), ParquetFixtures.PASSWORD.toCharArray());
    }

    @Test
    void initAndExportWriteTheRolesKeys() throws IOException {
        assertEquals(Set.of(LabKeys.PSEUDONYMISATION, LabKeys.FOOTER, LabKeys.CLINICIAN_COLUMN), open("lab.p12").aliases());
        assertEquals(Set.of(LabKeys.FOOTER, LabKeys.CLINICIAN_COLUMN), open("clinician.p12").aliases());
        assertEquals(Set.of(LabKeys.FOOTER), open("researcher.p12").aliases());

        Path otherPassword = dir.resolve("other.password");
        Files.writeString(otherPassword, "another one\n");
        Cli.Result own = Cli.run("keys", "export", "--role", "researcher", "--keystore", dir.resolve("lab.p12").toString(),
                "--keystore-password-file", password.toString(), "--to", dir.resolve("r2.p12").toString(),
                "--to-password-file", otherPassword.toString());
        assertEquals(0, own.exitCode(), own.stderr());
        assertEquals("researcher", LabKeys.open(dir.resolve("r2.p12"), "another one".toCharArray()).role());

        Cli.Result again = Cli.run("keys", "init", "--keystore", dir.resolve("lab.p12").toString(),
                "--keystore-password-file", password.toString());
        assertOneLineError(again, "gap keys init: error: keystore lab.p12 already exists");
        Cli.Result badRole = Cli.run("keys", "export", "--role", "auditor", "--keystore", dir.resolve("lab.p12").toString(),
                "--keystore-password-file", password.toString(), "--to", dir.resolve("x.p12").toString());
        assertOneLineError(badRole, "gap keys export: error: unknown role 'auditor': use one of lab, clinician, researcher");
        if (System.getenv(LabKeys.PASSWORD_ENV) == null) {
            Cli.Result noPassword = Cli.run("keys", "init", "--keystore", dir.resolve("new.p12").toString());
            assertOneLineError(noPassword, "gap keys init: error: no keystore password given");
        }
    }

    @Test
    void clinicianSeesIdentifiersAndEveryOneIsAudited() throws IOException {
        Path audit = dir.resolve("clinician.p12.audit.log");
        Files.deleteIfExists(audit);
        Cli.Result all = Cli.run("reidentify", "--keystore", dir.resolve("clinician.p12").toString(),
                "--keystore-password-file", password.toString(), "--samples", samples.toString());
        assertEquals(0, all.exitCode(), all.stderr());
        List<SampleRow> rows = ParquetFixtures.sampleRows();
        StringBuilder expected = new StringBuilder();
        for (SampleRow r : rows) {
            // the sheet's sample_alias too (trio1_father, …): what the lab itself calls the sample
            expected.append(r.sampleId()).append('\t').append(r.patientId()).append('\t').append(r.mrn())
                    .append('\t').append(r.sampleAlias()).append('\n');
        }
        assertEquals(expected.toString(), all.stdout());

        Cli.Result one = Cli.run("reidentify", "--keystore", dir.resolve("clinician.p12").toString(),
                "--keystore-password-file", password.toString(), "--samples", samples.toString(),
                "--pseudonym", rows.get(1).patientPseudonym());
        assertEquals(0, one.exitCode(), one.stderr());
        assertEquals(rows.get(1).patientPseudonym() + "\t" + rows.get(1).patientId() + "\t" + rows.get(1).mrn()
                        + "\t" + rows.get(1).sampleAlias() + "\n",
                one.stdout());

        List<String> lines = Files.readAllLines(audit);
        assertEquals(4, lines.size(), lines.toString());
        List<String> audited = lines.stream().map(l -> l.substring(l.indexOf('\t') + 1)).toList();
        assertEquals(List.of("clinician\t" + rows.get(0).sampleId() + "\tshown",
                "clinician\t" + rows.get(1).sampleId() + "\tshown", "clinician\t" + rows.get(2).sampleId() + "\tshown",
                "clinician\t" + rows.get(1).patientPseudonym() + "\tshown"), audited);
        for (String line : lines) {
            assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\tclinician\tGAP-\\w+\tshown"), line);
        }
        String auditText = Files.readString(audit);
        for (String[] ids : ParquetFixtures.sheetIdentifiers()) {
            for (String id : ids) {
                if (!id.equals(ids[4]) && !id.equals(ids[5])) { // role and sex are no identifiers
                    assertFalse(auditText.contains(id), "identifier in the audit log");
                    assertFalse(all.stderr().contains(id), "identifier in the logs");
                }
            }
        }
    }

    @Test
    void researcherAndWrongPasswordGetOneLineAndExit2() throws IOException {
        Cli.Result researcher = Cli.run("reidentify", "--keystore", dir.resolve("researcher.p12").toString(),
                "--keystore-password-file", password.toString(), "--samples", samples.toString());
        assertOneLineError(researcher, "gap reidentify: error: the keystore's role (researcher) lacks the clinician"
                + " column key: identifiers need a clinician's or the lab's keystore");
        // refused, and audited as refused: role, time, what was asked, outcome
        List<String> denied = Files.readAllLines(dir.resolve("researcher.p12.audit.log"));
        assertEquals(1, denied.size(), denied.toString());
        assertTrue(denied.get(0).matches("\\d{4}-.*Z\tresearcher\t\\(every sample\\)\tdenied"), denied.get(0));
        Cli.Result asked = Cli.run("reidentify", "--keystore", dir.resolve("researcher.p12").toString(),
                "--keystore-password-file", password.toString(), "--samples", samples.toString(),
                "--pseudonym", ParquetFixtures.sampleRows().get(0).sampleId(), "--pseudonym", "UZL-0012345");
        assertEquals(2, asked.exitCode());
        denied = Files.readAllLines(dir.resolve("researcher.p12.audit.log"));
        assertEquals(List.of(ParquetFixtures.sampleRows().get(0).sampleId() + "\tdenied", "(not a pseudonym)\tdenied"),
                denied.subList(1, 3).stream().map(l -> l.substring(l.indexOf("researcher\t") + 11)).toList());

        Path wrong = dir.resolve("wrong.password");
        Files.writeString(wrong, "not it\n");
        Cli.Result badPassword = Cli.run("reidentify", "--keystore", dir.resolve("clinician.p12").toString(),
                "--keystore-password-file", wrong.toString(), "--samples", samples.toString());
        assertOneLineError(badPassword, "gap reidentify: error: wrong password for keystore clinician.p12: check"
                + " --keystore-password-file or GAP_KEYSTORE_PASSWORD");

        Cli.Result missing = Cli.run("reidentify", "--keystore", dir.resolve("absent.p12").toString(),
                "--keystore-password-file", password.toString(), "--samples", samples.toString());
        assertOneLineError(missing, "gap reidentify: error: keystore absent.p12 does not exist");

        Cli.Result unknown = Cli.run("reidentify", "--keystore", dir.resolve("clinician.p12").toString(),
                "--keystore-password-file", password.toString(), "--samples", samples.toString(),
                "--pseudonym", rows0().sampleId(), "--pseudonym", rows0().patientId());
        assertOneLineError(unknown, "gap reidentify: error: --pseudonym number 2 is not in the --samples file");
        assertFalse(unknown.stderr().contains(rows0().patientId()), "a mistyped identifier is not echoed");
    }

    private static SampleRow rows0() {
        return ParquetFixtures.sampleRows().get(0);
    }

    private static void assertOneLineError(Cli.Result result, String start) {
        assertEquals(2, result.exitCode(), result.stderr());
        assertEquals(1, result.stderrLines().size(), result.stderr());
        assertTrue(result.stderr().startsWith(start), result.stderr());
        assertEquals("", result.stdout());
    }
}
