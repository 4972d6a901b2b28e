package gap.core.io;

import gap.core.GapVersion;
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
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
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
 * Takes calls in genome order, gives a bgzipped VCF 4.2 with its tabix index. Both are written under a temporary
 * name ending in {@code .vcf.gz} (htsjdk picks the format from the name) and renamed together by {@link #commit()},
 * so a failed run leaves nothing that looks complete. The header names the reference by MD5, never by path, and
 * carries no command line: paths can hold patient identifiers.
 */
public final class VcfSink implements AutoCloseable {
    private static final String PARTIAL = ".partial.vcf.gz";

    private final Path target;
    private final Path partial;
    private final String sample;
    private final VariantContextWriter writer;
    private boolean done;

    public VcfSink(Path target, SAMSequenceDictionary dictionary, String sample, String referenceMd5,
                   double lowQual) {
        this(target, dictionary, sample, referenceMd5, lowQual, List.of());
    }

    /** With INFO lines beyond {@link #infoHeaderLines()}: those a run's options add (population counts, say). */
    public VcfSink(Path target, SAMSequenceDictionary dictionary, String sample, String referenceMd5,
                   double lowQual, Collection<VCFInfoHeaderLine> extraInfoLines) {
        if (!target.getFileName().toString().endsWith(".vcf.gz")) {
            throw new IllegalArgumentException("output must end in .vcf.gz");
        }
        this.target = target;
        String name = target.getFileName().toString();
        this.partial = target.resolveSibling(name.substring(0, name.length() - ".vcf.gz".length()) + PARTIAL);
        this.sample = sample;
        this.writer = new VariantContextWriterBuilder()
                .setOutputPath(partial)
                .setReferenceDictionary(dictionary)
                .setOutputFileType(VariantContextWriterBuilder.OutputType.BLOCK_COMPRESSED_VCF)
                .setOption(Options.INDEX_ON_THE_FLY)
                .unsetOption(Options.DO_NOT_WRITE_GENOTYPES)
                .build();
        writer.writeHeader(header(dictionary, sample, referenceMd5, lowQual, extraInfoLines));
    }

    /** The INFO fields this sink declares: what every call's {@code info} may hold, for other writers' schemas. */
    public static List<VCFInfoHeaderLine> infoHeaderLines() {
        return List.of(VCFStandardHeaderLines.getInfoLine(VCFConstants.DEPTH_KEY));
    }

    static VCFHeader header(SAMSequenceDictionary dictionary, String sample, String referenceMd5, double lowQual,
                            Collection<VCFInfoHeaderLine> extraInfoLines) {
        Set<VCFHeaderLine> lines = new LinkedHashSet<>();
        lines.add(new VCFHeaderLine("source", "gap-" + GapVersion.get()));
        lines.add(new VCFHeaderLine("reference", "md5:" + referenceMd5));
        lines.add(new VCFFilterHeaderLine("PASS", "All filters passed"));
        lines.add(new VCFFilterHeaderLine("LowQual", "Low quality: QUAL below " + formatNumber(lowQual)));
        lines.addAll(infoHeaderLines());
        lines.addAll(extraInfoLines);
        for (String key : List.of(VCFConstants.GENOTYPE_KEY, VCFConstants.GENOTYPE_ALLELE_DEPTHS, VCFConstants.DEPTH_KEY,
                VCFConstants.GENOTYPE_QUALITY_KEY, VCFConstants.GENOTYPE_PL_KEY)) {
            lines.add(VCFStandardHeaderLines.getFormatLine(key));
        }
        for (SAMSequenceRecord seq : dictionary.getSequences()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("ID", seq.getSequenceName());
            fields.put("length", Integer.toString(seq.getSequenceLength()));
            lines.add(new VCFContigHeaderLine(fields, seq.getSequenceIndex()));
        }
        VCFHeader header = new VCFHeader(lines, List.of(sample));
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
        Genotype g = call.genotype();
        htsjdk.variant.variantcontext.Genotype genotype = new GenotypeBuilder(sample,
                List.of(alleles.get(g.allele1()), alleles.get(g.allele2())))
                .AD(g.ad().stream().mapToInt(Integer::intValue).toArray())
                .DP(g.dp())
                .GQ(g.gq())
                .PL(g.pl().stream().mapToInt(Integer::intValue).toArray())
                .make();
        VariantContextBuilder vc = new VariantContextBuilder("gap", call.contig(), call.position(), call.end(), alleles)
                .log10PError(call.qual() / -10.0)
                .attributes(call.info())
                .genotypes(genotype);
        if ("PASS".equals(call.filter())) {
            vc.passFilters();
        } else {
            vc.filter(call.filter());
        }
        writer.add(vc.make());
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
