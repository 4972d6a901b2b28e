package gap.core.qc;

import java.util.List;

/**
 * A run's family checks, pseudonyms only: per trio its Mendelian check at PASS sites, per pair of samples its
 * relatedness against what the pedigree declares. Both empty for a run of one sample.
 */
public record FamilyQc(List<TrioQc> trios, List<PairQc> pairs) {
    public static final FamilyQc NONE = new FamilyQc(List.of(), List.of());

    public FamilyQc {
        trios = List.copyOf(trios);
        pairs = List.copyOf(pairs);
    }

    /**
     * One trio over the PASS sites where all three are called and one carries an alternate allele: how many, how many
     * break Mendel's laws without being de novo calls, and the de novo calls (DNQ at the run's threshold).
     */
    public record TrioQc(String child, String father, String mother, long sites, long violations, long deNovo) {}

    /**
     * Two samples: what the pedigree declares, the biallelic PASS SNV sites (chrM aside) both are called at with GQ
     * 20 or more, the share of those where they share no allele (IBS0), the KING-robust kinship, the relation the
     * genotypes suggest, for a declared mother and child the chrM sites compared and those where the child has an
     * allele the mother lacks (both -1 for other pairs), and a warning when the pair contradicts the pedigree (else
     * null).
     */
    public record PairQc(String sampleA, String sampleB, String declared, int sites, double ibs0, double kinship,
                         String inferred, int mitochondrialSites, int mitochondrialMismatches, String warning) {}
}
