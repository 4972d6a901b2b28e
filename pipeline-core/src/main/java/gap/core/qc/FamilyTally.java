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
public final class FamilyTally {
    /** Genotypes below this GQ are left out of relatedness: a wrong genotype looks like a shared-nothing site. */
    static final int MIN_GQ = 20;
    /** Fewer comparable sites than this: no relation is inferred (the estimate would be noise). */
    static final int MIN_SITES = 100;
    /** A declared mother whose child has alleles she lacks at this many chrM sites, and this share of them. */
    static final int MITOCHONDRIAL_MISMATCH_MIN = 3;
    static final double MITOCHONDRIAL_MISMATCH_SHARE = 0.25;

    private final List<String> samples;
    private final Pedigree pedigree;
    private final int minDeNovoQuality;
    private final List<Trio> trios;
    private final long[][] trioCounts; // per trio: sites, violations, de novo calls
    private final Relatedness.Tally[][] pairs; // [a][b], a < b
    private final int[][] mitochondrial; // per trio: sites, mismatches of mother and child

    public FamilyTally(List<String> samples, Pedigree pedigree, int minDeNovoQuality) {
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
        if (mito && confident(c) && confident(m) && (variant(c) || variant(m))) {
            mitochondrial[t][0]++;
            if (MendelianCheck.violates(c.gt(), null, m.gt(), true)) {
                mitochondrial[t][1]++;
            }
        }
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
        Pedigree.Relation declared = pedigree.relation(a, b);
        String inferred = e.sites() < MIN_SITES ? "too few sites" : infer(e);
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

    /** Copies of the alternate allele of a confident diploid genotype, else -1. */
    private static int altCount(CallRecord.Call g) {
        if (!confident(g) || g.gt().length != 2) {
            return -1;
        }
        return (g.gt()[0] > 0 ? 1 : 0) + (g.gt()[1] > 0 ? 1 : 0);
    }
}
