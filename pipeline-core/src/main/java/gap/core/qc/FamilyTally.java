package gap.core.qc;

import gap.core.cohort.MendelianCheck;
import gap.core.cohort.Pedigree;
import gap.core.cohort.Relatedness;
import gap.core.cohort.Trio;
import gap.core.model.Contigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a joint call set's records one at a time, with its samples' pseudonyms (in column order) and pedigree, gives
 * its {@link FamilyQc}: per trio the Mendelian check at PASS sites, de novo calls (child's DNQ at the threshold)
 * counted apart; per pair of samples the relatedness estimate, the relation it suggests, and a warning where that
 * contradicts the pedigree — the mark of a swapped or mislabelled sample. A declared mother and child are also
 * compared on chrM, which the child inherits from her alone: that tells a father–mother swap, which autosomes cannot.
 */
public final class FamilyTally implements java.io.Serializable {
    /** Genotypes below this GQ are left out of relatedness: a wrong genotype looks like a shared-nothing site. */
    static final int MIN_GQ = 20;
    /** Reads a chrM REF call needs to count against a child's allele whatever its GQ ({@link #mitoConfident}). */
    static final int MIN_MITO_DEPTH = 20;
    /** Fewer comparable sites than this: no relation is inferred (the estimate would be noise). */
    static final int MIN_SITES = 100;
    /** A declared mother whose child has alleles she lacks at this many chrM sites, and this share of them. */
    static final int MITOCHONDRIAL_MISMATCH_MIN = 3;
    static final double MITOCHONDRIAL_MISMATCH_SHARE = 0.25;

    private final List<String> samples;
    private final List<String> patients;
    private final Pedigree pedigree;
    private final int minDeNovoQuality;
    private final List<Trio> trios;
    private final long[][] trioCounts; // per trio: sites, violations, de novo calls
    private final Relatedness.Tally[][] pairs; // [a][b], a < b
    private final int[][] mitochondrial; // per trio: sites, mismatches of mother and child

    public FamilyTally(List<String> samples, Pedigree pedigree, int minDeNovoQuality) {
        this(samples, java.util.Collections.nCopies(samples.size(), null), pedigree, minDeNovoQuality);
    }

    /**
     * As above, knowing each sample's patient pseudonym ({@code null} when unknown): two samples of one patient (tumour
     * and normal, a re-sequencing) are expected to look like one person, and a warning if they do not.
     */
    public FamilyTally(List<String> samples, List<String> patients, Pedigree pedigree, int minDeNovoQuality) {
        this.patients = new ArrayList<>(patients);
        this.samples = List.copyOf(samples);
        this.pedigree = pedigree;
        this.minDeNovoQuality = minDeNovoQuality;
        this.trios = pedigree.trios();
        this.trioCounts = new long[trios.size()][3];
        this.mitochondrial = new int[trios.size()][2];
        int n = samples.size();
        this.pairs = new Relatedness.Tally[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                pairs[a][b] = new Relatedness.Tally();
            }
        }
    }

    public FamilyTally add(CallRecord r) {
        if (!r.filter().isPass()) {
            return this;
        }
        boolean mito = Contigs.isMitochondrial(r.contig());
        for (int t = 0; t < trios.size(); t++) {
            addTrio(t, r, mito);
        }
        boolean biallelicSnv = r.alleles().size() == 2 && r.alleles().get(0).length() == 1
                && r.alleles().get(1).length() == 1;
        if (biallelicSnv && !mito) {
            for (int a = 0; a < samples.size(); a++) {
                for (int b = a + 1; b < samples.size(); b++) {
                    pairs[a][b].add(altCount(r.genotypes().get(a)), altCount(r.genotypes().get(b)));
                }
            }
        }
        return this;
    }

    private void addTrio(int t, CallRecord r, boolean mito) {
        Trio trio = trios.get(t);
        CallRecord.Call c = r.genotypes().get(trio.child());
        CallRecord.Call f = r.genotypes().get(trio.father());
        CallRecord.Call m = r.genotypes().get(trio.mother());
        if (called(c) && called(f) && called(m) && (variant(c) || variant(f) || variant(m))) {
            trioCounts[t][0]++;
            if (MendelianCheck.violates(c.gt(), f.gt(), m.gt(), mito)) {
                trioCounts[t][c.dnq() >= minDeNovoQuality ? 2 : 1]++;
            }
        }
        if (mito && mitoConfident(c) && mitoConfident(m) && (variant(c) || variant(m))) {
            mitochondrial[t][0]++;
            if (MendelianCheck.violates(c.gt(), null, m.gt(), true)) {
                mitochondrial[t][1]++;
            }
        }
    }

    /**
     * Adds {@code other}'s counts (the same samples' records from another part of the genome): every tally is a
     * count, so the parts of a call set give the whole's, in any order.
     */
    public FamilyTally addAll(FamilyTally other) {
        if (!other.samples.equals(samples) || other.trios.size() != trios.size()) {
            throw new IllegalArgumentException("family tallies of different samples or trios");
        }
        for (int t = 0; t < trios.size(); t++) {
            for (int k = 0; k < trioCounts[t].length; k++) {
                trioCounts[t][k] += other.trioCounts[t][k];
            }
            for (int k = 0; k < mitochondrial[t].length; k++) {
                mitochondrial[t][k] += other.mitochondrial[t][k];
            }
        }
        for (int a = 0; a < samples.size(); a++) {
            for (int b = a + 1; b < samples.size(); b++) {
                pairs[a][b].addAll(other.pairs[a][b]);
            }
        }
        return this;
    }

    public FamilyQc build() {
        List<FamilyQc.TrioQc> trioQc = new ArrayList<>();
        for (int t = 0; t < trios.size(); t++) {
            Trio trio = trios.get(t);
            trioQc.add(new FamilyQc.TrioQc(samples.get(trio.child()), samples.get(trio.father()),
                    samples.get(trio.mother()), trioCounts[t][0], trioCounts[t][1], trioCounts[t][2]));
        }
        List<FamilyQc.PairQc> pairQc = new ArrayList<>();
        for (int a = 0; a < samples.size(); a++) {
            for (int b = a + 1; b < samples.size(); b++) {
                pairQc.add(pair(a, b));
            }
        }
        return new FamilyQc(trioQc, pairQc);
    }

    private FamilyQc.PairQc pair(int a, int b) {
        Relatedness.Estimate e = pairs[a][b].estimate();
        String inferred = e.sites() < MIN_SITES ? "too few sites" : infer(e);
        if (patients.get(a) != null && patients.get(a).equals(patients.get(b))) {
            String warning = inferred.equals("duplicate") || inferred.equals("too few sites") ? null
                    : "declared one patient's samples, but the genotypes say " + inferred + ": possible sample swap";
            return new FamilyQc.PairQc(samples.get(a), samples.get(b), "same patient", e.sites(), e.ibs0(),
                    e.kinship(), inferred, -1, -1, warning);
        }
        Pedigree.Relation declared = pedigree.relation(a, b);
        int mitoSites = -1;
        int mitoMismatches = -1;
        for (int t = 0; t < trios.size(); t++) {
            Trio trio = trios.get(t);
            if ((trio.mother() == a && trio.child() == b) || (trio.mother() == b && trio.child() == a)) {
                mitoSites = mitochondrial[t][0];
                mitoMismatches = mitochondrial[t][1];
            }
        }
        return new FamilyQc.PairQc(samples.get(a), samples.get(b), declared.name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), e.sites(), e.ibs0(), e.kinship(), inferred, mitoSites, mitoMismatches,
                warning(declared, inferred, mitoSites, mitoMismatches));
    }

    static String infer(Relatedness.Estimate e) {
        if (e.looksDuplicate()) {
            return "duplicate";
        }
        if (e.looksParentChild()) {
            return "parent-child";
        }
        if (e.kinship() >= Relatedness.FIRST_DEGREE_MIN) {
            return "first degree";
        }
        return e.kinship() >= Relatedness.SECOND_DEGREE_MIN ? "second degree" : "unrelated";
    }

    static String warning(Pedigree.Relation declared, String inferred, int mitoSites, int mitoMismatches) {
        if (mitoMismatches >= MITOCHONDRIAL_MISMATCH_MIN
                && mitoMismatches >= MITOCHONDRIAL_MISMATCH_SHARE * mitoSites) {
            return String.format(Locale.ROOT, "declared mother and child, but the child has mitochondrial alleles"
                    + " the mother lacks at %d of %d sites: possible sample swap", mitoMismatches, mitoSites);
        }
        if (inferred.equals("too few sites")) {
            return null;
        }
        if (inferred.equals("duplicate")) {
            return "the genotypes are one person's (or identical twins'): possible duplicate or swapped sample";
        }
        return switch (declared) {
            case PARENT_CHILD -> inferred.equals("parent-child") ? null
                    : "declared parent and child, but the genotypes say " + inferred + ": possible sample swap";
            case UNRELATED -> inferred.equals("parent-child") || inferred.equals("first degree")
                    ? "declared unrelated, but the genotypes say " + inferred + ": possible sample swap" : null;
            case SIBLINGS -> inferred.equals("parent-child")
                    ? "declared siblings, but the genotypes say parent-child: possible sample swap" : null;
            case UNKNOWN -> null;
        };
    }

    private static boolean called(CallRecord.Call g) {
        for (int a : g.gt()) {
            if (a < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean variant(CallRecord.Call g) {
        for (int a : g.gt()) {
            if (a > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean confident(CallRecord.Call g) {
        return called(g) && g.gq() >= MIN_GQ;
    }

    /**
     * A chrM genotype to compare with the other's (mother's or child's): confident, or a REF call over at least
     * {@link #MIN_MITO_DEPTH} reads. A chrM REF call's GQ weighs the allele's absence down to the 3 % heteroplasmy
     * reported, which 30 reads cannot exclude; that they show none of the other's homoplasmic allele tells one
     * maternal line from another.
     */
    private static boolean mitoConfident(CallRecord.Call g) {
        return confident(g) || (called(g) && !variant(g) && g.dp() >= MIN_MITO_DEPTH);
    }

    /** Copies of the alternate allele of a confident diploid genotype, else -1. */
    private static int altCount(CallRecord.Call g) {
        if (!confident(g) || g.gt().length != 2) {
            return -1;
        }
        return (g.gt()[0] > 0 ? 1 : 0) + (g.gt()[1] > 0 ? 1 : 0);
    }
}
