package gap.core.calling;

import gap.core.model.AlignedRead;
import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a call with each sample's reads overlapping its site, those calling kept and those dropped for their mapping
 * quality, gives the call with MQ0F and LMQF: the fractions of all those reads with MAPQ 0 and with MAPQ below
 * {@value #LOW_MAPQ} (bcftools' MQ0F; GATK's MQ0 as a count). Reads the aligner could not place uniquely say the site
 * lies in a repeat or duplication, where calls are often a paralogue's; the reads dropped before pileups are counted,
 * or the fraction would always be 0 at the default minimum MAPQ. Each read counts once (mates apart), as bcftools
 * counts them; a read of unavailable MAPQ (255) counts as neither MAPQ 0 nor low.
 */
public final class LowMapqFractions {
    /** The MAPQ below which a read is low: bcftools' and gap's default minimum for calling. */
    public static final int LOW_MAPQ = 20;

    private LowMapqFractions() {}

    /** The call with MQ0F and LMQF; unchanged when no read overlaps (both lists empty for every sample). */
    public static VariantCall annotate(VariantCall call, List<List<AlignedRead>> kept,
                                       List<List<AlignedRead>> lowMapq) {
        long[] tally = new long[3]; // reads, MAPQ 0, MAPQ below LOW_MAPQ
        count(kept, tally);
        count(lowMapq, tally);
        if (tally[0] == 0) {
            return call;
        }
        Map<String, Object> info = new LinkedHashMap<>(call.info());
        info.put(InfoField.MQ0F.key(), InfoField.MQ0F.round((double) tally[1] / tally[0]));
        info.put(InfoField.LMQF.key(), InfoField.LMQF.round((double) tally[2] / tally[0]));
        return call.withInfo(info);
    }

    private static void count(List<List<AlignedRead>> samples, long[] tally) {
        for (List<AlignedRead> reads : samples) {
            for (AlignedRead r : reads) {
                tally[0]++;
                int q = r.mappingQuality();
                tally[1] += q == 0 ? 1 : 0;
                tally[2] += q < LOW_MAPQ ? 1 : 0;
            }
        }
    }
}
