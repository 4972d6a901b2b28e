package gap.core.cnv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one sample's called pieces, gives its segments with whole-contig aneuploidy made one record: when the
 * reportable pieces of one changed copy number (against the same expected copies) hold at least
 * {@code wholeContigShare} of a contig's usable bins, they become one segment spanning the contig, called again on
 * their bins and allele evidence together; pieces of other states stay as they are.
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
        for (int c = 0; c < run.contigs.size(); c++) {
            List<CnvCaller.Piece> pieces = new ArrayList<>();
            for (CnvCaller.Piece p : a.pieces()) {
                if (p.contig() == c) {
                    pieces.add(p);
                }
            }
            List<CnvCaller.Piece> whole = dominant(run, pieces);
            if (!whole.isEmpty()) {
                out.add(wholeContig(run, c, whole, a));
                pieces.removeAll(whole);
            }
            for (CnvCaller.Piece p : pieces) {
                out.add(segment(run, p, a.baseline(), false));
            }
        }
        return out;
    }

    /** The reportable pieces of the changed state holding enough of the contig's bins; empty when none does. */
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
                return group;
            }
        }
        return List.of();
    }

    private CnvSegment wholeContig(CnvCaller.Run run, int c, List<CnvCaller.Piece> group, CnvCaller.Analysis a) {
        CnvCaller.ContigBins cb = run.contigs.get(c);
        double sum = 0;
        int bins = 0;
        List<int[]> ranges = new ArrayList<>();
        for (CnvCaller.Piece p : group) {
            sum += p.mean() * p.bins();
            bins += p.bins();
            ranges.add(new int[] {run.start(c, p.from()), run.end(c, p.to())});
        }
        AlleleEvidence alleles = run.index.evidence(cb.name(), ranges);
        CnvCaller.Piece first = group.get(0);
        // called on the group's bins alone (their mean and number; the no-read floor is alike along a contig)
        CnvCaller.Piece called = run.call(new CnvCaller.Piece(c, first.from(), first.from() + bins, sum / bins,
                first.expected(), alleles, null), a.baseline(), a.hetShare());
        SegmentCaller.Call call = called.call();
        return new CnvSegment(cb.name(), 1, cb.length(), bins, called.mean() - a.baseline(), call.state(),
                call.quality(), alleles.hets(), alleles.minorFraction(baf), true, run.reportable(called));
    }

    private CnvSegment segment(CnvCaller.Run run, CnvCaller.Piece p, double baseline, boolean whole) {
        int c = p.contig();
        SegmentCaller.Call call = p.call();
        return new CnvSegment(run.contigs.get(c).name(), run.start(c, p.from()), run.end(c, p.to()), p.bins(),
                p.mean() - baseline, call.state(), call.quality(), p.alleles().hets(),
                p.alleles().minorFraction(baf), whole, run.reportable(p));
    }
}
