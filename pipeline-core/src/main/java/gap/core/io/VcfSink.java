package gap.core.io;

import gap.core.GapVersion;
import gap.core.calling.Annotator;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.GenotypeBuilder;
import htsjdk.variant.variantcontext.VariantContextBuilder;
import htsjdk.variant.variantcontext.writer.Options;
import htsjdk.variant.variantcontext.writer.VariantContextWriter;
import htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder;
import htsjdk.variant.vcf.VCFConstants;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFFilterHeaderLine;
import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import htsjdk.variant.vcf.VCFStandardHeaderLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes calls in genome order, gives a bgzipped VCF 4.2 with its tabix index, one sample column per genotype of the
 * calls. Both are written under a temporary
 * name ending in {@code .vcf.gz} (htsjdk picks the format from the name) and renamed together by {@link #commit()},
 * so a failed run leaves nothing that looks complete. The header names the reference by MD5, never by path, and
 * carries no command line: paths can hold patient identifiers.
 */
public final class VcfSink implements AutoCloseable {
    private static final String PARTIAL = ".partial.vcf.gz";

    private final Path target;
    private final Path partial;
    private final List<String> samples;
    private final VariantContextWriter writer;
    private boolean done;

    public VcfSink(Path target, SAMSequenceDictionary dictionary, String sample, String referenceMd5,
                   double lowQual) {
        this(target, dictionary, List.of(sample), referenceMd5, lowQual, List.of());
    }

    /**
     * With {@code samples} (pseudonyms, in the calls' genotype order) as the columns and {@code extraLines} in the
     * header after the standard ones: what a run's options add (the scorer's FILTERs and method, population-count
     * INFO fields).
     */
    public VcfSink(Path target, SAMSequenceDictionary dictionary, List<String> samples, String referenceMd5,
                   double lowQual, List<? extends VCFHeaderLine> extraLines) {
        if (!target.getFileName().toString().endsWith(".vcf.gz")) {
            throw new IllegalArgumentException("output must end in .vcf.gz");
        }
        this.target = target;
        String name = target.getFileName().toString();
        this.partial = target.resolveSibling(name.substring(0, name.length() - ".vcf.gz".length()) + PARTIAL);
        this.samples = List.copyOf(samples);
        this.writer = new VariantContextWriterBuilder()
                .setOutputPath(partial)
                .setReferenceDictionary(dictionary)
                .setOutputFileType(VariantContextWriterBuilder.OutputType.BLOCK_COMPRESSED_VCF)
                .setOption(Options.INDEX_ON_THE_FLY)
                .unsetOption(Options.DO_NOT_WRITE_GENOTYPES)
                .build();
        writer.writeHeader(header(dictionary, this.samples, referenceMd5, lowQual, extraLines));
    }

    /**
     * The INFO fields this sink declares: what every call's {@code info} may hold, for other writers' schemas. All
     * are declared whether or not a run fills them (VQSLOD needs a trained model, ExcessHet several samples), so the
     * files of different runs share one schema. Descriptions are the standard ones (VCF, GATK), so tools and users
     * recognise them.
     */
    public static List<VCFInfoHeaderLine> infoHeaderLines() {
        return List.of(
                VCFStandardHeaderLines.getInfoLine(VCFConstants.ALLELE_COUNT_KEY),
                VCFStandardHeaderLines.getInfoLine(VCFConstants.ALLELE_FREQUENCY_KEY),
                VCFStandardHeaderLines.getInfoLine(VCFConstants.ALLELE_NUMBER_KEY),
                VCFStandardHeaderLines.getInfoLine(VCFConstants.DEPTH_KEY),
                floatLine(Annotator.QD, "Variant Confidence/Quality by Depth"),
                floatLine(Annotator.FS, "Phred-scaled p-value using Fisher's exact test to detect strand bias"),
                floatLine(Annotator.SOR, "Symmetric Odds Ratio of 2x2 contingency table to detect strand bias"),
                VCFStandardHeaderLines.getInfoLine(VCFConstants.RMS_MAPPING_QUALITY_KEY),
                floatLine(Annotator.MQ_RANK_SUM, "Z-score From Wilcoxon rank sum test of Alt vs. Ref read mapping"
                        + " qualities"),
                floatLine(Annotator.READ_POS_RANK_SUM, "Z-score from Wilcoxon rank sum test of Alt vs. Ref read"
                        + " position bias"),
                floatLine(Annotator.BASE_Q_RANK_SUM, "Z-score from Wilcoxon rank sum test of Alt Vs. Ref base"
                        + " qualities"),
                floatLine(Annotator.EXCESS_HET, "Phred-scaled p-value for exact test of excess heterozygosity"),
                floatLine(VQSLOD, "Log odds of being a true variant versus being false under the trained gaussian"
                        + " mixture model"),
                new VCFInfoHeaderLine(DE_NOVO, VCFHeaderLineCount.UNBOUNDED, VCFHeaderLineType.String,
                        "Children (sample pseudonyms) whose genotype here is de novo with FORMAT/DNQ at or above the"
                        + " run's threshold"));
    }

    /** INFO key of the children with a de novo call at a site. */
    public static final String DE_NOVO = "DENOVO";
    /** FORMAT key of the genotype posteriors a prior beyond the population's gives (GATK's name). */
    public static final String POSTERIORS = "PP";
    /** FORMAT key of a child's de novo quality. */
    public static final String DE_NOVO_QUALITY = "DNQ";

    /** INFO key of the scorer's log odds (GATK VQSR's name). */
    public static final String VQSLOD = "VQSLOD";

    private static VCFInfoHeaderLine floatLine(String key, String description) {
        return new VCFInfoHeaderLine(key, 1, VCFHeaderLineType.Float, description);
    }

    static VCFHeader header(SAMSequenceDictionary dictionary, List<String> samples, String referenceMd5, double lowQual,
                            List<? extends VCFHeaderLine> extraLines) {
        Set<VCFHeaderLine> lines = new LinkedHashSet<>();
        lines.add(new VCFHeaderLine("source", "gap-" + GapVersion.get()));
        lines.add(new VCFHeaderLine("reference", "md5:" + referenceMd5));
        lines.add(new VCFFilterHeaderLine("PASS", "All filters passed"));
        lines.add(new VCFFilterHeaderLine("LowQual", "Low quality: QUAL below " + formatNumber(lowQual)));
        lines.addAll(extraLines);
        lines.addAll(infoHeaderLines());
        for (String key : List.of(VCFConstants.GENOTYPE_KEY, VCFConstants.GENOTYPE_ALLELE_DEPTHS, VCFConstants.DEPTH_KEY,
                VCFConstants.GENOTYPE_QUALITY_KEY, VCFConstants.GENOTYPE_PL_KEY)) {
            lines.add(VCFStandardHeaderLines.getFormatLine(key));
        }
        lines.add(new VCFFormatHeaderLine(POSTERIORS, VCFHeaderLineCount.G, VCFHeaderLineType.Integer,
                "Phred-scaled posterior genotype probabilities (the trio's), normalised; GT and GQ follow them"));
        lines.add(new VCFFormatHeaderLine(DE_NOVO_QUALITY, 1, VCFHeaderLineType.Integer,
                "Phred-scaled posterior that the child's genotype is de novo, from the trio's genotype likelihoods"));
        for (SAMSequenceRecord seq : dictionary.getSequences()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("ID", seq.getSequenceName());
            fields.put("length", Integer.toString(seq.getSequenceLength()));
            lines.add(new VCFContigHeaderLine(fields, seq.getSequenceIndex()));
        }
        VCFHeader header = new VCFHeader(lines, samples);
        header.setSequenceDictionary(dictionary);
        return header;
    }

    private static String formatNumber(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    public void add(VariantCall call) {
        List<Allele> alleles = new ArrayList<>();
        for (int i = 0; i < call.alleles().size(); i++) {
            alleles.add(Allele.create(call.alleles().get(i), i == 0));
        }
        if (call.genotypes().size() != samples.size()) {
            throw new IllegalArgumentException("a call with " + call.genotypes().size() + " genotypes for "
                    + samples.size() + " samples");
        }
        List<htsjdk.variant.variantcontext.Genotype> genotypes = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            genotypes.add(genotype(samples.get(s), call.genotype(s), alleles));
        }
        VariantContextBuilder vc = new VariantContextBuilder("gap", call.contig(), call.position(), call.end(), alleles)
                .log10PError(call.qual() / -10.0)
                .attributes(call.info())
                .genotypes(genotypes);
        if ("PASS".equals(call.filter())) {
            vc.passFilters();
        } else {
            vc.filters(new LinkedHashSet<>(List.of(call.filter().split(";")))); // several failed filters: a;b
        }
        writer.add(vc.make());
    }

    private static htsjdk.variant.variantcontext.Genotype genotype(String sample, Genotype g, List<Allele> alleles) {
        GenotypeBuilder b = g.isCalled()
                ? new GenotypeBuilder(sample, List.of(alleles.get(g.allele1()), alleles.get(g.allele2())))
                : new GenotypeBuilder(sample, List.of(Allele.NO_CALL, Allele.NO_CALL));
        b.AD(g.ad().stream().mapToInt(Integer::intValue).toArray()).DP(g.dp());
        if (g.gq() >= 0) {
            b.GQ(g.gq());
        }
        if (!g.pl().isEmpty()) {
            b.PL(g.pl().stream().mapToInt(Integer::intValue).toArray());
        }
        if (!g.pp().isEmpty()) {
            b.attribute(POSTERIORS, g.pp().stream().mapToInt(Integer::intValue).toArray());
        }
        if (g.dnq() >= 0) {
            b.attribute(DE_NOVO_QUALITY, g.dnq());
        }
        return b.make();
    }

    /** Closes the writer and moves the index, then the VCF, to their final names. */
    public void commit() {
        writer.close();
        done = true;
        try {
            Files.move(indexOf(partial), indexOf(target), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished VCF into place", e);
        }
    }

    public Path target() {
        return target;
    }

    private static Path indexOf(Path vcf) {
        return vcf.resolveSibling(vcf.getFileName() + ".tbi");
    }

    /** Without {@link #commit()}: deletes the partial files. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            writer.close();
        } catch (RuntimeException ignored) {
            // the run already failed; what matters now is that no partial file is left
        }
        try {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(indexOf(partial));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
