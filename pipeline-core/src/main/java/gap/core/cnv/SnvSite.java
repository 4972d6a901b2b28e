package gap.core.cnv;

import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample's biallelic SNV call as copy number reads it: heterozygous or homozygous alternate, with its alternate
 * and REF + ALT read counts (AD). {@link #of} takes a run's calls (genome order), gives one sample's sites in that
 * order: PASS calls only, with at least {@code minDepth} REF + ALT reads; {@link #of(VariantCall, int, int)} one call's.
 */
public record SnvSite(String contig, int position, boolean het, int alt, int depth) {

    public static List<SnvSite> of(List<VariantCall> calls, int sample, int minDepth) {
        List<SnvSite> sites = new ArrayList<>();
        for (VariantCall call : calls) {
            SnvSite site = of(call, sample, minDepth);
            if (site != null) {
                sites.add(site);
            }
        }
        return sites;
    }

    /** One call's site for {@code sample}, or null when copy number does not read it. */
    public static SnvSite of(VariantCall call, int sample, int minDepth) {
        if (call.alleles().size() != 2 || call.ref().length() != 1 || call.alleles().get(1).length() != 1
                || !call.filter().isPass()) {
            return null;
        }
        Genotype g = call.genotype(sample);
        boolean het = g.isHetRef();
        boolean homAlt = g.allele1() == 1 && g.allele2() == 1;
        if ((!het && !homAlt) || g.ad().size() != 2) {
            return null;
        }
        int alt = g.ad().get(1);
        int depth = g.ad().get(0) + alt;
        return depth >= minDepth ? new SnvSite(call.contig(), call.position(), het, alt, depth) : null;
    }

    /** Alternate reads over REF + ALT reads. */
    public double altFraction() {
        return alt / (double) depth;
    }
}
