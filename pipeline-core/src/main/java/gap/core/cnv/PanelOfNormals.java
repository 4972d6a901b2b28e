package gap.core.cnv;

import gap.core.io.ReferenceDictionary;
import gap.core.model.Sex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A panel of normals: per bin of the reference, the normals' depth where two copies are present (median over the
 * normals after each is scaled to its own typical bin and corrected for GC against the others, 1 = the typical
 * autosomal bin), its spread (robust SD of the normals' log2 ratios), GC share, mappability (share of the placed reads
 * at MAPQ 0, share placed ambiguously, mean MAPQ) and, for a bin never to be called, why ({@link Mask}). Built once by
 * {@link PanelBuilder} from normals sequenced as the samples are; identifies its normals by pseudonym only.
 */
public final class PanelOfNormals {
    /** Why a bin is not called; {@link #NONE} for a usable bin. */
    public enum Mask { NONE, NOT_COVERED, N_BASES, MITOCHONDRIAL, NO_NORMALS, AMBIGUOUS, LOW_DEPTH, HIGH_DEPTH, SPREAD }

    /** A normal of the panel: its pseudonym and sex. */
    public record Normal(String pseudonym, Sex sex) {}

    /** One contig's bins, in order. */
    public record Contig(String name, int length, double[] gc, double[] median, double[] spread,
                         double[] mapq0Fraction, double[] ambiguousFraction, double[] meanMapq, Mask[] mask) {
        public int bins() {
            return median.length;
        }
    }

    private final ReferenceDictionary dictionary;
    private final int binSize;
    private final double typicalDepth;
    private final int minMappingQuality;
    private final List<Normal> normals;
    private final Map<String, Contig> contigs = new LinkedHashMap<>();

    /**
     * @param typicalDepth       reads counted in the typical autosomal bin of the normals
     * @param minMappingQuality  the read filter's minimum MAPQ the depth was counted with
     */
    public PanelOfNormals(ReferenceDictionary dictionary, int binSize, double typicalDepth, int minMappingQuality,
                          List<Normal> normals, List<Contig> contigs) {
        this.dictionary = dictionary;
        this.binSize = binSize;
        this.typicalDepth = typicalDepth;
        this.minMappingQuality = minMappingQuality;
        this.normals = List.copyOf(normals);
        for (Contig c : contigs) {
            this.contigs.put(c.name(), c);
        }
    }

    public ReferenceDictionary dictionary() {
        return dictionary;
    }

    public int binSize() {
        return binSize;
    }

    public double typicalDepth() {
        return typicalDepth;
    }

    public int minMappingQuality() {
        return minMappingQuality;
    }

    public List<Normal> normals() {
        return normals;
    }

    public List<Contig> contigs() {
        return List.copyOf(contigs.values());
    }

    public Contig contig(String name) {
        return contigs.get(name);
    }

    /** Usable bins over all contigs. */
    public int usableBins() {
        int n = 0;
        for (Contig c : contigs.values()) {
            for (Mask m : c.mask()) {
                if (m == Mask.NONE) {
                    n++;
                }
            }
        }
        return n;
    }
}
