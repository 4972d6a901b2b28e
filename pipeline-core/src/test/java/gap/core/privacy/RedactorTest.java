package gap.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void longestIdentifierFirstSoPathsGoWhole() {
        Redactor r = new Redactor();
        r.register("UZL-0075528", "GAP-PATIENT");
        r.register("/data/UZL-0075528.bam", "GAP-SAMPLE.bam");
        assertEquals("reading GAP-SAMPLE.bam of GAP-PATIENT", r.redact("reading /data/UZL-0075528.bam of UZL-0075528"));
    }

    @Test
    void streamRedactsWholeLinesEvenWhenPrintedInPieces() {
        Redactor r = new Redactor();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = RedactingStream.wrap(new PrintStream(sink, true, StandardCharsets.UTF_8), r);
        out.print("error in 85.07.");
        r.register("85.07.30-033.61", "GAP-X");
        out.print("30-033.61: bad");
        out.flush();
        assertEquals("", sink.toString(StandardCharsets.UTF_8), "nothing leaves before the line is complete");
        out.println();
        out.print("tail 85.07.30-033.61");
        out.close();
        assertEquals("error in GAP-X: bad\ntail GAP-X", sink.toString(StandardCharsets.UTF_8));
    }
}
