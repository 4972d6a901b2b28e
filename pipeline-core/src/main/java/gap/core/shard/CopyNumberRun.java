package gap.core.shard;

import gap.core.UserException;
import gap.core.cnv.CnvCaller;
import gap.core.cnv.CnvParameters;
import gap.core.cnv.CnvResult;
import gap.core.cnv.CnvSegment;
import gap.core.cnv.CnvTables;
import gap.core.cnv.CnvVcf;
import gap.core.cnv.PanelOfNormals;
import gap.core.cnv.PanelTable;
import gap.core.cnv.SampleDepth;
import gap.core.cnv.SnvSites;
import gap.core.io.ReferenceDictionary;
import gap.core.io.ReferenceSource;
import gap.core.io.TextFiles;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import gap.core.qc.CallRecord;
import htsjdk.variant.variantcontext.VariantContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The copy-number part of a run, once for every driver: opens and checks the panel of normals before calling (its
 * reference and read filter must be the run's), and after calling takes each sample's depth bins (counted by the
 * shards as they read) and SNV sites (read from the final calls part by part), gives its {@link CnvResult}, the VCF records of its changes in genome order,
 * and writes {@code cnv.tsv} and {@code cnv.parquet}. Logs one line per change: pseudonyms only.
 */
public final class CopyNumberRun {
    private static final Logger LOG = LogManager.getLogger(CopyNumberRun.class);

    /** What a run asks of copy number: the panel file and the settings; {@code only} for {@code gap cnv}. */
    public record Options(Path panel, CnvParameters params, boolean only) implements java.io.Serializable {}

    private final PanelOfNormals panel;
    private final CnvParameters params;

    private CopyNumberRun(PanelOfNormals panel, CnvParameters params) {
        this.panel = panel;
        this.params = params;
    }

    /** Reads the panel and checks it against the run's reference and read filter: a mismatch is one line. */
    public static CopyNumberRun open(Options options, ReferenceDictionary dictionary, int minMappingQuality) {
        PanelOfNormals panel = PanelTable.read(options.panel());
        if (!panel.dictionary().digest().equals(dictionary.digest())) {
            throw new UserException("the panel of normals was built on another reference (its contigs, lengths or"
                    + " MD5s differ): build it with gap cnv-panel on this reference");
        }
        if (panel.minMappingQuality() != minMappingQuality) {
            throw new UserException("the panel of normals counted reads of MAPQ >= " + panel.minMappingQuality()
                    + ", this run keeps MAPQ >= " + minMappingQuality + ": use the same read.minMappingQuality");
        }
        return new CopyNumberRun(panel, options.params());
    }

    public int binSize() {
        return panel.binSize();
    }

    /** The fewest REF + ALT reads an SNV call needs for its allele fraction to count. */
    public int snvMinDepth() {
        return params.bafMinDepth();
    }

    /** A run's copy-number results and their VCF records (genome order); {@link #NONE} without copy number. */
    public record Outcome(List<CnvResult> results, List<VariantContext> records) {
        public static final Outcome NONE = new Outcome(List.of(), List.of());

        public List<htsjdk.variant.vcf.VCFHeaderLine> headerLines() {
            return this == NONE ? List.of() : CnvVcf.headerLines();
        }

        /** The QC records of the copy-number changes, in genome order. */
        public List<CallRecord> callRecords(List<String> samples) {
            return records.stream().map(vc -> CallRecord.of(vc, samples)).toList();
        }
    }

    /**
     * Each sample's analysis from the run's depth bins and the SNV sites of its final calls (gathered part by part
     * in pass 2), with the sex each was called with (the sheet's, or its reads' where unknown or contradicted:
     * {@link SexCheck}), and their records.
     */
    public Outcome analyse(CallRequest request, CallingPipeline.Summary summary, List<SnvSites> sites,
                           List<Sex> sexes, Ploidy ploidy) {
        List<String> ids = request.samples().ids();
        List<CnvResult> results = call(ids, sexes, summary.sampleDepth(), sites, ploidy);
        ReferenceDictionary dictionary = ReferenceDictionary.of(request.dictionary());
        return new Outcome(results, records(results, ids, request.reference(), dictionary));
    }

    /** Each sample's analysis, in run order. */
    public List<CnvResult> call(List<String> samples, List<Sex> sexes, List<SampleDepth> depth,
                                List<SnvSites> sites, Ploidy ploidy) {
        CnvCaller caller = new CnvCaller(params, panel, ploidy);
        List<CnvResult> results = new ArrayList<>();
        for (int s = 0; s < samples.size(); s++) {
            CnvResult r = caller.call(samples.get(s), depth.get(s), sexes.get(s), sites.get(s));
            log(r);
            results.add(r);
        }
        return results;
    }

    private static void log(CnvResult r) {
        LOG.info(String.format(Locale.ROOT, "Copy number of %s: %d usable bins, noise %.3f (systematic %.3f),"
                        + " baseline %.3f (%s), %d change(s)", r.sample(), r.usableBins(), r.noise(), r.systematic(),
                r.baseline(),
                r.baselineFromAlleles() ? "from allele-balanced segments"
                        : "none allele-balanced: fitted to depth and allele fractions",
                r.events().size()));
        for (CnvSegment e : r.events()) {
            LOG.info(String.format(Locale.ROOT, "  %s %s:%d-%d %s CN %d%s CNQ %.0f, %d bins, %d hets (BAF %.2f)%s",
                    r.sample(), e.contig(), e.start(), e.end(), e.svType(), e.state().copies(),
                    e.state().isMosaic() ? String.format(Locale.ROOT, " in %.0f%% of cells",
                            100 * e.state().fraction()) : "", e.quality(), e.bins(), e.hets(),
                    e.minorAlleleFraction(), e.wholeContig() ? ", whole contig"
                    : e.wholeArm() != null ? ", whole " + e.wholeArm() + " arm" : ""));
        }
    }

    /** The VCF records of every sample's changes, in genome order (then sample order). */
    public List<VariantContext> records(List<CnvResult> results, List<String> samples, Path reference,
                                        ReferenceDictionary dictionary) {
        Map<String, Integer> order = dictionary.indexes();
        List<VariantContext> out = new ArrayList<>();
        try (ReferenceSource ref = new ReferenceSource(reference)) {
            for (int s = 0; s < results.size(); s++) {
                for (CnvSegment e : results.get(s).events()) {
                    int pos = CnvVcf.position(e);
                    out.add(CnvVcf.record(e, s, samples, panel.binSize(), ref.window(e.contig(), pos, pos).base(pos)));
                }
            }
        }
        out.sort(Comparator.<VariantContext>comparingInt(v -> order.get(v.getContig()))
                .thenComparingInt(VariantContext::getStart));
        return out;
    }

    public static void writeTables(Path output, List<CnvResult> results, ReferenceDictionary dictionary) {
        try {
            TextFiles.writeAtomically(output.resolve(CnvTables.TSV), CnvTables.tsv(results));
        } catch (IOException e) {
            throw new UserException("could not write " + CnvTables.TSV + " (" + e.getClass().getSimpleName()
                    + "): check that the output folder is writable and has space", e);
        }
        CnvTables.writeParquet(output.resolve(CnvTables.PARQUET), results, dictionary);
    }
}
