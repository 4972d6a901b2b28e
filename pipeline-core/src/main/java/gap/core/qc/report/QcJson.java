package gap.core.qc.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gap.core.io.ReadFilters;
import gap.core.cnv.CnvResult;
import gap.core.cnv.CnvSegment;
import gap.core.concordance.ClassCounts;
import gap.core.concordance.VariantClass;
import gap.core.model.ReadCounts;
import gap.core.qc.CallSetQc;
import gap.core.qc.CallSetStats;
import gap.core.qc.CoverageMetrics;
import gap.core.qc.FamilyQc;
import gap.core.qc.QcReport;
import gap.core.qc.SampleQc;
import gap.core.qc.SampleVariantCounts;
import gap.core.qc.SomaticQc;
import gap.core.qc.TruthQc;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes a run's {@link QcReport}, gives {@code qc.json}: the numbers of the report and the MultiQC table by sample,
 * each call set's summary, FILTER, substitution, QUAL, depth and indel-length counts (bcftools stats' SN, ST, QUAL,
 * DP and IDD), the depth histogram of the callable bases and the GQ histogram, the family checks ({@code trios}:
 * Mendelian violations and de novo calls; {@code relatedness}: each pair of samples against the pedigree), and the
 * report's plots with their mark counts. Keys keep one order and nothing depends on the clock, so the same inputs give
 * the same bytes. Undefined ratios are {@code null}. Version 1 of the format.
 */
public final class QcJson {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QcJson() {}

    public static String write(QcReport report, List<Plot> plots) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "gap-qc");
        root.put("formatVersion", FORMAT_VERSION);
        root.put("gapVersion", report.gapVersion());
        root.put("referenceMd5", report.referenceMd5());
        root.put("callableRegions", report.territory());
        ArrayNode samples = root.putArray("samples");
        for (SampleQc s : report.samples()) {
            sample(report, s, samples.addObject());
        }
        ArrayNode callSets = root.putArray("callSets");
        for (CallSetQc c : report.callSets()) {
            callSet(c, callSets.addObject());
        }
        ArrayNode truth = root.putArray("truth");
        for (TruthQc t : report.truth()) {
            ObjectNode o = truth.addObject();
            o.put("sample", t.sample());
            for (VariantClass c : VariantClass.values()) {
                ClassCounts k = t.report().of(c);
                ObjectNode counts = o.putObject(c.name().toLowerCase(Locale.ROOT));
                counts.put("tp", k.tp());
                counts.put("fp", k.fp());
                counts.put("fn", k.fn());
                ratio(counts, "precision", k.precision());
                ratio(counts, "recall", k.recall());
                ratio(counts, "f1", k.f1());
                ratio(counts, "genotypeConcordance", k.genotypeConcordance());
            }
        }
        family(report.family(), root);
        if (!report.copyNumber().isEmpty()) {
            ArrayNode cn = root.putArray("copyNumber");
            report.copyNumber().forEach(r -> copyNumber(r, cn.addObject()));
        }
        if (report.somatic() != null) {
            somatic(report.somatic(), root.putObject("somatic"));
        }
        ArrayNode plotList = root.putArray("plots");
        for (Plot p : plots) {
            ObjectNode o = plotList.addObject();
            o.put("id", p.id());
            o.put("title", p.title());
            o.put("marks", p.marks());
            if (p.kind() == Plot.Kind.LINE) {
                o.put("xMax", p.xMax());
            }
        }
        for (CnvResult r : report.copyNumber()) {
            ObjectNode o = plotList.addObject();
            o.put("id", CnvPlot.id(r));
            o.put("title", "Copy ratio and B-allele fraction of " + r.sample());
            o.put("marks", CnvPlot.marks(r).count());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sample(QcReport report, SampleQc s, ObjectNode o) {
        o.put("sample", s.sample());
        o.put("role", s.role());
        o.put("sex", s.sex());
        o.put("family", s.family());
        o.put("callSet", s.callSet());
        if (s.reads() == null) {
            o.putNull("reads");
        } else {
            reads(s.reads(), o.putObject("reads"));
        }
        if (s.coverage() == null) {
            o.putNull("coverage");
        } else {
            coverage(s.coverage(), o.putObject("coverage"));
        }
        SampleVariantCounts v = report.variants(s);
        ObjectNode variants = o.putObject("variants");
        variants.put("snvs", v.snvs());
        variants.put("hets", v.het());
        variants.put("homAlts", v.homAlt());
        variants.put("homRefs", v.homRef());
        variants.put("transitions", v.transitions());
        variants.put("transversions", v.transversions());
        ratio(variants, "tsTv", v.tsTv());
        ratio(variants, "hetHomRatio", v.hetHomRatio());
        variants.put("indels", v.indels());
        variants.put("insertionHets", v.insertionHets());
        variants.put("deletionHets", v.deletionHets());
        variants.put("insertionHomAlts", v.insertionHomAlts());
        variants.put("deletionHomAlts", v.deletionHomAlts());
        ratio(variants, "insDelRatio", v.insDelRatio());
        variants.put("singletons", v.singletons());
        variants.put("missing", v.missing());
        variants.put("meanDepth", (float) v.meanDepth()); // PSC's average depth, a float in bcftools
        variants.put("nonRefPass", v.nonRefPass());
        variants.put("nonRefFiltered", v.nonRefFiltered());
        ArrayNode gq = variants.putArray("gqHistogram");
        for (long n : report.gqHistogram(s)) {
            gq.add(n);
        }
    }

    private static void reads(ReadCounts reads, ObjectNode o) {
        o.put("seen", reads.seen());
        o.put("kept", reads.get(ReadCounts.Reason.PASS));
        ObjectNode dropped = o.putObject("dropped");
        for (ReadCounts.Reason r : ReadCounts.Reason.values()) {
            if (r != ReadCounts.Reason.PASS) {
                dropped.put(QcNames.reason(r), reads.get(r));
            }
        }
    }

    private static void coverage(CoverageMetrics c, ObjectNode o) {
        o.put("territory", c.territory());
        o.put("depthSum", c.depthSum());
        ratio(o, "meanCoverage", c.meanCoverage());
        o.put("medianCoverage", c.medianCoverage());
        for (int depth : new int[] {10, 20, 30}) {
            ratio(o, "pct" + depth + "x", 100 * c.fractionAtLeast(depth));
        }
        ArrayNode h = o.putArray("histogram");
        for (long n : c.trimmedHistogram()) {
            h.add(n);
        }
    }

    private static void callSet(CallSetQc c, ObjectNode o) {
        CallSetStats s = c.stats();
        o.put("name", c.name());
        o.put("vcf", c.vcfName());
        ArrayNode samples = o.putArray("samples");
        s.samples().forEach(samples::add);
        o.put("records", s.records());
        o.put("noAlts", s.noAlts());
        o.put("snvs", s.snps());
        o.put("mnps", s.mnps());
        o.put("indels", s.indels());
        o.put("others", s.others());
        o.put("multiallelic", s.multiallelic());
        o.put("multiallelicSnvs", s.multiallelicSnps());
        o.put("transitions", s.transitions());
        o.put("transversions", s.transversions());
        ratio(o, "tsTv", s.tsTv());
        o.put("insertions", s.insertionAlleles());
        o.put("deletions", s.deletionAlleles());
        ratio(o, "insDelRatio", s.insDelRatio());
        ObjectNode filters = o.putObject("filters");
        new java.util.TreeMap<>(s.filters()).forEach(filters::put);
        ObjectNode substitutions = o.putObject("substitutions");
        for (Map.Entry<String, Long> e : s.substitutions().entrySet()) {
            substitutions.put(e.getKey(), e.getValue());
        }
        ArrayNode qual = o.putArray("qual");
        for (CallSetStats.QualBin q : s.qualDistribution()) {
            ObjectNode row = qual.addObject();
            if (Float.isNaN(q.quality())) {
                row.putNull("quality");
            } else {
                row.put("quality", q.quality());
            }
            row.put("transitions", q.transitions());
            row.put("transversions", q.transversions());
            row.put("indels", q.indels());
        }
        ArrayNode depth = o.putArray("depth");
        for (CallSetStats.DepthBin d : s.depthDistribution()) {
            ObjectNode row = depth.addObject();
            row.put("depth", d.depth());
            row.put("genotypes", d.genotypes());
            row.put("sites", d.sites());
        }
        ArrayNode lengths = o.putArray("indelLengths");
        for (CallSetStats.IndelLength l : s.indelLengths()) {
            ObjectNode row = lengths.addObject();
            row.put("length", l.length());
            row.put("sites", l.sites());
            row.put("genotypes", l.genotypes());
            ratio(row, "meanVaf", l.meanVaf());
        }
    }

    private static void somatic(SomaticQc q, ObjectNode o) {
        o.put("tumour", q.tumour());
        o.put("normal", q.normal());
        o.put("mode", q.mode());
        o.put("passSnvs", q.passSnvs());
        o.put("passIndels", q.passIndels());
        ratio(o, "purity", q.purity());
        ratio(o, "contamination", q.contamination());
        ratio(o, "contaminationError", q.contaminationError());
        ObjectNode filters = o.putObject("filters");
        new java.util.TreeMap<>(q.filters()).forEach(filters::put);
        ArrayNode af = o.putArray("alleleFractionHistogram");
        long[] histogram = q.afHistogram();
        for (int i = 0; i < histogram.length; i++) {
            ObjectNode bin = af.addObject();
            bin.put("from", Math.round(i * SomaticQc.AF_BIN * 100) / 100.0);
            bin.put("calls", histogram[i]);
        }
        ObjectNode spectrum = o.putObject("spectrum");
        long[] channels = q.spectrum();
        for (int c = 0; c < channels.length; c++) {
            spectrum.put(SomaticQc.channelName(c), channels[c]);
        }
    }

    private static void family(FamilyQc family, ObjectNode root) {
        ArrayNode trios = root.putArray("trios");
        for (FamilyQc.TrioQc t : family.trios()) {
            ObjectNode o = trios.addObject();
            o.put("child", t.child());
            o.put("father", t.father());
            o.put("mother", t.mother());
            o.put("passSites", t.sites());
            o.put("mendelianViolations", t.violations());
            o.put("deNovoCalls", t.deNovo());
        }
        ArrayNode pairs = root.putArray("relatedness");
        for (FamilyQc.PairQc p : family.pairs()) {
            ObjectNode o = pairs.addObject();
            o.put("sampleA", p.sampleA());
            o.put("sampleB", p.sampleB());
            o.put("declared", p.declared());
            o.put("sites", p.sites());
            ratio(o, "ibs0", p.ibs0());
            ratio(o, "kinship", p.kinship());
            o.put("inferred", p.inferred());
            if (p.mitochondrialSites() >= 0) {
                o.put("mitochondrialSites", p.mitochondrialSites());
                o.put("mitochondrialMismatches", p.mitochondrialMismatches());
            }
            o.put("warning", p.warning());
        }
    }

    private static void copyNumber(CnvResult r, ObjectNode o) {
        o.put("sample", r.sample());
        o.put("sex", r.sex().word());
        o.put("usableBins", r.usableBins());
        o.put("maskedBins", r.maskedBins());
        ratio(o, "noise", r.noise());
        ratio(o, "systematicSd", r.systematic());
        ratio(o, "baseline", r.baseline());
        o.put("baselineFrom", r.baselineFromAlleles() ? "allele-balanced segments"
                : "fitted to depth and allele fractions");
        o.put("hetSnvs", r.hets());
        ArrayNode changes = o.putArray("changes");
        for (CnvSegment e : r.events()) {
            ObjectNode c = changes.addObject();
            c.put("contig", e.contig());
            c.put("start", e.start());
            c.put("end", e.end());
            c.put("svType", e.svType());
            c.put("copies", e.state().copies());
            c.put("expectedCopies", e.state().expected());
            ratio(c, "mosaicFraction", e.state().fraction());
            ratio(c, "cnq", e.quality());
            ratio(c, "log2Ratio", e.meanLog2());
            c.put("bins", e.bins());
            c.put("hets", e.hets());
            ratio(c, "baf", e.minorAlleleFraction());
            c.put("wholeContig", e.wholeContig());
            c.put("wholeArm", e.wholeArm());
        }
        CnvPlot.Marks marks = CnvPlot.marks(r);
        ObjectNode plotted = o.putObject("plotted");
        plotted.put("ratioPoints", marks.ratios().size());
        plotted.put("alleleFractionPoints", marks.alleleFractions().size());
        plotted.put("segments", marks.segments().size());
    }

    private static void ratio(ObjectNode o, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }
}
