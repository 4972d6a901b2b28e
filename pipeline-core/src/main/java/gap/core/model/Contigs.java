package gap.core.model;

import java.util.Locale;
import java.util.Set;

/** Takes a contig name, says what kind of sequence it is, by the names GRCh37, GRCh38, hg19 and T2T give it. */
public final class Contigs {
    private static final Set<String> MITOCHONDRIAL = Set.of("chrm", "mt", "chrmt", "m");

    private Contigs() {}

    /** The mitochondrial genome: inherited from the mother alone. */
    public static boolean isMitochondrial(String contig) {
        return MITOCHONDRIAL.contains(contig.toLowerCase(Locale.ROOT));
    }
}
