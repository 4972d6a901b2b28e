package gap.core.somatic;

import java.util.List;

/**
 * A candidate somatic site as one shard gives it: VCF {@code alleles} (REF first, trimmed) with, per ALT, the tumour
 * log10 odds ({@code tlod}), and with a normal the normal's hom-ref log10 odds ({@code nlod}) and its artefact log10
 * odds ({@code nalod}, the somatic model applied to the normal: large when the normal shows the allele too); each
 * sample's {@link SampleEvidence}; and, over the tumour's informative fragments, per allele the forward and reverse
 * fragments ({@code strand[a] = {fwd, rev}}), and the medians of base quality, mapping quality and distance from the
 * read end (-1 when no fragment). {@code context} is the reference base before, at and after the position;
 * {@code repeatUnits} and {@code repeatUnitLength} the tandem repeat an indel sits in (0 when none).
 */
public record SomaticSite(String contig, int position, List<String> alleles, double[] tlod, double[] nlod,
                          double[] nalod, SampleEvidence tumour, SampleEvidence normal, int[][] strand,
                          int[] medianBaseQuality, int[] medianMappingQuality, int[] medianReadPosition,
                          int normalMedianRefBaseQuality, String context, int repeatUnits, int repeatUnitLength)
        implements java.io.Serializable {
    public SomaticSite {
        alleles = List.copyOf(alleles);
    }

    public boolean hasNormal() {
        return normal != null;
    }

    public String ref() {
        return alleles.get(0);
    }

    public int altCount() {
        return alleles.size() - 1;
    }

    /** ALT length minus REF length of ALT {@code alt} (1-based allele index): 0 for an SNV or MNV. */
    public int indelLength(int alt) {
        return alleles.get(alt).length() - ref().length();
    }

    /** Whether ALT {@code alt} is a single-base substitution. */
    public boolean isSnv(int alt) {
        return ref().length() == 1 && alleles.get(alt).length() == 1;
    }

    /** The ALT of highest TLOD, 1-based, as Mutect2's filters judge a site by it. */
    public int bestAlt() {
        int best = 0;
        for (int a = 1; a < tlod.length; a++) {
            if (tlod[a] > tlod[best]) {
                best = a;
            }
        }
        return best + 1;
    }

    /** Last reference base the record covers. */
    public int end() {
        return position + ref().length() - 1;
    }
}
