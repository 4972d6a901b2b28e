package gap.core.somatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A germline resource VCF's INFO/AF per ALT, found for the alleles a run asks about however each side writes them
 * (a multi-allelic record's longer REF), NaN for alleles it does not hold; and a panel-of-normals table read back.
 */
class GermlineResourceTest {
    @TempDir
    Path tmp;

    @Test
    void frequenciesPerAltWrittenEitherWay() throws IOException {
        Path vcf = Files.writeString(tmp.resolve("af.vcf"), """
                ##fileformat=VCFv4.2
                ##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">
                ##contig=<ID=chr1,length=1000>
                #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
                chr1\t100\t.\tA\tG,T\t.\t.\tAF=0.25,0.001
                chr1\t200\t.\tCAT\tC,CATAT\t.\t.\tAF=0.1,0.02
                """);
        GermlineResource r = GermlineResource.read(vcf, List.of(new String[] {"chr1", "100", "A", "T"},
                new String[] {"chr1", "200", "CATG", "CG"}, new String[] {"chr1", "200", "C", "CAT"},
                new String[] {"chr1", "100", "A", "C"}));
        assertEquals(0.001, r.frequency("chr1", 100, "A", "T"), 1e-12);
        assertEquals(0.1, r.frequency("chr1", 200, "CATG", "CG"), 1e-12, "CAT>C written as CATG>CG");
        assertEquals(0.02, r.frequency("chr1", 200, "C", "CAT"), 1e-12, "CAT>CATAT written as C>CAT");
        assertTrue(Double.isNaN(r.frequency("chr1", 100, "A", "C")), "an allele the resource does not hold");
        assertTrue(Double.isNaN(r.frequency("chr1", 100, "A", "G")), "held, but not asked for");
    }

    @Test
    void aResourceWithoutAfIsOneUserError() throws IOException {
        Path vcf = Files.writeString(tmp.resolve("no-af.vcf"), """
                ##fileformat=VCFv4.2
                ##contig=<ID=chr1,length=1000>
                #CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO
                chr1\t100\t.\tA\tG\t.\t.\t.
                """);
        UserException e = assertThrows(UserException.class, () -> GermlineResource.read(vcf, List.of()));
        assertTrue(e.getMessage().contains("INFO/AF"), e.getMessage());
    }

    @Test
    void panelOfNormalsRoundTrip() throws IOException {
        String text = PanelOfNormals.write(List.of(new PanelOfNormals.Site("chr1", 100, "A", "G", 3),
                new PanelOfNormals.Site("chr1", 200, "CAT", "C", 2)), 4, "0123abcd");
        assertTrue(text.contains("chr1\t100\tA\tG\t3\t0.7500\n"), text);
        PanelOfNormals pon = PanelOfNormals.read(Files.writeString(tmp.resolve("pon.tsv"), text));
        assertTrue(pon.contains("chr1", 100, "A", "G"));
        assertTrue(pon.contains("chr1", 200, "CATG", "CG"), "the same allele written with a longer REF");
        assertTrue(!pon.contains("chr1", 200, "CA", "C"), "another deletion");
        assertTrue(!pon.contains("chr1", 100, "A", "T"));
        Path other = Files.writeString(tmp.resolve("other.tsv"), "contig\tposition\n");
        assertThrows(UserException.class, () -> PanelOfNormals.read(other));
    }
}
