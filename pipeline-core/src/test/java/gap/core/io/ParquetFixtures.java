package gap.core.io;

import gap.core.SampleData;
import gap.core.model.CallSet;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.privacy.LabKeys;
import gap.core.privacy.SampleRow;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test inputs for the Parquet writers, shared with the CLI and Spark tests through the test-jar: keystores with
 * their passwords in files, the trio sheet's rows under made-up pseudonyms, and a few hand-made calls.
 */
public final class ParquetFixtures {
    public static final String PASSWORD = "correct horse battery staple";

    private ParquetFixtures() {}

    /** A password file (with the trailing newline {@code echo} leaves) in {@code dir}. */
    public static Path passwordFile(Path dir) {
        Path file = dir.resolve("keystore.password");
        write(file, PASSWORD + "\n");
        return file;
    }

    public static LabKeys labKeys(Path dir) {
        return LabKeys.create(dir.resolve("lab.p12"), PASSWORD.toCharArray());
    }

    public static LabKeys roleKeys(LabKeys lab, String role, Path dir) {
        return lab.exportRole(role, dir.resolve(role + ".p12"), PASSWORD.toCharArray());
    }

    /** The identifiers of {@code sample-data/samplesheet.tsv} (patient_id, mrn), each row as the sheet has it. */
    public static List<String[]> sheetIdentifiers() {
        try {
            List<String[]> ids = new ArrayList<>();
            List<String> lines = Files.readAllLines(SampleData.file("samplesheet.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                ids.add(new String[] {f[0], f[1], f[2], f[3], f[4], f[5]});
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trio sheet as samples rows; the pseudonyms are made up here (the Pseudonymiser makes the real ones). */
    public static List<SampleRow> sampleRows() {
        List<SampleRow> rows = new ArrayList<>();
        int i = 1;
        for (String[] f : sheetIdentifiers()) {
            rows.add(new SampleRow("GAP-S0000000000" + i, "GAP-P0000000000" + i, f[0], f[1], f[2], f[5], f[4],
                    "GAP-F00000000001"));
            i++;
        }
        return rows;
    }

    /** INFO header lines of every shape the calls schema maps. */
    public static List<VCFInfoHeaderLine> infoLines() {
        return List.of(
                new VCFInfoHeaderLine("DP", 1, VCFHeaderLineType.Integer, "Approximate read depth"),
                new VCFInfoHeaderLine("QD", 1, VCFHeaderLineType.Float, "Variant confidence by depth"),
                new VCFInfoHeaderLine("AF", VCFHeaderLineCount.A, VCFHeaderLineType.Float, "Allele frequency"),
                new VCFInfoHeaderLine("DB", 0, VCFHeaderLineType.Flag, "dbSNP membership"),
                new VCFInfoHeaderLine("CSQ", VCFHeaderLineCount.UNBOUNDED, VCFHeaderLineType.String, "Consequences"));
    }

    /** The contigs the hand-made calls lie on (lengths of GRCh37's chr22 and chrM; chrM with its M5). */
    public static ReferenceDictionary dictionary() {
        return new ReferenceDictionary(List.of(new ReferenceDictionary.Contig("chr22", 51_304_566, null),
                new ReferenceDictionary.Contig("chrM", 16_569, "c68f52674c9fb33aef52dcf399755519")));
    }

    /**
     * Two samples called jointly, in genome order: a SNV the first carries, one only the second carries (the first
     * has no reads there: ./.), a deletion (the second's few reads do not span it: ./.), and a multi-allelic site.
     */
    public static CallSet calls() {
        return new CallSet(List.of("GAP-S00000000001", "GAP-S00000000002"), List.of(
                new VariantCall("chr22", 20_000_100, List.of("A", "G"), 55.5, Filters.PASS, Map.of("DP", 61, "QD", 1.79,
                        "AF", List.of(0.25), "DB", true), List.of(
                        new Genotype(0, 1, 99, List.of(60, 0, 90), List.of(15, 16), 31),
                        new Genotype(0, 0, 60, List.of(0, 60, 900), List.of(30, 0), 30))),
                new VariantCall("chr22", 20_000_150, List.of("T", "C"), 99.0, Filters.PASS, Map.of("DP", 30), List.of(
                        Genotype.noCall(2, 0),
                        // a genotype a prior moved: its posteriors beside the likelihoods
                        new Genotype(1, 1, 90, List.of(990, 90, 0), List.of(0, 30), 30, -1, List.of(1000, 92, 0)))),
                new VariantCall("chr22", 20_000_200, List.of("CTT", "C"), 25.0, Filters.failed("LowQual"), Map.of("DP", 15), List.of(
                        new Genotype(0, 1, 25, List.of(25, 0, 40), List.of(7, 5), 12),
                        Genotype.noCall(2, 3))),
                new VariantCall("chrM", 73, List.of("A", "G", "T"), 300.0, Filters.PASS, Map.of("DP", 160, "CSQ", "x,y"),
                        List.of(new Genotype(1, 2, 99, List.of(900, 300, 600, 310, 0, 620), List.of(0, 40, 40), 80),
                                new Genotype(0, 0, 99, List.of(0, 240, 2400, 240, 2400, 2400), List.of(80, 0, 0),
                                        80)))));
    }

    public static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
