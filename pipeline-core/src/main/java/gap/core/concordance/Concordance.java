package gap.core.concordance;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a truth VCF and a call VCF, gives a {@link ConcordanceReport}: per class, TP/FP/FN over normalised alleles
 * matched on exact (contig, POS, REF, ALT), and genotype concordance over the TPs.
 *
 * <p>What counts: the ALT alleles in the chosen sample's GT (truth: every record; calls: FILTER PASS or "."),
 * normalised by {@link VariantNormalizer}, whose POS lies in the confident BED (0-based half-open; bcftools
 * {@code -T} semantics on POS). An allele is counted once however many records carry it.
 */
public final class Concordance {
    private Concordance() {}

    /**
     * What to compare.
     *
     * @param truth        truth VCF
     * @param calls        call VCF
     * @param reference    FASTA with .fai, the one both VCFs were made with
     * @param confident    BED of confident regions, or null for the whole genome
     * @param truthSample  truth sample name, or null for the first sample
     * @param callsSample  calls sample name, or null for the first sample
     */
    public record Inputs(Path truth, Path calls, Path reference, Path confident, String truthSample,
                         String callsSample) {}

    /** Reads, normalises and compares; input problems are one-line {@link gap.core.UserException}s. */
    public static ConcordanceReport run(Inputs in) {
        return run(in, null).report();
    }

    /** The allele report, and with an events table ({@code classes}, may be null) the per-class event view. */
    public record Result(ConcordanceReport report, List<EventConcordance.ClassEvents> events) {}

    public static Result run(Inputs in, Path classes) {
        ConfidentRegions regions = in.confident() == null
                ? ConfidentRegions.everywhere() : ConfidentRegions.read(in.confident());
        List<TruthEvents.Event> events = classes == null ? null : TruthEvents.read(classes);
        try (ReferenceBases reference = ReferenceBases.open(in.reference())) {
            GenotypedAlleleReader reader = new GenotypedAlleleReader(reference, regions);
            GenotypedAlleles truth = reader.read(in.truth(), GenotypedAlleleReader.Side.TRUTH, in.truthSample());
            GenotypedAlleles calls = reader.read(in.calls(), GenotypedAlleleReader.Side.CALLS, in.callsSample());
            ConcordanceReport report = compare(truth, calls, regions.description());
            return new Result(report, events == null ? List.of() : EventConcordance.compare(events, truth, calls, reference));
        }
    }

    /** The pure matching step: counts per class, genotype concordance over TPs. */
    public static ConcordanceReport compare(GenotypedAlleles truth, GenotypedAlleles calls, String regions) {
        Map<VariantClass, int[]> tally = new EnumMap<>(VariantClass.class); // tp, fp, fn, genotype matches
        for (VariantClass c : VariantClass.values()) {
            tally.put(c, new int[4]);
        }
        calls.copies().forEach((allele, callCopies) -> {
            int[] t = tally.get(allele.variantClass());
            Integer truthCopies = truth.copies().get(allele);
            if (truthCopies == null) {
                t[1]++;
            } else {
                t[0]++;
                if (truthCopies.equals(callCopies)) {
                    t[3]++;
                }
            }
        });
        truth.copies().keySet().forEach(allele -> {
            if (!calls.copies().containsKey(allele)) {
                tally.get(allele.variantClass())[2]++;
            }
        });
        Map<VariantClass, ClassCounts> byClass = new EnumMap<>(VariantClass.class);
        tally.forEach((c, t) -> byClass.put(c, new ClassCounts(t[0], t[1], t[2], t[3])));
        return new ConcordanceReport(byClass, regions, truth.skippedSymbolic(), calls.skippedSymbolic(),
                calls.filteredRecords());
    }
}
