package gap.core.cohort;

import gap.core.model.VariantCall;
import gap.core.vcf.InfoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a joint call set's final calls (scored, in genome order), its samples' pseudonyms and its trios, gives the
 * calls with INFO/DENOVO naming each child whose FORMAT/DNQ reaches the threshold, and those de novo calls, one per
 * call and child, in genome order.
 */
public final class DeNovoCalls {
    /** A de novo call of one trio's child. */
    public record Call(VariantCall call, Trio trio) implements java.io.Serializable {}

    /** The calls with INFO/DENOVO, and the de novo calls. */
    public record Result(List<VariantCall> calls, List<Call> deNovo) {}

    private DeNovoCalls() {}

    public static Result name(List<VariantCall> calls, List<String> samples, List<Trio> trios, int minDeNovoQuality) {
        List<VariantCall> out = new ArrayList<>(calls.size());
        List<Call> deNovo = new ArrayList<>();
        for (VariantCall call : calls) {
            List<Trio> hits = trios.stream().filter(t -> call.genotype(t.child()).dnq() >= minDeNovoQuality).toList();
            VariantCall named = call;
            if (!hits.isEmpty()) {
                Map<String, Object> info = new LinkedHashMap<>(call.info());
                info.put(InfoField.DENOVO.key(), hits.stream().map(t -> samples.get(t.child())).toList());
                named = call.withInfo(info);
            }
            out.add(named);
            for (Trio t : hits) {
                deNovo.add(new Call(named, t));
            }
        }
        return new Result(out, deNovo);
    }
}
