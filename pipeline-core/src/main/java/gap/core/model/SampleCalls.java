package gap.core.model;

import java.util.List;
import java.util.Objects;

/** One sample's calls in genome order, under the sample's pseudonym ({@code sampleId}), never its identifier. */
public record SampleCalls(String sampleId, List<VariantCall> calls) {
    public SampleCalls {
        Objects.requireNonNull(sampleId, "sampleId");
        calls = List.copyOf(calls);
    }
}
