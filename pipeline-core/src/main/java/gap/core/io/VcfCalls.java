package gap.core.io;

import gap.core.UserException;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import gap.core.vcf.FormatFields;
import gap.core.vcf.InfoField;
import htsjdk.samtools.SAMException;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import htsjdk.variant.vcf.VCFHeader;
import htsjdk.variant.vcf.VCFHeaderLine;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes a VCF that {@code gap call} wrote (one or several samples, diploid genotypes with AD, DP, GQ, PL, or {@code ./.}
 * with AD and DP; DNQ where a trio's child has one), gives its calls as the caller made them, with the INFO values gap
 * declares (typed, {@link VcfRecords}), and what a writer needs to write them again: the sequence dictionary, the samples' names
 * and the reference MD5. Errors never quote a sample's name.
 */
public final class VcfCalls {
    /** The calls of a VCF, in its order, with its dictionary, sample names (in column order) and reference. */
    public record Contents(List<VariantCall> calls, SAMSequenceDictionary dictionary, List<String> samples,
                           VcfSink.Reference reference) {
        public String referenceMd5() {
            return reference.md5();
        }
    }

    private VcfCalls() {}

    public static Contents read(Path vcf, String label) {
        InputValidator.requireFile(vcf, label);
        List<VCFInfoHeaderLine> declared = InfoField.headerLines();
        List<VariantCall> calls = new ArrayList<>();
        try (VCFFileReader reader = new VCFFileReader(vcf, false);
             CloseableIterator<VariantContext> it = reader.iterator()) {
            VCFHeader header = reader.getFileHeader();
            List<String> samples = header.getGenotypeSamples();
            if (samples.isEmpty()) {
                throw new UserException(label + " has no sample columns: give a VCF written by gap call");
            }
            SAMSequenceDictionary dictionary = header.getSequenceDictionary();
            if (dictionary == null || dictionary.isEmpty()) {
                throw new UserException(label + " has no ##contig lines: give a VCF written by gap call");
            }
            keepContigAttributes(header, dictionary);
            String md5 = referenceMd5(header);
            if (md5 == null) {
                throw new UserException(label + " has no ##referenceMd5 line: give a VCF written by gap call");
            }
            String contig = null;
            int last = 0;
            while (it.hasNext()) {
                VariantContext vc = it.next();
                if (vc.getContig().equals(contig) && vc.getStart() < last) {
                    throw new UserException(label + " is not sorted (at " + vc.getContig() + ":" + vc.getStart()
                            + "): sort it with 'bcftools sort'");
                }
                contig = vc.getContig();
                last = vc.getStart();
                calls.add(call(vc, samples, declared, label));
            }
            return new Contents(calls, dictionary, samples, new VcfSink.Reference(referenceName(header), md5));
        } catch (TribbleException | SAMException e) {
            throw new UserException(label + " could not be read as VCF (" + e.getClass().getSimpleName()
                    + "): check it with 'bcftools view'", e);
        }
    }

    /** htsjdk's dictionary of a VCF keeps ID and length only: a VCF written again keeps the md5 and assembly too. */
    private static void keepContigAttributes(VCFHeader header, SAMSequenceDictionary dictionary) {
        for (htsjdk.variant.vcf.VCFContigHeaderLine line : header.getContigLines()) {
            htsjdk.samtools.SAMSequenceRecord record = dictionary.getSequence(line.getID());
            java.util.Map<String, String> fields = line.getGenericFields();
            if (record != null && fields.get("md5") != null) {
                record.setMd5(fields.get("md5"));
            }
            if (record != null && fields.get("assembly") != null) {
                record.setAssembly(fields.get("assembly"));
            }
        }
    }

    /** The reference MD5 of a gap VCF: {@code ##referenceMd5=}, or {@code ##reference=md5:} as gap wrote before. */
    public static String referenceMd5(VCFHeader header) {
        for (VCFHeaderLine line : header.getMetaDataInInputOrder()) {
            if (line.getKey().equals(VcfSink.REFERENCE_MD5_KEY) && line.getValue().matches("[0-9a-f]{32}")) {
                return line.getValue();
            }
            if (line.getKey().equals("reference") && line.getValue().matches("md5:[0-9a-f]{32}")) {
                return line.getValue().substring("md5:".length());
            }
        }
        return null;
    }

    /** The reference's file name of {@code ##reference=file:…}; "unknown" in VCFs gap wrote before it wrote one. */
    private static String referenceName(VCFHeader header) {
        for (VCFHeaderLine line : header.getMetaDataInInputOrder()) {
            if (line.getKey().equals("reference") && line.getValue().startsWith("file:")) {
                String value = line.getValue().substring("file:".length());
                return value.substring(value.lastIndexOf('/') + 1);
            }
        }
        return "unknown";
    }

    private static VariantCall call(VariantContext vc, List<String> samples, List<VCFInfoHeaderLine> declared,
                                    String label) {
        List<String> alleles = new ArrayList<>();
        for (Allele a : vc.getAlleles()) {
            alleles.add(a.getBaseString());
        }
        List<Genotype> genotypes = new ArrayList<>();
        for (String sample : samples) {
            genotypes.add(genotype(vc, vc.getGenotype(sample), label));
        }
        List<String> ids = vc.hasID() ? List.of(vc.getID().split(";")) : List.of();
        return new VariantCall(vc.getContig(), vc.getStart(), alleles, vc.getPhredScaledQual(),
                VcfRecords.filters(vc), VcfRecords.info(vc, declared), genotypes, ids);
    }

    private static Genotype genotype(VariantContext vc, htsjdk.variant.variantcontext.Genotype g, String label) {
        int ploidy = g == null ? 0 : g.getPloidy();
        boolean complete = (ploidy == 1 || ploidy == 2) && g.hasAD() && g.hasDP();
        if (complete && g.isNoCall()) {
            return Genotype.noCall(g.getAD().length, g.getDP(), ploidy).withAd(boxed(g.getAD()));
        }
        List<Double> af = fractions(g);
        // a chrM genotype measures heteroplasmy (AF) instead of weighing genotypes: it has no PL
        if (!complete || g.isMixed() || !g.hasGQ() || (!g.hasPL() && af.isEmpty())) {
            throw new UserException(label + " record " + vc.getContig() + ":" + vc.getStart() + " lacks a GT"
                    + " with AD, DP, GQ and PL: give a VCF written by gap call");
        }
        int a1 = vc.getAlleleIndex(g.getAllele(0));
        int a2 = vc.getAlleleIndex(g.getAllele(ploidy - 1));
        Integer dnq = VcfRecords.integer(g.getExtendedAttribute(FormatFields.DE_NOVO_QUALITY));
        return new Genotype(Math.min(a1, a2), Math.max(a1, a2), g.getGQ(), g.hasPL() ? boxed(g.getPL()) : List.of(),
                boxed(g.getAD()), g.getDP(), dnq == null ? -1 : dnq, ploidy, af);
    }

    private static List<Double> fractions(htsjdk.variant.variantcontext.Genotype g) {
        Object af = g == null ? null : g.getExtendedAttribute(FormatFields.ALLELE_FRACTION);
        if (af == null) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (String v : af.toString().replace("[", "").replace("]", "").split(",")) {
            out.add(Double.parseDouble(v.trim()));
        }
        return out;
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
