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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes a shard's reads (of one or several samples) and reference, gives the sites it owns whose alternate alleles
 * have enough read support in some sample: SNVs from mismatches, indels from CIGARs, each indel left-normalised within
 * its read first (aligners place gaps inconsistently in repeats, which would split one allele's support over several
 * positions), and the indels that local assembly of all samples' reads together finds. Support is judged per sample,
 * as bcftools does: a het in one member of a large cohort is a small fraction of everyone's reads.
 */
public final class CandidateFinder {
    private static final byte[] BASES = {'A', 'C', 'G', 'T'};

    private final CallingParameters params;
    private final LocalAssembler assembler;

    public CandidateFinder(CallingParameters params) {
        this.params = params;
        this.assembler = new LocalAssembler(params.assemblyHalfWidth(),
                params.assemblyKmerSizes().stream().mapToInt(Integer::intValue).toArray(), params.assemblyMinPruning(),
                params.assemblyMaxHaplotypes(), params.minBaseQuality());
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
        // Tally a reach beyond the shard on both sides: the neighbours of an owned site must be the same whichever
        // shard owns it, so they are found here exactly as the next shard would find them.
        int reach = params.maxSiteSpan() + params.haplotypeFlank();
        int from = Math.max(1, shard.start() - reach);
        int to = Math.min(shard.end() + reach, ref.end());
        if (to < from || shard.start() > ref.end()) {
            return List.of();
        }
        Tally tally = tally(samples, ref, from, to);
        Set<Indel> assembled = assemble(shard, pooled(samples), ref, from, to);
        TreeMap<Integer, List<Allele>> byPosition = new TreeMap<>();
        double fraction = minAltFraction(shard.contig());
        addSnvs(tally, ref, to, fraction, byPosition);
        addIndels(tally, assembled, fraction, byPosition);

        TreeMap<Integer, Found> found = new TreeMap<>();
        byPosition.forEach((pos, alleles) -> found.put(pos, site(ref, pos, alleles)));
        List<CandidateSite> sites = new ArrayList<>();
        for (Found f : found.subMap(shard.start(), true, shard.end(), true).values()) {
            sites.add(f.site().withNeighbours(neighbours(f, found)));
        }
        return sites;
    }

    private Tally tally(List<List<AlignedRead>> samples, RefWindow ref, int from, int to) {
        int n = to - from + 1;
        int sampleCount = samples.size();
        int[][] depth = new int[sampleCount][n];
        int[][] mismatches = new int[sampleCount][4 * n];
        Map<Indel, int[]> indels = new HashMap<>();
        for (int s = 0; s < sampleCount; s++) {
            for (AlignedRead read : samples.get(s)) {
                scan(read, ref, from, to, depth[s], mismatches[s], indels, s, sampleCount);
            }
        }
        return new Tally(from, depth, mismatches, indels);
    }

    /** The SNV alleles some sample supports, by position; a position whose reference base is N has none. */
    private void addSnvs(Tally tally, RefWindow ref, int to, double fraction,
                         Map<Integer, List<Allele>> byPosition) {
        int sampleCount = tally.depth().length;
        for (int i = 0; i < to - tally.from() + 1; i++) {
            int pos = tally.from() + i;
            if (ref.base(pos) == 'N') {
                continue;
            }
            for (int b = 0; b < 4; b++) {
                boolean supported = false;
                int count = 0;
                for (int s = 0; s < sampleCount; s++) {
                    int c = tally.mismatches()[s][4 * i + b];
                    supported |= tally.depth()[s][i] > 0 && supported(c, tally.depth()[s][i], fraction);
                    count += c;
                }
                if (supported) {
                    byPosition.computeIfAbsent(pos, k -> new ArrayList<>()).add(new Allele(null, BASES[b], count));
                }
            }
        }
    }

    /** The indel alleles some sample's CIGARs support, and every assembled one, by anchor position. */
    private void addIndels(Tally tally, Set<Indel> assembled, double fraction,
                           Map<Integer, List<Allele>> byPosition) {
        int sampleCount = tally.depth().length;
        for (Indel indel : assembled) {
            tally.indels().computeIfAbsent(indel, k -> new int[sampleCount]);
        }
        tally.indels().forEach((indel, counts) -> {
            int i = indel.anchor() - tally.from();
            boolean supported = false;
            int count = 0;
            for (int s = 0; s < sampleCount; s++) {
                supported |= supported(counts[s], tally.depth()[s][i], fraction);
                count += counts[s];
            }
            if (assembled.contains(indel)) {
                // an assembled allele passed graph pruning: genotyped whatever its CIGAR count, ranked as supported
                supported = true;
                count = Math.max(count, params.minAltReads());
            }
            if (supported) {
                byPosition.computeIfAbsent(indel.anchor(), k -> new ArrayList<>()).add(new Allele(indel, (byte) 0, count));
            }
        });
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
     * The indels in {@code [from, to]} that local assembly finds around active regions in reach of this shard's sites
     * (regions centred up to a region half-width beyond the tallied range, whose reads the shard's padding holds).
     */
    private Set<Indel> assemble(Shard shard, List<AlignedRead> reads, RefWindow ref, int from, int to) {
        int reach = params.maxSiteSpan() + params.haplotypeFlank() + assembler.halfWidth();
        Set<Indel> assembled = new HashSet<>();
        for (int centre : ActivityProfile.centres(reads, shard.start() - reach, shard.end() + reach, params.minAltReads())) {
            for (Indel indel : assembler.assemble(centre, reads, ref)) {
                if (indel.anchor() >= from && indel.anchor() <= to) {
                    assembled.add(indel);
                }
            }
        }
        return assembled;
    }

    /** A site with the read support of each of its alternate alleles (in allele order). */
    private record Found(CandidateSite site, int[] counts) {}

    /**
     * The indel alleles of other sites within the haplotype flank of this one. They go into the haplotypes reads
     * are aligned to, so a read misaligned around a nearby indel (mismatches instead of a gap, near its end) is
     * not taken for evidence here. Nearby SNVs are left out: they shift no alignment, and two of them together can
     * mimic an indel in a repeat. The best supported first, at most maxNeighbours.
     */
    private List<NearbyAllele> neighbours(Found site, TreeMap<Integer, Found> found) {
        int from = site.site().position() - params.haplotypeFlank();
        int to = site.site().spanEnd() + params.haplotypeFlank();
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
     * Adds one read's aligned bases, mismatches and normalised indels in {@code [from, to]} to the tallies of its
     * sample, the {@code sample}-th of {@code sampleCount}.
     */
    private void scan(AlignedRead read, RefWindow ref, int from, int to, int[] depth, int[] mismatches,
                      Map<Indel, int[]> indels, int sample, int sampleCount) {
        byte[] ops = read.cigarOps();
        int[] lens = read.cigarLengths();
        byte[] bases = read.bases();
        byte[] quals = read.quals();
        int refPos = read.start();
        int readPos = 0;
        int blockRefStart = -1; // the aligned block just before the current operator, if any
        int blockReadStart = -1;
        for (int c = 0; c < ops.length; c++) {
            byte op = ops[c];
            int len = lens[c];
            if (AlignedRead.isAligned(op)) {
                int lo = Math.max(refPos, from);
                int hi = Math.min(refPos + len - 1, to);
                for (int p = lo; p <= hi; p++) {
                    int k = readPos + (p - refPos);
                    int i = p - from;
                    depth[i]++;
                    byte b = bases[k];
                    if (b != ref.base(p) && quals[k] >= params.minBaseQuality()) {
                        int code = code(b);
                        if (code >= 0) {
                            mismatches[4 * i + code]++;
                        }
                    }
                }
                blockRefStart = refPos;
                blockReadStart = readPos;
                refPos += len;
                readPos += len;
                continue;
            }
            boolean afterBlock = c > 0 && AlignedRead.isAligned(ops[c - 1]);
            if (op == 'I') {
                if (afterBlock) {
                    Indel indel = leftAlignInsertion(ref, bases, refPos - 1, new String(bases, readPos, len,
                            java.nio.charset.StandardCharsets.US_ASCII), blockRefStart, blockReadStart);
                    if (indel != null && indel.anchor() >= from && indel.anchor() <= to) {
                        indels.computeIfAbsent(indel, k -> new int[sampleCount])[sample]++;
                    }
                }
                readPos += len;
            } else if (op == 'D') {
                if (afterBlock) {
                    Indel indel = leftAlignDeletion(ref, refPos - 1, len, blockRefStart);
                    if (indel.anchor() >= from && indel.anchor() <= to) {
                        indels.computeIfAbsent(indel, k -> new int[sampleCount])[sample]++;
                    }
                }
                refPos += len;
            } else if (op == 'N') {
                refPos += len;
            } else if (op == 'S') {
                readPos += len;
            }
        }
    }

    /**
     * Shifts a deletion of {@code length} bases after {@code anchor} left while the shifted read is the same
     * sequence (the base leaving the deletion equals the one entering it), within the read's aligned block.
     */
    static Indel leftAlignDeletion(RefWindow ref, int anchor, int length, int blockRefStart) {
        int a = anchor;
        while (a - 1 >= blockRefStart && ref.base(a) == ref.base(a + length) && ref.base(a) != 'N') {
            a--;
        }
        return new Indel(a, length, "");
    }

    /**
     * Shifts an insertion left while the read's base before it equals the insertion's last base (the read's
     * sequence is then unchanged), within the read's aligned block; null when the inserted bases hold an N.
     */
    static Indel leftAlignInsertion(RefWindow ref, byte[] bases, int anchor, String inserted, int blockRefStart,
                                    int blockReadStart) {
        if (inserted.indexOf('N') >= 0) {
            return null;
        }
        int a = anchor;
        String s = inserted;
        while (a - 1 >= blockRefStart) {
            char readBase = (char) bases[blockReadStart + (a - blockRefStart)];
            if (readBase != s.charAt(s.length() - 1)) {
                break;
            }
            s = readBase + s.substring(0, s.length() - 1);
            a--;
        }
        return new Indel(a, 0, s);
    }

    private static int code(byte b) {
        return switch (b) {
            case 'A' -> 0;
            case 'C' -> 1;
            case 'G' -> 2;
            case 'T' -> 3;
            default -> -1;
        };
    }

    /** An alternate allele seen at a position: an SNV base or an indel, with its read count. */
    private record Allele(Indel indel, byte snvBase, int count) {
        int deleted() {
            return indel == null ? 0 : indel.deleted();
        }

        String sortKey() {
            return indel == null ? "S" + (char) snvBase : indel.deleted() > 0 ? "D" + indel.deleted() : "I" + indel.inserted();
        }
    }

    /** Builds the VCF alleles of one position over a shared reference allele, the best supported first. */
    private Found site(RefWindow ref, int pos, List<Allele> alleles) {
        alleles.sort(Comparator.comparingInt(Allele::count).reversed().thenComparing(Allele::sortKey));
        List<Allele> kept = alleles.subList(0, Math.min(alleles.size(), params.maxAltAlleles()));
        int maxDeleted = kept.stream().mapToInt(Allele::deleted).max().orElse(0);
        String refAllele = ref.substring(pos, pos + maxDeleted);
        String suffix = refAllele.substring(1);
        List<String> vcfAlleles = new ArrayList<>();
        vcfAlleles.add(refAllele);
        int spanEnd = pos;
        int units = 0;
        for (Allele a : kept) {
            if (a.indel() == null) {
                vcfAlleles.add((char) a.snvBase() + suffix);
                continue;
            }
            Indel indel = a.indel();
            String unit;
            if (indel.deleted() > 0) {
                vcfAlleles.add(refAllele.charAt(0) + refAllele.substring(1 + indel.deleted()));
                unit = ref.substring(pos + 1, pos + indel.deleted());
            } else {
                vcfAlleles.add(refAllele.charAt(0) + indel.inserted() + suffix);
                unit = indel.inserted();
            }
            spanEnd = Math.max(spanEnd, Math.min(pos + params.maxSiteSpan(), RepeatContext.lastPlacement(ref, pos, indel, params.maxSiteSpan()) + 1));
            units = Math.max(units, RepeatContext.of(ref, pos, unit, params.maxSiteSpan()).units());
        }
        CandidateSite site = new CandidateSite(ref.contig(), pos, vcfAlleles, Math.max(spanEnd, pos + maxDeleted),
                units, List.of());
        return new Found(site, kept.stream().mapToInt(Allele::count).toArray());
    }
}
