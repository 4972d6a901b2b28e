package gap.core.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import gap.core.io.ParquetFixtures;
import gap.core.io.ParquetSink;
import gap.core.io.ReferenceDictionary;
import gap.core.io.VcfSink;
import gap.core.model.CallSet;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationAnnotatorTest {
    @TempDir
    Path dir;

    private static JointCalls.Row row(String contig, long start, List<String> alleles, int... calls) {
        List<int[]> genotypes = new ArrayList<>();
        for (int i = 0; i < calls.length; i += 2) {
            genotypes.add(new int[] {calls[i], calls[i + 1]});
        }
        return new JointCalls.Row(contig, start, alleles, "PASS", genotypes);
    }

    /** chr22:101 A>G in 10 copies (released), chr22:101 A>T in one (suppressed), chrM:73 A>G in 10. */
    private Path network() {
        Path calls = JointCalls.write(dir.resolve("calls.parquet"), List.of(
                row("chr22", 100, List.of("A", "G", "T"), 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 2),
                row("chrM", 72, List.of("A", "G"), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0)));
        Path network = dir.resolve("network.parquet");
        SiteSummary.write(List.of(calls), "UZL", new Suppression(5, 0), network);
        return network;
    }

    private static VariantCall call(String contig, int position, String... alleles) {
        return new VariantCall(contig, position, List.of(alleles), 50, Filters.PASS, Map.of("DP", 30),
                new Genotype(0, 1, 50, List.of(), List.of(), 30));
    }

    @Test
    void eachAltGetsTheSummarysCountsTheSuppressedFlagOrNothing() {
        try (PopulationAnnotator a = PopulationAnnotator.open(network(), ParquetFixtures.dictionary())) {
            VariantCall c = a.annotate(call("chr22", 101, "A", "G", "T", "C"));
            assertEquals(Arrays.asList(10, null, null), c.info().get("POP_AC"));
            assertEquals(Arrays.asList(16, null, null), c.info().get("POP_AN"));
            assertEquals(Arrays.asList(10 / 16.0, null, null), c.info().get("POP_AF"));
            assertEquals(Arrays.asList(0, 1, null), c.info().get("POP_SUPPRESSED"));
            assertEquals(30, c.info().get("DP"), "the call's own INFO stays");

            VariantCall absent = call("chr22", 500, "C", "T");
            assertSame(absent, a.annotate(absent), "a call the summary does not hold is left as it is");
            VariantCall m = a.annotate(call("chrM", 73, "A", "G"));
            assertEquals(List.of(10), m.info().get("POP_AC"));
            assertEquals(List.of(0), m.info().get("POP_SUPPRESSED"));
            // the next sample of a run starts the genome again
            assertEquals(Arrays.asList(0, 1), a.annotate(call("chr22", 101, "A", "G", "T")).info()
                    .get("POP_SUPPRESSED"));
        }
    }

    @Test
    void anAltWithoutCountsIsADotInTheVcfAndANullInParquet() throws Exception {
        VariantCall annotated;
        try (PopulationAnnotator a = PopulationAnnotator.open(network(), ParquetFixtures.dictionary())) {
            annotated = a.annotate(call("chr22", 101, "A", "G", "C"));
        }
        SAMSequenceDictionary dict = new SAMSequenceDictionary(List.of(
                new SAMSequenceRecord("chr22", 51_304_566),
                new SAMSequenceRecord("chrM", 16_569)));
        Path vcf = dir.resolve("s.vcf.gz");
        try (VcfSink sink = new VcfSink(vcf, dict, List.of("GAP-S00000000001"), new VcfSink.Reference("ref.fa", "0".repeat(32)), 30,
                PopulationAnnotator.headerLines())) {
            sink.add(new VariantCall(annotated.contig(), annotated.position(), annotated.alleles(), annotated.qual(),
                    annotated.filter(), annotated.info(), new Genotype(0, 1, 50, List.of(0, 0, 0, 0, 0, 0),
                    List.of(1, 1, 0), 30)));
            sink.commit();
        }
        String text;
        try (InputStream in = new BlockCompressedInputStream(
                Files.newInputStream(vcf))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.contains("\tDP=30;POP_AC=10,.;POP_AF=0.625,.;POP_AN=16,.;POP_SUPPRESSED=0,.\t"), text);

        Path calls = dir.resolve("annotated.parquet");
        List<VCFInfoHeaderLine> info = new ArrayList<>(PopulationAnnotator.headerLines());
        info.add(new VCFInfoHeaderLine("DP", 1, VCFHeaderLineType.Integer, "d"));
        ParquetSink.writeCalls(calls, info, ParquetFixtures.dictionary(),
                CallSet.of("GAP-S00000000001", List.of(annotated)));
        try (ParquetReader<GenericRecord> r =
                     AvroParquetReader.<GenericRecord>builder(
                             new LocalInputFile(calls)).withDataModel(
                             GenericData.get()).build()) {
            GenericRecord row = r.read();
            assertEquals(Arrays.asList(10, null), row.get("INFO_POP_AC"));
            assertEquals(Arrays.asList(0, null), row.get("INFO_POP_SUPPRESSED"));
        }
    }

    @Test
    void aSummaryOfAnotherReferenceOrForAMergeIsRefused() {
        Path network = network();
        ReferenceDictionary other = new ReferenceDictionary(ParquetFixtures.dictionary().contigs().subList(0, 1));
        assertEquals("network.parquet summarises calls against another reference than -R (their reference"
                + " dictionaries differ): give a population summary made against this reference",
                assertThrows(UserException.class, () -> PopulationAnnotator.open(network, other)).getMessage());
        Path exact = dir.resolve("exact.parquet");
        SiteSummary.write(List.of(dir.resolve("calls.parquet")), "UZL", null, exact);
        assertTrue(assertThrows(UserException.class, () -> PopulationAnnotator.open(exact,
                ParquetFixtures.dictionary())).getMessage().startsWith("exact.parquet holds exact counts exported for"
                + " a merge (--for-merge)"));
    }
}
