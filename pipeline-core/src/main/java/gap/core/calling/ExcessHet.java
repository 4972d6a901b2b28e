package gap.core.calling;

import gap.core.model.Genotype;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * Takes the diploid genotypes of several samples at a site, gives GATK's ExcessHet: the phred-scaled mid-p value of
 * the exact test of Hardy–Weinberg equilibrium against an excess of heterozygotes (Wigginton, Cutler and Abecasis
 * 2005), alternate alleles lumped together. Large values flag sites where too many samples are het for unrelated
 * people: a mapping or calling artefact, or related samples.
 */
public final class ExcessHet {
    /** GATK reports p-values below 1e-16 as 1e-16 (phred 160): the exact test is not meant to be precise beyond. */
    static final double MIN_P = 1e-16;

    private ExcessHet() {}

    /** ExcessHet from genotypes (0/0, 0/x, x/y with x, y alternate); needs at least one sample. */
    public static double of(List<Genotype> genotypes) {
        int homRef = 0;
        int het = 0;
        int homAlt = 0;
        for (Genotype g : genotypes) {
            if (g.ploidy() != 2) {
                continue; // Hardy-Weinberg speaks of diploid genotypes: a male's X and Y calls are left out
            }
            if (g.isHomRef()) {
                homRef++;
            } else if (g.allele1() == 0) {
                het++;
            } else {
                homAlt++;
            }
        }
        return phred(homRef, het, homAlt);
    }

    /** -10 log10 of {@link #midP}, floored at p = 1e-16. */
    public static double phred(int homRef, int het, int homAlt) {
        double p = Math.max(midP(homRef, het, homAlt), MIN_P);
        return Math.abs(-10 * StrictMath.log10(p));
    }

    /**
     * P(more hets than observed) + P(as many) / 2, over the samples' genotypes given the number of samples and of
     * copies of the rarer allele, under HWE: P(h hets) ∝ 2^h / (rareHoms! h! commonHoms!). One possible count
     * (fewer than 2 rare copies) gives ½, as in GATK.
     */
    public static double midP(int homRef, int het, int homAlt) {
        if (homRef < 0 || het < 0 || homAlt < 0) {
            throw new IllegalArgumentException("genotype counts must not be negative");
        }
        int n = homRef + het + homAlt;
        int rare = 2 * Math.min(homRef, homAlt) + het;
        if (rare <= 1) {
            return 0.5;
        }
        double[] log = new double[rare + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int h = rare % 2; h <= rare; h += 2) {
            int rareHoms = (rare - h) / 2;
            int commonHoms = n - h - rareHoms;
            if (commonHoms < 0) {
                log[h] = Double.NEGATIVE_INFINITY;
                continue;
            }
            log[h] = h * StrictMath.log(2) - logFactorial(rareHoms) - logFactorial(h) - logFactorial(commonHoms);
            max = Math.max(max, log[h]);
        }
        double total = 0;
        double above = 0;
        for (int h = rare % 2; h <= rare; h += 2) {
            double p = StrictMath.exp(log[h] - max);
            total += p;
            if (h > het) {
                above += p;
            } else if (h == het) {
                above += p / 2;
            }
        }
        return above / total;
    }

    private static double logFactorial(int k) {
        return Gamma.logGamma(k + 1.0);
    }
}
