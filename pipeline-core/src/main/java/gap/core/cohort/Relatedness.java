package gap.core.cohort;

/**
 * Takes two samples' genotypes at the same biallelic sites (alternate-allele counts 0, 1, 2; -1 when not called),
 * gives their IBS0 share (sites where they share no allele, among sites both are called) and the KING-robust kinship
 * coefficient (Manichaikul et al. 2010): (N_het,het − 2·N_IBS0) / (N_het of one + N_het of the other). Sites where
 * both are hom-ref add nothing to either, so a call set of variant sites gives the same kinship as the whole genome.
 * Parent and child share an allele at every site (IBS0 ≈ 0) with kinship ≈ ¼; unrelated people have kinship ≈ 0.
 */
public final class Relatedness {
    /** KING's boundaries: duplicate (or identical twin) above 2^-1.5, first degree above 2^-2.5, second above 2^-3.5. */
    public static final double DUPLICATE_MIN = 0.3536;
    public static final double FIRST_DEGREE_MIN = 0.1768;
    public static final double SECOND_DEGREE_MIN = 0.0884;
    /** Above this share of opposite homozygotes, a pair cannot be parent and child (genotyping errors aside). */
    public static final double PARENT_CHILD_MAX_IBS0 = 0.01;

    /** The estimate, and on how many sites both were called. */
    public record Estimate(int sites, double ibs0, double kinship) {
        /**
         * IBS0 near 0 is what marks parent and child: they share an allele at every site whatever the allele
         * frequencies, while the kinship estimate moves with them (KING assumes one homogeneous population), so a
         * parent–child pair may fall below the first-degree boundary; it only has to be clearly related.
         */
        public boolean looksParentChild() {
            return ibs0 <= PARENT_CHILD_MAX_IBS0 && kinship >= SECOND_DEGREE_MIN && kinship < DUPLICATE_MIN;
        }

        /** One person's genotypes twice, or identical twins'. */
        public boolean looksDuplicate() {
            return kinship >= DUPLICATE_MIN;
        }
    }

    private Relatedness() {}

    /** The counts behind an estimate, one site at a time (a call set read as a stream). */
    public static final class Tally implements java.io.Serializable {
        private int sites;
        private int ibs0;
        private int hetHet;
        private int hetA;
        private int hetB;

        /** One site's alternate-allele counts of the two samples; -1 (not called) skips the site. */
        public void add(int a, int b) {
            if (a < 0 || b < 0) {
                return;
            }
            sites++;
            if (Math.abs(a - b) == 2) {
                ibs0++;
            }
            if (a == 1) {
                hetA++;
            }
            if (b == 1) {
                hetB++;
            }
            if (a == 1 && b == 1) {
                hetHet++;
            }
        }

        /** Adds {@code other}'s sites (of another part of the genome): counts, so the order does not matter. */
        public void addAll(Tally other) {
            sites += other.sites;
            ibs0 += other.ibs0;
            hetHet += other.hetHet;
            hetA += other.hetA;
            hetB += other.hetB;
        }

        public Estimate estimate() {
            double kinship = hetA + hetB == 0 ? 0 : (hetHet - 2.0 * ibs0) / (hetA + hetB);
            return new Estimate(sites, sites == 0 ? 0 : (double) ibs0 / sites, kinship);
        }
    }
}
