package gap.core.somatic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Takes, per call, the fragments and ALT fragments in two groups that a real variant shows alike (forward and reverse
 * strand; F1R2 and F2R1 pair orientation), gives the posterior that the ALT fragments are an artefact of one group
 * only, and learns by EM, per class of call, the prior of such artefacts and the beta distribution of the artefact's
 * fraction within its group. Mutect2's strand-artefact model (StrandArtifactFilter); with one class per substitution
 * type and orientation it is the read-orientation model (oxoG, FFPE), whose priors Mutect2 learns per context.
 *
 * <p>Likelihoods: artefact in group g — the ALT fragments of g ~ BetaBinomial(α, β) and those of the other group are
 * sequencing errors ~ BetaBinomial(1, βseq); none — the ALT fragments spread over the groups as the fragments do
 * (hypergeometric) with a flat beta-binomial total. Split-only (the orientation model): only the ALT fragments'
 * split given their number, as Mutect2's LearnReadOrientationModel judges the F1R2 share of the ALT reads; the other
 * group's ALT fragments of an artefact are sequencing errors at the site's own base-quality error rate.
 */
final class OneSidedArtifactModel {
    /** One call's counts: fragments and ALT fragments in group 1 and group 2. */
    record Counts(int n1, int a1, int n2, int a2) {
        int alt() {
            return a1 + a2;
        }
    }

    /** Posterior of an artefact in group 1 and in group 2. */
    record Posterior(double group1, double group2) {
        double artifact() {
            return group1 + group2;
        }
    }

    private record Learned(String key, Counts counts, Posterior posterior) {}

    private static final double INITIAL_ALPHA = 1;
    private static final double INITIAL_BETA = 20;
    private static final double MIN_POTENTIAL = 0.1;

    private final boolean splitOnly;
    private final double initialPrior;
    private final double artifactPseudocount;
    private final double nonArtifactPseudocount;
    private final Map<String, double[]> priors = new TreeMap<>();
    private final List<Learned> data = new ArrayList<>();
    private double alpha = INITIAL_ALPHA;
    private double beta = INITIAL_BETA;

    /**
     * @param initialPrior           prior of an artefact (split over the two groups) before learning
     * @param artifactPseudocount    pseudo-count of artefacts per group when learning a class's prior
     * @param nonArtifactPseudocount pseudo-count of calls without artefact
     * @param splitOnly              judge only how the ALT fragments split over the groups, given their number:
     *                               a real variant at a fraction typical of artefacts is not one for that alone
     */
    OneSidedArtifactModel(double initialPrior, double artifactPseudocount, double nonArtifactPseudocount,
                          boolean splitOnly) {
        this.splitOnly = splitOnly;
        this.initialPrior = initialPrior;
        this.artifactPseudocount = artifactPseudocount;
        this.nonArtifactPseudocount = nonArtifactPseudocount;
    }

    /**
     * The posterior of an artefact for a call of class {@code key}; sequencing errors show the ALT base with
     * probability 1 / (betaSeq + 1) per fragment (the mean of Beta(1, betaSeq)).
     */
    Posterior posterior(String key, Counts c, double betaSeq) {
        if (c.alt() == 0) {
            return new Posterior(0, 0);
        }
        double[] prior = priors.getOrDefault(key, new double[] {initialPrior / 2, initialPrior / 2});
        double one = Distributions.betaBinomial(c.n1(), c.a1(), alpha, beta)
                + Distributions.betaBinomial(c.n2(), c.a2(), 1, betaSeq) + StrictMath.log(prior[0]);
        double two = Distributions.betaBinomial(c.n2(), c.a2(), alpha, beta)
                + Distributions.betaBinomial(c.n1(), c.a1(), 1, betaSeq) + StrictMath.log(prior[1]);
        int n = c.n1() + c.n2();
        double none = Distributions.lnChoose(c.n1(), c.a1()) + Distributions.lnChoose(c.n2(), c.a2())
                - Distributions.lnChoose(n, c.alt()) + Distributions.betaBinomial(n, c.alt(), 1, 1)
                + StrictMath.log1p(-prior[0] - prior[1]);
        if (splitOnly) {
            // the split given the ALT total: an artefact's other group holds only errors, each of its fragments
            // showing the ALT base with probability `leak`; a real variant's spread as the fragments are
            double leak = 1 / (betaSeq + 1);
            one = split(c.n1(), c.a1(), c.n2(), c.a2(), leak) + StrictMath.log(prior[0]);
            two = split(c.n2(), c.a2(), c.n1(), c.a1(), leak) + StrictMath.log(prior[1]);
            none = Distributions.lnChoose(c.n1(), c.a1()) + Distributions.lnChoose(c.n2(), c.a2())
                    - Distributions.lnChoose(n, c.alt()) + StrictMath.log1p(-prior[0] - prior[1]);
        }
        double norm = Distributions.logSumExp(one, two, none);
        return new Posterior(StrictMath.exp(one - norm), StrictMath.exp(two - norm));
    }

    /**
     * ln P(a group's ALT fragments = a, the other's = b | a + b) when the artefact is in the group: a ~
     * BetaBinomial(n, α, β), b ~ Binomial(m, leak), normalised over the splits of a + b.
     */
    private double split(int n, int a, int m, int b, double leak) {
        int alt = a + b;
        double[] terms = new double[alt + 1];
        for (int j = 0; j <= alt; j++) {
            terms[j] = j > n || alt - j > m ? Double.NEGATIVE_INFINITY
                    : Distributions.betaBinomial(n, j, alpha, beta) + Distributions.binomial(m, alt - j, leak);
        }
        return terms[a] - Distributions.logSumExp(terms);
    }

    /** Keeps a call's posterior for the next {@link #learn()}. */
    void record(String key, Counts c, Posterior p) {
        data.add(new Learned(key, c, p));
    }

    /** The M step: each class's priors, and the artefact's beta from the calls that may be artefacts; clears the data. */
    void learn() {
        Map<String, double[]> sums = new TreeMap<>();
        for (Learned l : data) {
            double[] s = sums.computeIfAbsent(l.key(), k -> new double[3]);
            s[0] += l.posterior().group1();
            s[1] += l.posterior().group2();
            s[2] += 1;
        }
        sums.forEach((key, s) -> {
            double total = s[2] + 2 * artifactPseudocount + nonArtifactPseudocount;
            priors.put(key, new double[] {(s[0] + artifactPseudocount) / total, (s[1] + artifactPseudocount) / total});
        });
        List<Learned> potential = data.stream().filter(l -> l.posterior().artifact() > MIN_POTENTIAL).toList();
        if (!potential.isEmpty()) {
            learnBeta(potential);
        }
        data.clear();
    }

    /** The beta's mean from the artefact groups' fractions, then α (β following the mean) by a search on a log grid. */
    private void learnBeta(List<Learned> potential) {
        double alt = INITIAL_ALPHA;
        double depth = INITIAL_ALPHA + INITIAL_BETA;
        for (Learned l : potential) {
            alt += l.posterior().group1() * l.counts().a1() + l.posterior().group2() * l.counts().a2();
            depth += l.posterior().group1() * l.counts().n1() + l.posterior().group2() * l.counts().n2();
        }
        double mean = alt / depth;
        double bestAlpha = alpha;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 80; i++) {
            double a = StrictMath.pow(10, -2 + i * 0.05); // 0.01 .. 100
            double b = (1 / mean - 1) * a;
            double objective = 0;
            for (Learned l : potential) {
                objective += l.posterior().group1() * Distributions.betaBinomial(l.counts().n1(), l.counts().a1(), a, b)
                        + l.posterior().group2() * Distributions.betaBinomial(l.counts().n2(), l.counts().a2(), a, b);
            }
            if (objective > best) {
                best = objective;
                bestAlpha = a;
            }
        }
        alpha = bestAlpha;
        beta = (1 / mean - 1) * bestAlpha;
    }

    /** The learned prior of class {@code key} per group, or null before any call of it. */
    double[] prior(String key) {
        return priors.get(key);
    }
}
