package gap.core.concordance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the sample-data folder, and small VCFs written from one-line record shorthands. */
public final class ConcordanceFixtures {
    public static final String CHR22 = "chr22_20_21M";

    private ConcordanceFixtures() {}

    /** The project's sample-data folder, from the {@code gap.sampleData} property surefire sets. */
    public static Path sampleData() {
        String dir = System.getProperty("gap.sampleData", "../sample-data");
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("sample-data not found at " + path + ": run the tests with Maven");
        }
        return path;
    }

    public static Path reference() {
        return sampleData().resolve("ref.fa");
    }

    /**
     * Writes a VCF named {@code name} into {@code dir}. Each record is "CHROM POS REF ALT FILTER GT..." separated
     * by spaces (one GT per sample); ID, QUAL and INFO are ".".
     */
    public static Path vcf(Path dir, String name, List<String> samples, String... records) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "##fileformat=VCFv4.2",
                "##FILTER=<ID=PASS,Description=\"All filters passed\">",
                "##FILTER=<ID=LowQual,Description=\"Low quality\">",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                "##contig=<ID=" + CHR22 + ",length=1000000>",
                "##contig=<ID=chrM,length=16569>",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + String.join("\t", samples)));
        for (String record : records) {
            String[] f = record.trim().split(" +");
            StringBuilder line = new StringBuilder(String.join("\t", f[0], f[1], ".", f[2], f[3], ".", f[4], ".",
                    "GT"));
            for (int i = 5; i < f.length; i++) {
                line.append('\t').append(f[i]);
            }
            lines.add(line.toString());
        }
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    /** A one-sample VCF whose sample is called "S". */
    public static Path vcf(Path dir, String name, String... records) throws IOException {
        return vcf(dir, name, List.of("S"), records);
    }
}
