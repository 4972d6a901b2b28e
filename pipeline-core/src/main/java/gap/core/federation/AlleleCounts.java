package gap.core.federation;

/**
 * Takes one allele's counts, gives their sum with another's: {@code alleleCount} (AC, copies of the allele among
 * called alleles), {@code alleleNumber} (AN, called alleles), {@code homAltCount} (genotypes whose every copy is the
 * allele) and {@code calledSamples} (genotypes with at least one called allele). Sums are associative and commutative,
 * so a shard, a site, a Spark partition or a network may add them in any grouping and order.
 */
public record AlleleCounts(long alleleCount, long alleleNumber, long homAltCount, long calledSamples) {
    public static final AlleleCounts ZERO = new AlleleCounts(0, 0, 0, 0);

    public AlleleCounts {
        if (alleleCount < 0 || homAltCount < 0 || alleleCount > alleleNumber || homAltCount > calledSamples) {
            throw new IllegalArgumentException("inconsistent counts AC=" + alleleCount + " AN=" + alleleNumber
                    + " homAlt=" + homAltCount + " called=" + calledSamples);
        }
    }

    public AlleleCounts plus(AlleleCounts other) {
        return new AlleleCounts(Math.addExact(alleleCount, other.alleleCount),
                Math.addExact(alleleNumber, other.alleleNumber), Math.addExact(homAltCount, other.homAltCount),
                Math.addExact(calledSamples, other.calledSamples));
    }
}
