package gap.core.concordance;

import gap.core.UserException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Takes a table of truth alleles to follow apart ({@code chrom pos ref alt …}, e.g. those absent from dbSNP, as the
 * evaluation sets' {@code *.novel.tsv}), normalised as the truth is, gives how many of them the calls found and how
 * many of those only with filtered records' help. Alleles outside the confident regions are left out.
 */
public final class NovelAlleles {
    private static final String OPTION = "--novel";

    /**
     * @param listed          normalised alleles of the table in the confident regions
     * @param inTruth         of them, alleles the truth carries
     * @param called          of those, alleles the calls matched
     * @param calledFiltered  of those, alleles whose match needs a call allele only filtered records carry (0 unless
     *                        every call record counts)
     */
    public record Counts(int listed, int inTruth, int called, int calledFiltered) {}

    private final Set<AtomicAllele> alleles;

    private NovelAlleles(Set<AtomicAllele> alleles) {
        this.alleles = alleles;
    }

    public static NovelAlleles read(Path tsv, ReferenceBases reference, ConfidentRegions regions) {
        Set<AtomicAllele> alleles = new LinkedHashSet<>();
        VariantNormalizer normalizer = new VariantNormalizer(reference);
        for (TableRows.Row r : TableRows.read(tsv, OPTION, 4, "chrom pos ref alt")) {
            String[] f = r.fields();
            long pos = r.position(1, OPTION);
            if (!f[2].matches("[ACGTNacgtn]+") || !f[3].matches("[ACGTNacgtn]+")
                    || !reference.matches(f[0], pos, f[2])) {
                throw new UserException(OPTION + " line " + r.line() + ": REF and ALT must be bases and REF"
                        + " must be the reference's there (the table must be made on the -R reference)");
            }
            normalizer.normalize(f[0], pos, f[2], f[3]).stream()
                    .filter(a -> regions.contains(a.contig(), a.pos())).forEach(alleles::add);
        }
        return new NovelAlleles(alleles);
    }

    public Counts count(GenotypedAlleles truth, AlleleMatching.Matches matches) {
        int inTruth = 0;
        int called = 0;
        int filtered = 0;
        for (AtomicAllele a : alleles) {
            if (truth.copies().containsKey(a)) {
                inTruth++;
                if (matches.truthMatched().contains(a)) {
                    called++;
                    filtered += matches.matchedByFiltered().contains(a) ? 1 : 0;
                }
            }
        }
        return new Counts(alleles.size(), inTruth, called, filtered);
    }
}
