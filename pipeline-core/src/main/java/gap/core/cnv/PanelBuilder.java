package gap.core.cnv;

import gap.core.UserException;
import gap.core.io.ReferenceDictionary;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes the depth bins of normals counted as samples are counted, with each normal's sex, gives the
 * {@link PanelOfNormals}. Each normal's counts become two-copy equivalents (a male's X and Y outside the PARs count
 * double, a female's Y not at all), are scaled by the normal's typical (median) autosomal bin, and corrected for GC
 * against the median of the normals; per bin the panel keeps the median and the robust spread of the normals, and masks
 * bins that cannot be called: not wholly in the run's territory, under half A/C/G/T, chrM, no normal with copies there,
 * ambiguous mapping, panel depth far from typical, or normals disagreeing far beyond their usual.
 */
public final class PanelBuilder {
    private final CnvParameters params;
    private final Ploidy ploidy;

    public PanelBuilder(CnvParameters params, Ploidy ploidy) {
        this.params = params;
        this.ploidy = ploidy;
    }

    public PanelOfNormals build(ReferenceDictionary dictionary, int minMappingQuality,
                                List<PanelOfNormals.Normal> normals, List<SampleDepth> depths) {
        if (normals.isEmpty()) {
            throw new UserException("a panel of normals needs at least one normal");
        }
        int k = depths.size();
        double[] scale = new double[k];
        for (int s = 0; s < k; s++) {
            scale[s] = typicalBin(depths.get(s), normals.get(s));
            if (!(scale[s] > 0)) {
                throw new UserException("normal " + normals.get(s).pseudonym() + " has no reads in the autosomal bins"
                        + " of the territory: check its reads and -L");
            }
        }
        List<PanelOfNormals.Contig> contigs = new ArrayList<>();
        for (ReferenceDictionary.Contig rc : dictionary.contigs()) {
            contigs.add(depths.get(0).contig(rc.name()) == null ? uncovered(rc)
                    : contig(rc.name(), depths, normals, scale));
        }
        double typical = GcCorrector.median(scale);
        return new PanelOfNormals(dictionary, params.binSize(), typical, minMappingQuality, normals, contigs);
    }

    /** The median counted reads of a normal's complete, mostly A/C/G/T autosomal bins. */
    private double typicalBin(SampleDepth depth, PanelOfNormals.Normal normal) {
        List<Double> values = new ArrayList<>();
        for (SampleDepth.Contig c : depth.contigs()) {
            if (Ploidy.kind(c.name()) != Ploidy.Kind.AUTOSOME) {
                continue;
            }
            for (int b = 0; b < c.bins(); b++) {
                if (depth.complete(c, b) && depth.called(c, b) >= 0.5 && c.counted(b) > 0) {
                    values.add((double) c.counted(b));
                }
            }
        }
        return values.isEmpty() ? 0 : GcCorrector.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private PanelOfNormals.Contig contig(String name, List<SampleDepth> depths, List<PanelOfNormals.Normal> normals,
                                         double[] scale) {
        int k = depths.size();
        SampleDepth d0 = depths.get(0);
        SampleDepth.Contig c0 = d0.contig(name);
        int n = c0.bins();
        int binSize = params.binSize();
        double[] gc = new double[n];
        double[][] level = new double[k][n]; // two-copy depth over the normal's typical bin; NaN where no copies
        double[] mapq0 = new double[n];
        double[] ambiguous = new double[n];
        double[] meanMapq = new double[n];
        PanelOfNormals.Mask[] mask = new PanelOfNormals.Mask[n];
        Arrays.fill(mask, PanelOfNormals.Mask.NONE);
        boolean mito = Ploidy.kind(name) == Ploidy.Kind.MITOCHONDRIAL;
        for (int b = 0; b < n; b++) {
            gc[b] = SampleDepth.gc(c0, b);
            int middle = (Bins.start(binSize, b) + Bins.end(c0.length, binSize, b)) / 2;
            long placed = 0;
            long zero = 0;
            long amb = 0;
            long mapqSum = 0;
            for (int s = 0; s < k; s++) {
                SampleDepth.Contig c = depths.get(s).contig(name);
                placed += c.placed(b);
                zero += c.mapq0[b];
                amb += c.ambiguous[b];
                mapqSum += c.mapqSum[b];
                Sex sex = normals.get(s).sex();
                // a normal of unknown sex (or one its reads contradict) says nothing of X and Y
                int copies = sex == Sex.UNKNOWN && Ploidy.kind(name) != Ploidy.Kind.AUTOSOME ? 0
                        : ploidy.copies(name, middle, sex);
                level[s][b] = copies == 0 ? Double.NaN : c.counted(b) * 2.0 / copies / scale[s];
            }
            mapq0[b] = placed == 0 ? 0 : zero / (double) placed;
            ambiguous[b] = placed == 0 ? 0 : amb / (double) placed;
            meanMapq[b] = placed == 0 ? Double.NaN : mapqSum / (double) placed;
            if (!d0.complete(c0, b)) {
                mask[b] = PanelOfNormals.Mask.NOT_COVERED;
            } else if (d0.called(c0, b) < 0.5) {
                mask[b] = PanelOfNormals.Mask.N_BASES;
            } else if (mito) {
                mask[b] = PanelOfNormals.Mask.MITOCHONDRIAL;
            } else if (ambiguous[b] >= params.maxAmbiguousFraction()) {
                mask[b] = PanelOfNormals.Mask.AMBIGUOUS;
            }
        }
        gcCorrect(level, gc, mask);
        double[] median = new double[n];
        double[] spread = new double[n];
        for (int b = 0; b < n; b++) {
            double[] values = column(level, b);
            median[b] = values.length == 0 ? Double.NaN : GcCorrector.median(values);
            spread[b] = spread(values, median[b]);
            if (mask[b] == PanelOfNormals.Mask.NONE && values.length == 0) {
                mask[b] = PanelOfNormals.Mask.NO_NORMALS;
            }
        }
        maskDepthAndSpread(median, spread, mask, k);
        return new PanelOfNormals.Contig(name, c0.length, gc, median, spread, mapq0, ambiguous, meanMapq, mask);
    }

    /** A contig no shard touched (outside -L): all bins masked. */
    private PanelOfNormals.Contig uncovered(ReferenceDictionary.Contig rc) {
        int n = Bins.count((int) rc.length(), params.binSize());
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        PanelOfNormals.Mask[] mask = new PanelOfNormals.Mask[n];
        Arrays.fill(mask, PanelOfNormals.Mask.NOT_COVERED);
        return new PanelOfNormals.Contig(rc.name(), (int) rc.length(), nan, nan.clone(), nan.clone(), new double[n],
                new double[n], nan.clone(), mask);
    }

    /** Each normal's GC trend against the median of the normals, taken off its levels. */
    private static void gcCorrect(double[][] level, double[] gc, PanelOfNormals.Mask[] mask) {
        int k = level.length;
        if (k < 2) {
            return; // one normal has no others to be compared with
        }
        int n = gc.length;
        double[] median = new double[n];
        for (int b = 0; b < n; b++) {
            double[] values = column(level, b);
            median[b] = values.length == 0 ? Double.NaN : GcCorrector.median(values);
        }
        for (double[] normal : level) {
            double[] log2 = new double[n];
            boolean[] use = new boolean[n];
            for (int b = 0; b < n; b++) {
                log2[b] = normal[b] > 0 && median[b] > 0 ? SegmentCaller.log2(normal[b] / median[b]) : Double.NaN;
                use[b] = mask[b] == PanelOfNormals.Mask.NONE && Double.isFinite(log2[b]);
            }
            double[] trend = GcCorrector.trend(log2, gc, use);
            for (int b = 0; b < n; b++) {
                normal[b] /= Math.pow(2, trend[b]);
            }
        }
    }

    /** The normals' robust SD of log2 ratio to the median: MAD-based with 3 or more, half the range with 2. */
    private static double spread(double[] values, double median) {
        if (values.length < 2 || !(median > 0)) {
            return Double.NaN;
        }
        double[] log2 = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            log2[i] = SegmentCaller.log2(Math.max(values[i], 1e-3) / median);
        }
        if (values.length == 2) {
            return Math.abs(log2[0] - log2[1]) / Math.sqrt(2);
        }
        return GcCorrector.mad(log2);
    }

    private void maskDepthAndSpread(double[] median, double[] spread, PanelOfNormals.Mask[] mask, int normals) {
        List<Double> usual = new ArrayList<>();
        for (int b = 0; b < median.length; b++) {
            if (mask[b] != PanelOfNormals.Mask.NONE) {
                continue;
            }
            if (!(median[b] >= params.minPanelDepth())) {
                mask[b] = PanelOfNormals.Mask.LOW_DEPTH;
            } else if (median[b] > params.maxPanelDepth()) {
                mask[b] = PanelOfNormals.Mask.HIGH_DEPTH;
            } else if (Double.isFinite(spread[b])) {
                usual.add(spread[b]);
            }
        }
        if (normals < 3 || usual.isEmpty()) {
            return;
        }
        double typical = GcCorrector.median(usual.stream().mapToDouble(Double::doubleValue).toArray());
        for (int b = 0; b < median.length; b++) {
            if (mask[b] == PanelOfNormals.Mask.NONE && spread[b] > params.maxSpreadFactor() * typical) {
                mask[b] = PanelOfNormals.Mask.SPREAD;
            }
        }
    }

    private static double[] column(double[][] level, int b) {
        return Arrays.stream(level).mapToDouble(l -> l[b]).filter(Double::isFinite).toArray();
    }
}
