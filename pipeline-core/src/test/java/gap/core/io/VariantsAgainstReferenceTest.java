package gap.core.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gap.core.SampleData;
import gap.core.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantsAgainstReferenceTest {
    private static final String CONTIG = "chr22_20_21M";

    @TempDir
    Path tmp;

    /** A VCF of {@code n} SNV records every 100 bp from 100,001, REF the reference's base {@code shift} bp on. */
    private Path vcf(String name, int n, int shift, int wrongFirst) throws IOException {
        StringBuilder text = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=" + CONTIG + ",length=1000000>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        try (ReferenceSource ref = new ReferenceSource(SampleData.file("ref.fa"))) {
            for (int i = 0; i < n; i++) {
                int pos = 100_001 + 100 * i;
                char base = (char) ref.basesAsWritten(CONTIG, pos + shift, pos + shift)[0];
                if (i < wrongFirst) {
                    base = base == 'A' ? 'C' : 'A';
                }
                char alt = base == 'G' ? 'T' : 'G';
                text.append(CONTIG).append('\t').append(pos).append("\t.\t").append(base).append('\t').append(alt)
                        .append("\t.\t.\t.\n");
            }
        }
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static void check(Path vcf) {
        VariantsAgainstReference.check(vcf, SampleData.file("ref.fa"), "the VCF");
    }

    @Test
    void sitesOfThisReferencePass() throws IOException {
        assertDoesNotThrow(() -> check(vcf("same.vcf", 200, 0, 0)));
    }

    @Test
    void sitesOfAnotherSequenceAreRefused() throws IOException {
        // REF read 7 bp off (a build shifted by 7): the slice's neighbouring bases agree at about a quarter of sites
        UserException e = assertThrows(UserException.class, () -> check(vcf("shifted.vcf", 200, 7, 0)));
        assertEquals(true, e.getMessage().startsWith("the VCF has REF alleles other than the reference's at "),
                e.getMessage());
    }

    @Test
    void theCutIsATenthOfTheComparedRecords() throws IOException {
        // 20 of 200 wrong (10 %) is tolerated (a few records of a patched region); 21 is not
        assertDoesNotThrow(() -> check(vcf("twenty.vcf", 200, 0, 20)));
        assertThrows(UserException.class, () -> check(vcf("twentyone.vcf", 200, 0, 21)));
    }

    @Test
    void fewRecordsSayNothing() throws IOException {
        // 19 records all wrong: fewer than 20 compared, not judged
        assertDoesNotThrow(() -> check(vcf("few.vcf", 19, 0, 19)));
    }

    @Test
    void aGvcfBlockIsComparedOnItsOneRefBase() throws IOException {
        // END far past POS: the REF allele's one base is compared, not the block's span
        Path v = vcf("blocks.vcf", 0, 0, 0);
        StringBuilder text = new StringBuilder(Files.readString(v).replace("##fileformat=VCFv4.2\n",
                "##fileformat=VCFv4.2\n##INFO=<ID=END,Number=1,Type=Integer,Description=\"end\">\n"
                        + "##ALT=<ID=NON_REF,Description=\"any\">\n"));
        try (ReferenceSource ref = new ReferenceSource(SampleData.file("ref.fa"))) {
            for (int i = 0; i < 50; i++) {
                int pos = 200_001 + 1000 * i;
                text.append(CONTIG).append('\t').append(pos).append("\t.\t")
                        .append((char) ref.basesAsWritten(CONTIG, pos, pos)[0]).append("\t<NON_REF>\t.\t.\tEND=")
                        .append(pos + 999).append('\n');
            }
        }
        Path blocks = Files.writeString(v, text, StandardCharsets.US_ASCII);
        assertDoesNotThrow(() -> check(blocks));
    }
}
