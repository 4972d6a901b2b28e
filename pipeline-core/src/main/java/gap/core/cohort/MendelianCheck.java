package gap.core.cohort;

/**
 * Takes a trio's genotypes at a site (allele indexes, one per copy; null when not called), says whether the child's
 * genotype breaks Mendel's laws: on autosomes (and PARs) one allele must come from each parent; on the mitochondrial
 * genome the child's alleles must all be the mother's; a haploid child (a son's X) must have one of the mother's
 * alleles; a diploid child of a haploid father (a daughter's X) the father's one and one of the mother's.
 */
public final class MendelianCheck {
    private MendelianCheck() {}

    /** True when the three genotypes cannot be explained by inheritance; false when consistent or not all called. */
    public static boolean violates(int[] child, int[] father, int[] mother, boolean mitochondrial) {
        if (child == null || mother == null || (!mitochondrial && father == null)) {
            return false;
        }
        if (mitochondrial || child.length == 1) {
            for (int a : child) {
                if (!has(mother, a)) {
                    return true;
                }
            }
            return false;
        }
        int[] paternal = father.length == 1 ? new int[] {father[0], father[0]} : father;
        boolean straight = has(paternal, child[0]) && has(mother, child[1]);
        boolean crossed = has(paternal, child[1]) && has(mother, child[0]);
        return !(straight || crossed);
    }

    private static boolean has(int[] genotype, int allele) {
        for (int a : genotype) {
            if (a == allele) {
                return true;
            }
        }
        return false;
    }
}
