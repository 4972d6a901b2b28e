package gap.core.somatic;

import gap.core.calling.ReadLikelihoods;
import gap.core.calling.VariantCaller;
import gap.core.model.CandidateSite;
import gap.core.model.Pileup;
import gap.core.model.ReadEvidence;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takes a candidate site with the tumour's (and the normal's, when there is one) pileup and fragment likelihoods from
 * the engine, gives the {@link SomaticSite} Mutect2 would emit, or null: the ALTs whose tumour log10 odds (TLOD)
 * exceed the emission threshold, when for at least one of them the normal's hom-ref log10 odds (NLOD) exceed the
 * normal threshold (a site every ALT of which the normal carries is germline, not emitted at all).
 */
public final class SomaticGenotyper {
    static final double LN10 = StrictMath.log(10);

    private final SomaticParameters params;
    private final int minBaseQuality;

    /** {@code minBaseQuality}: the engine's candidate base quality, below which a base counts in no orientation. */
    public SomaticGenotyper(SomaticParameters params, int minBaseQuality) {
        this.params = params;
        this.minBaseQuality = minBaseQuality;
    }

    /** The site's somatic call, or null; {@code normalPileup} and {@code normal} are null without a normal. */
    public SomaticSite call(RefWindow ref, CandidateSite site, Pileup tumourPileup, ReadLikelihoods tumour,
                            Pileup normalPileup, ReadLikelihoods normal) {
        int k = site.alleleCount();
        int[] all = new int[k];
        Arrays.setAll(all, i -> i);
        double[] tlodAll = log10(SomaticLikelihoods.somaticLogOdds(lnMatrix(tumour, all), k));
        double[] nlodAll = normal == null ? null
                : log10(SomaticLikelihoods.normalLogOdds(lnMatrix(normal, all), k));
        List<Integer> emitted = new ArrayList<>();
        boolean somaticInNormal = normal == null;
        for (int a = 1; a < k; a++) {
            if (tlodAll[a - 1] > params.emitLod()) {
                emitted.add(a);
                somaticInNormal |= nlodAll != null && nlodAll[a - 1] > params.normalLod();
            }
        }
        if (emitted.isEmpty() || !somaticInNormal) {
            return null;
        }
        int[] kept = new int[emitted.size() + 1];
        for (int i = 0; i < emitted.size(); i++) {
            kept[i + 1] = emitted.get(i);
        }
        double[] nalodAll = normal == null ? null
                : log10(SomaticLikelihoods.somaticLogOdds(lnMatrix(normal, all), k));
        SampleEvidence tumourEvidence = evidence(tumourPileup, tumour, kept, minBaseQuality);
        SampleEvidence normalEvidence = normal == null ? null : evidence(normalPileup, normal, kept, minBaseQuality);
        FragmentStats stats = FragmentStats.of(tumour, kept);
        return new SomaticSite(site.contig(), site.position(), VariantCaller.trim(site.alleles(), kept),
                pick(tlodAll, kept), nlodAll == null ? null : pick(nlodAll, kept),
                nalodAll == null ? null : pick(nalodAll, kept), tumourEvidence, normalEvidence, stats.strand(),
                stats.baseQuality(), stats.mappingQuality(), stats.readPosition(),
                normal == null ? -1 : FragmentStats.of(normal, kept).baseQuality()[0],
                ref.substring(site.position() - 1, site.position() + 1), site.repeatUnits(),
                repeatUnitLength(site, kept));
    }

    /** Natural-log likelihoods of every fragment for {@code alleles} (the engine's are log10). */
    public static double[][] lnMatrix(ReadLikelihoods likelihoods, int[] alleles) {
        double[][] ln = new double[likelihoods.readCount()][alleles.length];
        for (int r = 0; r < ln.length; r++) {
            for (int i = 0; i < alleles.length; i++) {
                ln[r][i] = likelihoods.get(r, alleles[i]) * LN10;
            }
        }
        return ln;
    }

    /**
     * AD, AF, DP and the orientation counts of one sample over the alleles {@code kept}. Orientation counts leave out
     * fragments whose base at the site is below {@code minBaseQuality} (the engine's candidate threshold): a Q7 error
     * in the other orientation would otherwise hide a single-strand artefact.
     */
    static SampleEvidence evidence(Pileup pileup, ReadLikelihoods likelihoods, int[] kept, int minBaseQuality) {
        int[] ad = new int[kept.length];
        int[] f1r2 = new int[kept.length];
        int[] f2r1 = new int[kept.length];
        for (int r = 0; r < likelihoods.readCount(); r++) {
            int best = likelihoods.informativeAllele(r, kept);
            if (best >= 0) {
                ad[best]++;
                ReadEvidence e = likelihoods.evidence().get(r);
                if (e.siteQuality() >= 0 && e.siteQuality() < minBaseQuality) {
                    continue;
                }
                if (e.f1r2()) {
                    f1r2[best]++;
                } else {
                    f2r1[best]++;
                }
            }
        }
        double[] mean = SomaticLikelihoods.meanFractions(lnMatrix(likelihoods, kept), kept.length);
        return new SampleEvidence(ad, Arrays.copyOfRange(mean, 1, mean.length), pileup.depth(), f1r2, f2r1);
    }

    /** The length of the repeat unit an indel ALT changes (its primitive period); 0 for a site without indels. */
    static int repeatUnitLength(CandidateSite site, int[] kept) {
        int unit = 0;
        for (int i = 1; i < kept.length; i++) {
            String alt = site.alleles().get(kept[i]);
            String ref = site.ref();
            if (alt.length() != ref.length()) {
                String changed = alt.length() > ref.length() ? alt.substring(1, 1 + alt.length() - ref.length())
                        : ref.substring(1, 1 + ref.length() - alt.length());
                unit = Math.max(unit, primitivePeriod(changed));
            }
        }
        return unit;
    }

    static int primitivePeriod(String s) {
        for (int p = 1; p < s.length(); p++) {
            if (s.length() % p == 0 && s.substring(p).equals(s.substring(0, s.length() - p))) {
                return p;
            }
        }
        return s.length();
    }

    private static double[] pick(double[] perAlt, int[] kept) {
        double[] out = new double[kept.length - 1];
        for (int i = 1; i < kept.length; i++) {
            out[i - 1] = perAlt[kept[i] - 1];
        }
        return out;
    }

    private static double[] log10(double[] ln) {
        double[] out = new double[ln.length];
        for (int i = 0; i < ln.length; i++) {
            out[i] = ln[i] / LN10;
        }
        return out;
    }

    /** Per allele, over the informative fragments: strand counts and the medians the hard filters read. */
    record FragmentStats(int[][] strand, int[] baseQuality, int[] mappingQuality, int[] readPosition) {
        static FragmentStats of(ReadLikelihoods likelihoods, int[] kept) {
            int n = kept.length;
            int[][] strand = new int[n][2];
            List<List<Integer>> bq = lists(n);
            List<List<Integer>> mq = lists(n);
            List<List<Integer>> pos = lists(n);
            for (int r = 0; r < likelihoods.readCount(); r++) {
                int best = likelihoods.informativeAllele(r, kept);
                if (best < 0) {
                    continue;
                }
                ReadEvidence e = likelihoods.evidence().get(r);
                if (e.bothStrands()) {
                    strand[best][0]++;
                    strand[best][1]++;
                } else {
                    strand[best][e.negativeStrand() ? 1 : 0]++;
                }
                mq.get(best).add(e.mappingQuality());
                if (e.siteQuality() >= 0) {
                    bq.get(best).add(e.siteQuality());
                }
                if (e.readPosition() >= 0) {
                    pos.get(best).add(e.readPosition());
                }
            }
            return new FragmentStats(strand, medians(bq), medians(mq), medians(pos));
        }

        private static List<List<Integer>> lists(int n) {
            List<List<Integer>> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
            }
            return out;
        }

        /** The median of each list (the lower middle value of an even count, as Mutect2's), -1 when empty. */
        private static int[] medians(List<List<Integer>> values) {
            int[] out = new int[values.size()];
            for (int i = 0; i < out.length; i++) {
                List<Integer> v = new ArrayList<>(values.get(i));
                v.sort(null);
                out[i] = v.isEmpty() ? -1 : v.get((v.size() - 1) / 2);
            }
            return out;
        }
    }
}
