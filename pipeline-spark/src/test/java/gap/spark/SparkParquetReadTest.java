package gap.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gap.core.SampleData;
import gap.core.io.ParquetFixtures;
import gap.core.io.ParquetSink;
import gap.core.privacy.KeyStoreKms;
import gap.core.privacy.LabKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.crypto.KeyAccessDeniedException;
import org.apache.parquet.crypto.keytools.PropertiesDrivenCryptoFactory;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's Spark SQL (local mode) with only the footer key, through our KMS: every column of calls.parquet
 * (Glow's schema as Spark sees it), the plaintext columns of samples.parquet, and a clear denial for patientId.
 */
class SparkParquetReadTest {
    /** The README's Spark SQL example, as printed there. */
    static final String README_VARIANTS_PER_SAMPLE = "SELECT g.sampleId, count(*) AS variants, avg(g.depth) AS"
            + " mean_dp FROM calls LATERAL VIEW explode(genotypes) t AS g WHERE array_contains(filters, 'PASS')"
            + " AND exists(g.calls, a -> a > 0) GROUP BY g.sampleId ORDER BY g.sampleId";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void researcherReadsCallsAndPlaintextSamplesButNotIdentifiers() {
        LabKeys lab = ParquetFixtures.labKeys(dir);
        Path calls = dir.resolve("calls.parquet");
        Path samples = dir.resolve("samples.parquet");
        ParquetSink.writeCalls(calls, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                ParquetFixtures.calls());
        ParquetSink.writeSamples(samples, ParquetFixtures.sampleRows(), lab);
        String token = KeyStoreKms.register(ParquetFixtures.roleKeys(lab, "researcher", dir));

        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("gap-parquet-read")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.hadoop.parquet.crypto.factory.class", PropertiesDrivenCryptoFactory.class.getName())
                .config("spark.hadoop.parquet.encryption.kms.client.class", KeyStoreKms.class.getName())
                .config("spark.hadoop.parquet.encryption.key.access.token", token)
                .getOrCreate();
        try {
            assertEquals(token, spark.sparkContext().hadoopConfiguration().get("parquet.encryption.key.access.token"),
                    "a fresh session, configured for the researcher");
            Dataset<Row> variants = spark.read().parquet(calls.toString());
            assertEquals("struct<contigName:string,start:bigint,end:bigint,names:array<string>,referenceAllele:string,"
                    + "alternateAlleles:array<string>,qual:double,filters:array<string>,splitFromMultiAllelic:boolean,"
                    + "INFO_AF:array<double>,INFO_CSQ:array<string>,INFO_DB:boolean,INFO_DP:int,INFO_QD:double,"
                    + "genotypes:array<struct<sampleId:string,calls:array<int>,phased:boolean,depth:int,"
                    + "conditionalQuality:int,alleleDepths:array<int>,phredLikelihoods:array<int>,DNQ:int,"
                    + "PP:array<int>>>>",
                    variants.schema().simpleString());
            assertEquals(4, variants.collectAsList().size(), "every column of every row");
            variants.createOrReplaceTempView("calls");
            List<Row> perSample = spark.sql("select g.sampleId, count(*), sum(g.depth) from calls"
                    + " lateral view explode(genotypes) t as g group by g.sampleId order by g.sampleId").collectAsList();
            assertEquals("[[GAP-S00000000001,4,123], [GAP-S00000000002,4,143]]", perSample.toString(),
                    "one genotype per sample per site, no-calls with their depth");
            // the README's query: each sample's PASS variants (a genotype carrying an ALT), worked out by hand from
            // ParquetFixtures.calls(): the first sample's 0/1 (DP 31) and 1/2 (DP 80); the second's 1/1 (DP 30)
            List<Row> variantsPerSample = spark.sql(README_VARIANTS_PER_SAMPLE).collectAsList();
            assertEquals("[[GAP-S00000000001,2,55.5], [GAP-S00000000002,1,30.0]]", variantsPerSample.toString());

            // the Spark driver's partitioned directory: the CLI's rows, and the path's keys as two more columns
            Path partitioned = dir.resolve("partitioned.parquet");
            new PartitionedCallsWriter().write(partitioned, ParquetFixtures.infoLines(), ParquetFixtures.dictionary(),
                    ParquetFixtures.calls());
            Dataset<Row> fromDirectory = spark.read().parquet(partitioned.toString());
            String flat = variants.schema().simpleString();
            assertEquals(flat.substring(0, flat.length() - 1) + ",contig:string,positionBin:int>",
                    fromDirectory.schema().simpleString());
            assertEquals(variants.orderBy("contigName", "start").collectAsList().toString(),
                    fromDirectory.drop("contig", "positionBin").orderBy("contigName", "start").collectAsList()
                            .toString());

            Dataset<Row> sampleTable = spark.read().parquet(samples.toString());
            List<Row> plain = sampleTable.select("sampleId", "patientPseudonym", "sex", "role", "familyId")
                    .orderBy("sampleId").collectAsList();
            assertEquals("[[GAP-S00000000001,GAP-P00000000001,male,father,GAP-F00000000001],"
                    + " [GAP-S00000000002,GAP-P00000000002,female,mother,GAP-F00000000001],"
                    + " [GAP-S00000000003,GAP-P00000000003,female,proband,GAP-F00000000001]]", plain.toString());

            Exception denied = assertThrows(Exception.class, () -> sampleTable.select("patientId").collectAsList());
            KeyAccessDeniedException cause = null;
            for (Throwable c = denied; c != null; c = c.getCause()) {
                if (c instanceof KeyAccessDeniedException k) {
                    cause = k;
                }
            }
            assertEquals("the keystore's role (researcher) lacks the clinician column key",
                    cause == null ? denied.toString() : cause.getMessage());
        } finally {
            spark.stop();
            KeyStoreKms.unregister(token);
        }
    }

    /**
     * The README's Spark SQL block, as printed there, on the Spark driver's own folder for the sample-data trio
     * (200 kb of it; local mode, Kryo as the driver sets it; SQL needs no class registration), against the run's VCF
     * read by htsjdk.
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theReadmesQueryCountsEachSamplesVariantsOnTheSparkDriversTrioFolder() throws Exception {
        Path keystore = dir.resolve("lab.p12");
        Path password = dir.resolve("pw");
        LabKeys.create(keystore, "readme-password".toCharArray());
        java.nio.file.Files.writeString(password, "readme-password");
        Path out = dir.resolve("spark-trio");
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("gap-readme-sql")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.kryo.registrator", GapKryoRegistrator.class.getName())
                .getOrCreate();
        try {
            String[] args = {"call", "-R", SampleData.file("ref.fa").toString(), "--sample-sheet",
                SampleData.file("samplesheet.tsv").toString(), "--pedigree", SampleData.file("trio1.ped").toString(),
                "-L", "chr22_20_21M:100001-300000", // a fifth of the slice: the check is the query's, not the caller's
                "-O", out.toString(), "--keystore", keystore.toString(), "--keystore-password-file",
                password.toString()};
            assertEquals(0, GapSparkDriver.run(args, JavaSparkContext.fromSparkContext(spark.sparkContext()),
                    e -> e));
            List<String> perSample = ReadmeSparkSql.check(spark, out);
            System.out.println("[readme spark sql] " + perSample);
            assertEquals(3, perSample.size());
        } finally {
            spark.stop();
        }
    }
}
