package gap.core.concordance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfidentRegionsTest {
    @TempDir
    Path dir;

    private Path bed(String text) throws IOException {
        return Files.writeString(dir.resolve("regions.bed"), text);
    }

    @Test
    void posCountsWhenStartLessThanPosAndPosAtMostEnd() throws IOException {
        ConfidentRegions r = ConfidentRegions.read(bed("c1\t100\t200\n"));
        assertFalse(r.contains("c1", 100)); // BED start 100 is 1-based 101
        assertTrue(r.contains("c1", 101));
        assertTrue(r.contains("c1", 200));
        assertFalse(r.contains("c1", 201)); // half-open end
        assertFalse(r.contains("c2", 150)); // contig not named: not confident
        assertEquals("regions.bed", r.description());
    }

    @Test
    void overlappingAndUnsortedIntervalsMerge() throws IOException {
        ConfidentRegions r = ConfidentRegions.read(bed(
                "track name=x\nbrowser position c1\n# comment\n\nc1 300 400 name 0 +\nc1\t100\t250\nc1\t200\t300\n"
                        + "c1\t500\t500\n"));
        assertTrue(r.contains("c1", 101));
        assertTrue(r.contains("c1", 260));
        assertTrue(r.contains("c1", 400));
        assertFalse(r.contains("c1", 401));
        assertFalse(r.contains("c1", 500)); // an empty interval covers nothing
    }

    @Test
    void gzippedBedReads() throws IOException {
        Path gz = dir.resolve("regions.bed.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("c1\t0\t10\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(ConfidentRegions.read(gz).contains("c1", 1));
    }

    @Test
    void everywhereContainsAll() {
        assertTrue(ConfidentRegions.everywhere().contains("any", 1));
    }

    @Test
    void badLineIsAOneLineErrorWithItsNumberNotItsText() throws IOException {
        for (String bad : new String[] {"c1\t10\n", "c1\tten\t20\n", "c1\t30\t20\n", "c1\t-1\t20\n"}) {
            UserException e = assertThrows(UserException.class, () -> ConfidentRegions.read(bed("c1\t0\t5\n" + bad)));
            assertTrue(e.getMessage().startsWith("line 2 of regions.bed is not a BED interval"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void missingOrBinaryFileIsAUserError() throws IOException {
        UserException missing = assertThrows(UserException.class,
                () -> ConfidentRegions.read(dir.resolve("nope.bed")));
        assertEquals("confident-regions BED nope.bed does not exist: check the path", missing.getMessage());
        Path binary = Files.write(dir.resolve("bin.bed"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThrows(UserException.class, () -> ConfidentRegions.read(binary));
    }
}
