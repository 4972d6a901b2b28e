package gap.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two shipped models: the default one reads the reads' artefact evidence; the sites model, for calls genotyped
 * from gVCFs, never does (its score is the same whatever NMBZ, SCD, ... hold), and runs without read evidence get
 * it unless the user chose otherwise.
 */
class ShippedModelsTest {
    /** The read-evidence features (train.sh's --withhold list); HETB, after them, comes from AD, as gVCF calls have. */
    private static final int FIRST_READ_FEATURE = CallFeatures.NAMES.indexOf("NMBZ");
    private static final int END_READ_FEATURES = CallFeatures.NAMES.indexOf("LMQF") + 1;

    @Test
    void theSitesModelNeverReadsTheReadEvidence() {
        TrainedModel sites = TrainedModel.shippedSites();
        Random random = new Random(7);
        for (int n = 0; n < 200; n++) {
            double[] f = features(random);
            double[] absent = f.clone();
            for (int i = FIRST_READ_FEATURE; i < END_READ_FEATURES; i++) {
                absent[i] = Double.NaN;
            }
            assertEquals(sites.score(absent), sites.score(f), "call " + n);
        }
    }

    @Test
    void theDefaultModelReadsIt() {
        TrainedModel full = TrainedModel.shipped();
        Random random = new Random(7);
        int differ = 0;
        for (int n = 0; n < 200; n++) {
            double[] f = features(random);
            double[] absent = f.clone();
            for (int i = FIRST_READ_FEATURE; i < END_READ_FEATURES; i++) {
                absent[i] = Double.NaN;
            }
            differ += full.score(absent) != full.score(f) ? 1 : 0;
        }
        assertNotEquals(0, differ, "the read-evidence features change some scores");
    }

    @Test
    void runsWithoutReadEvidenceTakeTheSitesModelUnlessAnotherWasChosen() {
        assertEquals(ScoringParameters.SITES, ScoringParameters.defaults().withoutReadEvidence().model());
        ScoringParameters hard = ScoringParameters.load(Map.of("score.model", "hard"));
        assertSame(hard, hard.withoutReadEvidence());
        ScoringParameters sites = ScoringParameters.load(Map.of("score.model", "sites"));
        assertSame(sites, sites.withoutReadEvidence());
    }

    /** Plausible feature values: a het SNV or indel of 10-60 reads, with read evidence that varies widely. */
    private static double[] features(Random random) {
        double[] f = new double[CallFeatures.NAMES.size()];
        f[0] = random.nextInt(2);
        f[1] = f[0] == 1 ? 1 + random.nextInt(20) : 0;
        f[2] = 1 + 30 * random.nextDouble();
        f[3] = 20 + 40 * random.nextDouble();
        for (int i = 4; i < 7; i++) {
            f[i] = -4 + 8 * random.nextDouble();
        }
        f[7] = 30 * random.nextDouble();
        f[8] = 3 * random.nextDouble();
        f[9] = 0.3 + 2 * random.nextDouble();
        f[10] = random.nextDouble();
        f[11] = random.nextInt(2);
        f[12] = 99 * random.nextDouble();
        f[13] = random.nextInt(4);
        f[14] = random.nextInt(6);
        f[15] = 1 + random.nextInt(500);
        for (int i = FIRST_READ_FEATURE; i < END_READ_FEATURES; i++) {
            f[i] = -8 + 16 * random.nextDouble();
        }
        f[CallFeatures.NAMES.indexOf("HETB")] = 40 * random.nextDouble();
        return f;
    }
}
