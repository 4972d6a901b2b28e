package gap.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample sheets: the committed trio sheet reads; each malformation is one line naming line and column, not value. */
class SampleSheetTest {
    private static final String HEADER = "patient_id\tmrn\tsample_alias\tfamily_id\trole\tsex\tbam\n";
    @TempDir
    Path tmp;

    @Test
    void theTrioSheet() {
        List<SampleSheet.Row> rows = SampleSheet.read(SampleData.file("samplesheet.tsv"));
        assertEquals(3, rows.size());
        assertEquals("trio1_child", rows.get(2).sampleAlias());
        assertEquals("female", rows.get(2).sex());
        assertEquals(SampleData.file("trio1_child.bam"), rows.get(2).bam());
        assertEquals(4, rows.get(2).line());
    }

    @Test
    void onePatientMaySeveralSamples() throws Exception {
        Files.writeString(tmp.resolve("t.bam"), "x");
        Files.writeString(tmp.resolve("n.bam"), "x");
        Path sheet = Files.writeString(tmp.resolve("s.tsv"), HEADER
                + "P1\tM1\ttumour\tF1\tproband\tfemale\tt.bam\n"
                + "P1\tM1\tnormal\tF1\tproband\tfemale\tn.bam\n");
        assertEquals(2, SampleSheet.read(sheet).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing column|patient_id\tmrn\tsample_alias\tfamily_id\trole\tbam\\nSECRET1\tSECRET2\ta\tf\tproband\tx.bam|column 'sex' is missing",
            "empty field|HEADER SECRET1\t\ta\tf\tproband\tmale\tx.bam|line 2: column 'mrn' is empty",
            "duplicate alias|HEADER SECRET1\tSECRET2\tSECRETA\tf\tproband\tmale\tx.bam\\nSECRET3\tSECRET4\tSECRETA\tf\tproband\tmale\ty.bam|line 3: column 'sample_alias' repeats line 2's",
            "duplicate bam|HEADER SECRET1\tSECRET2\ta\tf\tproband\tmale\tx.bam\\nSECRET3\tSECRET4\tb\tf\tproband\tmale\tx.bam|line 3: column 'bam' names the same file as line 2",
            "two MRNs|HEADER SECRET1\tSECRET2\ta\tf\tproband\tmale\tx.bam\\nSECRET1\tSECRET4\tb\tf\tproband\tmale\ty.bam|line 3: column 'mrn' differs from line 2",
            "missing bam|HEADER SECRET1\tSECRET2\ta\tf\tproband\tmale\tnope.bam|line 2: the file in column 'bam' does not exist",
            "bad sex|HEADER SECRET1\tSECRET2\ta\tf\tproband\tM\tx.bam|line 2: column 'sex' must be male, female or unknown",
            "unknown role|HEADER SECRET1	SECRET2	a	f	grandchild	male	x.bam|line 2: column 'role' must be one of proband, father",
            "short row|HEADER SECRET1\tSECRET2\ta\tf\tproband\tmale|line 2 has 6 fields but the header has 7",
    })
    void malformedSheets(String what, String content, String expected) throws Exception {
        Files.writeString(tmp.resolve("x.bam"), "x");
        Files.writeString(tmp.resolve("y.bam"), "x");
        String text = content.replace("HEADER ", HEADER).replace("\\n", "\n") + "\n";
        Path sheet = Files.writeString(tmp.resolve("SECRET-sheet.tsv"), text);
        UserException e = assertThrows(UserException.class, () -> SampleSheet.read(sheet));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"), "no value and no sheet name in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
