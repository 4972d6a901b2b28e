package gap.core.somatic;

import java.util.List;

/**
 * Takes the normal's confident hom-alt SNVs with the tumour's fragments there, tells whether tumour and normal can be
 * one person's. Where the normal carries the ALT on both chromosomes, a tumour of the same patient shows ALT fragments:
 * loss of heterozygosity cannot bring back a REF allele the person lacks, and contamination only adds some REF
 * fragments. A well-covered site with no ALT fragment is a genotype the two samples cannot share; another person's
 * tumour is hom-ref at many such sites.
 */
public record TumourNormalMatch(int sites, int discordant) {
    /**
     * Tumour fragments a site needs to count: even with half the tumour's cells another person's, ten fragments all
     * REF happen at about one site in a thousand (0.5^10).
     */
    public static final int MIN_DEPTH = 10;
    /** Sites needed before judging: fewer (a small territory, a thin normal) say nothing either way. */
    public static final int MIN_SITES = 20;
    /** Above this share of discordant sites the samples are two people's; one person's give near none. */
    static final double MAX_DISCORDANT = 0.10;

    public static TumourNormalMatch of(List<GermlineSite> sites) {
        int counted = 0;
        int discordant = 0;
        for (GermlineSite s : sites) {
            if (s.tumourDepth() >= MIN_DEPTH) {
                counted++;
                if (s.tumourRef() == s.tumourDepth()) {
                    discordant++;
                }
            }
        }
        return new TumourNormalMatch(counted, discordant);
    }

    /** Enough sites to tell. */
    public boolean judged() {
        return sites >= MIN_SITES;
    }

    /** False only when enough sites show genotypes one person cannot have in two samples. */
    public boolean samePerson() {
        return !judged() || discordant <= MAX_DISCORDANT * sites;
    }
}
