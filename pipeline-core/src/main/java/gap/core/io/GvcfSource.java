package gap.core.io;

import gap.core.model.GvcfRecord;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.Genotype;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one sample's gVCF (bgzipped, tabix-indexed, as {@code gap call --gvcf} writes it), gives its records
 * overlapping a stretch of a contig: reference blocks and variant records, {@code <NON_REF>} (or {@code <*>}) taken
 * off the alleles and kept as the last column of PL.
 */
public final class GvcfSource implements AutoCloseable {
    private final VCFFileReader reader;

    public GvcfSource(Path gvcf, Path index) {
        this.reader = new VCFFileReader(gvcf, index, true);
    }

    /** The sample's column name: its pseudonym. */
    public String sample() {
        return reader.getFileHeader().getGenotypeSamples().get(0);
    }

    /** Records overlapping {@code from..to} of {@code contig}, in file order. */
    public List<GvcfRecord> query(String contig, int from, int to) {
        List<GvcfRecord> out = new ArrayList<>();
        try (var it = reader.query(contig, from, to)) {
            while (it.hasNext()) {
                out.add(record(it.next()));
            }
        }
        return out;
    }

    static GvcfRecord record(VariantContext vc) {
        List<String> alleles = new ArrayList<>();
        for (Allele a : vc.getAlleles()) {
            if (!a.isSymbolic()) {
                alleles.add(a.getBaseString());
            }
        }
        Genotype g = vc.getGenotype(0);
        int[] gt = new int[] {-1, -1};
        if (g.isCalled()) {
            gt[0] = vc.getAlleleIndex(g.getAllele(0));
            gt[1] = vc.getAlleleIndex(g.getAllele(g.getPloidy() - 1));
            java.util.Arrays.sort(gt);
        }
        int[] pl = g.hasPL() ? g.getPL() : new int[gap.core.model.GenotypeLikelihoods.genotypeCount(alleles.size() + 1)];
        int dp = g.hasDP() ? g.getDP() : 0;
        int gq = g.hasGQ() ? g.getGQ() : 0;
        if (vc.hasAttribute(GvcfSink.END)) {
            int minDp = g.hasExtendedAttribute(GvcfSink.MIN_DP)
                    ? Integer.parseInt(g.getExtendedAttribute(GvcfSink.MIN_DP).toString()) : dp;
            return GvcfRecord.block(vc.getContig(), vc.getStart(), vc.getEnd(), alleles.get(0).charAt(0), gq, pl,
                    minDp);
        }
        int[] ad = g.hasAD() ? java.util.Arrays.copyOf(g.getAD(), alleles.size()) : new int[alleles.size()];
        return new GvcfRecord(vc.getContig(), vc.getStart(), vc.getEnd(), alleles, vc.getPhredScaledQual(), gt, gq,
                pl, dp, -1, ad, raw(vc, g));
    }

    private static GvcfRecord.RawAnnotations raw(VariantContext vc, Genotype g) {
        int[] strands = g.hasExtendedAttribute(GvcfSink.STRAND_TABLE)
                ? ints(g.getExtendedAttribute(GvcfSink.STRAND_TABLE).toString()) : new int[4];
        List<String> mq = vc.getAttributeAsStringList(GvcfSink.RAW_MQ, "");
        double squares = mq.size() == 2 ? Double.parseDouble(mq.get(0)) : 0;
        int count = mq.size() == 2 ? Integer.parseInt(mq.get(1)) : 0;
        return new GvcfRecord.RawAnnotations(strands, squares, count, histograms(vc, GvcfSink.RAW_MQ_RANK_SUM),
                histograms(vc, GvcfSink.RAW_READ_POS_RANK_SUM), histograms(vc, GvcfSink.RAW_BASE_Q_RANK_SUM),
                heteroplasmy(g));
    }

    /** chrM's per-ALT heteroplasmy rows, null when the record has none. */
    private static double[][] heteroplasmy(Genotype g) {
        if (!g.hasExtendedAttribute(GvcfSink.HETEROPLASMY[0])) {
            return null;
        }
        double[][] h = new double[GvcfSink.HETEROPLASMY.length][];
        for (int i = 0; i < h.length; i++) {
            String s = g.getExtendedAttribute(GvcfSink.HETEROPLASMY[i]).toString().replace("[", "").replace("]", "")
                    .replace(" ", "");
            h[i] = java.util.Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        return h;
    }

    private static int[][] histograms(VariantContext vc, String key) {
        String text = vc.getAttributeAsString(key, "|");
        int bar = text.indexOf('|');
        return new int[][] {ints(text.substring(0, Math.max(bar, 0))), ints(text.substring(bar + 1))};
    }

    private static int[] ints(String csv) {
        String s = csv.replace("[", "").replace("]", "").replace(" ", "");
        return s.isEmpty() ? new int[0] : java.util.Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public void close() {
        reader.close();
    }
}
