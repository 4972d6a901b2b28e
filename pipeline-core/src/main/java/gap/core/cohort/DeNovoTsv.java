package gap.core.cohort;

import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.util.List;
import java.util.Locale;

/**
 * Takes a run's de novo calls and its samples' pseudonyms, gives {@code denovo.tsv}: one line per call and child, in
 * genome order, with the trio's pseudonyms and genotypes, the child's DNQ, and the call's QUAL and FILTER. Pseudonyms
 * only.
 */
public final class DeNovoTsv {
    public static final String FILE_NAME = "denovo.tsv";
    static final String HEADER = "#contig\tposition\tref\talt\tchild\tfather\tmother\tchild_gt\tfather_gt\tmother_gt"
            + "\tdnq\tqual\tfilter\n";

    private DeNovoTsv() {}

    public static String write(List<DeNovoCalls.Call> calls, List<String> samples) {
        StringBuilder out = new StringBuilder(HEADER);
        for (DeNovoCalls.Call d : calls) {
            VariantCall c = d.call();
            Trio t = d.trio();
            out.append(c.contig()).append('\t').append(c.position()).append('\t').append(c.ref()).append('\t')
                    .append(String.join(",", c.alleles().subList(1, c.alleles().size()))).append('\t')
                    .append(samples.get(t.child())).append('\t').append(samples.get(t.father())).append('\t')
                    .append(samples.get(t.mother())).append('\t')
                    .append(gt(c.genotype(t.child()))).append('\t').append(gt(c.genotype(t.father()))).append('\t')
                    .append(gt(c.genotype(t.mother()))).append('\t').append(c.genotype(t.child()).dnq()).append('\t')
                    .append(String.format(Locale.ROOT, "%.2f", c.qual())).append('\t').append(c.filter()).append('\n');
        }
        return out.toString();
    }

    static String gt(Genotype g) {
        if (!g.isCalled()) {
            return g.ploidy() == 1 ? "." : "./.";
        }
        return g.ploidy() == 1 ? Integer.toString(g.allele1()) : g.allele1() + "/" + g.allele2();
    }
}
