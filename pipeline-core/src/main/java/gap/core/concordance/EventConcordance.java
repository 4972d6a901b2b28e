package gap.core.concordance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes truth events, both sides' normalised alleles and which of them matched, gives per event class how many
 * events were found and how many false calls fell inside events. An event is found when every truth allele in its
 * extent matched: exactly, or by haplotype sequence ({@link AlleleMatching}), so an event written another way — two
 * records instead of one complex allele, or split at another place — still counts. Events with no truth allele in
 * the confident regions are left out.
 */
public final class EventConcordance {

    /** One class: events scored, found, and call alleles inside events that match no truth allele. */
    public record ClassEvents(String eventClass, int events, int found, int falseCallsInside) {
        public double recall() {
            return events == 0 ? Double.NaN : (double) found / events;
        }
    }

    private EventConcordance() {}

    public static List<ClassEvents> compare(List<TruthEvents.Event> events, GenotypedAlleles truth,
                                            GenotypedAlleles calls, AlleleMatching.Matches matches) {
        Map<String, NavigableMap<Long, List<AtomicAllele>>> truthByPos = index(truth);
        Map<String, NavigableMap<Long, List<AtomicAllele>>> callsByPos = index(calls);
        Map<String, int[]> tally = new LinkedHashMap<>(); // events, found, false inside
        for (TruthEvents.Event e : events) {
            // one base of margin: an indel's anchor sits just before the event's first changed base
            List<AtomicAllele> t = within(truthByPos, e.contig(), e.start() - 1, e.end() + 1);
            if (t.isEmpty()) {
                continue;
            }
            int[] k = tally.computeIfAbsent(e.eventClass(), x -> new int[3]);
            k[0]++;
            if (matches.truthMatched().containsAll(t)) {
                k[1]++;
            }
            Set<AtomicAllele> matchedCalls = matches.callsMatched();
            k[2] += (int) within(callsByPos, e.contig(), e.start() - 1, e.end() + 1).stream()
                    .filter(a -> !matchedCalls.contains(a)).count();
        }
        List<ClassEvents> out = new ArrayList<>();
        new TreeMap<>(tally).forEach((cls, k) -> out.add(new ClassEvents(cls, k[0], k[1], k[2])));
        return out;
    }

    private static Map<String, NavigableMap<Long, List<AtomicAllele>>> index(GenotypedAlleles side) {
        Map<String, NavigableMap<Long, List<AtomicAllele>>> byContig = new LinkedHashMap<>();
        side.copies().keySet().forEach(a -> byContig.computeIfAbsent(a.contig(), x -> new TreeMap<>())
                .computeIfAbsent(a.pos(), x -> new ArrayList<>()).add(a));
        return byContig;
    }

    private static List<AtomicAllele> within(Map<String, NavigableMap<Long, List<AtomicAllele>>> index, String contig,
                                             long from, long to) {
        NavigableMap<Long, List<AtomicAllele>> byPos = index.get(contig);
        List<AtomicAllele> out = new ArrayList<>();
        if (byPos != null) {
            byPos.subMap(from, true, to, true).values().forEach(out::addAll);
        }
        return out;
    }
}
