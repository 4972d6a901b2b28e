package gap.core.model;

import java.util.List;

/**
 * One record of a sample's gVCF: a variant record ({@code alleles} REF first, then the site's alternates; {@code pl}
 * over those alleles and {@code <NON_REF>} after them, VCF diploid order) or a reference block ({@code alleles} the
 * first reference base only, {@code end} its last position, {@code pl} for hom-ref, het and hom-{@code <NON_REF>}).
 * {@code gq} and {@code dp} as the VCF defines them (a block's are its least GQ and depth, {@code minDp} the
 * same; a variant record's {@code minDp} is -1); {@code gt} the two allele indexes (-1 both for no call); {@code ad} per allele without NON_REF
 * (empty for a block); {@code qual} phred (NaN for a block); {@code raw} what joint annotations add up (null for a
 * block).
 */
public record GvcfRecord(String contig, int position, int end, List<String> alleles, double qual, int[] gt, int gq,
                         int[] pl, int dp, int minDp, int[] ad, RawAnnotations raw) implements java.io.Serializable {
    public GvcfRecord {
        alleles = List.copyOf(alleles);
        if (pl.length != GenotypeLikelihoods.genotypeCount(alleles.size() + 1)) {
            throw new IllegalArgumentException("PL must cover the alleles and <NON_REF>");
        }
    }

    /** A reference block of {@code position..end}. */
    public static GvcfRecord block(String contig, int position, int end, char refBase, int gq, int[] pl, int minDp) {
        return new GvcfRecord(contig, position, end, List.of(String.valueOf(refBase)), Double.NaN,
                new int[] {0, 0}, gq, pl, minDp, minDp, new int[0], null);
    }

    /**
     * A one-position block where the sample has bases other than the reference: {@code alleles} REF then those bases,
     * {@code pl} over them and {@code <NON_REF>}, so that joint genotyping weighs a base for its own allele only.
     */
    public static GvcfRecord alleleBlock(String contig, int position, List<String> alleles, int[] gt, int gq, int[] pl,
                                         int depth) {
        return new GvcfRecord(contig, position, position, alleles, Double.NaN, gt, gq, pl, depth, depth, new int[0],
                null);
    }

    /** A block that lists the bases seen besides the reference ({@link #alleleBlock}); never extended. */
    public boolean isAlleleBlock() {
        return isBlock() && alleles.size() > 1;
    }

    /** This block followed by the adjacent block {@code next} of the same band, as one block (GATK's HomRefBlock). */
    public GvcfRecord extend(GvcfRecord next) {
        int[] merged = new int[3];
        for (int g = 0; g < 3; g++) {
            merged[g] = Math.min(pl[g], next.pl()[g]);
        }
        return block(contig, position, next.end(), ref().charAt(0), Math.min(gq, next.gq()), merged,
                Math.min(minDp, next.minDp()));
    }

    public String ref() {
        return alleles.get(0);
    }

    public boolean isBlock() {
        return raw == null;
    }

    /**
     * The per-read sums a joint call's site annotations are made of, over this sample's informative fragments (best
     * allele beats the next by GATK's margin): the strand table (REF forward, REF reverse, ALT forward, ALT reverse),
     * the sum of squared mapping qualities and how many fragments it holds, and for each rank-sum test (mapping
     * quality, read position, base quality) the histograms of ALT and REF fragments' values, as value, count pairs.
     * On chrM, {@code heteroplasmy} holds per alternate allele its fraction, its log10 odds against absence and the
     * phred odds of its absence against the least fraction reported (three rows); null elsewhere.
     */
    public record RawAnnotations(int[] strands, double mqSquares, int mqCount, int[][] mqRankSum,
                                 int[][] readPosRankSum, int[][] baseQRankSum, double[][] heteroplasmy)
            implements java.io.Serializable {}
}
