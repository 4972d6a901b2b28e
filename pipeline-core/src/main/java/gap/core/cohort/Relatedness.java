package gap.core.cohort;

/**
 * Takes two samples' genotypes at the same biallelic sites (alternate-allele counts 0, 1, 2; -1 when not called),
 * gives their IBS0 share (sites where they share no allele, among sites both are called) and the KING-robust kinship
 * coefficient (Manichaikul et al. 2010): (N_het,het − 2·N_IBS0) / (N_het of one + N_het of the other). Parent and
 * child share an allele at every site (IBS0 ≈ 0) with kinship ≈ ¼; unrelated people have kinship ≈ 0.
 */
public final class Relatedness {
    /** Kinship below this is second degree or further: 2^-2.5, KING's first-degree boundary. */
    public static final double FIRST_DEGREE_MIN = 0.1768;
    /** Above this share of opposite homozygotes, a pair cannot be parent and child (genotyping errors aside). */
    public static final double PARENT_CHILD_MAX_IBS0 = 0.01;

    /** The estimate, and on how many sites both were called. */
    public record Estimate(int sites, double ibs0, double kinship) {
        public boolean looksParentChild() {
            return kinship >= FIRST_DEGREE_MIN && ibs0 <= PARENT_CHILD_MAX_IBS0;
        }
    }

    private Relatedness() {}

    public static Estimate estimate(int[] a, int[] b) {
        int sites = 0;
        int ibs0 = 0;
        int hetHet = 0;
        int hetA = 0;
        int hetB = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || b[i] < 0) {
                continue;
            }
            sites++;
            if (Math.abs(a[i] - b[i]) == 2) {
                ibs0++;
            }
            if (a[i] == 1) {
                hetA++;
            }
            if (b[i] == 1) {
                hetB++;
            }
            if (a[i] == 1 && b[i] == 1) {
                hetHet++;
            }
        }
        double kinship = hetA + hetB == 0 ? 0 : (hetHet - 2.0 * ibs0) / (hetA + hetB);
        return new Estimate(sites, sites == 0 ? 0 : (double) ibs0 / sites, kinship);
    }
}
