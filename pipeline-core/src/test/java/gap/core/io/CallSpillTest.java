package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spill file gives back every call written, equal and in order, whatever its fields hold (every kind of INFO and
 * FORMAT value, NaN and infinite doubles, no-calls, haploid, trio, somatic and chrM genotypes, texts of any chars);
 * a file that is not one, of another version, cut short or damaged fails on one line naming no path.
 */
class CallSpillTest {
    @TempDir
    Path dir;

    /** A NaN with a payload: the raw bits, not only Java's one NaN, come back. */
    private static final double ODD_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);

    /** Calls with every field kind the model allows, each one different from the others. */
    static List<VariantCall> everyKind() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("DP", 57);
        info.put("QD", 12.25);
        info.put("FS", Double.NaN);
        info.put("SOR", Double.POSITIVE_INFINITY);
        info.put("MQRankSum", Double.NEGATIVE_INFINITY);
        info.put("ReadPosRankSum", -0.0);
        info.put("ODD", ODD_NAN);
        info.put("AC", List.of(1, 2));
        info.put("AF", List.of(0.5, Double.NaN, 1e-300));
        info.put("AN", 6);
        info.put("EMPTY", "");
        info.put("NOTE", "naïve – Ω 𝔾 \u00ff\u0100");
        info.put("HALF", "x\uD800y"); // an unpaired surrogate, which UTF-8 would lose
        info.put("FLAG", Boolean.TRUE);
        info.put("NOFLAG", Boolean.FALSE);
        info.put("NONE", null);
        info.put("GAPS", Arrays.asList(1, null, 3));
        info.put("NOTHING", List.of());
        info.put("BIG", Long.MAX_VALUE);
        info.put("SMALL", Long.MIN_VALUE);
        info.put("F", 1.5f);
        info.put("NEST", List.of(List.of("a", 1), List.of()));
        info.put("DENOVO", List.of("child"));
        Genotype trioChild = new Genotype(0, 2, 45, List.of(40, 30, 500, 0, 20, 600), List.of(10, 1, 12), 23, 38,
                List.of(41, 31, 499, 0, 45, 600));
        Genotype father = new Genotype(0, 0, 99, List.of(0, 30, 400, 33, 420, 480), List.of(20, 0, 0), 20);
        Genotype mother = Genotype.noCall(3, 0);
        VariantCall trio = new VariantCall("chr1", 12_345, List.of("A", "C", "AGT"), 123.456,
                Filters.failed("LowQual", "DepthFilter"), info, List.of(trioChild, father, mother),
                List.of("rs1", "rs22"));

        Genotype tumour = new Genotype(0, 1, -1, List.of(), List.of(40, 12), 52, -1,
                Map.of("AF", List.of(0.231), "F1R2", List.of(20, 6), "F2R1", List.of(20, 6)));
        VariantCall somatic = new VariantCall("chr2", Integer.MAX_VALUE, List.of("G", "T"), -0.0, Filters.PASS,
                Map.of("ECNT", 1, "MBQ", List.of(30, 31), "PON", true, "TLOD", List.of(33.7)), tumour);

        Genotype heteroplasmy = new Genotype(1, 1, 99, List.of(900, 0), List.of(3, 997), 1000, -1, 1,
                List.of(0.997));
        VariantCall chrM = new VariantCall("chrM", 1, List.of("T", "<NON_REF>"), Double.NaN, Filters.MISSING,
                Map.of(), heteroplasmy);

        Genotype haploidNoCall = Genotype.noCall(2, 3, 1);
        Genotype haploid = Genotype.haploid(1, 7, List.of(70, 0), List.of(0, 2), Integer.MAX_VALUE);
        VariantCall maleX = new VariantCall("chrX", 2_781_480, List.of("A".repeat(100_000), "A"), 1e308,
                Filters.failed("a"), Map.of("END", 2_881_479, "SVTYPE", "DEL", "CN", 0),
                List.of(haploid, haploidNoCall), List.of());
        VariantCall unicodeContig = new VariantCall("contig_é_" + "x".repeat(300), 5, List.of("N", "*"),
                Double.MIN_VALUE, Filters.PASS, Map.of(), Genotype.noCall(2, 0));
        return List.of(trio, somatic, chrM, maleX, unicodeContig);
    }

    private List<VariantCall> roundTrip(List<VariantCall> calls) {
        Path file = dir.resolve("calls");
        assertEquals(calls.size(), CallSpill.write(file, calls));
        List<VariantCall> back = new ArrayList<>();
        CallSpill.read(file).forEach(back::add);
        return back;
    }

    @Test
    void everyFieldKindComesBackEqualAndInOrder() {
        List<VariantCall> calls = everyKind();
        List<VariantCall> back = roundTrip(calls);
        assertEquals(calls, back);
        for (int i = 0; i < calls.size(); i++) {
            // equals sees keys and values; the output's bytes also depend on their order
            assertEquals(List.copyOf(calls.get(i).info().keySet()), List.copyOf(back.get(i).info().keySet()));
            assertEquals(calls.get(i).toString(), back.get(i).toString());
        }
        assertEquals(Double.doubleToRawLongBits(ODD_NAN),
                Double.doubleToRawLongBits((Double) back.get(0).info().get("ODD")));
        assertEquals(Long.MIN_VALUE, back.get(0).info().get("SMALL"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.get(1).qual()));
        assertEquals(Float.class, back.get(0).info().get("F").getClass());
        assertEquals(Arrays.asList(1, null, 3), back.get(0).info().get("GAPS"));
    }

    @Test
    void noCallsGiveAnEmptyFileBack() {
        assertEquals(List.of(), roundTrip(List.of()));
    }

    @Test
    void namesPastTheTableComeBackToo() {
        // more distinct INFO keys than the table numbers: the later ones are written out each time
        List<VariantCall> calls = new ArrayList<>();
        for (int i = 0; i < VariantCallCodec.MAX_NAMES + 300; i++) {
            calls.add(call(i, Map.of("K" + i, i, "DP", i % 50)));
            calls.add(call(i, Map.of("K" + (i / 2), "v", "DP", 1)));
        }
        assertEquals(calls, roundTrip(calls));
    }

    @Test
    void aLargeSpillStreamsBackEqual() {
        int n = 100_000;
        IntFunction<VariantCall> nth = i -> call(i, Map.of("DP", i % 300, "QD", i / 7.0, "MQ", 60.0,
                "AC", List.of(1 + i % 2), "FS", i % 11 == 0 ? Double.NaN : i * 1e-3));
        Path file = dir.resolve("large");
        // written and read one call at a time: neither side is handed, nor keeps, a list of them
        try (CallSpill.Writer out = new CallSpill.Writer(file)) {
            for (int i = 0; i < n; i++) {
                out.add(nth.apply(i));
            }
            assertEquals(n, out.count());
        }
        int i = 0;
        for (VariantCall call : CallSpill.read(file)) {
            assertEquals(nth.apply(i++), call);
        }
        assertEquals(n, i);
    }

    private static VariantCall call(int i, Map<String, Object> info) {
        int alt = i % 4;
        return new VariantCall(i % 3 == 0 ? "chr1" : "chr2", 1 + i * 3, i % 5 == 0 ? List.of("A", "ATTG")
                : List.of("C", "T"), i * 0.37, i % 9 == 0 ? Filters.failed("LowQual") : Filters.PASS, info,
                new Genotype(0, 1, i % 100, List.of(30 + alt, 0, 40), List.of(20 - alt, alt), 20, -1));
    }

    @Test
    void aFileThatIsNotASpillFailsOnOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "chr1\t100\tA\tC\n");
        assertRefused(text, "not a spill file of calls (no gap spill header)");
        assertRefused(Files.write(dir.resolve("empty"), new byte[0]),
                "not a spill file of calls (no gap spill header)");
        Path serialised = dir.resolve("serialised"); // what a spill file was before this format
        try (ObjectOutputStream out = new ObjectOutputStream(new DeflaterOutputStream(Files.newOutputStream(
                serialised)))) {
            out.writeObject(everyKind().get(1));
        }
        assertRefused(serialised, "not a spill file of calls (no gap spill header)");
    }

    @Test
    void aFileOfAnotherVersionFailsOnOneLine() throws IOException {
        Path file = dir.resolve("calls");
        CallSpill.write(file, everyKind());
        byte[] bytes = Files.readAllBytes(file);
        bytes[CallSpill.MAGIC.length] = 2;
        Files.write(file, bytes);
        assertRefused(file, "a spill file of calls has format version 2, this build reads version 1");
    }

    @Test
    void aFileCutShortFailsWhereverItIsCut() throws IOException {
        Path whole = dir.resolve("whole");
        CallSpill.write(whole, everyKind());
        byte[] bytes = Files.readAllBytes(whole);
        for (int length : new int[] {CallSpill.MAGIC.length + 1, CallSpill.MAGIC.length + 3, bytes.length / 2,
                bytes.length - 1}) {
            Path cut = Files.write(dir.resolve("cut" + length), Arrays.copyOf(bytes, length));
            assertRefused(cut, "a spill file of calls ends early (cut short or still being written)");
        }
    }

    @Test
    void aDamagedFileFailsRatherThanGivingOtherCalls() throws IOException {
        Path file = dir.resolve("calls");
        CallSpill.write(file, everyKind());
        byte[] bytes = Files.readAllBytes(file);
        bytes[CallSpill.MAGIC.length + 40] ^= 0x5A;
        Files.write(file, bytes);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(file));
        assertTrue(e.getMessage().startsWith("a spill file of calls "), e.getMessage());
        assertOneLineWithoutPath(e.getMessage());
    }

    @Test
    void anAbsurdCountIsRefusedBeforeAnythingIsMadeForIt() throws IOException {
        Path file = dir.resolve("absurd");
        try (var out = Files.newOutputStream(file)) {
            out.write(CallSpill.MAGIC);
            out.write(CallSpill.VERSION);
            try (DeflaterOutputStream body = new DeflaterOutputStream(out)) {
                // a call (1), a new name (0) of one narrow char (2) 'c', position 5 (zigzag 10), then 2^32-1 alleles
                body.write(new byte[] {1, 0, 2, 'c', 10, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F});
            }
        }
        assertRefused(file, "a spill file of calls is corrupt (it holds a count of 4294967295)");
    }

    @Test
    void aValueTheModelDoesNotHoldIsRefusedWhenWritten() {
        VariantCall odd = call(1, Map.of("XS", new int[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CallSpill.write(dir.resolve("odd"), List.of(odd)));
        assertEquals("a call's INFO or FORMAT value of type int[] cannot be spilled", e.getMessage());
    }

    @Test
    void aRefusedCallLeavesNothingBehind() {
        Path file = dir.resolve("calls");
        VariantCall before = call(1, Map.of("DP", 3));
        // a new key (numbered as it is written) before the value that fails: the number must go with the call
        VariantCall odd = call(2, Map.of("AAA", "new", "ZZZ", 'c'));
        VariantCall after = call(3, Map.of("AAA", "again", "DP", 4));
        try (CallSpill.Writer out = new CallSpill.Writer(file)) {
            out.add(before);
            assertThrows(IllegalArgumentException.class, () -> out.add(odd));
            out.add(after);
            assertEquals(2, out.count());
        }
        List<VariantCall> back = new ArrayList<>();
        CallSpill.read(file).forEach(back::add);
        assertEquals(List.of(before, after), back);
    }

    private void assertRefused(Path file, String message) {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(file));
        assertEquals(message, e.getMessage());
        assertOneLineWithoutPath(e.getMessage());
    }

    private void assertOneLineWithoutPath(String message) {
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains(dir.toString()), message);
    }

    private static void readAll(Path file) {
        Iterator<VariantCall> calls = CallSpill.read(file).iterator();
        while (calls.hasNext()) {
            calls.next();
        }
    }
}
