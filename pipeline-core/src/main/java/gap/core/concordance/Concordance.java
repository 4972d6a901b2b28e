package gap.core.concordance;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a truth VCF and a call VCF, gives a {@link ConcordanceReport}: per class, TP/FP/FN over normalised alleles
 * matched on exact (contig, POS, REF, ALT) and, for the alleles left over, by haplotype sequence among nearby
 * alleles ({@link AlleleMatching}); genotype concordance over the TPs.
 *
 * <p>What counts: the ALT alleles in the chosen sample's GT (truth: every record; calls: FILTER PASS or ".", or
 * every record when asked),
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
     * @param truthSample  truth sample name, or null when the VCF has one
     * @param callsSample  calls sample name, or null when the VCF has one
     * @param includeFiltered count every call record, not only FILTER PASS or "." (all calls, to set against PASS)
     */
    public record Inputs(Path truth, Path calls, Path reference, Path confident, String truthSample,
                         String callsSample, boolean includeFiltered) {
        /** PASS (or ".") call records only. */
        public Inputs(Path truth, Path calls, Path reference, Path confident, String truthSample, String callsSample) {
            this(truth, calls, reference, confident, truthSample, callsSample, false);
        }
    }

    /**
     * Optional tables that add views to the report; each may be null.
     *
     * @param classes    truth events by class ({@link TruthEvents})
     * @param artefacts  artefact sites by kind ({@link ArtefactSites})
     * @param novel      truth alleles to follow apart, e.g. those absent from dbSNP ({@link NovelAlleles})
     */
    public record Tables(Path classes, Path artefacts, Path novel) {
        public static final Tables NONE = new Tables(null, null, null);
    }

    /** Reads, normalises and compares; input problems are one-line {@link gap.core.UserException}s. */
    public static ConcordanceReport run(Inputs in) {
        return run(in, Tables.NONE).report();
    }

    /**
     * The allele report; the per-class event view (empty without classes), the artefact and novel views (null
     * without their tables); both sides and which of their alleles matched, with the reference's contigs (names and
     * lengths in its order), for writing the unmatched ones ({@link UnmatchedVcf}).
     */
    public record Result(ConcordanceReport report, List<EventConcordance.ClassEvents> events,
                         List<ArtefactSites.KindCounts> artefacts, NovelAlleles.Counts novel, GenotypedAlleles truth,
                         GenotypedAlleles calls, AlleleMatching.Matches matches, Map<String, Long> contigs) {
        /** The false call alleles as VCF text. */
        public String falsePositivesVcf() {
            return UnmatchedVcf.write(calls, matches.callsMatched(), UnmatchedVcf.Side.CALLS, contigs);
        }

        /** The missed truth alleles as VCF text. */
        public String falseNegativesVcf() {
            return UnmatchedVcf.write(truth, matches.truthMatched(), UnmatchedVcf.Side.TRUTH, contigs);
        }
    }

    /** The allele report, and with an events table ({@code classes}, may be null) the per-class event view. */
    public static Result run(Inputs in, Path classes) {
        return run(in, new Tables(classes, null, null));
    }

    public static Result run(Inputs in, Tables tables) {
        ConfidentRegions regions = in.confident() == null
                ? ConfidentRegions.everywhere() : ConfidentRegions.read(in.confident());
        List<TruthEvents.Event> events = tables.classes() == null ? null : TruthEvents.read(tables.classes());
        ArtefactSites artefacts = tables.artefacts() == null ? null : ArtefactSites.read(tables.artefacts());
        try (ReferenceBases reference = ReferenceBases.open(in.reference())) {
            NovelAlleles novel = tables.novel() == null ? null
                    : NovelAlleles.read(tables.novel(), reference, regions);
            GenotypedAlleleReader reader = new GenotypedAlleleReader(reference, regions);
            GenotypedAlleles truth = reader.read(in.truth(), GenotypedAlleleReader.Side.TRUTH, in.truthSample());
            GenotypedAlleles calls = reader.read(in.calls(), in.includeFiltered()
                    ? GenotypedAlleleReader.Side.ALL_CALLS : GenotypedAlleleReader.Side.CALLS, in.callsSample());
            AlleleMatching.Matches matches =
                    AlleleMatching.match(truth, calls, reference, AlleleMatching.Mode.HAPLOTYPE);
            ConcordanceReport report = compare(truth, calls, matches, regions.description(), in.includeFiltered());
            return new Result(report, events == null ? List.of() : EventConcordance.compare(events, truth, calls,
                    matches),
                    artefacts == null ? null : artefacts.count(calls, matches),
                    novel == null ? null : novel.count(truth, matches), truth, calls, matches,
                    reference.contigLengths());
        }
    }

    /** The counting step: per class, matched and unmatched alleles of each side; genotype concordance over TPs. */
    public static ConcordanceReport compare(GenotypedAlleles truth, GenotypedAlleles calls,
                                            AlleleMatching.Matches matches, String regions, boolean includeFiltered) {
        Map<VariantClass, int[]> tally = new EnumMap<>(VariantClass.class); // tp, fp, fn, genotype matches, tp calls
        for (VariantClass c : VariantClass.values()) {
            tally.put(c, new int[5]);
        }
        for (AtomicAllele a : truth.copies().keySet()) {
            int[] t = tally.get(a.variantClass());
            if (matches.truthMatched().contains(a)) {
                t[0]++;
                t[3] += matches.genotypeMatched().contains(a) ? 1 : 0;
            } else {
                t[2]++;
            }
        }
        for (AtomicAllele a : calls.copies().keySet()) {
            tally.get(a.variantClass())[matches.callsMatched().contains(a) ? 4 : 1]++;
        }
        Map<VariantClass, ClassCounts> byClass = new EnumMap<>(VariantClass.class);
        tally.forEach((c, t) -> byClass.put(c, new ClassCounts(t[0], t[1], t[2], t[3], t[4])));
        return new ConcordanceReport(byClass, regions, truth.skippedSymbolic(), calls.skippedSymbolic(),
                calls.filteredRecords(), includeFiltered, new ConcordanceReport.Clusters(matches.clusters(),
                        matches.clustersMatched(), matches.clustersTooLarge()));
    }
}
