package gap.core.shard;

import gap.core.cnv.SexChromosomes;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import gap.core.privacy.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes a run's samples (the sheet's sex of each) and their reads' indexes, gives the sex each is called with and the
 * reference's ploidy map: the sheet's sex; for {@code unknown}, the one its X and Y depth shows (reads of a few windows,
 * counted before calling); where the two disagree (a sample swap, or a sex-chromosome aneuploidy such as XXY or X0) a
 * warning naming the sample by pseudonym, and X and Y called diploid (as DRAGEN does for an unknown or aneuploid sex).
 */
final class SexCheck {
    private static final Logger LOG = LogManager.getLogger(SexCheck.class);

    /** The ploidy map and each sample's sex, in run order. */
    record Outcome(Ploidy ploidy, List<Sex> sexes) {}

    private SexCheck() {}

    static Outcome resolve(CallRequest r) {
        Map<String, Long> lengths = PanelRun.lengths(r.dictionary());
        Ploidy ploidy = Ploidy.of(lengths, Ploidy.regions(r.params().parRegions()));
        boolean sexChromosomes = lengths.keySet().stream().anyMatch(c -> Ploidy.kind(c) == Ploidy.Kind.X);
        List<Sex> sexes = new ArrayList<>();
        for (Map.Entry<Samples.Sample, Path> e : r.indexes().entrySet()) {
            Samples.Sample sample = e.getKey();
            Sex declared = Sex.parse(sample.sex());
            // gVCFs (gap joint) hold no reads to measure X and Y depth with: the sheet's sex stands
            SexChromosomes.Karyotype k = sexChromosomes && !r.fromGvcfs() ? SexChromosomes.fromReads(sample.reads(), e.getValue(),
                    r.reference(), r.dictionary(), ploidy, r.params().minMappingQuality()) : null;
            sexes.add(sexOf(sample.id(), declared, k, sexChromosomes));
        }
        return new Outcome(ploidy, sexes);
    }

    static Sex sexOf(String id, Sex declared, SexChromosomes.Karyotype k, boolean sexChromosomes) {
        if (k == null) {
            if (sexChromosomes && declared == Sex.UNKNOWN) {
                LOG.info("Sample {}: sex unknown and not measurable from its reads: X and Y called diploid", id);
            }
            return declared;
        }
        if (k.contradicts(declared)) {
            LOG.warn("Sample {}: the sample sheet says {}, its reads say {}: a sample swap or a sex-chromosome"
                    + " aneuploidy? X and Y are called diploid", id, declared.word(), k.describe());
            return Sex.UNKNOWN;
        }
        if (declared == Sex.UNKNOWN) {
            LOG.info("Sample {}: sex {} from its reads, {}", id, k.sex().word(), k.describe());
            return k.sex();
        }
        return declared;
    }
}
