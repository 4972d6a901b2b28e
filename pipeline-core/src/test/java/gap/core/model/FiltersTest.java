package gap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiltersTest {
    @Test
    void passMissingAndFailedAreTold() {
        assertTrue(Filters.PASS.isPass());
        assertFalse(Filters.PASS.isMissing());
        assertFalse(Filters.MISSING.isPass(), "'.' (no filters applied) is not a pass");
        assertTrue(Filters.MISSING.isMissing());
        Filters failed = Filters.failed("LowQual", "QD2");
        assertFalse(failed.isPass());
        assertFalse(failed.isMissing());
        assertEquals(List.of("LowQual", "QD2"), failed.names());
    }

    @Test
    void textAndValuesAreTheVcfColumnsSpellings() {
        assertEquals("PASS", Filters.PASS.toString());
        assertEquals(".", Filters.MISSING.toString());
        assertEquals("LowQual;QD2;FS60", Filters.failed("LowQual", "QD2", "FS60").toString(), "order as applied");
        assertEquals(List.of("PASS"), Filters.PASS.values());
        assertEquals(List.of("."), Filters.MISSING.values());
        assertEquals(List.of("QD2", "FS60"), Filters.failed("QD2", "FS60").values());
    }

    @Test
    void readBackFromColumnValuesAsWritten() {
        for (Filters f : List.of(Filters.PASS, Filters.MISSING, Filters.failed("QD2", "FS60"))) {
            assertEquals(f, Filters.fromValues(f.values()));
        }
        assertEquals(Filters.MISSING, Filters.fromValues(List.of()), "Glow's empty list is VCF's '.'");
    }

    @Test
    void noneFailedIsAPassAndEachNameCountsOnce() {
        assertEquals(Filters.PASS, Filters.failed(List.of()));
        assertEquals(List.of("QD2"), Filters.failed("QD2", "QD2").names());
        assertThrows(IllegalArgumentException.class, () -> Filters.failed("a;b"));
        assertThrows(IllegalArgumentException.class, () -> Filters.failed("."));
    }

    @Test
    void travelsAsJavaSerialisedBytesAsShardResultsDo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Filters.failed("LowQual"));
            out.writeObject(Filters.PASS);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(Filters.failed("LowQual"), in.readObject());
            assertTrue(((Filters) in.readObject()).isPass());
        }
    }
}
