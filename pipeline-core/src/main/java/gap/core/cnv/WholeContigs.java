package gap.core.cnv;

import gap.core.model.Centromeres;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one sample's called pieces, gives its segments with aneuploidy made one record: when the reportable pieces of
 * one changed copy number (against the same expected copies) hold at least {@code wholeContigShare} of a contig's usable
 * bins, they become one segment spanning the contig; failing that, the same rule on each arm of a chromosome whose
 * centromere is known gives one segment spanning the arm. Either is called again on its bins and allele evidence
 * together; pieces of other states stay as they are.
 */
final class WholeContigs {
    private final CnvParameters params;
    private final BafModel baf;

    WholeContigs(CnvParameters params, BafModel baf) {
        this.params = params;
        this.baf = baf;
    }

    List<CnvSegment> apply(CnvCaller.Run run, CnvCaller.Analysis a) {
        List<CnvSegment> out = new ArrayList<>();
        for (List<Integer> parts : contigs(run)) {
            List<CnvSegment> contig = new ArrayList<>();
            List<CnvCaller.Piece> pieces = piecesOf(a, parts);
            List<CnvCaller.Piece> whole = dominant(run, pieces);
            if (!whole.isEmpty()) {
                CnvCaller.ContigBins cb = run.contigs.get(parts.get(0));
                contig.add(spanning(run, whole, a, 1, cb.length(), CnvSegment.Span.CONTIG));
                pieces.removeAll(whole);
            } else {
                for (int c : parts) {
                    if (run.contigs.get(c).arm() == Arm.NONE) {
                        continue; // no arms: the contig's own test above was the one to make
                    }
                    List<CnvCaller.Piece> arm = dominant(run, piecesOf(a, List.of(c)));
                    if (!arm.isEmpty()) {
                        contig.add(wholeArm(run, c, arm, a));
                        pieces.removeAll(arm);
                    }
                }
            }
            for (CnvCaller.Piece p : pieces) {
                contig.add(segment(run, p, a.baseline()));
            }
            contig.sort(Comparator.comparingInt(CnvSegment::start)); // genome order: a span was added before the rest
            out.addAll(contig);
        }
        return out;
    }

    /** The run's contigs, each as the indexes of its parts (its arms, or itself whole) in {@code run.contigs}. */
    private static List<List<Integer>> contigs(CnvCaller.Run run) {
        Map<String, List<Integer>> parts = new LinkedHashMap<>();
        for (int c = 0; c < run.contigs.size(); c++) {
            parts.computeIfAbsent(run.contigs.get(c).name(), k -> new ArrayList<>()).add(c);
        }
        return new ArrayList<>(parts.values());
    }

    private static List<CnvCaller.Piece> piecesOf(CnvCaller.Analysis a, List<Integer> parts) {
        List<CnvCaller.Piece> out = new ArrayList<>();
        for (CnvCaller.Piece p : a.pieces()) {
            if (parts.contains(p.contig())) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The reportable pieces of the changed state holding enough of these pieces' bins, with the pieces of that copy
     * number too short or unsure to report alone (the span is called as a whole); empty when no state holds enough.
     */
    private List<CnvCaller.Piece> dominant(CnvCaller.Run run, List<CnvCaller.Piece> pieces) {
        int total = pieces.stream().mapToInt(CnvCaller.Piece::bins).sum();
        Map<List<Integer>, List<CnvCaller.Piece>> byState = new LinkedHashMap<>();
        for (CnvCaller.Piece p : pieces) {
            if (run.reportable(p)) {
                byState.computeIfAbsent(List.of(p.call().state().copies(), p.expected()), k -> new ArrayList<>())
                        .add(p);
            }
        }
        for (List<CnvCaller.Piece> group : byState.values()) {
            int bins = group.stream().mapToInt(CnvCaller.Piece::bins).sum();
            if (bins >= params.wholeContigShare() * total) {
                List<Integer> state = List.of(group.get(0).call().state().copies(), group.get(0).expected());
                return pieces.stream().filter(p -> p.call() != null && !p.call().state().isNeutral()
                        && List.of(p.call().state().copies(), p.expected()).equals(state)).toList();
            }
        }
        return List.of();
    }

    /** One arm's change: spanning the arm, from the contig's end to the centromere. */
    private CnvSegment wholeArm(CnvCaller.Run run, int c, List<CnvCaller.Piece> group, CnvCaller.Analysis a) {
        CnvCaller.ContigBins cb = run.contigs.get(c);
        Centromeres.Centromere centromere = Centromeres.of(cb.name(), cb.length());
        return cb.arm() == Arm.P
                ? spanning(run, group, a, 1, centromere.start() - 1, CnvSegment.Span.P_ARM)
                : spanning(run, group, a, centromere.end() + 1, cb.length(), CnvSegment.Span.Q_ARM);
    }

    /** The pieces of one state as one segment from {@code start} to {@code end}, called on their bins together. */
    private CnvSegment spanning(CnvCaller.Run run, List<CnvCaller.Piece> group, CnvCaller.Analysis a, int start,
                                int end, CnvSegment.Span span) {
        List<int[]> ranges = new ArrayList<>();
        for (CnvCaller.Piece p : group) {
            ranges.add(new int[] {run.start(p.contig(), p.from()), run.end(p.contig(), p.to())});
        }
        String contig = run.contigs.get(group.get(0).contig()).name();
        AlleleEvidence alleles = run.index.evidence(contig, ranges);
        CnvCaller.Piece called = run.callTogether(group, alleles, a.baseline(), a.hetShare());
        SegmentCaller.Call call = called.call();
        return new CnvSegment(contig, start, end, called.bins(), called.mean() - a.baseline(), call.state(),
                call.quality(), alleles.hets(), alleles.minorFraction(baf), span, run.reportable(called));
    }

    private CnvSegment segment(CnvCaller.Run run, CnvCaller.Piece p, double baseline) {
        int c = p.contig();
        SegmentCaller.Call call = p.call();
        return new CnvSegment(run.contigs.get(c).name(), run.start(c, p.from()), run.end(c, p.to()), p.bins(),
                p.mean() - baseline, call.state(), call.quality(), p.alleles().hets(),
                p.alleles().minorFraction(baf), CnvSegment.Span.SEGMENT, run.reportable(p));
    }
}
