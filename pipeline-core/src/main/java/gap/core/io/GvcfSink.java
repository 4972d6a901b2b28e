package gap.core.io;

import gap.core.model.GvcfRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.GenotypeBuilder;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.variantcontext.VariantContextBuilder;
import htsjdk.variant.vcf.VCFEncoder;
import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import htsjdk.variant.vcf.VCFSimpleHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Takes one sample's gVCF records in genome order (each shard's), gives its bgzipped gVCF and tabix index (through
 * {@link VcfLineWriter}: written under a temporary name, renamed by {@link #commit()}). Blocks of one key (GQ band and het PL
 * bucket) that meet across a shard boundary become one (a block listing bases besides REF never merges), and a block starting inside an earlier variant record's reference allele starts after
 * it, so the file does not depend on where shards begin.
 */
public final class GvcfSink implements AutoCloseable, java.util.function.Consumer<GvcfRecord> {
    public static final String NON_REF = "<NON_REF>";
    public static final String END = "END";
    public static final String MIN_DP = "MIN_DP";
    public static final String STRAND_TABLE = "SB";
    public static final String RAW_MQ = "RAW_MQandDP";
    public static final String RAW_MQ_RANK_SUM = "RAW_MQRankSum";
    public static final String RAW_READ_POS_RANK_SUM = "RAW_ReadPosRankSum";
    public static final String RAW_BASE_Q_RANK_SUM = "RAW_BaseQRankSum";
    /** chrM: per ALT its heteroplasmic fraction, log10 odds against absence, phred odds of absence. */
    public static final String[] HETEROPLASMY = {"HPF", "HPLOD", "HPABS"};

    private final VcfLineWriter lines;
    private final VCFEncoder encoder;
    private final String sample;
    private final java.util.function.ToLongFunction<GvcfRecord> blockKey;
    private final BiFunction<String, Integer, Character> refBase;
    private GvcfRecord pending;
    private String coveredContig = "";
    private int coveredUntil;

    /**
     * A gVCF of {@code sample} (its pseudonym) at {@code target}; {@code blockKey} gives a block's key, {@code refBase} the
     * reference base at a contig's position (for a block that must start later).
     */
    public GvcfSink(Path target, SAMSequenceDictionary dictionary, String sample, VcfSink.Reference reference,
                    double lowQual, List<String> bandLines, java.util.function.ToLongFunction<GvcfRecord> blockKey,
                    BiFunction<String, Integer, Character> refBase) {
        this.sample = sample;
        this.blockKey = blockKey;
        this.refBase = refBase;
        List<VCFHeaderLine> extra = new ArrayList<>(headerLines());
        for (int i = 0; i < bandLines.size(); i++) {
            extra.add(new VCFHeaderLine("GVCFBlock" + i, bandLines.get(i)));
        }
        VCFHeader header = VcfSink.header(dictionary, List.of(sample), reference, lowQual, extra);
        this.encoder = new VCFEncoder(header, false, false); // VCFWriter's defaults, as VcfParts
        this.lines = new VcfLineWriter(target, dictionary, header);
    }

    /** The header lines a gVCF adds to a VCF's. */
    static List<VCFHeaderLine> headerLines() {
        Map<String, String> nonRef = new LinkedHashMap<>();
        nonRef.put("ID", "NON_REF");
        nonRef.put("Description", "Any allele at this position other than those listed");
        return List.of(new VCFSimpleHeaderLine("ALT", nonRef),
                new VCFInfoHeaderLine(END, 1, VCFHeaderLineType.Integer, "Last position of this reference block"),
                new VCFInfoHeaderLine(RAW_MQ, 2, VCFHeaderLineType.Integer,
                        "Sum of squared mapping qualities and fragments counted, for a joint MQ"),
                rankSumLine(RAW_MQ_RANK_SUM, "mapping qualities"),
                rankSumLine(RAW_READ_POS_RANK_SUM, "read positions"),
                rankSumLine(RAW_BASE_Q_RANK_SUM, "base qualities"),
                new VCFFormatHeaderLine(HETEROPLASMY[0], htsjdk.variant.vcf.VCFHeaderLineCount.A,
                        VCFHeaderLineType.Float, "chrM: fraction of the sample's mtDNA carrying the allele"),
                new VCFFormatHeaderLine(HETEROPLASMY[1], htsjdk.variant.vcf.VCFHeaderLineCount.A,
                        VCFHeaderLineType.Float, "chrM: log10 odds of the allele's fraction against none"),
                new VCFFormatHeaderLine(HETEROPLASMY[2], htsjdk.variant.vcf.VCFHeaderLineCount.A,
                        VCFHeaderLineType.Float, "chrM: phred odds of the allele's absence against the least"
                        + " fraction reported"),
                new VCFFormatHeaderLine(MIN_DP, 1, VCFHeaderLineType.Integer, "Least depth of the reference block"),
                new VCFFormatHeaderLine(STRAND_TABLE, 4, VCFHeaderLineType.Integer,
                        "Informative fragments: REF forward, REF reverse, ALT forward, ALT reverse"));
    }

    private static VCFInfoHeaderLine rankSumLine(String key, String what) {
        return new VCFInfoHeaderLine(key, 1, VCFHeaderLineType.String, "Histograms of the " + what
                + " of ALT-supporting then REF-supporting fragments, value,count pairs, the two separated by |");
    }

    @Override
    public void accept(GvcfRecord r) {
        if (!r.isBlock()) {
            flush();
            write(r);
            if (!r.contig().equals(coveredContig) || r.end() > coveredUntil) {
                coveredContig = r.contig();
                coveredUntil = r.end();
            }
            return;
        }
        if (r.contig().equals(coveredContig) && r.position() <= coveredUntil) {
            if (r.end() <= coveredUntil) {
                return;
            }
            int start = coveredUntil + 1;
            r = GvcfRecord.block(r.contig(), start, r.end(), refBase.apply(r.contig(), start), r.gq(), r.pl(),
                    r.minDp());
        }
        if (pending != null && pending.contig().equals(r.contig()) && pending.end() + 1 == r.position()
                && !pending.isAlleleBlock() && !r.isAlleleBlock()
                && blockKey.applyAsLong(pending) == blockKey.applyAsLong(r)) {
            pending = pending.extend(r);
        } else {
            flush();
            pending = r;
        }
    }

    private void flush() {
        if (pending != null) {
            write(pending);
            pending = null;
        }
    }

    private void write(GvcfRecord r) {
        if (r.isBlock() && r.dp() >= 0 && r.gq() >= 0 && r.minDp() >= 0) {
            lines.add(r.contig(), r.position(), r.end(), blockLine(r));
            return;
        }
        VariantContext vc = context(r);
        lines.add(vc.getContig(), vc.getStart(), vc.getEnd(), encoder.encode(vc));
    }

    /** The record's line as htsjdk's encoder writes it (what {@link #blockLine} must equal for a block). */
    String encoded(GvcfRecord r) {
        return encoder.encode(context(r));
    }

    /**
     * A reference block's line, as htsjdk's encoder writes its {@link #context}: no ID, QUAL or FILTER, INFO
     * {@code END}, FORMAT {@code GT} then the others in alphabetical order. Most of a gVCF's lines are blocks, and
     * an htsjdk record per line cost more than the rest of writing it.
     */
    static String blockLine(GvcfRecord r) {
        StringBuilder b = new StringBuilder(96).append(r.contig()).append('\t').append(r.position()).append("\t.\t")
                .append(r.ref()).append('\t');
        for (int i = 1; i < r.alleles().size(); i++) {
            b.append(r.alleles().get(i)).append(',');
        }
        b.append(NON_REF).append("\t.\t.\t").append(END).append('=').append(r.end()).append("\tGT:DP:GQ:")
                .append(MIN_DP).append(":PL\t");
        for (int i = 0; i < r.gt().length; i++) {
            b.append(i == 0 ? "" : "/");
            if (r.gt()[i] < 0) {
                b.append('.');
            } else {
                b.append(r.gt()[i]);
            }
        }
        b.append(':').append(r.dp()).append(':').append(r.gq()).append(':').append(r.minDp()).append(':');
        for (int i = 0; i < r.pl().length; i++) {
            b.append(i == 0 ? "" : ",").append(r.pl()[i]);
        }
        return b.toString();
    }

    /** The record as htsjdk's VCF encoder takes it. */
    private VariantContext context(GvcfRecord r) {
        List<Allele> alleles = new ArrayList<>();
        for (int i = 0; i < r.alleles().size(); i++) {
            alleles.add(Allele.create(r.alleles().get(i), i == 0));
        }
        alleles.add(Allele.create(NON_REF, false));
        List<Allele> gt = new ArrayList<>();
        for (int a : r.gt()) {
            gt.add(a < 0 ? Allele.NO_CALL : alleles.get(a));
        }
        GenotypeBuilder g = new GenotypeBuilder(sample, gt).GQ(r.gq()).DP(r.dp()).PL(r.pl());
        VariantContextBuilder vc = new VariantContextBuilder("gap", r.contig(), r.position(), r.end(), alleles);
        if (r.isBlock()) {
            vc.attribute(END, r.end());
            g.attribute(MIN_DP, r.minDp());
        } else {
            int[] ad = java.util.Arrays.copyOf(r.ad(), r.ad().length + 1);
            g.AD(ad).attribute(STRAND_TABLE, r.raw().strands());
            for (int h = 0; r.raw().heteroplasmy() != null && h < HETEROPLASMY.length; h++) {
                g.attribute(HETEROPLASMY[h], decimals(r.raw().heteroplasmy()[h]));
            }
            vc.log10PError(r.qual() / -10.0);
            vc.attribute(gap.core.vcf.InfoField.DP.key(), r.dp());
            vc.attribute(RAW_MQ, List.of(Math.round(r.raw().mqSquares()), r.raw().mqCount()));
            vc.attribute(RAW_MQ_RANK_SUM, histograms(r.raw().mqRankSum()));
            vc.attribute(RAW_READ_POS_RANK_SUM, histograms(r.raw().readPosRankSum()));
            vc.attribute(RAW_BASE_Q_RANK_SUM, histograms(r.raw().baseQRankSum()));
        }
        return vc.genotypes(g.make()).make();
    }

    /** Values with six significant digits, comma-separated: what joint genotyping reads back. */
    private static String decimals(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.6g", v));
        }
        return b.toString();
    }

    /** ALT and REF histograms as text: {@code 60,12,59,1|60,30}. */
    static String histograms(int[][] altRef) {
        return join(altRef[0]) + "|" + join(altRef[1]);
    }

    private static String join(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }

    /** Writes the last block, closes the file and moves it and its index into place. */
    public void commit() {
        flush();
        lines.commit();
    }

    @Override
    public void close() {
        lines.close();
    }
}
