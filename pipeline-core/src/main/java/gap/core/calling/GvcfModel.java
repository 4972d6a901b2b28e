package gap.core.calling;

import gap.core.model.CandidateSite;
import gap.core.model.GenotypeLikelihoods;
import gap.core.model.GvcfRecord;
import gap.core.model.Pileup;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes one sample's candidate sites (pileup and read likelihoods, as calling computes them) and its reference
 * confidence, gives its gVCF records: a variant record per candidate site over all the site's alleles and
 * {@code <NON_REF>}, whatever the sample's genotype, with the raw sums joint annotations need; and reference blocks
 * of the positions between, banded by GQ.
 */
public final class GvcfModel {
    private final VariantCaller caller;
    private final CallingParameters params;

    public GvcfModel(CallingParameters params) {
        this.caller = new VariantCaller(params);
        this.params = params;
    }

    /**
     * The site's variant record. A read's {@code <NON_REF>} likelihood is that of its second-best allele, as GATK
     * adds the unspecified allele: no read can favour it over the allele it supports, so it only carries what the
     * sample's reads say against the alleles seen when another sample's allele is genotyped here.
     */
    public GvcfRecord variant(CandidateSite site, Pileup pileup, ReadLikelihoods likelihoods) {
        int k = site.alleleCount();
        int[] all = new int[k];
        java.util.Arrays.setAll(all, i -> i);
        int[] withNonRef = java.util.Arrays.copyOf(all, k + 1);
        withNonRef[k] = k;
        double[] gl = withNonRef(likelihoods, k).genotypeLog10(withNonRef);
        int[] pl = new GenotypeLikelihoods(k + 1, gl).toPL();
        boolean covered = !pileup.evidence().isEmpty();
        double[] siteGl = likelihoods.genotypeLog10(all);
        int[] gt = covered ? GenotypeLikelihoods.alleles(VariantCaller.mostLikely(siteGl)) : new int[] {-1, -1};
        double qual = covered ? Math.max(0, Math.round(-1000 * caller.posterior(site, likelihoods, all).log10(0))
                / 100.0) : 0;
        int gq = covered ? VariantCaller.qualityOf(new GenotypeLikelihoods(k, siteGl).toPL()) : 0;
        return new GvcfRecord(site.contig(), site.position(), site.position() + site.ref().length() - 1,
                site.alleles(), qual, gt, gq, pl, pileup.depth(), -1, likelihoods.alleleDepths(all),
                raw(likelihoods, all, gap.core.model.Contigs.isMitochondrial(site.contig())
                        ? heteroplasmy(likelihoods, pileup, k) : null));
    }

    /** Per alternate allele: fraction, log10 odds against absence, phred odds of absence (chrM's evidence). */
    private double[][] heteroplasmy(ReadLikelihoods likelihoods, Pileup pileup, int k) {
        VariantCaller.MitoEvidence e = VariantCaller.MitoEvidence.of(likelihoods, pileup.depth(),
                !pileup.evidence().isEmpty(), k, params.mitoMinFraction());
        double[][] h = new double[3][k - 1];
        for (int a = 1; a < k; a++) {
            Heteroplasmy.Estimate est = e.estimates()[a];
            h[0][a - 1] = est == null ? 0 : est.fraction();
            h[1][a - 1] = est == null ? 0 : est.lod();
            h[2][a - 1] = e.absencePhred()[a];
        }
        return h;
    }

    private static ReadLikelihoods withNonRef(ReadLikelihoods likelihoods, int k) {
        double[][] log10 = new double[likelihoods.readCount()][k + 1];
        for (int r = 0; r < log10.length; r++) {
            double best = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                double v = likelihoods.get(r, a);
                log10[r][a] = v;
                if (v > best) {
                    second = best;
                    best = v;
                } else if (v > second) {
                    second = v;
                }
            }
            log10[r][k] = second;
        }
        return new ReadLikelihoods(likelihoods.evidence(), log10);
    }

    /** The strand table, mapping-quality sums and rank-sum histograms of the fragments, as {@link Annotator} pools them. */
    static GvcfRecord.RawAnnotations raw(ReadLikelihoods likelihoods, int[] alleles, double[][] heteroplasmy) {
        StrandBias s = Annotator.strandTable(likelihoods, alleles);
        double squares = 0;
        int n = 0;
        for (var e : likelihoods.evidence()) {
            if (e.mappingQuality() != Annotator.MAPQ_UNAVAILABLE) {
                squares += (double) e.mappingQuality() * e.mappingQuality();
                n++;
            }
        }
        Annotator.RankSumInputs in = Annotator.rankSumInputs(likelihoods, alleles);
        return new GvcfRecord.RawAnnotations(
                new int[] {s.refForward(), s.refReverse(), s.altForward(), s.altReverse()}, squares, n, histograms(in.mappingQuality()),
                histograms(in.readPosition()), histograms(in.baseQuality()), heteroplasmy);
    }

    /** ALT then REF values as {@code {value, count, value, count…}}, values ascending. */
    private static int[][] histograms(Annotator.Groups groups) {
        return new int[][] {histogram(groups.alt()), histogram(groups.ref())};
    }

    static int[] histogram(double[] values) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (double v : values) {
            counts.merge((int) v, 1, Integer::sum);
        }
        int[] out = new int[2 * counts.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        return out;
    }

    /**
     * Reference blocks over {@code from..to} of {@code ref}'s contig, leaving out the positions {@code skip} marks
     * (index: position - from; those a variant record covers): consecutive positions of one {@link GqBands#key} are
     * one block, its PL the least of each genotype's over the block, its GQ and MIN_DP the least (GATK's HomRefBlock);
     * a position with bases other than the reference is a one-position block over them ({@link GvcfRecord#alleleBlock}).
     */
    public static List<GvcfRecord> blocks(ReferenceConfidence rc, RefWindow ref, int from, int to, boolean[] skip,
                                          GqBands bands) {
        List<GvcfRecord> blocks = new ArrayList<>();
        GvcfRecord open = null;
        for (int p = from; p <= to; p++) {
            if (skip[p - from]) {
                open = close(blocks, open);
                continue;
            }
            char base = (char) Character.toUpperCase(ref.base(p));
            if (rc.hasMismatch(p)) {
                open = close(blocks, open);
                blocks.add(alleleBlock(rc, ref.contig(), p, base));
                continue;
            }
            int[] pl = rc.pl(p);
            GvcfRecord here = GvcfRecord.block(ref.contig(), p, p, base, ReferenceConfidence.homRefQuality(pl), pl,
                    rc.depth(p));
            if (open != null && bands.key(open) == bands.key(here)) {
                open = open.extend(here);
            } else {
                close(blocks, open);
                open = here;
            }
        }
        close(blocks, open);
        return blocks;
    }

    private static GvcfRecord alleleBlock(ReferenceConfidence rc, String contig, int position, char base) {
        ReferenceConfidence.Alleles a = rc.alleles(position, base);
        GenotypeLikelihoods gl = new GenotypeLikelihoods(a.alleles().size() + 1, a.log10());
        int[] pl = gl.toPL();
        int[] gt = GenotypeLikelihoods.alleles(VariantCaller.mostLikely(a.log10()));
        return GvcfRecord.alleleBlock(contig, position, a.alleles(), gt, VariantCaller.qualityOf(pl), pl,
                rc.depth(position));
    }

    private static GvcfRecord close(List<GvcfRecord> blocks, GvcfRecord open) {
        if (open != null) {
            blocks.add(open);
        }
        return null;
    }
}
