package gap.core.io;

import gap.core.GapVersion;
import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.vcf.Decimals;
import gap.core.vcf.FilterFields;
import gap.core.vcf.FormatFields;
import gap.core.vcf.InfoField;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.GenotypeBuilder;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.variantcontext.VariantContextBuilder;
import htsjdk.variant.vcf.VCFContigHeaderLine;
import htsjdk.variant.vcf.VCFEncoder;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes calls in genome order, gives a bgzipped VCF 4.2 with its tabix index, one sample column per genotype of the
 * calls, each record as htsjdk's encoder writes it. Both are written under a hidden temporary name and renamed
 * together by {@link #commit()} ({@link VcfLineWriter}), so a failed run leaves nothing that looks complete. The header names the reference by MD5, never by path, and
 * carries no command line: paths can hold patient identifiers.
 */
public final class VcfSink implements AutoCloseable {
    /** The header key of the reference FASTA's MD5 ({@code ##referenceMd5=…}). */
    public static final String REFERENCE_MD5_KEY = "referenceMd5";

    private final Path target;
    private final List<String> samples;
    private final VcfLineWriter lines;
    private final VCFEncoder encoder;

    /** The reference a VCF was called against: its file name (never its path) and the MD5 of its bytes. */
    public record Reference(String fileName, String md5) implements java.io.Serializable {}

    public VcfSink(Path target, SAMSequenceDictionary dictionary, String sample, Reference reference,
                   double lowQual) {
        this(target, dictionary, List.of(sample), reference, lowQual, List.of());
    }

    /**
     * With {@code samples} (pseudonyms, in the calls' genotype order) as the columns and {@code extraLines} in the
     * header after the standard ones: what a run's options add (the scorer's FILTERs and method, population-count
     * INFO fields).
     */
    public VcfSink(Path target, SAMSequenceDictionary dictionary, List<String> samples, Reference reference,
                   double lowQual, List<? extends VCFHeaderLine> extraLines) {
        this.target = target;
        this.samples = List.copyOf(samples);
        VCFHeader header = header(dictionary, this.samples, reference, lowQual, extraLines);
        this.encoder = new VCFEncoder(header, false, false); // VCFWriter's defaults, as VcfParts
        this.lines = new VcfLineWriter(target, dictionary, header);
    }

    static VCFHeader header(SAMSequenceDictionary dictionary, List<String> samples, Reference reference, double lowQual,
                            List<? extends VCFHeaderLine> extraLines) {
        Set<VCFHeaderLine> lines = new LinkedHashSet<>();
        lines.add(new VCFHeaderLine("source", "gap-" + GapVersion.get()));
        // the VCF spec's form names the file; the MD5 says which bytes (a file name alone proves nothing)
        lines.add(new VCFHeaderLine("reference", "file:" + reference.fileName()));
        lines.add(new VCFHeaderLine(REFERENCE_MD5_KEY, reference.md5()));
        lines.addAll(FilterFields.headerLines(lowQual));
        lines.addAll(extraLines);
        lines.addAll(InfoField.headerLines());
        lines.addAll(FormatFields.headerLines());
        for (SAMSequenceRecord seq : dictionary.getSequences()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("ID", seq.getSequenceName());
            fields.put("length", Integer.toString(seq.getSequenceLength()));
            if (seq.getMd5() != null) {
                fields.put("md5", seq.getMd5()); // the .dict's M5
            }
            if (seq.getAssembly() != null) {
                fields.put("assembly", seq.getAssembly()); // the .dict's AS
            }
            lines.add(new VCFContigHeaderLine(fields, seq.getSequenceIndex()));
        }
        VCFHeader header = new VCFHeader(lines, samples);
        // not setSequenceDictionary: it would rewrite the contig lines with ID and length only, dropping md5 and assembly
        return header;
    }

    public void add(VariantCall call) {
        VariantContext vc = context(call, samples);
        lines.add(vc.getContig(), vc.getStart(), vc.getEnd(), encoder.encode(vc));
    }

    /** The record of {@code call}, its genotypes in the columns of {@code samples}: what this sink writes. */
    static VariantContext context(VariantCall call, List<String> samples) {
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
        // NaN: no QUAL (a somatic call's evidence is its TLOD), written "."
        VariantContextBuilder vc = new VariantContextBuilder("gap", call.contig(), call.position(), call.end(), alleles)
                .log10PError(Double.isNaN(call.qual()) ? VariantContext.NO_LOG10_PERROR : call.qual() / -10.0)
                .attributes(attributes(call.info()))
                .genotypes(genotypes);
        if (!call.ids().isEmpty()) {
            vc.id(String.join(";", call.ids()));
        }
        Filters filters = call.filter();
        if (filters.isPass()) {
            vc.passFilters();
        } else if (filters.isMissing()) {
            vc.unfiltered();
        } else {
            vc.filters(new LinkedHashSet<>(filters.names()));
        }
        return vc.make();
    }

    /**
     * A record built elsewhere (copy-number changes), its samples in this sink's order; genome order as the calls.
     * Its Float FORMAT values of gap's vocabulary are written with their fixed decimals, as the calls' are.
     */
    public void add(VariantContext record) {
        VariantContext vc = formatted(record);
        // as htsjdk's writer did here: the index's per-contig counts are of the calls (VcfPartsInsertionTest)
        lines.add(vc.getContig(), vc.getStart(), vc.getEnd(), encoder.encode(vc), false);
    }

    /** {@code record} with its genotypes' Float FORMAT values of gap's vocabulary as text of fixed decimals. */
    static VariantContext formatted(VariantContext record) {
        List<htsjdk.variant.variantcontext.Genotype> genotypes = new ArrayList<>();
        for (htsjdk.variant.variantcontext.Genotype g : record.getGenotypes()) {
            GenotypeBuilder b = new GenotypeBuilder(g).noAttributes();
            addFormat(b, g.getExtendedAttributes());
            genotypes.add(b.make());
        }
        return new VariantContextBuilder(record).genotypes(genotypes).make();
    }

    /** The INFO values as text where gap fixes the decimals (a Float of gap's vocabulary); the rest as they are. */
    private static Map<String, Object> attributes(Map<String, Object> info) {
        Map<String, Object> out = new LinkedHashMap<>(info);
        for (Map.Entry<String, Object> e : out.entrySet()) {
            int decimals = Decimals.ofInfo(e.getKey());
            if (decimals >= 0) {
                e.setValue(Decimals.text(e.getValue(), decimals));
            }
        }
        return out;
    }

    private static htsjdk.variant.variantcontext.Genotype genotype(String sample, Genotype g, List<Allele> alleles) {
        List<Allele> gt = new ArrayList<>();
        for (int a : g.gt()) {
            gt.add(a < 0 ? Allele.NO_CALL : alleles.get(a));
        }
        GenotypeBuilder b = new GenotypeBuilder(sample, gt);
        b.AD(g.ad().stream().mapToInt(Integer::intValue).toArray()).DP(g.dp());
        if (g.gq() >= 0) {
            b.GQ(g.gq());
        }
        if (!g.pl().isEmpty()) {
            b.PL(g.pl().stream().mapToInt(Integer::intValue).toArray());
        }
        if (!g.pp().isEmpty()) {
            b.attribute(FormatFields.POSTERIORS, g.pp().stream().mapToInt(Integer::intValue).toArray());
        }
        if (g.dnq() >= 0) {
            b.attribute(FormatFields.DE_NOVO_QUALITY, g.dnq());
        }
        if (!g.af().isEmpty()) {
            b.attribute(FormatFields.ALLELE_FRACTION, g.af().stream()
                    .map(f -> String.format(java.util.Locale.ROOT, "%.3f", f)).toList());
        }
        addFormat(b, g.format());
        return b.make();
    }

    /** FORMAT values as text where gap fixes the decimals (a Float of gap's vocabulary); the rest as they are. */
    private static void addFormat(GenotypeBuilder b, Map<String, Object> format) {
        format.forEach((key, value) -> {
            int decimals = Decimals.ofFormat(key);
            b.attribute(key, decimals >= 0 ? Decimals.text(value, decimals) : value);
        });
    }

    /**
     * Ends the file and its index and moves the index, then the VCF, to their final names. A previous VCF under the
     * name goes first, so at no moment does an old VCF stand beside the new index: killed in between, no VCF is there.
     */
    public void commit() {
        lines.commit();
    }

    public Path target() {
        return target;
    }

    /** Without {@link #commit()}: deletes the partial files. */
    @Override
    public void close() {
        lines.close();
    }
}
