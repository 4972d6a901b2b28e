package gap.core.concordance;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes one side of a comparison and the alleles of it that matched, gives the others as VCF text: the false calls
 * ({@code gap concordance --fp-out}) or the missed truth alleles ({@code --fn-out}), normalised as they were compared
 * (one SNV or left-aligned indel a record), in reference order. The one sample column is named after the side,
 * never after the sample (a sample name can be a patient identifier); GT carries the allele's copy number.
 */
public final class UnmatchedVcf {
    /** The side a VCF lists: names its sample column. */
    public enum Side { TRUTH, CALLS }

    private UnmatchedVcf() {}

    /** The VCF text; {@code contigs} are the reference's names and lengths in its order. */
    public static String write(GenotypedAlleles alleles, Set<AtomicAllele> matched, Side side,
                               Map<String, Long> contigs) {
        StringBuilder out = new StringBuilder();
        out.append("##fileformat=VCFv4.2\n");
        out.append("##source=gap concordance: ").append(side == Side.CALLS ? "call" : "truth")
                .append(" alleles matching no allele of the other side\n");
        out.append("##FILTER=<ID=PASS,Description=\"All filters passed\">\n");
        if (side == Side.CALLS) {
            out.append("##FILTER=<ID=FILTERED,Description=\"Carried only by call records whose FILTER is not PASS"
                    + " or .\">\n");
        }
        out.append("##INFO=<ID=TYPE,Number=1,Type=String,Description=\"SNV or INDEL, as gap concordance counts the"
                + " allele\">\n");
        out.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype: the allele's copy number\">\n");
        Map<String, Integer> order = new HashMap<>();
        contigs.forEach((contig, length) -> {
            order.put(contig, order.size());
            out.append("##contig=<ID=").append(contig).append(",length=").append(length).append(">\n");
        });
        out.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t").append(side.name()).append('\n');
        List<AtomicAllele> unmatched = alleles.copies().keySet().stream().filter(a -> !matched.contains(a))
                .sorted(Comparator.comparing((AtomicAllele a) -> order.get(a.contig()))
                        .thenComparingLong(AtomicAllele::pos).thenComparing(AtomicAllele::ref)
                        .thenComparing(AtomicAllele::alt))
                .toList();
        for (AtomicAllele a : unmatched) {
            String filter = side == Side.TRUTH ? "." : alleles.passes(a) ? "PASS" : "FILTERED";
            out.append(String.join("\t", a.contig(), Long.toString(a.pos()), ".", a.ref(), a.alt(), ".", filter,
                    "TYPE=" + a.variantClass().name(), "GT", alleles.copies().get(a) >= 2 ? "1/1" : "0/1"))
                    .append('\n');
        }
        return out.toString();
    }
}
