package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.SampleData;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which calls are at known sites: same place and allele, both written minimally, and carried by the genotype. */
class KnownSitesTest {
    @TempDir
    Path tmp;

    private static VariantCall call(int pos, String ref, String alt, int a1, int a2) {
        return call("chr1", pos, ref, alt, a1, a2);
    }

    private static VariantCall call(String contig, int pos, String ref, String alt, int a1, int a2) {
        return new VariantCall(contig, pos, List.of(ref, alt), 100, Filters.PASS, Map.of(),
                new Genotype(a1, a2, 99, List.of(0, 0, 0), List.of(0, 0), 0));
    }

    @Test
    void allelesMatchOnceTrimmed() throws Exception {
        Path vcf = tmp.resolve("known.vcf");
        Files.writeString(vcf, String.join("\n",
                "##fileformat=VCFv4.2",
                "##contig=<ID=chr1,length=1000>",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO",
                "chr1\t100\trs1\tA\tG\t.\t.\t.",
                "chr1\t200\trs2\tCAA\tC,CA\t.\t.\t.",   // joined multi-allelic with a longer REF
                "chr1\t300\trs3\tT\tTA\t.\t.\t.",
                "chr1\t400\trs4\tG\tA\t.\tLowQual\t.")  // filtered records train nothing, as in VQSR
                + "\n");
        List<VariantCall> calls = List.of(
                call(100, "A", "G", 0, 1),   // known
                call(100, "A", "T", 0, 1),   // another allele at a known position: not known
                call(200, "CA", "C", 1, 1),  // CAA>CA trimmed is CA>C: known
                call(300, "T", "TA", 0, 1),  // known
                call(400, "G", "A", 0, 1),   // filtered in the list
                call(500, "C", "T", 0, 1));  // novel
        KnownSites.Marked marked = KnownSites.mark(vcf, calls);
        assertArrayEquals(new boolean[] {true, false, true, true, false, false}, marked.known());
        // ID as GATK's --dbsnp fills it: the listed allele's rsID; none for another allele, a filtered or novel one
        assertEquals(List.of(List.of("rs1"), List.of(), List.of("rs2"), List.of("rs3"), List.of(), List.of()),
                marked.calls().stream().map(VariantCall::ids).toList());
        // ##gapKnownSites names the file and its bytes' MD5 (as md5sum prints it), never its folder
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(Files.readAllBytes(vcf)));
        assertEquals("gapKnownSites=known.vcf,md5=" + md5, marked.headerLine().toString());
    }

    @Test
    void anAlleleTheListHoldsGetsItsIdWhetherOrNotCarried() throws Exception {
        Path vcf = tmp.resolve("ids.vcf");
        Files.writeString(vcf, String.join("\n",
                "##fileformat=VCFv4.2",
                "##contig=<ID=chr1,length=1000>",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO",
                "chr1\t100\trs7\tA\tG\t.\t.\t.",
                "chr1\t100\t.\tA\tT\t.\t.\t.") + "\n");  // listed without an ID: known, no ID
        KnownSites.Marked marked = KnownSites.mark(vcf, List.of(call(100, "A", "G", 0, 0), call(100, "A", "T", 0, 1)));
        assertArrayEquals(new boolean[] {false, true}, marked.known());
        assertEquals(List.of(List.of("rs7"), List.of()), marked.calls().stream().map(VariantCall::ids).toList());
    }

    @Test
    void keysAreMinimal() {
        assertEquals(new KnownSites.Key("c", 201, "A", "AT"), KnownSites.Key.of("c", 200, "CA", "CAT"));
        assertEquals(new KnownSites.Key("c", 200, "CA", "C"), KnownSites.Key.of("c", 200, "CAA", "CA"));
        assertEquals(new KnownSites.Key("c", 200, "C", "T"), KnownSites.Key.of("c", 200, "C", "T"));
    }

    @Test
    void theIndexedSampleListGivesTheSameAsAFullRead() throws Exception {
        // sample-data's known sites are bgzipped with a .tbi: windows are queried; a copy without index is read whole.
        Path indexed = SampleData.file("known-sites.vcf.gz");
        Path plain = unindexedCopy(indexed);
        String c = "chr22_20_21M";
        List<VariantCall> calls = List.of(call(c, 154768, "A", "G", 0, 1), call(c, 228421, "T", "G", 0, 1),
                call(c, 263624, "TA", "T", 0, 1), call("chrM", 263, "A", "G", 1, 1));
        KnownSites.Marked a = KnownSites.mark(indexed, calls);
        assertArrayEquals(new boolean[] {true, false, true, false}, a.known(), "the de novo SNV at 228421 is in no list");
        KnownSites.Marked b = KnownSites.mark(plain, calls);
        assertArrayEquals(a.known(), b.known());
        assertEquals(a.calls(), b.calls());
    }

    @Test
    void aReaderAnswersForOneStretchWithOrWithoutIndex() throws Exception {
        Path indexed = SampleData.file("known-sites.vcf.gz");
        Path plain = unindexedCopy(indexed);
        String c = "chr22_20_21M";
        VariantCall known = call(c, 154768, "A", "G", 0, 1);
        VariantCall deNovo = call(c, 228421, "T", "G", 0, 1);
        for (Path vcf : List.of(indexed, plain)) {
            try (KnownSites.Reader reader = new KnownSites.Reader(vcf)) {
                KnownSites.Alleles here = reader.alleles(c, 150_000, 230_000);
                assertEquals(true, here.isKnown(known, 1), vcf.toString());
                assertEquals(false, here.isKnown(deNovo, 1), vcf.toString());
                assertEquals(false, reader.alleles(c, 200_000, 230_000).isKnown(known, 1), "outside the stretch");
            }
        }
    }

    /** A copy of {@code vcf} without its index beside it. */
    private Path unindexedCopy(Path vcf) throws IOException {
        Path plain = tmp.resolve("plain-" + vcf.getFileName());
        Files.copy(vcf, plain);
        return plain;
    }
}
