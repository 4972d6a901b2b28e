package gap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gap.core.SampleData;
import gap.core.privacy.LabKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gap-spark joint} in local mode ({@code local[2]}, Kryo with registration required) gives what {@code gap joint}
 * gives from the sample-data trio's three gVCFs (each person's {@code gap call --gvcf}), with the pedigree and QC: the
 * same VCF bytes and index, QC files and de novo table, calls rows and decrypted samples rows, at another shard size
 * than the CLI's.
 */
class SparkJointTest {
    private static final String PASSWORD = "spark-joint-password";

    @TempDir
    Path tmp;

    @Test
    void sparkJointGivesTheCliJointsOutputs() throws IOException {
        Path keystore = tmp.resolve("lab.p12");
        Path passwordFile = tmp.resolve("lab.password");
        LabKeys.create(keystore, PASSWORD.toCharArray());
        Files.writeString(passwordFile, PASSWORD);
        List<String> keys = List.of("--keystore", keystore.toString(), "--keystore-password-file",
                passwordFile.toString());
        Path sheet = TrioGvcfs.make(tmp, keys);
        Path cli = tmp.resolve("cli");
        assertEquals(0, LocalCall.run(joint(false, sheet, cli, keys, List.of("--threads", "2"))));
        JavaSparkContext spark = LocalSpark.start("local[2]", "gap-joint");
        Path out = tmp.resolve("spark");
        try {
            // the sheet and pedigree as file:// URIs: Hadoop paths; a shard size the CLI's run did not use
            assertEquals(0, GapSparkDriver.run(joint(true, sheet, out, keys,
                    List.of("--shard-size", "33000")), spark, UnaryOperator.identity()));
        } finally {
            spark.stop();
        }
        Outputs.assertSameAsCli(cli, out, keystore, PASSWORD);
    }

    /** {@code joint} of the sheet, its sheet and pedigree as file:// URIs for Spark (Hadoop paths), plain for gap. */
    private static String[] joint(boolean uris, Path sheet, Path out, List<String> keys, List<String> more) {
        Path pedigree = SampleData.file("trio1.ped");
        List<String> a = new ArrayList<>(List.of("joint", "-R", SampleData.file("ref.fa").toString(),
                "--sample-sheet", uris ? sheet.toUri().toString() : sheet.toString(),
                "--pedigree", uris ? pedigree.toUri().toString() : pedigree.toString(), "-O", out.toString()));
        a.addAll(keys);
        a.addAll(more);
        return a.toArray(String[]::new);
    }
}
