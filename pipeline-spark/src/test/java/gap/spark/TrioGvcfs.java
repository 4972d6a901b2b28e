package gap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.SampleData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The sample-data trio's three gVCFs, each person's {@code gap call --gvcf} in this JVM, and sheets naming them. */
final class TrioGvcfs {
    static final String[] PEOPLE = {"trio1_father", "trio1_mother", "trio1_child"};

    private TrioGvcfs() {}

    /**
     * Makes the gVCFs under {@code dir} ({@code keys}: the keystore options) and gives the trio's sheet with each
     * person's gVCF in the bam column by its absolute path (and beside it, gvcfs-by-name.tsv: by file name, relative
     * to the sheet).
     */
    static Path make(Path dir, List<String> keys) throws IOException {
        List<String> sheet = Files.readAllLines(SampleData.file("samplesheet.tsv"));
        List<String> absolute = new ArrayList<>(List.of(sheet.get(0)));
        List<String> names = new ArrayList<>(List.of(sheet.get(0)));
        for (int i = 0; i < PEOPLE.length; i++) {
            Path one = dir.resolve(PEOPLE[i] + ".tsv");
            Files.write(one, List.of(sheet.get(0), sheet.get(i + 1).replace(PEOPLE[i] + ".bam",
                    SampleData.file(PEOPLE[i] + ".bam").toString())));
            Path out = dir.resolve("gvcf-" + PEOPLE[i]);
            List<String> a = new ArrayList<>(List.of("call", "-R", SampleData.file("ref.fa").toString(),
                    "--sample-sheet", one.toString(), "-O", out.toString(), "--gvcf", "--no-qc"));
            a.addAll(keys);
            assertEquals(0, LocalCall.run(a.toArray(String[]::new)));
            Path gvcf;
            try (Stream<Path> files = Files.list(out)) {
                gvcf = files.filter(p -> p.toString().endsWith(".g.vcf.gz")).findFirst().orElseThrow();
            }
            String[] f = sheet.get(i + 1).split("\t");
            f[6] = gvcf.toString();
            absolute.add(String.join("\t", f));
            f[6] = gvcf.getFileName().toString();
            names.add(String.join("\t", f));
        }
        Files.write(dir.resolve("gvcfs-by-name.tsv"), names);
        Path path = dir.resolve("gvcfs.tsv");
        Files.write(path, absolute);
        return path;
    }

    /** The gVCFs and their indexes beside the sheet {@code make} gave (for copying with the by-name sheet). */
    static List<Path> files(Path sheet) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String row : Files.readAllLines(sheet).subList(1, PEOPLE.length + 1)) {
            Path gvcf = Path.of(row.split("\t")[6]);
            out.add(gvcf);
            out.add(Path.of(gvcf + ".tbi"));
        }
        return out;
    }
}
