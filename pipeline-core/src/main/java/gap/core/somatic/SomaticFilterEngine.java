package gap.core.somatic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Takes every candidate somatic site of a run (genome order) with what the run knows of it (population frequency,
 * panel of normals, events nearby), gives each its FILTER as FilterMutectCalls would: each filter's error
 * probability; two learning passes (the allele-fraction spectrum and somatic priors, the strand and orientation
 * artefact priors); then the threshold on the combined error probability that maximises the expected F-score (or
 * meets a false-discovery target); a site fails each filter whose probability exceeds it.
 */
public final class SomaticFilterEngine {
    /** What the run knows of a site beyond its reads. {@code populationAf}: per ALT. */
    public record Context(double[] populationAf, boolean inPanelOfNormals, int eventsInRegion) {}

    /** A site's outcome: failed filters (empty: PASS), each filter's error probability, the combined one. */
    public record Verdict(List<SomaticFilter> failed, Map<SomaticFilter, Double> probabilities,
                          double errorProbability) {}

    private static final int LEARNING_PASSES = 2;
    /** Mutect2 names only filters at least this likely (or the likeliest, when all are less). */
    private static final double MIN_REPORTABLE = 0.1;
    private static final double EPSILON = 1e-10;
    private static final double MIN_NORMAL_ARTIFACT_RATIO = 0.1;
    private static final double MIN_AF_FOR_HOM_ALT = 0.9;
    /** Beta(5, 5): a germline carrier's ALT fraction in the normal. */
    private static final double CARRIER_FRACTION = 5;
    private static final int LONGEST_STRAND_ARTIFACT_INDEL = 4;
    /**
     * base_qual fires only when the ALT bases are also this much below the REF bases' median (three times their
     * error rate): where every base of a run is about Q20, its true ALT bases are too, and nothing is low for it.
     */
    private static final int THREE_FOLD_PHRED = 5;
    /** Mutect2's --long-indel-length: the mapping quality filter reads such indels' REF fragments. */
    private static final int LONG_INDEL = 5;

    private final SomaticParameters params;
    private final double contamination;
    private final boolean tumourOnly;
    private final boolean hasResource;
    private final double snvHeterozygosity;
    private final double indelHeterozygosity;
    private final double defaultSnvAf;
    private final double defaultIndelAf;
    private final AlleleFractionClusters clusters;
    private final OneSidedArtifactModel strand = new OneSidedArtifactModel(0.001, 0.5, 1000, false);
    private final OneSidedArtifactModel orientation = new OneSidedArtifactModel(0.01, 0.5, 1, true);
    private double threshold;

    /**
     * @param hasResource         whether a germline resource (VCF or population summary) gives frequencies
     * @param snvHeterozygosity   the germline SNV heterozygosity θ (prior.snvHeterozygosity)
     * @param indelHeterozygosity the germline indel heterozygosity (prior.indelHeterozygosity)
     */
    public SomaticFilterEngine(SomaticParameters params, long callableSites, double contamination,
                               boolean tumourOnly, boolean hasResource, double snvHeterozygosity,
                               double indelHeterozygosity) {
        this.params = params;
        this.contamination = contamination;
        this.tumourOnly = tumourOnly;
        this.hasResource = hasResource;
        this.snvHeterozygosity = snvHeterozygosity;
        this.indelHeterozygosity = indelHeterozygosity;
        this.defaultSnvAf = defaultAf(params, tumourOnly, hasResource, snvHeterozygosity);
        this.defaultIndelAf = defaultAf(params, tumourOnly, hasResource, indelHeterozygosity);
        this.clusters = new AlleleFractionClusters(params, callableSites);
        this.threshold = params.initialThreshold();
    }

    /** Learns from the sites, then gives each its verdict, in order. */
    public List<Verdict> run(List<SomaticSite> sites, List<Context> contexts) {
        for (int pass = 0; pass < LEARNING_PASSES; pass++) {
            List<AlleleFractionClusters.Datum> data = new ArrayList<>();
            for (int i = 0; i < sites.size(); i++) {
                Map<SomaticFilter, Double> p = probabilities(sites.get(i), contexts.get(i), true);
                data.add(datum(sites.get(i), p));
            }
            clusters.learn(data);
            strand.learn();
            orientation.learn();
        }
        List<Map<SomaticFilter, Double>> all = new ArrayList<>();
        List<Double> combined = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            Map<SomaticFilter, Double> p = probabilities(sites.get(i), contexts.get(i), false);
            all.add(p);
            combined.add(combine(p));
        }
        threshold = FilterThreshold.choose(params, combined);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            verdicts.add(verdict(all.get(i), combined.get(i)));
        }
        return verdicts;
    }

    /** The threshold the last run chose. */
    public double threshold() {
        return threshold;
    }

    /** The somatic spectrum's binomial clusters (allele fraction, weight), heaviest first. */
    public List<double[]> clusters() {
        return clusters.binomialClusters();
    }

    private Verdict verdict(Map<SomaticFilter, Double> p, double combined) {
        // the threshold is the combined probability of the last call the F-score keeps; a filter's own probability
        // can exceed that by a rounding of 1 − (1 − p), which must not fail the very call that set the threshold
        double cut = Math.min(1 - EPSILON, Math.max(EPSILON, threshold)) * (1 + 1e-9);
        double max = p.values().stream().filter(v -> v > cut).mapToDouble(Double::doubleValue).max().orElse(0);
        List<SomaticFilter> failed = new ArrayList<>();
        p.forEach((f, v) -> {
            if (v > cut && v >= Math.min(max, MIN_REPORTABLE)) {
                failed.add(f);
            }
        });
        return new Verdict(List.copyOf(failed), Map.copyOf(p), combined);
    }

    static double combine(Map<SomaticFilter, Double> p) {
        double[] max = new double[SomaticFilter.Kind.values().length];
        p.forEach((f, v) -> max[f.kind().ordinal()] = Math.max(max[f.kind().ordinal()], v));
        double notError = 1;
        for (double m : max) {
            notError *= 1 - m;
        }
        return Math.max(0, Math.min(1, 1 - notError));
    }

    private AlleleFractionClusters.Datum datum(SomaticSite s, Map<SomaticFilter, Double> p) {
        double artifact = 0;
        double nonSomatic = 0;
        for (Map.Entry<SomaticFilter, Double> e : p.entrySet()) {
            if (e.getKey().kind() == SomaticFilter.Kind.ARTIFACT) {
                artifact = Math.max(artifact, e.getValue());
            } else if (e.getKey().kind() == SomaticFilter.Kind.NON_SOMATIC) {
                nonSomatic = Math.max(nonSomatic, e.getValue());
            }
        }
        int b = s.bestAlt();
        return new AlleleFractionClusters.Datum(s.tlod()[b - 1] * SomaticGenotyper.LN10, artifact, nonSomatic,
                s.tumour().ad()[b], s.tumour().depth(), s.indelLength(b));
    }

    /** Every filter's error probability for the site's best ALT; {@code learning} records the artefact models' data. */
    Map<SomaticFilter, Double> probabilities(SomaticSite s, Context c, boolean learning) {
        Map<SomaticFilter, Double> p = new EnumMap<>(SomaticFilter.class);
        int b = s.bestAlt();
        int total = s.tumour().depth();
        int alt = s.tumour().ad()[b];
        AlleleFractionClusters.Datum d = new AlleleFractionClusters.Datum(s.tlod()[b - 1] * SomaticGenotyper.LN10,
                0, 0, alt, total, s.indelLength(b));
        p.put(SomaticFilter.WEAK_EVIDENCE, clusters.sequencingErrorProbability(d));
        p.put(SomaticFilter.GERMLINE, germline(s, c, b));
        p.put(SomaticFilter.CONTAMINATION, contamination(s, c, b));
        if (s.hasNormal()) {
            p.put(SomaticFilter.NORMAL_ARTIFACT, normalArtifact(s, b));
        }
        p.put(SomaticFilter.STRAND_BIAS, strandBias(s, b, learning));
        p.put(SomaticFilter.ORIENTATION, orientation(s, b, learning));
        p.put(SomaticFilter.CLUSTERED_EVENTS, c.eventsInRegion() > params.maxEventsInRegion() ? 1.0 : 0.0);
        p.put(SomaticFilter.MULTIALLELIC, s.altCount() > params.maxAltAlleles() ? 1.0 : 0.0);
        p.put(SomaticFilter.PANEL_OF_NORMALS, c.inPanelOfNormals() ? 1.0 : 0.0);
        int altBq = s.medianBaseQuality()[b];
        int refBq = s.medianBaseQuality()[0];
        boolean lowBq = altBq >= 0 && altBq < params.minMedianBaseQuality()
                && (refBq < 0 || altBq <= refBq - THREE_FOLD_PHRED);
        p.put(SomaticFilter.BASE_QUAL, lowBq ? 1.0 : 0.0);
        p.put(SomaticFilter.MAP_QUAL, lowMappingQuality(s, b) ? 1.0 : 0.0);
        int pos = s.medianReadPosition()[b];
        p.put(SomaticFilter.POSITION, pos >= 0 && pos < params.minMedianReadPosition() ? 1.0 : 0.0);
        p.put(SomaticFilter.SLIPPAGE, slippage(s, b));
        return p;
    }

    /**
     * Mutect2's map_qual: the ALT fragments' median mapping quality below the threshold (a long indel's own fragments
     * map worse for the indel, so the REF fragments' stands for it, as in Mutect2); and below the REF fragments' own:
     * where every read of a region has one low MAPQ (an aligner's answer to a segmental duplication), the ALT reads are
     * no more suspect than the region, and the normal and the panel of normals judge its recurrent artefacts.
     */
    private boolean lowMappingQuality(SomaticSite s, int b) {
        int ref = s.medianMappingQuality()[0];
        int alt = Math.abs(s.indelLength(b)) >= LONG_INDEL ? ref : s.medianMappingQuality()[b];
        return alt >= 0 && alt < params.minMedianMappingQuality() && (ref < 0 || alt < ref);
    }

    /**
     * Mutect2's germline model: the tumour's counts as a germline het (allele fraction ½, either allele) or hom-alt
     * against the somatic spectrum, the normal's counts as a carrier's against a hom-ref's, and the population's het
     * and hom-alt priors.
     */
    private double germline(SomaticSite s, Context c, int b) {
        double af = populationAf(s, c)[b - 1];
        if (tumourOnly && af > params.maxPopulationAf()) {
            return 1;
        }
        if (af < EPSILON) {
            return 0;
        }
        if (af > 1 - EPSILON) {
            return 1;
        }
        int total = s.tumour().depth();
        if (total == 0) {
            return 0;
        }
        int alt = s.tumour().ad()[b];
        double het = StrictMath.log(0.5) + Distributions.logSumExp(Distributions.binomial(total, alt, 0.5),
                Distributions.binomial(total, alt, 0.5));
        double hetVsSomatic = het - clusters.logLikelihoodGivenSomatic(total, alt);
        double homAltVsSomatic = s.tumour().af()[b - 1] < MIN_AF_FOR_HOM_ALT ? Double.NEGATIVE_INFINITY : 0;
        double normalLogOdds = s.hasNormal() ? normalGermlineLogOdds(s, b) : 0;
        double logPriorSomatic = clusters.logSomaticPrior(s.indelLength(b));
        double notSomatic = Distributions.log1mexp(logPriorSomatic);
        double[] prior = germlinePriors(s, c, b, af);
        double germlineHet = prior[0] + hetVsSomatic + normalLogOdds + notSomatic;
        double germlineHom = prior[1] + homAltVsSomatic + normalLogOdds + notSomatic;
        double germline = Distributions.logSumExp(germlineHet, germlineHom);
        double somatic = prior[2] + logPriorSomatic;
        double max = Math.max(germline, somatic);
        double g = StrictMath.exp(germline - max);
        return g / (g + StrictMath.exp(somatic - max));
    }

    /**
     * ln priors of a germline het, a germline hom-alt and no germline allele: Hardy-Weinberg on the resource's
     * population frequency (Mutect2's); without any resource, the germline caller's genotype priors (het θ, hom-alt
     * θ/2, θ the SNV or indel heterozygosity), since one frequency for every allele would make hom-alt germline
     * variants a thousand times rarer than they are.
     */
    private double[] germlinePriors(SomaticSite s, Context c, int b, double af) {
        boolean known = c.populationAf() != null && !Double.isNaN(c.populationAf()[b - 1]);
        if (hasResource || known) {
            return new double[] {StrictMath.log(2 * af * (1 - af)), StrictMath.log(af * af),
                    StrictMath.log((1 - af) * (1 - af))};
        }
        double theta = s.indelLength(b) == 0 ? snvHeterozygosity : indelHeterozygosity;
        return new double[] {StrictMath.log(theta), StrictMath.log(theta / 2), StrictMath.log1p(-1.5 * theta)};
    }

    /**
     * ln odds that the normal's counts come from a germline carrier rather than a hom-ref normal. A carrier's ALT
     * fraction in the normal is ½ (NLOD's assumption), or for a share of carriers (somatic.filter.imbalancedCarrierShare)
     * skewed, ~ Beta(5, 5) (Mutect2's het allele-fraction prior in its orientation model, broad for copy number): a
     * het whose ALT the normal under-represents (an allele poorly captured) still counts as one. Hom-ref shows the ALT
     * only by error, at its REF bases' error rate.
     */
    private double normalGermlineLogOdds(SomaticSite s, int b) {
        int depth = s.normal().depth();
        int alt = s.normal().ad()[b];
        int refBq = s.normalMedianRefBaseQuality() >= 0 ? s.normalMedianRefBaseQuality() : 30;
        double error = StrictMath.pow(10, -refBq / 10.0) / 3;
        double carrier = Distributions.logSumExp(
                StrictMath.log(1 - params.imbalancedCarrierShare()) + Distributions.binomial(depth, alt, 0.5),
                StrictMath.log(params.imbalancedCarrierShare())
                        + Distributions.betaBinomial(depth, alt, CARRIER_FRACTION, CARRIER_FRACTION));
        return carrier - Distributions.binomial(depth, alt, error);
    }

    /** Per ALT, the population frequency the run uses: the resource's, else the default for its type. */
    public double[] populationAf(SomaticSite s, Context c) {
        double[] out = new double[s.altCount()];
        for (int b = 1; b <= out.length; b++) {
            double af = c.populationAf() == null ? Double.NaN : c.populationAf()[b - 1];
            out[b - 1] = !Double.isNaN(af) ? af : s.indelLength(b) == 0 ? defaultSnvAf : defaultIndelAf;
        }
        return out;
    }

    /**
     * The population frequency of an allele the resource lacks: Mutect2's defaults, with a normal and without, which
     * trust a resource to hold nearly every germline allele; without any resource, the germline heterozygosity's
     * (2f(1 − f) = θ): with nothing saying a variant is rare, a germline variant the normal barely shows (an allele
     * poorly captured there) must not pass as somatic for want of a prior.
     */
    public static double defaultAf(SomaticParameters params, boolean tumourOnly, boolean hasResource,
                                   double heterozygosity) {
        if (!hasResource) {
            return (1 - StrictMath.sqrt(1 - 2 * heterozygosity)) / 2;
        }
        return tumourOnly ? params.afNotInResourceTumourOnly() : params.afNotInResource();
    }

    /** Mutect2's contamination filter: the counts as another person's cells' (one or many) against somatic. */
    private double contamination(SomaticSite s, Context c, int b) {
        if (contamination <= 0) {
            return 0;
        }
        double f = populationAf(s, c)[b - 1];
        int total = s.tumour().depth();
        int alt = s.tumour().ad()[b];
        double single = StrictMath.exp(StrictMath.log(2 * f * (1 - f))
                + Distributions.binomial(total, alt, contamination / 2))
                + StrictMath.exp(StrictMath.log(f * f) + Distributions.binomial(total, alt, contamination));
        double many = StrictMath.exp(Distributions.binomial(total, alt, contamination * f));
        double logContaminant = StrictMath.log(Math.max(Math.max(single, many), Double.MIN_VALUE));
        double logOdds = clusters.logLikelihoodGivenSomatic(total, alt) - logContaminant;
        return Distributions.posteriorOfError(logOdds, clusters.logSomaticPrior(s.indelLength(b)));
    }

    /**
     * Mutect2's normal-artefact filter: none when the normal's fraction is far below the tumour's; certain when the
     * normal's ALT reads are too many for sequencing errors at its REF reads' median base quality; else the
     * posterior from the normal's artefact log odds (NALOD).
     */
    private double normalArtifact(SomaticSite s, int b) {
        int tumourDepth = s.tumour().depth();
        double tumourAf = tumourDepth == 0 ? 0 : (double) s.tumour().ad()[b] / tumourDepth;
        int normalDepth = s.normal().depth();
        int normalAlt = s.normal().ad()[b];
        double normalAf = normalDepth == 0 ? 0 : (double) normalAlt / normalDepth;
        if (normalAf < MIN_NORMAL_ARTIFACT_RATIO * tumourAf) {
            return 0;
        }
        double artifact = Distributions.posteriorOfError(-s.nalod()[b - 1] * SomaticGenotyper.LN10,
                clusters.logVariantVsArtifact());
        int refBq = s.normalMedianRefBaseQuality() >= 0 ? s.normalMedianRefBaseQuality() : 30;
        double error = StrictMath.pow(10, -refBq / 10.0);
        double pValue = normalAlt == 0 ? 1
                : 1 - new BinomialDistribution(null, normalDepth, error).cumulativeProbability(normalAlt - 1);
        return pValue < params.normalPValue() ? 1.0 : artifact;
    }

    private double strandBias(SomaticSite s, int b, boolean learning) {
        int len = Math.abs(s.indelLength(b));
        if (len > LONGEST_STRAND_ARTIFACT_INDEL) {
            return 0;
        }
        int[][] st = s.strand();
        int fwd = 0;
        int rev = 0;
        for (int[] a : st) {
            fwd += a[0];
            rev += a[1];
        }
        OneSidedArtifactModel.Counts counts = new OneSidedArtifactModel.Counts(fwd, st[b][0], rev, st[b][1]);
        double betaSeq = len == 0 ? 1000 : len < 3 ? 5000 : 50000;
        OneSidedArtifactModel.Posterior post = strand.posterior("all", counts, betaSeq);
        if (learning) {
            strand.record("all", counts, post);
        }
        return post.artifact();
    }

    /**
     * The read-orientation model on an SNV: the substitution folded onto a C or T reference (G>T in F1R2 is C>A in
     * F2R1, one lesion seen from either strand), its ALT fragments by pair orientation.
     */
    private double orientation(SomaticSite s, int b, boolean learning) {
        if (!s.isSnv(b)) {
            return 0;
        }
        char ref = s.ref().charAt(0);
        char alt = s.alleles().get(b).charAt(0);
        boolean flip = ref == 'G' || ref == 'A';
        String key = flip ? complement(ref) + ">" + complement(alt) : ref + ">" + alt;
        int[] f1r2 = s.tumour().f1r2();
        int[] f2r1 = s.tumour().f2r1();
        int n1 = java.util.Arrays.stream(f1r2).sum();
        int n2 = java.util.Arrays.stream(f2r1).sum();
        OneSidedArtifactModel.Counts counts = flip
                ? new OneSidedArtifactModel.Counts(n2, f2r1[b], n1, f1r2[b])
                : new OneSidedArtifactModel.Counts(n1, f1r2[b], n2, f2r1[b]);
        // errors turn a base into this ALT at a third of the site's REF base error rate
        int refBq = s.medianBaseQuality()[0] >= 0 ? s.medianBaseQuality()[0] : 30;
        double leak = StrictMath.pow(10, -refBq / 10.0) / 3;
        OneSidedArtifactModel.Posterior post = orientation.posterior(key, counts, 1 / leak - 1);
        if (learning) {
            orientation.record(key, counts, post);
        }
        return post.artifact();
    }

    private static char complement(char base) {
        return switch (base) {
            case 'A' -> 'T';
            case 'C' -> 'G';
            case 'G' -> 'C';
            case 'T' -> 'A';
            default -> 'N';
        };
    }

    /**
     * Mutect2's slippage filter: an indel of one unit in a tandem repeat (two units or more) of at least
     * minSlippageLength reference bases, its ALT fragments as somatic against as PCR slippage at a rate up to slippageRate.
     */
    private double slippage(SomaticSite s, int b) {
        int len = Math.abs(s.indelLength(b));
        int unit = s.repeatUnitLength();
        if (len == 0 || unit == 0 || len != unit || s.repeatUnits() < 2
                || s.repeatUnits() * unit < params.minSlippageLength()) {
            return 0;
        }
        int ref = s.tumour().ad()[0];
        int alt = s.tumour().ad()[b];
        double slip;
        try {
            slip = Beta.regularizedBeta(params.slippageRate(), alt + 1, ref + 1);
        } catch (org.apache.commons.math3.exception.MaxCountExceededException e) {
            slip = StrictMath.exp(Distributions.binomial(ref + alt, alt, params.slippageRate()));
        }
        double logOdds = clusters.logLikelihoodGivenSomatic(ref + alt, alt) - StrictMath.log(Math.max(slip, 1e-300));
        return Distributions.posteriorOfError(logOdds, clusters.logSomaticPrior(s.indelLength(b)));
    }
}
