package gap.core.somatic;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the combined error probabilities of a run's calls, gives the threshold a call's filter probabilities must
 * exceed to fail it, as FilterMutectCalls chooses it: the one maximising the expected F-score (calls sorted by error
 * probability; passing the first n expects Σ(1 − p) true and Σ p false positives, the rest Σ(1 − p) false
 * negatives), or the largest keeping the expected false-discovery rate at the target, or a constant.
 */
public final class FilterThreshold {
    private FilterThreshold() {}

    public static double choose(SomaticParameters params, List<Double> probabilities) {
        return switch (params.thresholdStrategy()) {
            case CONSTANT -> params.initialThreshold();
            case FALSE_DISCOVERY_RATE -> falseDiscoveryRate(probabilities, params.maxFalseDiscoveryRate());
            case OPTIMAL_F_SCORE -> optimalFScore(probabilities, params.fScoreBeta());
        };
    }

    static double optimalFScore(List<Double> probabilities, double beta) {
        List<Double> p = new ArrayList<>(probabilities);
        p.sort(null);
        double b2 = beta * beta;
        double falseNegatives = p.stream().mapToDouble(x -> 1 - x).sum();
        double truePositives = 0;
        double falsePositives = 0;
        int best = -1;
        double bestF = 0;
        for (int n = 0; n < p.size(); n++) {
            truePositives += 1 - p.get(n);
            falsePositives += p.get(n);
            falseNegatives -= 1 - p.get(n);
            double f = (1 + b2) * truePositives / ((1 + b2) * truePositives + b2 * falseNegatives + falsePositives);
            if (f >= bestF) {
                best = n;
                bestF = f;
            }
        }
        return best == -1 ? 0 : best == p.size() - 1 ? 1 : p.get(best);
    }

    static double falseDiscoveryRate(List<Double> probabilities, double target) {
        List<Double> p = new ArrayList<>(probabilities);
        p.sort(null);
        double expectedFalse = 0;
        for (int i = 0; i < p.size(); i++) {
            if ((expectedFalse + p.get(i)) / (i + 1) > target) {
                return i > 0 ? p.get(i - 1) : 0;
            }
            expectedFalse += p.get(i);
        }
        return 1;
    }
}
