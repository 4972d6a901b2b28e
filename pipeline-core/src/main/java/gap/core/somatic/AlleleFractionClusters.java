package gap.core.somatic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the calls' tumour log odds and allele counts, learns the tumour's somatic allele-fraction spectrum and the
 * prior of a somatic variant per site, gives the probability that a call is a sequencing error (weak_evidence) and
 * the likelihood of allele counts given a somatic variant (for the germline, contamination and slippage filters).
 * As Mutect2's somatic clustering model: a broad background beta-binomial, a high-fraction beta-binomial, and binomial
 * clusters (subclones) chosen by BIC, fitted by EM with each call weighted by its probability of being somatic; the
 * priors are the expected somatic calls of each indel length per callable site.
 */
final class AlleleFractionClusters {
    /** A call's data: tumour log odds (natural log), filter probabilities, ALT and total informative fragments. */
    record Datum(double tlodLn, double artifactProb, double nonSomaticProb, int altCount, int totalCount,
                 int indelLength) {}

    private static final int MAX_INDEL_LENGTH = 10;
    private static final int MAX_BINOMIAL_CLUSTERS = 5;
    private static final int EM_ITERATIONS = 5;
    private static final double PSEUDOCOUNT = 1;
    private static final double OBVIOUS = 0.9;
    /** A binomial cluster is a beta this narrow (standard deviation over mean), as Mutect2's "fuzzy binomial". */
    private static final double FUZZ = 0.01;
    private static final double LN_THIRD = StrictMath.log(1.0 / 3);

    private final long callableSites;
    private final Map<Integer, Double> logPriors = new HashMap<>();
    private double logVariantVsArtifact;
    /** The learned prior of an indel of any one length (NaN before learning). */
    private double pooledIndel = Double.NaN;
    /** Cluster shapes as beta (α, β): 0 background, 1 high fraction, then binomial clusters. */
    private final List<double[]> shapes = new ArrayList<>();
    private double[] logWeights;
    private boolean initialised;

    AlleleFractionClusters(SomaticParameters params, long callableSites) {
        this.callableSites = callableSites;
        double snv = params.log10SnvPrior() * SomaticGenotyper.LN10;
        double indel = params.log10IndelPrior() * SomaticGenotyper.LN10;
        for (int l = -MAX_INDEL_LENGTH; l <= MAX_INDEL_LENGTH; l++) {
            logPriors.put(l, l == 0 ? snv : indel);
        }
        logVariantVsArtifact = params.log10VariantVsArtifactPrior() * SomaticGenotyper.LN10;
        shapes.add(new double[] {1, 1});
        shapes.add(new double[] {10, 1});
        logWeights = new double[] {StrictMath.log1p(0.01), StrictMath.log(0.01)};
    }

    /** ln prior that a site holds a somatic variant of this indel length (0 for an SNV, of one given ALT base). */
    double logSomaticPrior(int indelLength) {
        Double prior = logPriors.get(indelLength);
        if (prior == null) {
            prior = Double.isNaN(pooledIndel)
                    ? logPriors.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow() : pooledIndel;
        }
        return prior + (indelLength == 0 ? LN_THIRD : 0);
    }

    /** ln prior odds that what is not a sequencing error is a real variant rather than a technical artefact. */
    double logVariantVsArtifact() {
        return logVariantVsArtifact;
    }

    /** Probability that a call is a sequencing error, from its log odds corrected by the spectrum. */
    double sequencingErrorProbability(Datum d) {
        double[] terms = new double[shapes.size()];
        for (int c = 0; c < terms.length; c++) {
            terms[c] = logWeights[c] + d.tlodLn() + correction(c, d.totalCount(), d.altCount());
        }
        return Distributions.posteriorOfError(Distributions.logSumExp(terms), logSomaticPrior(d.indelLength()));
    }

    /** ln P(alt | total, somatic): the spectrum's mixture. */
    double logLikelihoodGivenSomatic(int total, int alt) {
        double[] terms = new double[shapes.size()];
        for (int c = 0; c < terms.length; c++) {
            terms[c] = logWeights[c] + logLikelihood(c, total, alt);
        }
        return Distributions.logSumExp(terms);
    }

    /** Learns from one pass's data: the binomial clusters the first time, then EM and the priors. */
    void learn(List<Datum> all) {
        List<Datum> data = all.stream().filter(d -> d.artifactProb() <= OBVIOUS && d.nonSomaticProb() <= OBVIOUS)
                .toList();
        double obviousArtifacts = all.stream().filter(d -> d.artifactProb() > OBVIOUS).count();
        if (!initialised && !data.isEmpty()) {
            chooseBinomialClusters(data, obviousArtifacts);
        }
        initialised = true;
        for (int i = 0; i < EM_ITERATIONS; i++) {
            emStep(data, obviousArtifacts, true);
        }
    }

    /**
     * Adds 1..{@value #MAX_BINOMIAL_CLUSTERS} binomial clusters at weighted quantiles of the somatic calls' allele
     * fractions, fits each choice by EM and keeps the one of best BIC (2 parameters per cluster), or none.
     */
    private void chooseBinomialClusters(List<Datum> data, double obviousArtifacts) {
        double[] somatic = data.stream().mapToDouble(this::somaticProbability).toArray();
        double effective = Arrays.stream(somatic).sum();
        List<double[]> bestShapes = new ArrayList<>(shapes);
        double[] bestWeights = logWeights.clone();
        double bestBic = bic(data, somatic, effective);
        List<double[]> baseShapes = new ArrayList<>(shapes.subList(0, 2));
        double[] baseWeights = logWeights.clone();
        for (int k = 1; k <= MAX_BINOMIAL_CLUSTERS && k < effective; k++) {
            shapes.clear();
            shapes.addAll(baseShapes);
            double[] w = Arrays.copyOf(baseWeights, 2 + k);
            for (int j = 0; j < k; j++) {
                shapes.add(fuzzyBinomial(weightedQuantile(data, somatic, (j + 0.5) / k)));
                w[2 + j] = StrictMath.log(1.0 / k) + baseWeights[0];
            }
            logWeights = normalise(w);
            for (int i = 0; i < EM_ITERATIONS; i++) {
                emStep(data, obviousArtifacts, false);
            }
            double bic = bic(data, somatic, effective);
            if (bic > bestBic) {
                bestBic = bic;
                bestShapes = new ArrayList<>(shapes);
                bestWeights = logWeights.clone();
            }
        }
        shapes.clear();
        shapes.addAll(bestShapes);
        logWeights = bestWeights;
    }

    private double bic(List<Datum> data, double[] somatic, double effective) {
        double ll = 0;
        for (int i = 0; i < data.size(); i++) {
            ll += somatic[i] * logLikelihoodGivenSomatic(data.get(i).totalCount(), data.get(i).altCount());
        }
        return ll - 2.0 * shapes.size() * StrictMath.log(Math.max(effective, 1));
    }

    /** The allele fraction below which {@code q} of the somatic probability lies. */
    private static double weightedQuantile(List<Datum> data, double[] somatic, double q) {
        Integer[] order = new Integer[data.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(fraction(data.get(x)), fraction(data.get(y))));
        double total = Arrays.stream(somatic).sum();
        double sum = 0;
        for (int i : order) {
            sum += somatic[i];
            if (sum >= q * total) {
                return fraction(data.get(i));
            }
        }
        return fraction(data.get(order[order.length - 1]));
    }

    private static double fraction(Datum d) {
        return d.totalCount() == 0 ? 0 : (double) d.altCount() / d.totalCount();
    }

    private double somaticProbability(Datum d) {
        return (1 - d.artifactProb()) * (1 - d.nonSomaticProb()) * (1 - sequencingErrorProbability(d));
    }

    private void emStep(List<Datum> data, double obviousArtifacts, boolean updatePriors) {
        int clusters = shapes.size();
        double[] totals = new double[clusters];
        double[][] resp = new double[data.size()][];
        Map<Integer, Double> variants = new HashMap<>();
        double artifacts = obviousArtifacts;
        for (int i = 0; i < data.size(); i++) {
            Datum d = data.get(i);
            double somatic = somaticProbability(d);
            variants.merge(d.indelLength(), somatic, Double::sum);
            artifacts += d.artifactProb();
            double[] ll = new double[clusters];
            for (int c = 0; c < clusters; c++) {
                ll[c] = logWeights[c] + logLikelihood(c, d.totalCount(), d.altCount());
            }
            double norm = Distributions.logSumExp(ll);
            resp[i] = new double[clusters];
            for (int c = 0; c < clusters; c++) {
                resp[i][c] = somatic * StrictMath.exp(ll[c] - norm);
                totals[c] += resp[i][c];
            }
        }
        double[] w = new double[clusters];
        double sum = 0;
        for (int c = 0; c < clusters; c++) {
            sum += totals[c] + PSEUDOCOUNT;
        }
        for (int c = 0; c < clusters; c++) {
            w[c] = StrictMath.log((totals[c] + PSEUDOCOUNT) / sum);
        }
        logWeights = w;
        for (int c = 2; c < clusters; c++) {
            double alt = 0.0001;
            double depth = 0.0001;
            for (int i = 0; i < data.size(); i++) {
                alt += resp[i][c] * data.get(i).altCount();
                depth += resp[i][c] * data.get(i).totalCount();
            }
            shapes.set(c, fuzzyBinomial(alt / depth));
        }
        if (updatePriors) {
            double variantCount = variants.values().stream().mapToDouble(Double::doubleValue).sum();
            logVariantVsArtifact = StrictMath.log((variantCount + PSEUDOCOUNT)
                    / (variantCount + artifacts + 2 * PSEUDOCOUNT));
            if (callableSites > 0) {
                // An indel length of few calls says little of its own rate: each length gets at least the share of
                // one length in all indels, and lengths beyond the table that share.
                double indels = variants.entrySet().stream().filter(e -> e.getKey() != 0)
                        .mapToDouble(Map.Entry::getValue).sum();
                pooledIndel = StrictMath.log(Math.max(indels / (2 * MAX_INDEL_LENGTH) / callableSites, 1e-9));
                for (int l = -MAX_INDEL_LENGTH; l <= MAX_INDEL_LENGTH; l++) {
                    double ratio = variants.getOrDefault(l, 0.0) / callableSites;
                    double floor = l == 0 ? 1e-8 : StrictMath.exp(pooledIndel);
                    logPriors.put(l, StrictMath.log(Math.max(ratio, floor)));
                }
            }
        }
    }

    private double logLikelihood(int cluster, int total, int alt) {
        double[] s = shapes.get(cluster);
        return Distributions.betaBinomial(total, alt, s[0], s[1]);
    }

    /** ln of the cluster's marginal likelihood over the flat one's: what the cluster adds to the flat-prior TLOD. */
    private double correction(int cluster, int total, int alt) {
        double[] s = shapes.get(cluster);
        return Distributions.lnBeta(alt + s[0], total - alt + s[1]) - Distributions.lnBeta(s[0], s[1])
                - Distributions.lnBeta(alt + 1, total - alt + 1);
    }

    /** A beta centred on {@code mean} with standard deviation {@value #FUZZ} of it: nearly a binomial. */
    static double[] fuzzyBinomial(double unbounded) {
        double mean = Math.max(1e-4, Math.min(unbounded, 1 - FUZZ));
        double sum = (1 - mean) / (mean * FUZZ * FUZZ) - 1;
        return new double[] {mean * sum, sum - mean * sum};
    }

    private static double[] normalise(double[] logs) {
        double norm = Distributions.logSumExp(logs);
        double[] out = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            out[i] = logs[i] - norm;
        }
        return out;
    }

    /** The binomial clusters' allele fractions and weights, largest weight first, for the QC report. */
    List<double[]> binomialClusters() {
        List<double[]> out = new ArrayList<>();
        for (int c = 2; c < shapes.size(); c++) {
            double[] s = shapes.get(c);
            out.add(new double[] {s[0] / (s[0] + s[1]), StrictMath.exp(logWeights[c])});
        }
        out.sort((x, y) -> Double.compare(y[1], x[1]));
        return out;
    }
}
