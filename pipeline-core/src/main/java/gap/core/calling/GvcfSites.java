package gap.core.calling;

import gap.core.io.GvcfStretch;
import gap.core.model.CandidateSite;
import gap.core.model.GenotypeLikelihoods;
import gap.core.model.GvcfRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Takes each sample's gVCF records over a stretch of a contig, gives the joint sites there: every position where some
 * sample has a variant record, its alleles the union of theirs (REF the longest, the others extended by its extra
 * bases), and each sample's likelihoods over them: from its own record, an allele it lacks taking its
 * {@code <NON_REF>} likelihoods; from its reference block (REF, and {@code <NON_REF>} for every alternate, or for
 * each alternate but the bases a one-position block lists: those take their own likelihoods); from a
 * hom-ref record whose REF spans the position; else no say ({@code ./.}), as for a sample without reads there.
 */
public final class GvcfSites {
    /** A joint site with each sample's evidence, in sample order; {@code raws} null for a sample without a record. */
    public record Site(CandidateSite site, List<GvcfLikelihoods> likelihoods, boolean[] covered, int[] depths,
                       List<GvcfRecord.RawAnnotations> raws, List<VariantCaller.MitoEvidence> mito) {}

    private final List<GvcfStretch.Kind> blocks = new ArrayList<>();
    private final List<GvcfStretch.Kind> variants = new ArrayList<>();
    private final int maxSpan;

    /** Over each sample's records (in sample order); a variant record's REF spans at most {@code maxSpan} bases. */
    public GvcfSites(List<GvcfStretch> samples, int maxSpan) {
        this.maxSpan = maxSpan;
        for (GvcfStretch records : samples) {
            blocks.add(records.blocks());
            variants.add(records.variants());
        }
    }

    /** As above, over records decoded already (the first of a kind at a position counts). */
    public static GvcfSites of(List<List<GvcfRecord>> samples, int maxSpan) {
        return new GvcfSites(samples.stream().map(GvcfStretch::of).toList(), maxSpan);
    }

    /** The positions in {@code from..to} where some sample has a variant record, ascending. */
    public List<Integer> positions(int from, int to) {
        TreeSet<Integer> all = new TreeSet<>();
        for (GvcfStretch.Kind v : variants) {
            for (int i = v.ceiling(from); i < v.size() && v.start(i) <= to; i++) {
                all.add(v.start(i));
            }
        }
        return List.copyOf(all);
    }

    /**
     * Whether some sample's evidence at {@code position} may favour a genotype with an alternate allele: false when
     * every record and block {@link #at} could take a sample's likelihoods from has hom-ref among its most likely
     * genotypes (PL's least first), read without decoding them. Every sample's likeliest genotype over the joint
     * alleles is then hom-ref (each likelihood is one of its PL's, hom-ref's is PL's first, ties go to hom-ref), so the
     * diploid or haploid caller calls nothing there ({@link VariantCaller#call}); not chrM's, which weighs
     * heteroplasmy instead. Nine in ten of a trio's sites are such (trio2: a sample's ~5,500 hom-ref variant records
     * per Mb, where it saw an alternate base or two).
     */
    public boolean mayVary(int position) {
        int spanEnd = position;
        for (GvcfStretch.Kind v : variants) {
            int i = v.at(position);
            spanEnd = i < 0 ? spanEnd : Math.max(spanEnd, v.end(i));
        }
        for (int s = 0; s < variants.size(); s++) {
            GvcfStretch.Kind v = variants.get(s);
            int i = v.at(position);
            if (i >= 0 ? !v.refFavoured(i) : !backgroundRefFavoured(s, position, spanEnd)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every record {@link #background} may choose from has hom-ref among its most likely genotypes. */
    private boolean backgroundRefFavoured(int sample, int position, int spanEnd) {
        GvcfStretch.Kind b = blocks.get(sample);
        int floor = b.floor(position);
        if (floor >= 0 && b.end(floor) >= position) {
            for (int i = floor; i < b.size() && (i == floor || b.start(i) <= spanEnd); i++) {
                if (!b.refFavoured(i)) {
                    return false;
                }
            }
            return true;
        }
        GvcfStretch.Kind v = variants.get(sample);
        for (int i = v.ceiling(position - maxSpan); i < v.size() && v.start(i) < position; i++) {
            if (v.end(i) >= position && !v.refFavoured(i)) {
                return false;
            }
        }
        return true;
    }

    /** The joint site at {@code position} of {@code contig}. */
    public Site at(String contig, int position) {
        List<GvcfRecord> here = new ArrayList<>();
        String ref = "";
        for (GvcfStretch.Kind v : variants) {
            int i = v.at(position);
            GvcfRecord r = i < 0 ? null : v.record(i);
            here.add(r);
            if (r != null && r.ref().length() > ref.length()) {
                ref = r.ref();
            }
        }
        List<String> alleles = new ArrayList<>(List.of(ref));
        for (GvcfRecord r : here) {
            for (int a = 1; r != null && a < r.alleles().size(); a++) {
                String extended = r.alleles().get(a) + ref.substring(r.ref().length());
                if (!alleles.contains(extended)) {
                    alleles.add(extended);
                }
            }
        }
        int n = here.size();
        List<GvcfLikelihoods> likelihoods = new ArrayList<>();
        boolean[] covered = new boolean[n];
        int[] depths = new int[n];
        List<GvcfRecord.RawAnnotations> raws = new ArrayList<>();
        List<VariantCaller.MitoEvidence> mito = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            GvcfRecord own = here.get(s);
            GvcfRecord source = own != null ? own : background(s, position, position + ref.length() - 1);
            raws.add(own == null ? null : own.raw());
            if (source == null) {
                likelihoods.add(new GvcfLikelihoods(new double[GenotypeLikelihoods.genotypeCount(alleles.size())],
                        new int[alleles.size()]));
                mito.add(mito(null, null, false, new int[alleles.size()], 0));
                continue;
            }
            int[] map = own != null || source.isAlleleBlock() ? alleleMap(source, alleles, ref)
                    : nonRefMap(alleles.size(), source);
            likelihoods.add(likelihoods(source, map, own != null, alleles.size()));
            covered[s] = own != null ? own.gt()[0] >= 0 : source.isBlock() ? source.minDp() > 0 : true;
            depths[s] = source.dp();
            mito.add(mito(source, map, covered[s], likelihoods.get(s).depths(), depths[s]));
        }
        int spanEnd = position + ref.length() - 1;
        CandidateSite site = new CandidateSite(contig, position, alleles, spanEnd, 0, List.of(), 0);
        return new Site(site, likelihoods, covered, depths, raws, mito);
    }

    /**
     * chrM's heteroplasmy evidence of a sample from its record or block ({@code source}, null: none): an allele its
     * record holds has its estimate; one it lacks none (fraction 0), its absence as sure as the record's GQ.
     */
    private static VariantCaller.MitoEvidence mito(GvcfRecord source, int[] map, boolean covered, int[] ad,
                                                   int depth) {
        int count = ad.length;
        Heteroplasmy.Estimate[] est = new Heteroplasmy.Estimate[count];
        double[] absence = new double[count];
        double[][] h = source == null || source.raw() == null ? null : source.raw().heteroplasmy();
        for (int j = 1; j < count && covered; j++) {
            boolean held = h != null && map[j] >= 1 && map[j] <= h[0].length;
            est[j] = held ? new Heteroplasmy.Estimate(h[0][map[j] - 1], h[1][map[j] - 1])
                    : new Heteroplasmy.Estimate(0, 0);
            absence[j] = held ? h[2][map[j] - 1] : source.gq();
        }
        return new VariantCaller.MitoEvidence(est, absence, ad, depth);
    }

    /**
     * The sample's reference block at the position, else a hom-ref variant record spanning it, else null. A site whose
     * REF spans more bases (a deletion) takes the surest of the plain blocks over them: the reads that cover the
     * deleted bases are the ones that tell it apart, as a read's likelihoods against the deletion's haplotype do
     * (trio1's de novo deletion: the parents' het PL 108 and 78 at its first base, 111 and 81 from their reads).
     */
    private GvcfRecord background(int sample, int position, int spanEnd) {
        GvcfStretch.Kind b = blocks.get(sample);
        int floor = b.floor(position);
        if (floor >= 0 && b.end(floor) >= position) {
            GvcfRecord best = b.record(floor);
            for (int i = floor + 1; i < b.size() && b.start(i) <= spanEnd; i++) {
                GvcfRecord next = b.record(i);
                if (!next.isAlleleBlock() && !best.isAlleleBlock() && next.pl()[1] > best.pl()[1]) {
                    best = next;
                }
            }
            return best;
        }
        GvcfStretch.Kind v = variants.get(sample);
        for (int i = v.ceiling(position - maxSpan); i < v.size() && v.start(i) < position; i++) {
            if (v.end(i) >= position) {
                GvcfRecord r = v.record(i);
                if (r.gt()[0] == 0 && r.gt()[1] == 0) {
                    return r;
                }
            }
        }
        return null;
    }

    /** For each joint allele, the record's allele index, its {@code <NON_REF>} (index = allele count) when absent. */
    private static int[] alleleMap(GvcfRecord r, List<String> alleles, String ref) {
        int nonRef = r.alleles().size();
        int[] map = new int[alleles.size()];
        String suffix = ref.substring(r.ref().length());
        for (int j = 0; j < map.length; j++) {
            map[j] = nonRef;
            for (int a = 0; a < r.alleles().size(); a++) {
                if ((r.alleles().get(a) + suffix).equals(alleles.get(j))) {
                    map[j] = a;
                }
            }
        }
        return map;
    }

    /** REF to REF, every alternate to the record's {@code <NON_REF>}. */
    private static int[] nonRefMap(int count, GvcfRecord source) {
        int[] map = new int[count];
        java.util.Arrays.fill(map, source.alleles().size());
        map[0] = 0;
        return map;
    }

    private static GvcfLikelihoods likelihoods(GvcfRecord source, int[] map, boolean own, int count) {
        double[] gl = new double[GenotypeLikelihoods.genotypeCount(count)];
        for (int hi = 0; hi < count; hi++) {
            for (int lo = 0; lo <= hi; lo++) {
                gl[GenotypeLikelihoods.index(lo, hi)] = -source.pl()[GenotypeLikelihoods.index(map[lo], map[hi])] / 10.0;
            }
        }
        int[] ad = new int[count];
        if (own) {
            for (int j = 0; j < count; j++) {
                ad[j] = map[j] < source.ad().length ? source.ad()[map[j]] : 0;
            }
        } else {
            ad[0] = source.isBlock() ? source.minDp() : source.ad()[0];
        }
        return new GvcfLikelihoods(gl, ad);
    }
}
