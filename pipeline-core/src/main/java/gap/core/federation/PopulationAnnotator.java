package gap.core.federation;

import gap.core.UserException;
import gap.core.io.ReferenceDictionary;
import gap.core.model.VariantCall;
import htsjdk.variant.vcf.VCFHeaderLineCount;
import htsjdk.variant.vcf.VCFHeaderLineType;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes a released summary (a network's or a site's, never one exported for a merge) and calls in genome order,
 * gives each call with {@code INFO/POP_AC}, {@code POP_AN}, {@code POP_AF} and {@code POP_SUPPRESSED}, one value per
 * ALT ({@code .} where the summary has no such allele). A call none of whose alleles the summary holds is left as
 * it is. Reads the summary in step with the calls, so memory does not grow with the summary; a call before the last
 * one (the next sample of a run) starts the summary again.
 */
public final class PopulationAnnotator implements AutoCloseable {
    public static final String AC = "POP_AC";
    public static final String AN = "POP_AN";
    public static final String AF = "POP_AF";
    public static final String SUPPRESSED = "POP_SUPPRESSED";

    private final Path summary;
    private final Map<String, Integer> contigIndexes;
    private SummaryTable.Reader reader;
    private SummaryRow lookahead;
    private int contig = -1;
    private long start = -1;
    private final Map<AlleleKey, SummaryRow> atPosition = new HashMap<>();

    private PopulationAnnotator(Path summary, ReferenceDictionary dictionary) {
        this.summary = summary;
        this.contigIndexes = dictionary.indexes();
        restart();
    }

    /** The INFO lines the annotation adds to a run's VCF header and calls.parquet columns. */
    public static List<VCFInfoHeaderLine> headerLines() {
        return List.of(
                new VCFInfoHeaderLine(AC, VCFHeaderLineCount.A, VCFHeaderLineType.Integer, "Copies of each ALT in the"
                        + " population summary (gap aggregate); missing when suppressed or not in the summary"),
                new VCFInfoHeaderLine(AN, VCFHeaderLineCount.A, VCFHeaderLineType.Integer, "Called alleles the"
                        + " population summary counted for each ALT; a lower bound, as single-sample call sets have no"
                        + " hom-ref genotypes"),
                new VCFInfoHeaderLine(AF, VCFHeaderLineCount.A, VCFHeaderLineType.Float, "POP_AC / POP_AN"),
                new VCFInfoHeaderLine(SUPPRESSED, VCFHeaderLineCount.A, VCFHeaderLineType.Integer, "1 when the"
                        + " population summary holds the ALT but suppressed its counts (too few to release: rare"
                        + " there), 0 when released; missing when the summary does not hold it"));
    }

    /**
     * Opens a summary for a run against {@code runDictionary}: one of another reference, or one holding exact counts
     * exported for a merge, is one line.
     */
    public static PopulationAnnotator open(Path summary, ReferenceDictionary runDictionary) {
        check(summary, runDictionary);
        return new PopulationAnnotator(summary, runDictionary);
    }

    /** What {@link #open} checks, from the file's metadata alone: for a driver to check before any work. */
    public static void check(Path summary, ReferenceDictionary runDictionary) {
        String name = summary.getFileName().toString();
        SummaryInfo info = SummaryTable.info(summary);
        if (info.forMerge()) {
            throw new UserException(name + " holds exact counts exported for a merge (--for-merge), which must not"
                    + " reach call sets: annotate with a released summary (gap aggregate merge without --for-merge)");
        }
        if (!info.dictionary().digest().equals(runDictionary.digest())) {
            throw new UserException(name + " summarises calls against another reference than -R (their reference"
                    + " dictionaries differ): give a population summary made against this reference");
        }
    }

    public VariantCall annotate(VariantCall call) {
        long callStart = call.position() - 1L;
        seek(AlleleKey.contigIndex(contigIndexes, call.contig()), callStart);
        List<Integer> ac = new ArrayList<>();
        List<Integer> an = new ArrayList<>();
        List<Double> af = new ArrayList<>();
        List<Integer> suppressed = new ArrayList<>();
        boolean any = false;
        for (String alt : call.alleles().subList(1, call.alleles().size())) {
            SummaryRow row = AlleleKey.isCountable(alt)
                    ? atPosition.get(AlleleKey.of(call.contig(), callStart, call.ref(), alt)) : null;
            any |= row != null;
            boolean released = row != null && !row.suppressed();
            ac.add(released ? Math.toIntExact(row.alleleCount()) : null);
            an.add(released ? Math.toIntExact(row.alleleNumber()) : null);
            af.add(released ? row.alleleFrequency() : null);
            suppressed.add(row == null ? null : row.suppressed() ? 1 : 0);
        }
        if (!any) {
            return call;
        }
        Map<String, Object> info = new TreeMap<>(call.info());
        info.put(AC, ac);
        info.put(AN, an);
        info.put(AF, af);
        info.put(SUPPRESSED, suppressed);
        return call.withInfo(info);
    }

    /** Holds the summary's rows at (contig, start) in {@link #atPosition}, reading forward (or from the top). */
    private void seek(int toContig, long toStart) {
        int cmp = compare(toContig, toStart, contig, start);
        if (cmp == 0) {
            return;
        }
        if (cmp < 0) {
            restart();
        }
        contig = toContig;
        start = toStart;
        atPosition.clear();
        while (lookahead != null && compare(rowContig(lookahead), lookahead.key().start(), toContig, toStart) < 0) {
            lookahead = reader.next();
        }
        while (lookahead != null && compare(rowContig(lookahead), lookahead.key().start(), toContig, toStart) == 0) {
            atPosition.put(lookahead.key(), lookahead);
            lookahead = reader.next();
        }
    }

    private int rowContig(SummaryRow row) {
        return AlleleKey.contigIndex(contigIndexes, row.key().contigName());
    }

    private static int compare(int c1, long s1, int c2, long s2) {
        return c1 != c2 ? Integer.compare(c1, c2) : Long.compare(s1, s2);
    }

    private void restart() {
        if (reader != null) {
            reader.close();
        }
        reader = SummaryTable.open(summary);
        lookahead = reader.next();
        contig = -1;
        start = -1;
        atPosition.clear();
    }

    @Override
    public void close() {
        reader.close();
    }
}
