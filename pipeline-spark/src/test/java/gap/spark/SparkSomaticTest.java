package gap.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.SampleData;
import gap.core.privacy.LabKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap-spark somatic} in local mode (two task threads, Kryo with registration required) gives what
 * {@code gap somatic} gives on the som1 slice ({@link LocalCall}, as the CLI runs it): the same somatic VCF and QC
 * files byte for byte, its contamination table, and {@code _SUCCESS} last.
 */
class SparkSomaticTest {
    private static final String PASSWORD = "spark-somatic-password";

    @TempDir
    Path tmp;

    @Test
    void sameBytesAsTheCli() throws IOException {
        Path keystore = tmp.resolve("lab.p12");
        Path password = tmp.resolve("lab.password");
        LabKeys.create(keystore, PASSWORD.toCharArray());
        Files.writeString(password, PASSWORD);
        Path cli = tmp.resolve("cli");
        Path spark = tmp.resolve("spark");
        assertEquals(0, LocalCall.run(args(cli, keystore, password, true)));
        JavaSparkContext context = LocalSpark.start("local[2,2]", "gap-somatic");
        try {
            assertEquals(0, GapSparkDriver.run(args(spark, keystore, password, false), context,
                    UnaryOperator.identity()));
        } finally {
            context.stop();
        }
        Path vcf = somaticVcf(cli);
        assertArrayEquals(Files.readAllBytes(vcf), Files.readAllBytes(spark.resolve(vcf.getFileName())));
        for (String same : List.of("contamination.table", "qc/qc.json", "qc/report.html")) {
            assertArrayEquals(Files.readAllBytes(cli.resolve(same)), Files.readAllBytes(spark.resolve(same)), same);
        }
        assertTrue(Files.exists(spark.resolve(gap.core.io.RunFolder.SUCCESS)));
    }

    private static String[] args(Path out, Path keystore, Path password, boolean cli) {
        List<String> a = new ArrayList<>(List.of("somatic", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", SampleData.file("som1.samplesheet.tsv").toString(), "-O", out.toString(),
                "--keystore", keystore.toString(), "--keystore-password-file", password.toString()));
        if (cli) {
            a.addAll(List.of("--threads", "2"));
        }
        return a.toArray(String[]::new);
    }

    private static Path somaticVcf(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".somatic.vcf.gz")).findFirst().orElseThrow();
        }
    }
}
