package gap.core.io;

import gap.core.UserException;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a VCF that {@code gap call} wrote (one sample, diploid genotypes with AD, DP, GQ, PL), gives its calls as
 * the caller made them, with the INFO values gap declares (as their text), and what a writer needs to write them
 * again: the sequence dictionary, the sample's name and the reference MD5. Errors never quote the sample's name.
 */
public final class VcfCalls {
    /** The calls of a VCF, in its order, with its dictionary, sample name and reference MD5. */
    public record Contents(List<VariantCall> calls, SAMSequenceDictionary dictionary, String sample,
                           String referenceMd5) {}

    private VcfCalls() {}

    public static Contents read(Path vcf, String label) {
        InputValidator.requireFile(vcf, label);
        List<String> declared = VcfSink.infoHeaderLines().stream().map(VCFInfoHeaderLine::getID).toList();
        List<VariantCall> calls = new ArrayList<>();
        try (VCFFileReader reader = new VCFFileReader(vcf, false);
             CloseableIterator<VariantContext> it = reader.iterator()) {
            VCFHeader header = reader.getFileHeader();
            if (header.getGenotypeSamples().size() != 1) {
                throw new UserException(label + " has " + header.getGenotypeSamples().size() + " samples: give one"
                        + " sample's VCF, as gap call writes it");
            }
            String sample = header.getGenotypeSamples().get(0);
            SAMSequenceDictionary dictionary = header.getSequenceDictionary();
            if (dictionary == null || dictionary.isEmpty()) {
                throw new UserException(label + " has no ##contig lines: give a VCF written by gap call");
            }
            String md5 = referenceMd5(header);
            if (md5 == null) {
                throw new UserException(label + " has no ##reference=md5: line: give a VCF written by gap call");
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
                calls.add(call(vc, sample, declared, label));
            }
            return new Contents(calls, dictionary, sample, md5);
        } catch (TribbleException | SAMException e) {
            throw new UserException(label + " could not be read as VCF (" + e.getClass().getSimpleName()
                    + "): check it with 'bcftools view'", e);
        }
    }

    private static String referenceMd5(VCFHeader header) {
        for (VCFHeaderLine line : header.getMetaDataInInputOrder()) {
            if (line.getKey().equals("reference") && line.getValue().startsWith("md5:")) {
                return line.getValue().substring("md5:".length());
            }
        }
        return null;
    }

    private static VariantCall call(VariantContext vc, String sample, List<String> declared, String label) {
        String at = vc.getContig() + ":" + vc.getStart();
        htsjdk.variant.variantcontext.Genotype g = vc.getGenotype(sample);
        if (g == null || g.getPloidy() != 2 || g.isNoCall() || !g.hasAD() || !g.hasDP() || !g.hasGQ() || !g.hasPL()) {
            throw new UserException(label + " record " + at + " lacks a diploid GT with AD, DP, GQ and PL: give a VCF"
                    + " written by gap call");
        }
        List<String> alleles = new ArrayList<>();
        for (Allele a : vc.getAlleles()) {
            alleles.add(a.getBaseString());
        }
        int a1 = vc.getAlleleIndex(g.getAllele(0));
        int a2 = vc.getAlleleIndex(g.getAllele(1));
        Map<String, Object> info = new LinkedHashMap<>();
        for (String key : declared) {
            Object v = vc.getAttribute(key);
            if (v != null) {
                info.put(key, key.equals("DP") ? (Object) vc.getAttributeAsInt(key, 0) : v.toString());
            }
        }
        Genotype genotype = new Genotype(Math.min(a1, a2), Math.max(a1, a2), g.getGQ(), boxed(g.getPL()),
                boxed(g.getAD()), g.getDP());
        String filter = vc.isFiltered() ? String.join(";", vc.getFilters()) : "PASS";
        return new VariantCall(vc.getContig(), vc.getStart(), alleles, vc.getPhredScaledQual(), filter, info, genotype);
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
