package gap.core.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.cnv.CnvSegment;
import gap.core.cnv.CnvVcf;
import gap.core.cnv.CopyState;
import gap.core.io.VcfParts;
import gap.core.io.VcfSink;
import gap.core.model.VariantCall;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's copy-number records merged into its VCF as the parts are concatenated land where one writer of all records
 * puts them (each before the first call at or after its POS, the rest after the last call), whichever part they fall
 * in, at a part's edge, tied with a call, or with no call at all; and the index finds them.
 */
class VcfPartsInsertionTest {
    private static final List<String> SAMPLES = List.of("C", "F", "M");
    private static final SAMSequenceDictionary DICTIONARY = new SAMSequenceDictionary(List.of(
            new SAMSequenceRecord("chr1", 5_000_000), new SAMSequenceRecord("chr2", 5_000_000),
            new SAMSequenceRecord("chrM", 5_000_000)));
    private static final VcfSink.Reference REFERENCE = new VcfSink.Reference("ref.fa", "0123");

    @TempDir
    Path dir;

    @Test
    void insertedRecordsLandWhereOneWriterPutsThem() throws IOException {
        List<VariantCall> calls = StreamedCallsTest.calls(11, 600);
        VariantCall lastCall = calls.get(calls.size() - 1);
        List<VariantContext> inserted = new ArrayList<>(List.of(
                change("chr1", 2, 0), // POS 1: before every call
                change(calls.get(200).contig(), calls.get(200).position() + 1, 1), // tied with a call inside a part
                change(calls.get(299).contig(), calls.get(299).position() + 2, 2), // after a part's last call
                change(calls.get(300).contig(), calls.get(300).position() + 1, 0), // tied with a part's first call
                change(lastCall.contig(), lastCall.position() + 1, 1), // tied with the last call
                change(lastCall.contig(), lastCall.position() + 50, 2))); // after every call
        java.util.Map<String, Integer> order = java.util.Map.of("chr1", 0, "chr2", 1, "chrM", 2);
        inserted.sort(Comparator.<VariantContext>comparingInt(v -> order.get(v.getContig()))
                .thenComparingInt(VariantContext::getStart));
        VcfParts.Header header = new VcfParts.Header(DICTIONARY, SAMPLES, REFERENCE, 30, CnvVcf.headerLines());

        Path one = dir.resolve("one.vcf.gz");
        try (VcfSink sink = new VcfSink(one, DICTIONARY, SAMPLES, REFERENCE, 30, header.extraLines())) {
            int j = 0;
            for (VariantCall call : calls) {
                while (j < inserted.size() && (order.get(inserted.get(j).getContig()) < order.get(call.contig())
                        || inserted.get(j).getContig().equals(call.contig())
                        && inserted.get(j).getStart() <= call.position())) {
                    sink.add(inserted.get(j++));
                }
                sink.add(call);
            }
            inserted.subList(j, inserted.size()).forEach(sink::add);
            sink.commit();
        }

        List<VcfParts.Part> parts = new ArrayList<>();
        int[] cuts = {0, 150, 300, 300, 450, 600}; // an empty part among them
        for (int p = 0; p + 1 < cuts.length; p++) {
            parts.add(part(p, calls.subList(cuts[p], cuts[p + 1]), header));
        }
        parts.add(part(cuts.length, List.of(), header)); // and an empty last part
        Path merged = dir.resolve("merged.vcf.gz");
        assertEquals(calls.size() + inserted.size(), VcfParts.concatenate(merged, header, parts, inserted));
        assertEquals(text(one), text(merged));
        try (VCFFileReader reader = new VCFFileReader(merged, true)) {
            for (VariantContext vc : inserted) {
                assertTrue(reader.query(vc.getContig(), vc.getStart(), vc.getStart()).stream()
                        .anyMatch(r -> r.getStart() == vc.getStart() && r.getAttribute("SVTYPE") != null),
                        vc.getContig() + ":" + vc.getStart());
            }
            for (VariantCall call : List.of(calls.get(0), calls.get(300), lastCall)) {
                assertTrue(reader.query(call.contig(), call.position(), call.position()).stream()
                        .anyMatch(r -> r.getStart() == call.position()), call.contig() + ":" + call.position());
            }
        }

        // copy number alone: no call, the records after the header
        Path alone = dir.resolve("alone.vcf.gz");
        try (VcfSink sink = new VcfSink(one, DICTIONARY, SAMPLES, REFERENCE, 30, header.extraLines())) {
            inserted.forEach(sink::add);
            sink.commit();
        }
        assertEquals(inserted.size(), VcfParts.concatenate(alone, header, List.of(part(9, List.of(), header)),
                inserted));
        assertEquals(text(one), text(alone));
    }

    /**
     * One part (a genome of up to 10 Mb of calls): the header and the part's records through one BGZF stream give
     * VcfSink's very bytes, with records inserted or without (and then its index's too).
     */
    @Test
    void onePartIsOneWritersBytes() throws IOException {
        List<VariantCall> calls = StreamedCallsTest.calls(12, 900);
        VcfParts.Header header = new VcfParts.Header(DICTIONARY, SAMPLES, REFERENCE, 30, CnvVcf.headerLines());
        VariantCall middle = calls.get(450);
        List<VariantContext> inserted = List.of(change(middle.contig(), middle.position() + 1, 0));
        for (List<VariantContext> records : List.of(List.<VariantContext>of(), inserted)) {
            Path one = dir.resolve("one" + records.size() + ".vcf.gz");
            try (VcfSink sink = new VcfSink(one, DICTIONARY, SAMPLES, REFERENCE, 30, header.extraLines())) {
                calls.subList(0, 450).forEach(sink::add);
                records.forEach(sink::add);
                calls.subList(450, calls.size()).forEach(sink::add);
                sink.commit();
            }
            Path merged = dir.resolve("merged" + records.size() + ".vcf.gz");
            VcfParts.concatenate(merged, header, List.of(part(20 + records.size(), calls, header)), records);
            assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(one),
                    java.nio.file.Files.readAllBytes(merged)), records.size() + " inserted");
            if (records.isEmpty()) { // VcfSink leaves records it did not make out of the index's counts
                assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(Path.of(one + ".tbi")),
                        java.nio.file.Files.readAllBytes(Path.of(merged + ".tbi"))), "index");
            }
        }
    }

    /** A one-copy loss of sample {@code sample} whose record's POS is {@code start - 1}. */
    private static VariantContext change(String contig, int start, int sample) {
        CnvSegment e = new CnvSegment(contig, start, start + 4999, 5, -1.0, new CopyState(1, 1.0, 2), 60, 4, 0.0,
                CnvSegment.Span.SEGMENT, true);
        return CnvVcf.record(e, sample, SAMPLES, 1000, (byte) 'a');
    }

    private VcfParts.Part part(int index, List<VariantCall> calls, VcfParts.Header header) {
        try (VcfParts.Body body = new VcfParts.Body(dir.resolve("part-" + index + ".bgzf"),
                dir.resolve("part-" + index + ".entries"), header)) {
            calls.forEach(body::add);
            return body.finish();
        }
    }

    private static String text(Path bgzipped) throws IOException {
        try (var in = new htsjdk.samtools.util.BlockCompressedInputStream(bgzipped.toFile())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
