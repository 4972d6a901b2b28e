package gap.core.concordance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes truth events and both sides' normalised alleles, gives per event class how many events were found and how
 * many calls fell inside events without matching them. An event is found when every truth allele in its extent is
 * called, or when the calls in its extent spell the same sequence as the truth's (so an event written another way —
 * two records instead of one complex allele — still counts). Events with no truth allele in the confident regions
 * are left out.
 */
public final class EventConcordance {

    /** One class: events scored, found, and calls inside events that match no truth allele. */
    public record ClassEvents(String eventClass, int events, int found, int falseCallsInside) {
        public double recall() {
            return events == 0 ? Double.NaN : (double) found / events;
        }
    }

    private EventConcordance() {}

    public static List<ClassEvents> compare(List<TruthEvents.Event> events, GenotypedAlleles truth,
                                            GenotypedAlleles calls, ReferenceBases reference) {
        Map<String, NavigableMap<Long, List<AtomicAllele>>> truthByPos = index(truth);
        Map<String, NavigableMap<Long, List<AtomicAllele>>> callsByPos = index(calls);
        Map<String, int[]> tally = new LinkedHashMap<>(); // events, found, false inside
        for (TruthEvents.Event e : events) {
            // one base of margin: an indel's anchor sits just before the event's first changed base
            List<AtomicAllele> t = within(truthByPos, e.contig(), e.start() - 1, e.end() + 1);
            if (t.isEmpty()) {
                continue;
            }
            List<AtomicAllele> c = within(callsByPos, e.contig(), e.start() - 1, e.end() + 1);
            int[] k = tally.computeIfAbsent(e.eventClass(), x -> new int[3]);
            k[0]++;
            boolean sameSequence = sameSequence(t, c, reference, e);
            Set<AtomicAllele> truthSet = new HashSet<>(t);
            if (sameSequence || c.containsAll(truthSet)) {
                k[1]++;
            }
            if (!sameSequence) {
                k[2] += (int) c.stream().filter(a -> !truthSet.contains(a)).count();
            }
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
        out.sort((x, y) -> x.pos() != y.pos() ? Long.compare(x.pos(), y.pos()) : x.toString().compareTo(y.toString()));
        return out;
    }

    /** Whether both sets of alleles, applied to the reference around the event, give the same sequence. */
    static boolean sameSequence(List<AtomicAllele> truth, List<AtomicAllele> calls, ReferenceBases reference,
                                TruthEvents.Event e) {
        if (calls.isEmpty()) {
            return false;
        }
        long from = Math.max(1, e.start() - 1 - 10);
        long to = Math.min(reference.length(e.contig()), e.end() + 1 + 10);
        for (AtomicAllele a : concat(truth, calls)) {
            from = Math.min(from, a.pos());
            to = Math.max(to, a.pos() + a.ref().length() - 1);
        }
        String window = reference.bases(e.contig(), from, to);
        String t = apply(window, from, truth);
        String c = apply(window, from, calls);
        return t != null && t.equals(c);
    }

    /** The window with the alleles applied, or null when two of them overlap (they cannot share a haplotype). */
    static String apply(String window, long windowStart, List<AtomicAllele> alleles) {
        StringBuilder out = new StringBuilder();
        long next = windowStart;
        for (AtomicAllele a : alleles) {
            if (a.pos() < next) {
                return null;
            }
            out.append(window, (int) (next - windowStart), (int) (a.pos() - windowStart)).append(a.alt());
            next = a.pos() + a.ref().length();
        }
        out.append(window, (int) (next - windowStart), window.length());
        return out.toString();
    }

    private static List<AtomicAllele> concat(List<AtomicAllele> a, List<AtomicAllele> b) {
        List<AtomicAllele> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
