package gap.core.cnv;

import gap.core.model.Centromeres;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes one sample's depth bins, sex and SNV calls with the panel of normals, gives its {@link CnvResult}: each usable
 * bin's log2 ratio of reads to what the panel expects for the sample's copies there, corrected for GC; circular binary
 * segmentation per contig; a baseline from the segments whose heterozygous calls sit at 1/2 (where two haplotypes are
 * in equal parts the copy number is 2, whatever the sample's sequencing depth); a copy state per segment from depth
 * and allele fractions; adjacent segments of one state merged; a contig mostly in one changed state called whole
 * ({@link WholeContigs}). GC correction and segmentation run twice: the second GC fit leaves out changed segments.
 */
public final class CnvCaller {
    /** Counts below this floor (no reads) are taken as this many, so a deletion's log2 ratio stays finite. */
    static final double COUNT_FLOOR = 0.5;
    /** Heterozygous calls a segment needs before its allele balance can set the baseline. */
    static final int MIN_BALANCED_HETS = 10;

    private final CnvParameters params;
    private final PanelOfNormals panel;
    private final Ploidy ploidy;
    private final SegmentCaller caller;
    private final Segmenter segmenter;

    public CnvCaller(CnvParameters params, PanelOfNormals panel, Ploidy ploidy) {
        this.params = params;
        this.panel = panel;
        this.ploidy = ploidy;
        this.caller = new SegmentCaller(params);
        this.segmenter = new Segmenter(params.segmentAlpha(), 2);
    }

    /**
     * The usable bins of one contig, or of one arm of it ({@code arm} {@code p} or {@code q}; {@link Arm#NONE} for a
     * contig whose centromere is not known): bin indexes, raw log2 ratios, GC, expected copies, and the log2 ratio of
     * no reads. Arms are segmented apart, as a change rarely spans a centromere and an arm is a unit of aneuploidy.
     */
    record ContigBins(String name, int length, Arm arm, int[] bins, double[] raw, double[] gc, int[] expected,
                      double[] floor) {
        int size() {
            return bins.length;
        }
    }

    /** A segment of one contig's usable bins [from, to), with its call once made. */
    record Piece(int contig, int from, int to, double mean, int expected, AlleleEvidence alleles,
                 SegmentCaller.Call call) {
        int bins() {
            return to - from;
        }
    }

    /** Segmented and called, with the baseline and het share it settled on. */
    record Analysis(List<Piece> pieces, double baseline, boolean fromAlleles, double hetShare) {}

    public CnvResult call(String sample, SampleDepth depth, Sex sex, List<SnvSite> snvs) {
        return call(sample, depth, sex, SnvSites.of(snvs));
    }

    /** As above, from the sample's sites gathered in genome order. */
    public CnvResult call(String sample, SampleDepth depth, Sex sex, SnvSites snvs) {
        List<ContigBins> contigs = usableBins(depth, sex);
        int usable = contigs.stream().mapToInt(ContigBins::size).sum();
        SnvIndex index = new SnvIndex(snvs);
        double[][] first = gcCorrected(contigs, null);
        double noise = Segmenter.noise(Arrays.asList(first));
        Analysis a1 = new Run(contigs, first, noise, params.systematicSd(), index).analyse(index.hetShare());
        double[][] second = gcCorrected(contigs, a1.pieces());
        double systematic = systematic(second, noise);
        Run run = new Run(contigs, second, noise, systematic, index);
        Analysis a = run.analyse(a1.hetShare());
        List<CnvSegment> segments = new WholeContigs(params, caller.bafModel()).apply(run, a);
        return new CnvResult(sample, sex, segments, noise, systematic, a.baseline(), a.fromAlleles(), usable,
                panel.usableBins() - usable, (int) snvs.hets(),
                ratioPoints(contigs, second, a.baseline()), snvs.hetFractions(CnvResult.PLOTTED_POINTS));
    }

    /** The usable bins of each contig: unmasked in the panel, owned by the run, with copies expected for the sex. */
    List<ContigBins> usableBins(SampleDepth depth, Sex sex) {
        List<ContigBins> out = new ArrayList<>();
        for (PanelOfNormals.Contig pc : panel.contigs()) {
            SampleDepth.Contig sc = depth.contig(pc.name());
            if (sc == null) {
                continue;
            }
            Centromeres.Centromere centromere = Centromeres.of(pc.name(), pc.length());
            for (Arm arm : centromere == null ? List.of(Arm.NONE) : List.of(Arm.P, Arm.Q)) {
                ContigBins cb = usableBins(pc, sc, depth, sex, arm, centromere);
                if (cb.size() > 0) {
                    out.add(cb);
                }
            }
        }
        return out;
    }

    /** The usable bins of one contig's arm (every bin for {@link Arm#NONE}); bins in the centromere are none. */
    private ContigBins usableBins(PanelOfNormals.Contig pc, SampleDepth.Contig sc, SampleDepth depth, Sex sex,
                                  Arm arm, Centromeres.Centromere centromere) {
        int binSize = panel.binSize();
        List<Integer> bins = new ArrayList<>();
        List<double[]> values = new ArrayList<>(); // raw, gc, expected, floor
        for (int b = 0; b < pc.bins(); b++) {
            int middle = (Bins.start(binSize, b) + Bins.end(pc.length(), binSize, b)) / 2;
            if (!arm.holds(middle, centromere)) {
                continue;
            }
            // a sample whose sex is unknown (or that its reads contradict) has no expected copies on X and Y
            int copies = sex == Sex.UNKNOWN && Ploidy.kind(pc.name()) != Ploidy.Kind.AUTOSOME ? 0
                    : ploidy.copies(pc.name(), middle, sex);
            if (pc.mask()[b] != PanelOfNormals.Mask.NONE || !depth.complete(sc, b) || copies == 0
                    || !(pc.median()[b] > 0)) {
                continue;
            }
            double expectedReads = pc.median()[b] * panel.typicalDepth() * copies / 2.0;
            double raw = SegmentCaller.log2(Math.max(sc.counted(b), COUNT_FLOOR) / expectedReads);
            bins.add(b);
            values.add(new double[] {raw, pc.gc()[b], copies, SegmentCaller.log2(COUNT_FLOOR / expectedReads)});
        }
        return new ContigBins(pc.name(), pc.length(), arm, bins.stream().mapToInt(Integer::intValue).toArray(),
                column(values, 0), column(values, 1), values.stream().mapToInt(v -> (int) v[2]).toArray(),
                column(values, 3));
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(v -> v[c]).toArray();
    }

    /** Raw ratios less one GC trend over all usable bins, fitted on those of unchanged segments when known. */
    double[][] gcCorrected(List<ContigBins> contigs, List<Piece> pieces) {
        int total = contigs.stream().mapToInt(ContigBins::size).sum();
        double[] raw = new double[total];
        double[] gc = new double[total];
        boolean[] use = new boolean[total];
        int[] offset = new int[contigs.size()];
        int k = 0;
        for (int c = 0; c < contigs.size(); c++) {
            offset[c] = k;
            ContigBins cb = contigs.get(c);
            for (int i = 0; i < cb.size(); i++) {
                raw[k] = cb.raw()[i];
                gc[k] = cb.gc()[i];
                use[k++] = pieces == null;
            }
        }
        if (pieces != null) {
            for (Piece p : pieces) {
                if (!reportable(p)) {
                    Arrays.fill(use, offset[p.contig()] + p.from(), offset[p.contig()] + p.to(), true);
                }
            }
        }
        double[] trend = GcCorrector.trend(raw, gc, use);
        double[][] out = new double[contigs.size()][];
        for (int c = 0; c < contigs.size(); c++) {
            out[c] = new double[contigs.get(c).size()];
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = raw[offset[c] + i] - trend[offset[c] + i];
            }
        }
        return out;
    }

    /** Bins per window of the systematic SD's measure. */
    static final int SYSTEMATIC_WINDOW = 50;

    /**
     * The sample's systematic SD of segment means: within each segment (every change point the segmentation finds,
     * called or not), 50-bin windows' means less the segment's; their robust SD (MAD) less the windows' sampling
     * noise ({@code noise²/50}), never below {@code cnv.minSystematicSd}; the first pass's value when fewer than 5
     * windows fit. Deviations are taken within segments, so changes, even uncalled ones, do not inflate it: it is the
     * wobble of depth along unchanged sequence that panel normalisation leaves.
     */
    double systematic(double[][] log2, double noise) {
        List<Double> deviations = new ArrayList<>();
        for (double[] x : log2) {
            for (int[] seg : segmenter.segment(x, noise)) {
                double mean = 0;
                for (int i = seg[0]; i < seg[1]; i++) {
                    mean += x[i];
                }
                mean /= seg[1] - seg[0];
                for (int w = seg[0]; w + SYSTEMATIC_WINDOW <= seg[1]; w += SYSTEMATIC_WINDOW) {
                    double sum = 0;
                    for (int i = w; i < w + SYSTEMATIC_WINDOW; i++) {
                        sum += x[i];
                    }
                    deviations.add(sum / SYSTEMATIC_WINDOW - mean);
                }
            }
        }
        if (deviations.size() < 5) {
            return params.systematicSd();
        }
        double spread = GcCorrector.mad(deviations.stream().mapToDouble(Double::doubleValue).toArray());
        double excess = spread * spread - noise * noise / SYSTEMATIC_WINDOW;
        return Math.max(params.minSystematicSd(), Math.sqrt(Math.max(0, excess)));
    }

    /** Whether a called piece is reported: a changed state, enough bins, enough quality. */
    boolean reportable(Piece p) {
        return p.call() != null && p.call().state().isCopyChange() && p.bins() >= params.minEventBins()
                && p.call().quality() >= params.minQuality();
    }

    private List<CnvResult.Point> ratioPoints(List<ContigBins> contigs, double[][] log2, double baseline) {
        List<CnvResult.Point> points = new ArrayList<>();
        for (int c = 0; c < contigs.size(); c++) {
            ContigBins cb = contigs.get(c);
            for (int i = 0; i < cb.size(); i++) {
                int b = cb.bins()[i];
                int middle = (Bins.start(panel.binSize(), b) + Bins.end(cb.length(), panel.binSize(), b)) / 2;
                points.add(new CnvResult.Point(cb.name(), middle, log2[c][i] - baseline));
            }
        }
        return points;
    }

    /** One sample's pass: its contigs' bins and ratios, its bins' noise and systematic SD, its SNV calls. */
    final class Run {
        final List<ContigBins> contigs;
        final double[][] log2;
        final double noise;
        final double systematic;
        final SnvIndex index;

        Run(List<ContigBins> contigs, double[][] log2, double noise, double systematic, SnvIndex index) {
            this.contigs = contigs;
            this.log2 = log2;
            this.noise = noise;
            this.systematic = systematic;
            this.index = index;
        }

        boolean reportable(Piece p) {
            return CnvCaller.this.reportable(p);
        }

        Analysis analyse(double hetShare) {
            List<Piece> pieces = new ArrayList<>();
            for (int c = 0; c < contigs.size(); c++) {
                for (int[] seg : segmenter.segment(log2[c], noise)) {
                    pieces.add(piece(c, seg[0], seg[1]));
                }
            }
            Baseline base = baseline(pieces, hetShare);
            double share = Double.isFinite(base.hetShare()) ? base.hetShare() : hetShare;
            List<Piece> called = new ArrayList<>();
            for (Piece p : pieces) {
                called.add(call(p, base.value(), share));
            }
            return new Analysis(merge(called, base.value(), share), base.value(), base.fromAlleles(), share);
        }

        /** The piece [from, to) of contig c, not yet called. */
        Piece piece(int c, int from, int to) {
            ContigBins cb = contigs.get(c);
            double sum = 0;
            int[] copies = new int[8];
            for (int i = from; i < to; i++) {
                sum += log2[c][i];
                copies[Math.min(7, cb.expected()[i])]++;
            }
            int expected = 1;
            for (int e = 1; e < copies.length; e++) {
                if (copies[e] > copies[expected]) {
                    expected = e;
                }
            }
            return new Piece(c, from, to, sum / (to - from), expected, index.evidence(cb.name(), start(c, from),
                    end(c, to)), null);
        }

        int start(int c, int from) {
            return Bins.start(panel.binSize(), contigs.get(c).bins()[from]);
        }

        int end(int c, int to) {
            ContigBins cb = contigs.get(c);
            return Bins.end(cb.length(), panel.binSize(), cb.bins()[to - 1]);
        }

        Piece call(Piece p, double baseline, double hetShare) {
            return callTogether(List.of(p), p.alleles(), baseline, hetShare);
        }

        /**
         * Pieces of one contig (of one arm or both) called as one on their bins together: their mean, number and
         * no-read floor, with {@code alleles}; the piece returned has the first's contig and start and their bins.
         */
        Piece callTogether(List<Piece> group, AlleleEvidence alleles, double baseline, double hetShare) {
            double sum = 0;
            double floor = 0;
            int bins = 0;
            for (Piece p : group) {
                ContigBins cb = contigs.get(p.contig());
                for (int i = p.from(); i < p.to(); i++) {
                    floor += cb.floor()[i];
                }
                sum += p.mean() * p.bins();
                bins += p.bins();
            }
            Piece first = group.get(0);
            double mean = group.size() == 1 ? first.mean() : sum / bins;
            SegmentCaller.Call call = caller.call(mean - baseline, bins, noise, systematic, floor / bins - baseline,
                    first.expected(), alleles, hetShare);
            return new Piece(first.contig(), first.from(), first.from() + bins, mean, first.expected(), alleles, call);
        }

        /** Adjacent pieces of a contig with one reportable state, or both unreportable, become one; until none do. */
        List<Piece> merge(List<Piece> pieces, double baseline, double hetShare) {
            List<Piece> current = pieces;
            boolean merged = true;
            while (merged) {
                merged = false;
                List<Piece> next = new ArrayList<>();
                for (Piece p : current) {
                    Piece last = next.isEmpty() ? null : next.get(next.size() - 1);
                    if (last != null && last.contig() == p.contig() && key(last).equals(key(p))) {
                        next.set(next.size() - 1, call(piece(p.contig(), last.from(), p.to()), baseline, hetShare));
                        merged = true;
                    } else {
                        next.add(p);
                    }
                }
                current = next;
            }
            return current;
        }

        private List<Integer> key(Piece p) {
            return reportable(p) ? List.of(p.call().state().copies(), p.expected()) : List.of(-1, p.expected());
        }

        /**
         * With too few allele-balanced bins: the baseline of highest posterior, each piece's data summed over its
         * states and their priors, the baseline N(0, depthScaleSd²) a priori (0 being the panel's depth), searched in
         * steps of 0.01 over ±1.2. A trisomic contig sequenced a fifth less deep than the panel is then three copies in
         * every cell, as its allele fractions say, not in four fifths of them, as its depth alone would.
         */
        double searchBaseline(List<Piece> pieces, double hetShare) {
            double best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            int steps = (int) Math.round(BASELINE_REACH / BASELINE_STEP);
            for (int g = -steps; g <= steps; g++) {
                double b = g * BASELINE_STEP;
                double z = b / params.depthScaleSd();
                double score = -0.5 * z * z;
                for (Piece p : pieces) {
                    score += call(p, b, hetShare).call().logMarginal();
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = b;
                }
            }
            return best;
        }

        /**
         * The baseline: bin-weighted median of the allele-balanced pieces' means; searched with the allele fractions
         * ({@link #searchBaseline}) when too few bins are balanced.
         */
        Baseline baseline(List<Piece> pieces, double hetShare) {
            List<Piece> balanced = new ArrayList<>();
            long hets = 0;
            long homs = 0;
            int bins = 0;
            int all = 0;
            for (Piece p : pieces) {
                all += p.bins();
                if (p.expected() == 2 && p.alleles().balanced(caller.bafModel(), hetShare, params.lohHetShare(),
                        MIN_BALANCED_HETS)) {
                    balanced.add(p);
                    bins += p.bins();
                    hets += p.alleles().hets();
                    homs += p.alleles().homAlts();
                }
            }
            if (balanced.isEmpty() || bins < Math.max(params.minEventBins(), 0.05 * all)) {
                return new Baseline(searchBaseline(pieces, hetShare), false, Double.NaN);
            }
            balanced.sort((x, y) -> Double.compare(x.mean(), y.mean()));
            double seen = 0;
            for (Piece p : balanced) {
                seen += p.bins();
                if (seen >= bins / 2.0) {
                    return new Baseline(p.mean(), true, hets / (double) (hets + homs));
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }

    /** Steps and reach (log2) of the baseline search. */
    static final double BASELINE_STEP = 0.01;
    static final double BASELINE_REACH = 1.2;

    /** The baseline log2 ratio, whether allele balance gave it, and the het share of the balanced pieces. */
    record Baseline(double value, boolean fromAlleles, double hetShare) {}
}
