package gap.core.scoring;

import gap.core.model.Contigs;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.util.List;

/**
 * Takes one call set's calls in genome order, gives each call's evidence features for the trained model: the
 * caller's annotations and what the VCF itself tells of the reads (allele fraction, depth against the set's median,
 * neighbouring calls that the same reads would carry). Every feature is relative to the set or scale-free (QD not
 * QUAL, depth over the median, rank-sum z-scores), so a model trained at 30× on Q37 reads means the same at 12× on
 * Q20 reads. Known-site membership is never a feature. A missing annotation is NaN; the trees route it.
 */
public final class CallFeatures {
    /** Two calls this close (bp) are reads of one haplotype: a paralogue's mismatches come as such clusters. */
    static final int NEAR = 30;
    static final int WINDOW = 60;

    /** The feature names, in vector order (the model file lists them too, and is checked against these). */
    public static final List<String> NAMES = List.of("INDEL", "LENGTH", "QD", "MQ", "MQRankSum", "ReadPosRankSum",
            "BaseQRankSum", "FS", "SOR", "DP_REL", "AF", "HOM", "GQ", "CALLS_30", "CALLS_60", "NEAREST",
            "NMBZ", "NMD", "SCD", "ENDD", "ABQR", "RPU", "RPL", "MQ0F", "LMQF", "HETB");

    private CallFeatures() {}

    /** One vector per call; {@code calls} in genome order (neighbours are found by position). */
    public static double[][] of(List<VariantCall> calls) {
        return of(calls, DepthFilter.of(calls, 0).median());
    }

    /** As {@link #of(List)}, with the median DP of the run {@code calls} are a part of. */
    public static double[][] of(List<VariantCall> calls, double median) {
        double[][] x = new double[calls.size()][];
        for (int i = 0; i < calls.size(); i++) {
            x[i] = of(calls, i, median);
        }
        return x;
    }

    private static double[] of(List<VariantCall> calls, int i, double medianDepth) {
        VariantCall c = calls.get(i);
        double[] f = new double[NAMES.size()];
        boolean indel = VariantType.of(c) == VariantType.INDEL;
        f[0] = indel ? 1 : 0;
        f[1] = indel ? maxLengthChange(c) : 0;
        f[2] = info(c, "QD");
        f[3] = info(c, "MQ");
        f[4] = info(c, "MQRankSum");
        f[5] = info(c, "ReadPosRankSum");
        f[6] = info(c, "BaseQRankSum");
        f[7] = info(c, "FS");
        f[8] = info(c, "SOR");
        double dp = info(c, "DP");
        f[9] = medianDepth > 0 && !Double.isNaN(dp) && !Contigs.isMitochondrial(c.contig()) ? dp / medianDepth
                : Double.NaN;
        double[] carriers = carriers(c);
        f[10] = carriers[0];
        f[11] = carriers[1];
        f[12] = carriers[2];
        int[] near = neighbours(calls, i);
        f[13] = near[0];
        f[14] = near[1];
        f[15] = near[2];
        // the reads' own evidence of artefacts (gap.core.calling.ReadArtefacts); NaN in VCFs written before them
        String[] reads = {"NMBZ", "NMD", "SCD", "ENDD", "ABQR", "RPU", "RPL"};
        for (int k = 0; k < reads.length; k++) {
            f[16 + k] = info(c, reads[k]);
        }
        // the share of reads placed ambiguously (gap.core.calling.LowMapqFractions); NaN in VCFs written before it
        f[23] = info(c, "MQ0F");
        f[24] = info(c, "LMQF");
        // how far the hets' ALT reads fall below half (a stutter's 10-25 %): from AD, so gVCF calls have it too
        f[25] = HetBalance.of(c);
        return f;
    }

    /** Alt fraction of the carriers' reads, whether every carrier is hom-alt, the carriers' lowest GQ. */
    static double[] carriers(VariantCall c) {
        long alt = 0;
        long total = 0;
        boolean hom = true;
        int minGq = Integer.MAX_VALUE;
        boolean any = false;
        for (Genotype g : c.genotypes()) {
            if (!g.isVariant()) {
                continue;
            }
            any = true;
            hom &= g.allele1() == g.allele2();
            if (g.gq() >= 0) {
                minGq = Math.min(minGq, g.gq());
            }
            List<Integer> ad = g.ad();
            for (int a = 0; a < ad.size(); a++) {
                int n = ad.get(a) == null ? 0 : Math.max(0, ad.get(a));
                total += n;
                if (a > 0 && g.carries(a)) {
                    alt += n;
                }
            }
        }
        return new double[] {total > 0 ? (double) alt / total : Double.NaN, any ? (hom ? 1 : 0) : Double.NaN,
            minGq == Integer.MAX_VALUE ? Double.NaN : minGq};
    }

    /** Other calls within {@link #NEAR} and {@link #WINDOW} bp, and the distance to the nearest (capped at 1000). */
    static int[] neighbours(List<VariantCall> calls, int i) {
        VariantCall c = calls.get(i);
        int near = 0;
        int window = 0;
        int nearest = 1000;
        for (int step : new int[] {-1, 1}) {
            for (int j = i + step; j >= 0 && j < calls.size(); j += step) {
                VariantCall o = calls.get(j);
                int d = Math.abs(o.position() - c.position());
                if (!o.contig().equals(c.contig()) || d > 1000) {
                    break;
                }
                nearest = Math.min(nearest, d);
                near += d <= NEAR ? 1 : 0;
                window += d <= WINDOW ? 1 : 0;
            }
        }
        return new int[] {near, window, nearest};
    }

    private static int maxLengthChange(VariantCall c) {
        int change = 0;
        for (int a = 1; a < c.alleles().size(); a++) {
            change = Math.max(change, Math.abs(c.alleles().get(a).length() - c.ref().length()));
        }
        return change;
    }

    private static double info(VariantCall c, String key) {
        Double v = VariantScorer.value(c, key);
        return v == null ? Double.NaN : v;
    }
}
