package gap.core.calling;

import gap.core.assembly.ActivityProfile;
import gap.core.assembly.LocalAssembler;
import gap.core.model.AlignedRead;
import gap.core.model.CandidateSite;
import gap.core.model.Indel;
import gap.core.model.NearbyAllele;
import gap.core.model.RefWindow;
import gap.core.model.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes a shard's reads (of one or several samples) and reference, gives the sites it owns whose alternate alleles
 * have enough read support in some sample: SNVs from mismatches, indels from CIGARs (normalised against the reference,
 * so one allele's reads count together in a repeat), and every event of the haplotypes that local assembly of the
 * active regions finds, events that ride together on them written as one complex allele. Each site carries the
 * window its reads are aligned over (its repeat tract and a flank either side), the indels of neighbouring sites and
 * the assembled haplotypes around it. Support is judged per sample, as bcftools does: a het in one member of a large
 * cohort is a small fraction of everyone's reads.
 */
public final class CandidateFinder {
    private static final byte[] BASES = {'A', 'C', 'G', 'T'};

    private final CallingParameters params;
    private final LocalAssembler assembler;
    private final ActivityProfile activity;

    public CandidateFinder(CallingParameters params) {
        this.params = params;
        this.assembler = new LocalAssembler(params.assemblySettings());
        this.activity = new ActivityProfile(params.activitySettings());
    }

    public List<CandidateSite> find(Shard shard, List<AlignedRead> reads, RefWindow ref) {
        return find(shard, ref, List.of(reads));
    }

    /**
     * What the reads show over {@code [from, to]}, per sample: depth and mismatches by base (A, C, G, T) at each
     * position, and the reads' count of each CIGAR indel.
     */
    private record Tally(int from, int[][] depth, int[][] mismatches, Map<Indel, int[]> indels) {}

    /** The candidate sites of several samples' reads (each list in position order), in position order. */
    public List<CandidateSite> find(Shard shard, RefWindow ref, List<List<AlignedRead>> samples) {
        return find(shard, ref, samples, List.of());
    }

    /**
     * As {@link #find(Shard, RefWindow, List)}, with each sample's reads below the minimum mapping quality
     * ({@code lowMapq}, per sample, in position order; may be empty) threaded into the assembly graphs only, as
     * sequence: reads that span a breakpoint or a duplication junction are the ones the aligner is least sure of, and
     * without them such events are never assembled. Their mismatches are kept only where the other reads support
     * them (as every read's are), and nothing else sees them: where to assemble (activity), and which alleles are
     * supported, counted and genotyped, come from the reads that pass the filter. (Letting them into activity too
     * opened regions inside lq25's compound STRs whose extra haplotypes made three false calls, for no event found.)
     */
    public List<CandidateSite> find(Shard shard, RefWindow ref, List<List<AlignedRead>> samples,
                                    List<List<AlignedRead>> lowMapq) {
        // Tally a reach beyond the shard on both sides: the neighbours of an owned site must be the same whichever
        // shard owns it, so they are found here exactly as the next shard would find them.
        int reach = params.siteReach();
        int from = Math.max(1, shard.start() - reach);
        int to = Math.min(shard.end() + reach, ref.end());
        if (to < from || shard.start() > ref.end()) {
            return List.of();
        }
        // the tally also covers every assembly window in reach, whose reads it corrects
        int wide = params.activityReach() + assembler.padding();
        ReadTally tally = ReadTally.of(samples, ref, Math.max(1, from - wide), to + wide, params.minBaseQuality(),
                params.maxSiteSpan());
        List<LocalAssembler.Assembly> assemblies = assemble(samples, withLowMapq(samples, lowMapq), ref, from, to,
                tally);
        Set<NearbyAllele> blocks = new HashSet<>();
        List<LocalAssembler.Assembly> merged = new ArrayList<>();
        for (LocalAssembler.Assembly a : assemblies) {
            merged.add(new LocalAssembler.Assembly(a.start(), a.end(),
                    ComplexEvents.merge(a.haplotypes(), ref, params.complexMaxDistance(), blocks)));
        }
        Blocks replaced = new Blocks(blocks, merged, ref, params.maxSiteSpan());
        TreeMap<Integer, List<Allele>> byPosition = tallied(tally, ref, replaced, from, to,
                minAltFraction(shard.contig()));
        addAssembled(byPosition, merged, from, to);
        TreeMap<Integer, Found> found = new TreeMap<>();
        byPosition.forEach((pos, alleles) -> found.put(pos, site(ref, pos, alleles)));
        List<CandidateSite> sites = new ArrayList<>();
        for (Found f : found.subMap(shard.start(), true, shard.end(), true).values()) {
            CandidateSite s = f.site();
            List<NearbyAllele> nearby = neighbours(f, found);
            List<List<NearbyAllele>> assembled = contexts(s, merged);
            sites.add(widened(s, ref, nearby, assembled, merged).withNeighbours(nearby, assembled));
        }
        return sites;
    }

    /** Each sample's reads with its low-MAPQ reads (if any) among them, in position order (ties: passing first). */
    private static List<List<AlignedRead>> withLowMapq(List<List<AlignedRead>> samples,
                                                       List<List<AlignedRead>> lowMapq) {
        if (lowMapq.stream().allMatch(List::isEmpty)) {
            return samples;
        }
        List<List<AlignedRead>> out = new ArrayList<>(samples.size());
        for (int s = 0; s < samples.size(); s++) {
            List<AlignedRead> both = new ArrayList<>(samples.get(s));
            both.addAll(lowMapq.get(s));
            both.sort(Comparator.comparingInt(AlignedRead::start)); // stable
            out.add(both);
        }
        return out;
    }

    /** All samples' reads in one list in position order (ties in sample order), as assembly takes them. */
    static List<AlignedRead> pooled(List<List<AlignedRead>> samples) {
        if (samples.size() == 1) {
            return samples.get(0);
        }
        List<AlignedRead> all = new ArrayList<>();
        samples.forEach(all::addAll);
        all.sort(Comparator.comparingInt(AlignedRead::start)); // stable: equal starts keep sample order
        return all;
    }

    /**
     * The assemblies of the active regions of the {@code passing} reads that reach {@code [from, to]}, each from
     * {@code samples}' reads (the passing ones and the low-MAPQ ones).
     */
    private List<LocalAssembler.Assembly> assemble(List<List<AlignedRead>> passing, List<List<AlignedRead>> samples,
                                                   RefWindow ref, int from, int to, ReadTally tally) {
        List<AlignedRead> reads = pooled(samples);
        List<LocalAssembler.Assembly> out = new ArrayList<>();
        int pad = assembler.padding();
        for (ActivityProfile.Region r : activity.regions(passing, ref, from - pad, to + pad)) {
            LocalAssembler.Assembly a = assembler.assemble(r, reads, ref,
                    (p, b) -> tally.count(p, b) >= params.minAltReads());
            if (!a.haplotypes().isEmpty()) {
                out.add(a);
            }
        }
        return out;
    }

    /** An alternate allele seen at a position (VCF form), with its read count. */
    private record Allele(NearbyAllele event, int count) {
        String sortKey() {
            return event.ref().length() + ":" + event.alt();
        }
    }

    /**
     * The complex alleles assembly wrote, every event of its haplotypes, and the SNVs its indels show in reads aligned
     * through them without a gap ({@link IndelShadows}): a read's SNV or indel inside a block's REF span is that
     * block's part (or another way to write it), and a read's SNV in an assembled indel's shadow is that indel's
     * misaligned reads, unless some assembled haplotype carries it alone. Left in, such an SNV competes with the indel
     * at its own position, or beside it as a neighbour that rebuilds the indel's haplotype out of a read's CIGAR
     * indel, and the reads that would tell them apart tie (issue 16 item 3).
     */
    private record Blocks(Set<NearbyAllele> blocks, Set<NearbyAllele> assembled, Set<NearbyAllele> shadows) {
        Blocks(Set<NearbyAllele> blocks, List<LocalAssembler.Assembly> assemblies, RefWindow ref, int reach) {
            this(blocks, new HashSet<>(), new HashSet<>());
            assemblies.forEach(a -> a.haplotypes().forEach(assembled::addAll));
            for (NearbyAllele e : assembled) {
                shadows.addAll(IndelShadows.of(e, ref, reach));
            }
        }

        boolean covers(NearbyAllele e) {
            if (assembled.contains(e)) {
                return false;
            }
            if (shadows.contains(e)) {
                return true;
            }
            for (NearbyAllele b : blocks) {
                if (b.position() <= e.position() && e.end() <= b.end()) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * SNVs and indels of the reads with enough support in some sample ({@code fraction} of its depth), but those
     * assembly wrote as part of a block.
     */
    private TreeMap<Integer, List<Allele>> tallied(ReadTally tally, RefWindow ref, Blocks replaced, int from,
                                                   int to, double fraction) {
        TreeMap<Integer, List<Allele>> byPosition = new TreeMap<>();
        int samples = tally.depth.length;
        for (int i = from - tally.from; i <= to - tally.from; i++) {
            int pos = tally.from + i;
            if (ref.base(pos) == 'N') {
                continue;
            }
            for (int b = 0; b < 4; b++) {
                boolean supported = false;
                int count = 0;
                for (int s = 0; s < samples; s++) {
                    int c = tally.mismatches[s][4 * i + b];
                    supported |= tally.depth[s][i] > 0 && supported(c, tally.depth[s][i], fraction);
                    count += c;
                }
                if (!supported) {
                    continue;
                }
                NearbyAllele e = new NearbyAllele(pos, String.valueOf((char) ref.base(pos)), String.valueOf((char) BASES[b]));
                if (!replaced.covers(e)) {
                    byPosition.computeIfAbsent(pos, k -> new ArrayList<>()).add(new Allele(e, count));
                }
            }
        }
        tally.indels.forEach((indel, counts) -> {
            if (indel.anchor() < from || indel.anchor() > to) {
                return;
            }
            int i = indel.anchor() - tally.from;
            boolean supported = false;
            int count = 0;
            for (int s = 0; s < samples; s++) {
                supported |= supported(counts[s], tally.depth[s][i], fraction);
                count += counts[s];
            }
            NearbyAllele e = event(ref, indel);
            if (supported && !replaced.covers(e)) {
                byPosition.computeIfAbsent(indel.anchor(), k -> new ArrayList<>()).add(new Allele(e, count));
            }
        });
        return byPosition;
    }

    /**
     * Adds the assembled indels and complex alleles anchored in {@code [from, to]}: an allele that passed graph pruning
     * is genotyped whatever its CIGAR count, ranked as supported. A lone assembled SNV adds nothing the reads' own
     * mismatch counts do not already hold.
     */
    private void addAssembled(TreeMap<Integer, List<Allele>> byPosition, List<LocalAssembler.Assembly> assemblies,
                              int from, int to) {
        Set<NearbyAllele> seen = new LinkedHashSet<>();
        for (LocalAssembler.Assembly a : assemblies) {
            a.haplotypes().forEach(seen::addAll);
        }
        for (NearbyAllele e : seen) {
            if (e.position() < from || e.position() > to || e.ref().length() == 1 && e.alt().length() == 1) {
                continue;
            }
            List<Allele> here = byPosition.computeIfAbsent(e.position(), k -> new ArrayList<>());
            boolean present = false;
            for (int i = 0; i < here.size(); i++) {
                if (here.get(i).event().equals(e)) {
                    here.set(i, new Allele(e, Math.max(here.get(i).count(), params.minAltReads())));
                    present = true;
                }
            }
            if (!present) {
                here.add(new Allele(e, params.minAltReads()));
            }
        }
    }

    private static NearbyAllele event(RefWindow ref, Indel indel) {
        String anchor = String.valueOf((char) ref.base(indel.anchor()));
        return indel.deleted() > 0
                ? new NearbyAllele(indel.anchor(), ref.substring(indel.anchor(), indel.anchor() + indel.deleted()), anchor)
                : new NearbyAllele(indel.anchor(), anchor, anchor + indel.inserted());
    }

    /** A site with the read support of each of its alternate alleles (in allele order). */
    private record Found(CandidateSite site, int[] counts) {}

    /**
     * The indel alleles of other sites within this one's window. They go into the haplotypes reads are aligned to, so
     * a read misaligned around a nearby indel (mismatches instead of a gap, near its end) is not taken for evidence
     * here. Nearby SNVs are left out: they shift no alignment, and two of them together can mimic an indel in a
     * repeat. The best supported first, at most maxNeighbours.
     */
    private List<NearbyAllele> neighbours(Found site, TreeMap<Integer, Found> found) {
        int from = site.site().windowStart();
        int to = site.site().windowEnd();
        record Scored(NearbyAllele allele, int count) {}
        List<Scored> scored = new ArrayList<>();
        for (Found other : found.subMap(from - params.maxSiteSpan(), true, to, true).values()) {
            if (other == site || other.site().spanEnd() < from) {
                continue;
            }
            List<String> alleles = other.site().alleles();
            for (int a = 1; a < alleles.size(); a++) {
                if (alleles.get(a).length() != alleles.get(0).length()) {
                    scored.add(new Scored(new NearbyAllele(other.site().position(), alleles.get(0), alleles.get(a)),
                            other.counts()[a - 1]));
                }
            }
        }
        scored.sort(Comparator.comparingInt(Scored::count).reversed()
                .thenComparingInt(x -> x.allele().position())
                .thenComparing(x -> x.allele().alt()));
        return scored.stream().limit(params.maxNeighbours()).map(Scored::allele).toList();
    }

    /** chrM: alleles down to the heteroplasmy reported (3 %), below the 5 % of a diploid genome. */
    private double minAltFraction(String contig) {
        return gap.core.model.Contigs.isMitochondrial(contig)
                ? Math.min(params.minAltFraction(), params.mitoMinFraction()) : params.minAltFraction();
    }

    private boolean supported(int count, int depth, double fraction) {
        return count >= params.minAltReads() && count >= fraction * depth;
    }

    /**
     * The assembled haplotypes over a site's window, each as its indels there other than those at the site's own
     * position: the backgrounds (phase) each of the site's alleles is aligned against. Substitutions are left out: they
     * change every allele's fit to a read alike. Distinct, the best assembled first, at most maxNeighbours (each
     * multiplies the pair-HMM's work at the site).
     */
    private List<List<NearbyAllele>> contexts(CandidateSite site, List<LocalAssembler.Assembly> assemblies) {
        Set<List<NearbyAllele>> out = new LinkedHashSet<>();
        for (LocalAssembler.Assembly a : assemblies) {
            if (a.end() < site.windowStart() || a.start() > site.windowEnd()) {
                continue;
            }
            for (List<NearbyAllele> hap : a.haplotypes()) {
                List<NearbyAllele> context = new ArrayList<>();
                for (NearbyAllele e : hap) {
                    boolean inWindow = e.end() >= site.windowStart() && e.position() <= site.windowEnd();
                    boolean own = e.position() <= site.position() + site.ref().length() - 1 && e.end() >= site.position();
                    if (inWindow && !own && e.isIndel()) {
                        context.add(e);
                    }
                }
                if (!context.isEmpty()) {
                    out.add(List.copyOf(context));
                }
            }
        }
        return out.stream().limit(params.maxNeighbours()).toList();
    }

    /**
     * An indel site with its window over the whole assembled region its haplotypes' backgrounds come from, and over
     * the window each background indel (neighbour or assembled context) would have as a site of its own (its repeat
     * tract and a flank), as GATK aligns reads over the whole region: a background that moves copies of a tandem
     * repeat (a VNTR copy gained with the site's own insertion in it, a copy lost) reads like the site's alleles over
     * any stretch shorter than the tract, and only reads that reach past the tract tell them apart. Cut to the
     * insertion's own short repeat, ms55's reads tied a true hom insertion with the reference allele on such a
     * background (QUAL 0.02; issue 16 item 5). At most maxSiteSpan beyond the site's own window either side, which a
     * shard's reference holds. SNV sites keep their window: widened, lq25's compound STRs turned their misaligned
     * reads into four more false SNVs.
     */
    private CandidateSite widened(CandidateSite s, RefWindow ref, List<NearbyAllele> nearby,
                                  List<List<NearbyAllele>> assembled, List<LocalAssembler.Assembly> assemblies) {
        if (!s.hasIndel()) {
            return s;
        }
        List<NearbyAllele> backgrounds = new ArrayList<>(nearby);
        assembled.forEach(backgrounds::addAll);
        int start = s.windowStart();
        int end = s.windowEnd();
        for (LocalAssembler.Assembly a : assemblies) {
            if (!assembled.isEmpty() && a.end() >= s.windowStart() && a.start() <= s.windowEnd()) {
                start = Math.min(start, a.start());
                end = Math.max(end, a.end());
            }
        }
        for (NearbyAllele e : backgrounds) {
            if (e.isIndel()) {
                CandidateSite own = site(ref, e.position(), new ArrayList<>(List.of(new Allele(e, 0)))).site();
                start = Math.min(start, own.windowStart());
                end = Math.max(end, own.windowEnd());
            }
        }
        start = Math.max(start, s.windowStart() - params.maxSiteSpan());
        end = Math.min(end, s.windowEnd() + params.maxSiteSpan());
        if (start == s.windowStart() && end == s.windowEnd()) {
            return s;
        }
        return new CandidateSite(s.contig(), s.position(), s.alleles(), s.spanEnd(), s.repeatUnits(), s.neighbours(),
                s.contexts(), start, end);
    }

    /** The most bases any of the alleles inserts (0 when none inserts). */
    private static int longestInsertion(List<Allele> alleles) {
        int longest = 0;
        for (Allele a : alleles) {
            longest = Math.max(longest, a.event().alt().length() - a.event().ref().length());
        }
        return longest;
    }

    /** Builds the VCF alleles of one position over a shared reference allele, the best supported first. */
    private Found site(RefWindow ref, int pos, List<Allele> alleles) {
        alleles.sort(Comparator.comparingInt(Allele::count).reversed().thenComparing(Allele::sortKey));
        List<Allele> kept = alleles.subList(0, Math.min(alleles.size(), params.maxAltAlleles()));
        int refLength = kept.stream().mapToInt(a -> a.event().ref().length()).max().orElse(1);
        String refAllele = ref.substring(pos, pos + refLength - 1);
        List<String> vcfAlleles = new ArrayList<>();
        vcfAlleles.add(refAllele);
        int spanEnd = pos + refLength - 1;
        int units = 0;
        for (Allele a : kept) {
            NearbyAllele e = a.event();
            vcfAlleles.add(e.alt() + refAllele.substring(e.ref().length()));
            Indel indel = pureIndel(e);
            if (indel != null) {
                String unit = indel.deleted() > 0 ? ref.substring(pos + 1, pos + indel.deleted()) : indel.inserted();
                spanEnd = Math.max(spanEnd, Math.min(pos + params.maxSiteSpan(),
                        RepeatContext.lastPlacement(ref, pos, indel, params.maxSiteSpan()) + 1));
                units = Math.max(units, RepeatContext.of(ref, pos, unit, params.maxSiteSpan()).units());
            } else if (e.isIndel()) {
                spanEnd = Math.max(spanEnd, e.end() + 1);
            }
        }
        RepeatContext.Tract tract = RepeatContext.tract(ref, pos, spanEnd, params.maxSiteSpan());
        // a read clipped at an insertion's junction shows its inserted bases where they would fall on the reference
        // (ReadBases.observeWithClips), so only as many as the flank: the window reaches at least the longest
        // insertion on both sides, so a read's clip is seen across the whole insertion, and two assembled insertions
        // that differ only in their middle are told apart by the reads that cover it, not tied. Insertions within
        // the flank (nearly all) keep the window as it was: its cost grows with the square of its length.
        int flank = Math.max(params.haplotypeFlank(), Math.min(params.maxSiteSpan(), longestInsertion(kept)));
        int windowStart = Math.min(pos, tract.start()) - flank;
        int windowEnd = Math.max(spanEnd, tract.end()) + flank;
        CandidateSite site = new CandidateSite(ref.contig(), pos, vcfAlleles, spanEnd, units, List.of(),
                List.of(), windowStart, windowEnd);
        return new Found(site, kept.stream().mapToInt(Allele::count).toArray());
    }

    /** The allele as an indel after its first base, or null when it is an SNV, an MNP or complex. */
    private static Indel pureIndel(NearbyAllele e) {
        String r = e.ref();
        String a = e.alt();
        if (r.length() > a.length() && a.length() == 1 && r.charAt(0) == a.charAt(0)) {
            return new Indel(e.position(), r.length() - 1, "");
        }
        if (a.length() > r.length() && r.length() == 1 && r.charAt(0) == a.charAt(0)) {
            return new Indel(e.position(), 0, a.substring(1));
        }
        return null;
    }
}
