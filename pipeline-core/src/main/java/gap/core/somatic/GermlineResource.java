package gap.core.somatic;

import gap.core.UserException;
import gap.core.io.InputValidator;
import htsjdk.samtools.SAMException;
import htsjdk.samtools.util.CloseableIterator;
import htsjdk.tribble.TribbleException;
import htsjdk.variant.variantcontext.Allele;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a germline resource VCF with {@code INFO/AF} per ALT (gnomAD-like; Mutect2's --germline-resource) and the
 * alleles a run asks about, gives their population frequencies: NaN for an allele the resource does not hold. The
 * file is read once, in its order, keeping only the alleles asked for.
 */
public final class GermlineResource {
    private final Map<AlleleKey, Double> frequencies;

    private GermlineResource(Map<AlleleKey, Double> frequencies) {
        this.frequencies = frequencies;
    }

    /** Reads the frequencies of {@code wanted} alleles (contig, position, REF, ALT) from {@code vcf}. */
    public static GermlineResource read(Path vcf, List<String[]> wanted) {
        InputValidator.requireFile(vcf, "germline resource VCF");
        Set<AlleleKey> keys = new HashSet<>();
        Set<String> positions = new HashSet<>();
        for (String[] w : wanted) {
            AlleleKey k = AlleleKey.of(w[0], Integer.parseInt(w[1]), w[2], w[3]);
            keys.add(k);
            positions.add(k.contig() + ":" + k.position());
        }
        Map<AlleleKey, Double> found = new HashMap<>();
        String name = vcf.getFileName().toString();
        try (VCFFileReader reader = new VCFFileReader(vcf, false);
             CloseableIterator<VariantContext> it = reader.iterator()) {
            if (reader.getFileHeader().getInfoHeaderLine("AF") == null) {
                throw new UserException(name + " has no INFO/AF header line: a germline resource needs each ALT's"
                        + " population allele frequency in INFO/AF");
            }
            while (it.hasNext()) {
                VariantContext vc = it.next();
                List<Object> af = vc.getAttributeAsList("AF");
                for (int a = 0; a < vc.getAlternateAlleles().size() && a < af.size(); a++) {
                    Allele alt = vc.getAlternateAllele(a);
                    if (alt.isSymbolic()) {
                        continue;
                    }
                    AlleleKey k = AlleleKey.of(vc.getContig(), vc.getStart(), vc.getReference().getBaseString(),
                            alt.getBaseString());
                    if (positions.contains(k.contig() + ":" + k.position()) && keys.contains(k)) {
                        found.put(k, parse(af.get(a), name));
                    }
                }
            }
        } catch (TribbleException | SAMException e) {
            throw new UserException(name + " cannot be read as a VCF (" + e.getClass().getSimpleName()
                    + "): give a bgzipped or plain germline resource VCF", e);
        }
        return new GermlineResource(found);
    }

    /** A resource holding the given frequencies (a population summary's, read elsewhere). */
    public static GermlineResource of(Map<String[], Double> frequencies) {
        Map<AlleleKey, Double> map = new HashMap<>();
        frequencies.forEach((k, v) -> map.put(AlleleKey.of(k[0], Integer.parseInt(k[1]), k[2], k[3]), v));
        return new GermlineResource(map);
    }

    /** No resource: every frequency unknown. */
    public static GermlineResource none() {
        return new GermlineResource(Map.of());
    }

    public double frequency(String contig, int position, String ref, String alt) {
        Double f = frequencies.get(AlleleKey.of(contig, position, ref, alt));
        return f == null ? Double.NaN : f;
    }

    private static double parse(Object value, String name) {
        try {
            double f = Double.parseDouble(value.toString());
            if (!(f >= 0 && f <= 1)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw new UserException(name + " holds an INFO/AF that is not a frequency between 0 and 1");
        }
    }
}
