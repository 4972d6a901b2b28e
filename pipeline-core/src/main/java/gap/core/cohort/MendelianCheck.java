package gap.core.cohort;

/**
 * Takes a trio's genotypes at a site (allele-index pairs; null when not called), says whether the child's genotype
 * breaks Mendel's laws: on autosomes one allele must come from each parent; on the mitochondrial genome the child's
 * alleles must all be the mother's.
 */
public final class MendelianCheck {
    private MendelianCheck() {}

    /** True when the three genotypes cannot be explained by inheritance; false when consistent or not all called. */
    public static boolean violates(int[] child, int[] father, int[] mother, boolean mitochondrial) {
        if (child == null || mother == null || (!mitochondrial && father == null)) {
            return false;
        }
        if (mitochondrial) {
            for (int a : child) {
                if (a != mother[0] && a != mother[1]) {
                    return true;
                }
            }
            return false;
        }
        boolean straight = has(father, child[0]) && has(mother, child[1]);
        boolean crossed = has(father, child[1]) && has(mother, child[0]);
        return !(straight || crossed);
    }

    private static boolean has(int[] genotype, int allele) {
        return genotype[0] == allele || genotype[1] == allele;
    }
}
