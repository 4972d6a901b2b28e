package gap.core.cnv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the {@link BinCounts} of one sample's shards (in genome order), gives its genome-wide bins: per contig the
 * shards touched, in the order first seen, per bin, the counts added up. A bin is {@link #complete} when the shards
 * owned all of its bases (with {@code -L}, bins at interval edges are not, and are left out of copy number).
 */
public final class SampleDepth {
    /** One contig's bins. */
    public static final class Contig {
        final String name;
        final int length;
        final int[] counted;
        final int[] ambiguous;
        final int[] mapq0;
        final long[] mapqSum;
        final int[] gcBases;
        final int[] acgtBases;
        final int[] ownedBases;

        Contig(String name, int length, int bins) {
            this.name = name;
            this.length = length;
            counted = new int[bins];
            ambiguous = new int[bins];
            mapq0 = new int[bins];
            mapqSum = new long[bins];
            gcBases = new int[bins];
            acgtBases = new int[bins];
            ownedBases = new int[bins];
        }

        public String name() {
            return name;
        }

        public int bins() {
            return counted.length;
        }

        /** Reads counted as depth in bin {@code b}. */
        public int counted(int b) {
            return counted[b];
        }

        /** All placed reads of bin {@code b}: counted plus ambiguous. */
        public int placed(int b) {
            return counted[b] + ambiguous[b];
        }
    }

    private final int binSize;
    private final Map<String, Contig> contigs = new LinkedHashMap<>();

    public SampleDepth(int binSize) {
        this.binSize = binSize;
    }

    public int binSize() {
        return binSize;
    }

    public void add(BinCounts counts) {
        Contig c = contigs.computeIfAbsent(counts.contig(),
                name -> new Contig(name, counts.contigLength(), Bins.count(counts.contigLength(), binSize)));
        for (int i = 0; i < counts.size(); i++) {
            int b = counts.firstBin() + i;
            c.counted[b] += counts.counted()[i];
            c.ambiguous[b] += counts.ambiguous()[i];
            c.mapq0[b] += counts.mapq0()[i];
            c.mapqSum[b] += counts.mapqSum()[i];
            c.gcBases[b] += counts.gcBases()[i];
            c.acgtBases[b] += counts.acgtBases()[i];
            c.ownedBases[b] += counts.ownedBases()[i];
        }
    }

    public List<Contig> contigs() {
        return List.copyOf(contigs.values());
    }

    public Contig contig(String name) {
        return contigs.get(name);
    }

    /** Whether the shards owned every base of bin {@code b} of {@code c}. */
    public boolean complete(Contig c, int b) {
        return c.ownedBases[b] == Bins.length(c.length, binSize, b);
    }

    /** GC share of the A, C, G and T bases of the bin; NaN when it has none. */
    public static double gc(Contig c, int b) {
        return c.acgtBases[b] == 0 ? Double.NaN : c.gcBases[b] / (double) c.acgtBases[b];
    }

    /** Share of the bin's bases that are A, C, G or T. */
    public double called(Contig c, int b) {
        return c.acgtBases[b] / (double) Bins.length(c.length, binSize, b);
    }
}
