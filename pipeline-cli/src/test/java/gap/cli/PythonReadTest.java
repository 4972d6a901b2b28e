package gap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.io.ParquetFixtures;
import gap.core.io.ParquetSink;
import gap.core.io.PythonReaders;
import gap.core.privacy.LabKeys;
import gap.core.privacy.SampleRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's pyarrow and pandas read samples.parquet's clear columns with no key, and a clinician's pyarrow reads
 * the identifiers through its own encryption API with {@code python/gap_kms.py} and the keys of
 * {@code gap keys export-kms}. Runs where python3 has pyarrow, pandas and cryptography (.ci/run installs them);
 * skipped with that reason elsewhere, failed in CI.
 */
class PythonReadTest {
    @TempDir
    Path dir;

    @Test
    void samplesParquetReadsWithoutKeyAndWithTheClinicianKeyFromPyarrow() throws IOException {
        PythonReaders.require();
        LabKeys lab = ParquetFixtures.labKeys(dir);
        Path samples = dir.resolve("samples.parquet");
        List<SampleRow> rows = ParquetFixtures.sampleRows();
        ParquetSink.writeSamples(samples, rows, lab);
        KmsKeysFile.write(ParquetFixtures.roleKeys(lab, "clinician", dir), dir.resolve("clinician.json"));
        KmsKeysFile.write(ParquetFixtures.roleKeys(lab, "researcher", dir), dir.resolve("researcher.json"));
        Files.writeString(dir.resolve("expected.json"), expected(rows));

        String out = PythonReaders.run(dir, "samples", samples.toString(), dir.resolve("clinician.json").toString(),
                dir.resolve("researcher.json").toString(), dir.resolve("expected.json").toString());
        assertEquals(3 * 31 + 1 + 5 + 2, out.lines().filter(l -> l.startsWith("ok ")).count(), out);
    }

    @Test
    void theKeysFileHoldsNoPseudonymisationKeyAndIsPrivate() throws IOException {
        LabKeys lab = ParquetFixtures.labKeys(dir);
        Path file = dir.resolve("lab.json");
        KmsKeysFile.write(lab, file);
        String json = Files.readString(file);
        assertEquals(false, json.contains(LabKeys.PSEUDONYMISATION), json);
        assertEquals(true, json.contains(LabKeys.CLINICIAN_COLUMN) && json.contains(LabKeys.FOOTER), json);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        assertEquals("lab.json exists: give a new file name (it is never overwritten)",
                org.junit.jupiter.api.Assertions.assertThrows(gap.core.UserException.class,
                        () -> KmsKeysFile.write(lab, file)).getMessage());
    }

    private static String expected(List<SampleRow> rows) {
        List<String> objects = new ArrayList<>();
        for (SampleRow r : rows) {
            objects.add("{\"sampleId\": \"" + r.sampleId() + "\", \"patientPseudonym\": \"" + r.patientPseudonym()
                    + "\", \"sex\": \"" + r.sex() + "\", \"role\": \"" + r.role() + "\", \"familyId\": \""
                    + r.familyId() + "\", \"patientId\": \"" + r.patientId() + "\", \"mrn\": \"" + r.mrn()
                    + "\", \"sampleAlias\": \"" + r.sampleAlias() + "\"}");
        }
        return "[" + String.join(",\n", objects) + "]\n";
    }
}
