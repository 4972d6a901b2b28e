package gap.core.somatic;

/**
 * One sample's evidence for a somatic call's alleles (REF first), its FORMAT fields: {@code ad} informative fragments
 * per allele, {@code af} the posterior mean fraction of each ALT, {@code dp} fragments over the position, and the
 * informative fragments per allele in each pair orientation ({@code f1r2}, {@code f2r1}).
 */
public record SampleEvidence(int[] ad, double[] af, int dp, int[] f1r2, int[] f2r1) implements java.io.Serializable {

    /** Informative fragments of all alleles. */
    public int depth() {
        int n = 0;
        for (int v : ad) {
            n += v;
        }
        return n;
    }

    /** Informative fragments of the ALT alleles. */
    public int altCount() {
        return depth() - ad[0];
    }
}
