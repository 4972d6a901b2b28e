package gap.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The calls of one run in genome order, each with one genotype per sample, and the samples' pseudonyms
 * ({@code sampleIds}, never their identifiers) in that order.
 */
public record CallSet(List<String> sampleIds, List<VariantCall> calls) {
    public CallSet {
        sampleIds = List.copyOf(Objects.requireNonNull(sampleIds, "sampleIds"));
        calls = List.copyOf(calls);
        for (VariantCall call : calls) {
            if (call.genotypes().size() != sampleIds.size()) {
                throw new IllegalArgumentException("a call with " + call.genotypes().size() + " genotypes in a call"
                        + " set of " + sampleIds.size() + " samples");
            }
        }
    }

    /** The calls of one sample. */
    public static CallSet of(String sampleId, List<VariantCall> calls) {
        return new CallSet(List.of(sampleId), calls);
    }
}
