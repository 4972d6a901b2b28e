package gap.core.calling;

import gap.core.model.CandidateSite;
import gap.core.model.NearbyAllele;
import gap.core.model.RefWindow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a site needing haplotypes, gives, for each of its alleles, the haplotypes that carry it: the reference
 * window with the allele applied, alone, with each neighbouring allele that does not collide with it, and on each
 * assembled haplotype's other events there (distinct haplotypes only). The window covers the site's window (its
 * repeat tract and flank), every neighbour and context event, and slack for reads to slide by the longest indel (at
 * most {@code maxSlide}, which keeps the window inside what a shard holds).
 */
final class Haplotypes {
    private static final int SLACK = 10;

    /** A change to the reference: bases {@code [start, end)} (1-based) become {@code bases}. */
    record Edit(int start, int end, String bases) {

        /** The minimal edit of a VCF allele: the bases ref and alt share at either end are left out. */
        static Edit of(int position, String ref, String alt) {
            int prefix = 0;
            while (prefix < ref.length() && prefix < alt.length() && ref.charAt(prefix) == alt.charAt(prefix)) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < ref.length() - prefix && suffix < alt.length() - prefix
                    && ref.charAt(ref.length() - 1 - suffix) == alt.charAt(alt.length() - 1 - suffix)) {
                suffix++;
            }
            return new Edit(position + prefix, position + ref.length() - suffix,
                    alt.substring(prefix, alt.length() - suffix));
        }

        /** Two edits collide when one changes bases the other changes, or both insert at the same point. */
        boolean collides(Edit o) {
            if (start == end && o.start == o.end) {
                return start == o.start;
            }
            if (start == end) {
                return o.start < start && start < o.end;
            }
            if (o.start == o.end) {
                return start < o.start && o.start < end;
            }
            return start < o.end && o.start < end;
        }
    }

    /** Per allele of the site, its haplotypes (the first without neighbours); and the window's length. */
    record Set(List<List<byte[]>> byAllele, int referenceLength) {}

    private Haplotypes() {}

    static Set build(CandidateSite site, RefWindow ref, int maxSlide) {
        List<Edit> own = new ArrayList<>();
        for (String allele : site.alleles()) {
            own.add(Edit.of(site.position(), site.ref(), allele));
        }
        List<Edit> nearby = edits(site.neighbours());
        List<List<Edit>> contexts = new ArrayList<>();
        for (List<NearbyAllele> c : site.contexts()) {
            contexts.add(edits(c));
        }
        int longest = 0;
        int start = site.windowStart();
        int end = site.windowEnd();
        List<Edit> all = concat(own, nearby);
        contexts.forEach(all::addAll);
        for (Edit e : all) {
            longest = Math.max(longest, Math.abs(e.bases().length() - (e.end() - e.start())));
            start = Math.min(start, e.start() - 1);
            end = Math.max(end, e.end());
        }
        int slack = SLACK + Math.min(longest, maxSlide);
        start -= slack;
        end += slack;
        String window = ref.substring(start, end);

        List<List<byte[]>> byAllele = new ArrayList<>();
        for (int a = 0; a < own.size(); a++) {
            Edit mine = own.get(a);
            boolean isRef = a == 0;
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<byte[]> haps = new ArrayList<>();
            add(haps, seen, apply(window, start, isRef ? List.of() : List.of(mine)));
            for (Edit other : nearby) {
                if (isRef || !mine.collides(other)) {
                    add(haps, seen, apply(window, start, isRef ? List.of(other) : List.of(mine, other)));
                }
            }
            for (List<Edit> context : contexts) {
                List<Edit> edits = new ArrayList<>(compatible(context));
                if (!isRef) {
                    edits.removeIf(mine::collides);
                    edits.add(mine);
                }
                add(haps, seen, apply(window, start, edits));
            }
            byAllele.add(haps);
        }
        return new Set(byAllele, window.length());
    }

    private static List<Edit> edits(List<NearbyAllele> alleles) {
        List<Edit> out = new ArrayList<>();
        for (NearbyAllele n : alleles) {
            out.add(Edit.of(n.position(), n.ref(), n.alt()));
        }
        return out;
    }

    /** The edits of a context that collide with none before them (an assembled haplotype's events never do). */
    private static List<Edit> compatible(List<Edit> edits) {
        List<Edit> out = new ArrayList<>();
        for (Edit e : edits) {
            if (out.stream().noneMatch(e::collides)) {
                out.add(e);
            }
        }
        return out;
    }

    private static void add(List<byte[]> haps, java.util.Set<String> seen, byte[] hap) {
        if (seen.add(new String(hap, StandardCharsets.US_ASCII))) {
            haps.add(hap);
        }
    }

    /** The window with non-colliding edits applied, rightmost first so earlier coordinates stay valid. */
    static byte[] apply(String window, int windowStart, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort((x, y) -> Integer.compare(y.start(), x.start()));
        StringBuilder hap = new StringBuilder(window);
        for (Edit e : sorted) {
            hap.replace(e.start() - windowStart, e.end() - windowStart, e.bases());
        }
        return hap.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Edit> concat(List<Edit> a, List<Edit> b) {
        List<Edit> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
