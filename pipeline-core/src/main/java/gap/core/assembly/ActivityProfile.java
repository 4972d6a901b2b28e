package gap.core.assembly;

import gap.core.model.AlignedRead;
import gap.core.model.Nucleotides;
import gap.core.model.ReadBases;
import gap.core.model.RefWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes each sample's reads, gives the active regions worth assembling, as GATK's HaplotypeCaller finds them: per
 * position, the probability that some sample is not hom-ref there, from the reads whose alignment shows an indel or a
 * soft clip at that position (the base before and after an insertion or deletion, the deleted bases, the aligned base
 * next to a clip), each weighted by its own base quality (a clip by the qualities of its clipped bases; all capped at
 * the read's mapping quality) in a het-vs-hom-ref likelihood ratio with the indel prior. No absolute quality gate: a Q20 read's evidence counts as a Q20 base, a
 * Q37 read's as a Q37 base, so the profile opens regions on noisy and clean reads alike. A position with clipped
 * reads spreads its probability over the mean length of their clips (where the clipped bases belong), and a clip
 * whose bases lie in the reference nearby ({@link ClipJunction}: the far side of a deletion's junction) lends its
 * evidence to that side and its probability to every base between (a deletion's reads are clipped at one breakpoint or
 * the other, so either alone holds part of its evidence, and only a window over both can assemble it); the profile
 * is smoothed by a Gaussian (GATK's band-pass, sigma 17) and a region is a run of positions above the active
 * probability, runs closer than two paddings merged while the result stays within the maximum region size.
 *
 * <p>Mismatches alone do not open a region: an isolated SNV is genotyped from its bases, which gives the answer a
 * two-haplotype assembly would, at a fraction of the cost. Except one kind: a base that reads shifted by whole units
 * of a tandem repeat show ({@link RepeatShift}: the base one period away, in a tract of two units or more), in reads
 * that can be shifted ones (they end inside the shift's extent), counts as indel evidence, unless two reads reaching
 * past that extent on both sides carry it as a substitution. An ungapped aligner writes a unit's insertion or deletion
 * in an imperfect repeat as such a mismatch (a gap costs more than one mismatch), and only assembly and the reads' fit
 * to its haplotypes tell the copy-number change from an SNV. Every test looks a bounded distance around a position, so
 * the regions touching a shard are the same whichever shard computes them (given the margins the caller reads).
 */
public final class ActivityProfile {
    /** Half-width of the Gaussian kernel, as GATK's band-pass filter (max filter size 50). */
    public static final int KERNEL = 50;
    private static final double LOG10_HALF = StrictMath.log10(0.5);
    /** Clipped bases that weigh a clip's evidence (a clip's first bases are where the read leaves the reference). */
    static final int CLIP_BASES = 20;
    /** No read is more certain than the global mismapping rate allows (GATK's 45). */
    static final int MAX_READ_QUALITY = 45;
    private static final double[] MINUS_LOG10_ERROR = new double[128];
    private static final byte[] BASES = {'A', 'C', 'G', 'T'};
    /** Reads that must show a mismatch's base before it is tested as a repeat shift. */
    static final int MIN_SHIFT_READS = 2;
    /**
     * Bases a shifted read can reach past its shift's extent: there it mismatches three bases in four, and an aligner
     * clips it after a mismatch or two.
     */
    static final int SHIFT_SLACK = 10;

    static {
        for (int q = 0; q < 128; q++) {
            MINUS_LOG10_ERROR[q] = q / 10.0;
        }
    }

    /** An active region, 1-based inclusive (without padding). */
    public record Region(int start, int end) {
        public int length() {
            return end - start + 1;
        }
    }

    /** The settings of region finding; see conf/gap-defaults.properties. */
    public record Settings(double log10Prior, double activeProbability, double sigma, int maxClipSpread,
                           int maxRegion, int padding, int maxJunction) {}

    private final Settings settings;
    private final double[] kernel;

    public ActivityProfile(Settings settings) {
        this.settings = settings;
        this.kernel = gaussian(settings.sigma());
    }

    /**
     * How far beyond a position its evidence can reach: a clip's junction, clip spread, smoothing, merging with a
     * neighbour run.
     */
    public int reach() {
        return settings.maxJunction() + settings.maxClipSpread() + KERNEL + settings.maxRegion()
                + 2 * settings.padding();
    }

    /** The active regions that overlap {@code [from, to]}, in position order, without placing clips' junctions. */
    public List<Region> regions(List<List<AlignedRead>> samples, int from, int to) {
        return regions(samples, null, from, to);
    }

    /**
     * The active regions that overlap {@code [from, to]}, in position order. With the reference ({@code ref} must hold
     * {@link #reach()} and {@code maxJunction} more beyond both ends), a clip whose bases lie in the reference within
     * {@code maxJunction} (see {@link ClipJunction}) lends its evidence to that far side of its junction too, and the
     * activity of both sides covers the bases between: a deletion's reads are clipped at either breakpoint, each read
     * at the one nearer its end, so each breakpoint alone holds part of the evidence, and the assembly window must
     * span both for the deletion's haplotype to be built.
     */
    public List<Region> regions(List<List<AlignedRead>> samples, RefWindow ref, int from, int to) {
        int lo = from - reach();
        int hi = to + reach();
        double[] activity = new double[hi - lo + 1];
        java.util.Arrays.fill(activity, 1.0); // P(hom-ref everywhere), multiplied over samples
        Evidence pooledClips = null;
        for (List<AlignedRead> reads : samples) {
            Evidence e = Evidence.of(reads, lo, hi, ref, settings.maxJunction());
            for (int i = 0; i < activity.length; i++) {
                if (e.altCount[i] > 0) {
                    activity[i] *= 1 - probability(e, i);
                }
            }
            pooledClips = pooledClips == null ? e : pooledClips.withClipsOf(e);
        }
        for (int i = 0; i < activity.length; i++) {
            activity[i] = 1 - activity[i];
        }
        double[] spread = spreadClips(activity, pooledClips);
        double[] smooth = smooth(spread);
        List<Region> runs = runs(smooth, lo);
        List<Region> out = new ArrayList<>();
        for (Region r : merge(runs)) {
            if (r.end() >= from && r.start() <= to) {
                out.add(r);
            }
        }
        return out;
    }

    /** P(the sample is not hom-ref at offset i): het or hom-alt against hom-ref, with the indel prior. */
    private double probability(Evidence e, int i) {
        double alt = e.altLog[i];
        double het = alt + e.depth[i] * LOG10_HALF;
        double odds = e.altCount[i] >= e.depth[i] ? Math.max(het, alt + LOG10_HALF) : het;
        double log10 = odds + settings.log10Prior();
        return log10 > 10 ? 1 : 1 - 1 / (1 + StrictMath.pow(10, log10));
    }

    /**
     * Each position with clipped reads lends its probability to ± the mean clip length (at most maxClipSpread), and
     * to every base between it and the far side of its clips' junctions.
     */
    private double[] spreadClips(double[] activity, Evidence clips) {
        double[] out = activity.clone();
        if (clips == null) {
            return out;
        }
        for (int i = 0; i < activity.length; i++) {
            if (clips.clipCount[i] == 0 || activity[i] == 0) {
                continue;
            }
            int r = (int) Math.min(settings.maxClipSpread(), Math.round((double) clips.clipLength[i] / clips.clipCount[i]));
            int a = Math.max(0, Math.min(i - r, clips.junctionLo[i] - clips.lo));
            int b = Math.min(activity.length - 1, Math.max(i + r, clips.junctionHi[i] - clips.lo));
            for (int j = a; j <= b; j++) {
                out[j] = Math.max(out[j], activity[i]);
            }
        }
        return out;
    }

    /**
     * Each non-zero value spread over its kernel's positions inside the profile; the loop runs over exactly those
     * (no position tested and skipped), so the compiler's range-check predicates hold on every call.
     */
    private double[] smooth(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v == 0) {
                continue;
            }
            int first = Math.max(0, i - KERNEL);
            int last = Math.min(out.length - 1, i + KERNEL);
            for (int j = first, d = first - i + KERNEL; j <= last; j++, d++) {
                out[j] += v * kernel[d];
            }
        }
        return out;
    }

    private static double[] gaussian(double sigma) {
        double[] k = new double[2 * KERNEL + 1];
        double sum = 0;
        for (int d = -KERNEL; d <= KERNEL; d++) {
            k[d + KERNEL] = StrictMath.exp(-(double) d * d / (2 * sigma * sigma));
            sum += k[d + KERNEL];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Maximal runs of positions whose smoothed probability exceeds the threshold. */
    private List<Region> runs(double[] smooth, int lo) {
        List<Region> runs = new ArrayList<>();
        int start = -1;
        double threshold = settings.activeProbability();
        // no index past the end inside the loop (a run open at the end is closed after it): C2's hoisted range
        // check of smooth[i] then holds on every call
        for (int i = 0; i < smooth.length; i++) {
            boolean active = smooth[i] > threshold;
            if (active && start < 0) {
                start = i;
            } else if (!active && start >= 0) {
                runs.add(new Region(lo + start, lo + i - 1));
                start = -1;
            }
        }
        if (start >= 0) {
            runs.add(new Region(lo + start, lo + smooth.length - 1));
        }
        return runs;
    }

    /**
     * Runs whose padded extents touch are one region (a long deletion's two breakpoints, an insertion's two clip
     * stacks) while the merged run stays within the maximum size; a run longer than that is cut into pieces of it.
     */
    private List<Region> merge(List<Region> runs) {
        List<Region> out = new ArrayList<>();
        Region current = null;
        for (Region r : runs) {
            if (current != null && r.start() - current.end() - 1 <= 2 * settings.padding()
                    && r.end() - current.start() + 1 <= settings.maxRegion()) {
                current = new Region(current.start(), r.end());
                continue;
            }
            if (current != null) {
                out.addAll(cut(current));
            }
            current = r;
        }
        if (current != null) {
            out.addAll(cut(current));
        }
        return out;
    }

    private List<Region> cut(Region r) {
        List<Region> pieces = new ArrayList<>();
        for (int s = r.start(); s <= r.end(); s += settings.maxRegion()) {
            pieces.add(new Region(s, Math.min(r.end(), s + settings.maxRegion() - 1)));
        }
        return pieces;
    }

    /** One sample's indel and clip evidence per position of {@code [lo, hi]}. */
    static final class Evidence {
        final int lo;
        final int[] depth;
        final int[] altCount;
        final double[] altLog;
        final int[] clipCount;
        final long[] clipLength;
        /** The farthest junction sides, either way, of the clips at each position (the position itself if none). */
        final int[] junctionLo;
        final int[] junctionHi;
        /** Per position and base (A, C, G, T), the reads whose aligned base differs from the reference. */
        private final int[] mismatchCount;
        private final RefWindow ref;
        private final int maxJunction;

        private Evidence(int lo, int n, RefWindow ref, int maxJunction) {
            this.lo = lo;
            depth = new int[n];
            altCount = new int[n];
            altLog = new double[n];
            clipCount = new int[n];
            clipLength = new long[n];
            junctionLo = new int[n];
            junctionHi = new int[n];
            for (int i = 0; i < n; i++) {
                junctionLo[i] = lo + i;
                junctionHi[i] = lo + i;
            }
            this.ref = ref;
            this.maxJunction = maxJunction;
            mismatchCount = ref == null ? null : new int[4 * n];
        }

        static Evidence of(List<AlignedRead> reads, int lo, int hi, RefWindow ref, int maxJunction) {
            Evidence e = new Evidence(lo, hi - lo + 1, ref, maxJunction);
            int[] delta = new int[hi - lo + 2];
            for (AlignedRead read : reads) {
                if (read.end() < lo || read.start() > hi) {
                    continue;
                }
                delta[Math.max(0, read.start() - lo)]++;
                delta[Math.min(hi, read.end()) - lo + 1]--;
                e.add(read);
            }
            int d = 0;
            for (int i = 0; i < e.depth.length; i++) {
                d += delta[i];
                e.depth[i] = d;
            }
            e.addRepeatShifts(reads);
            return e;
        }

        /**
         * Counts as alt evidence the mismatches that a read shifted by whole units of a tandem repeat shows (see
         * {@link RepeatShift}): a copy-number change an ungapped aligner wrote as an SNV, which only assembly and the
         * reads' fit to its haplotypes tell from one. Other mismatches stay out: an SNV is genotyped from its bases.
         * A base seen in one read only is not tested (one read is no event, and the test costs a scan of the tract).
         * Only the reads that can be shifted ones count (those that end inside the shift's extent on one side), and
         * none when {@value #MIN_SHIFT_READS} reads that reach past it on both sides show the base: those carry it as
         * a substitution (a true SNV in a repeat copy), and a shift cannot explain them.
         */
        private void addRepeatShifts(List<AlignedRead> reads) {
            if (mismatchCount == null) {
                return;
            }
            java.util.TreeMap<Integer, List<ShiftTally>> candidates = new java.util.TreeMap<>();
            for (int i = 0; i < depth.length; i++) {
                for (int b = 0; b < 4; b++) {
                    RepeatShift.Shift shift = mismatchCount[4 * i + b] >= MIN_SHIFT_READS
                            ? RepeatShift.find(ref, lo + i, BASES[b]) : null;
                    if (shift != null) {
                        candidates.computeIfAbsent(lo + i, k -> new ArrayList<>()).add(new ShiftTally(BASES[b], shift));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return;
            }
            for (AlignedRead read : reads) {
                for (var at : candidates.subMap(read.start(), true, read.end(), true).entrySet()) {
                    int k = ReadBases.readOffset(read, at.getKey());
                    for (ShiftTally t : at.getValue()) {
                        if (k >= 0 && read.bases()[k] == t.base) {
                            t.add(read, k);
                        }
                    }
                }
            }
            candidates.forEach((pos, tallies) -> {
                for (ShiftTally t : tallies) {
                    if (t.spanning < MIN_SHIFT_READS) {
                        altCount[pos - lo] += t.fitting;
                        altLog[pos - lo] += t.log;
                    }
                }
            });
        }

        /** The reads showing one base at a candidate shift: those that can be shifted ones, and those that cannot. */
        private static final class ShiftTally {
            final byte base;
            final RepeatShift.Shift shift;
            int fitting;
            int spanning;
            double log;

            ShiftTally(byte base, RepeatShift.Shift shift) {
                this.base = base;
                this.shift = shift;
            }

            void add(AlignedRead read, int k) {
                if (shift.fits(read.start(), read.end(), SHIFT_SLACK)) {
                    fitting++;
                    log += MINUS_LOG10_ERROR[Math.max(0, Math.min(127, Math.min(read.quals()[k], read.mappingQuality())))];
                } else {
                    spanning++;
                }
            }
        }

        /** This evidence with the clips of {@code other} (another sample over the same range) added. */
        Evidence withClipsOf(Evidence other) {
            for (int i = 0; i < clipCount.length; i++) {
                clipCount[i] += other.clipCount[i];
                clipLength[i] += other.clipLength[i];
                junctionLo[i] = Math.min(junctionLo[i], other.junctionLo[i]);
                junctionHi[i] = Math.max(junctionHi[i], other.junctionHi[i]);
            }
            return this;
        }

        private void add(AlignedRead read) {
            byte[] ops = read.cigarOps();
            int[] lens = read.cigarLengths();
            byte[] quals = read.quals();
            int mapq = read.mappingQuality();
            int refPos = read.start();
            int readPos = 0;
            int first = ops[0] == 'H' && ops.length > 1 ? 1 : 0;
            int last = ops[ops.length - 1] == 'H' && ops.length > 1 ? ops.length - 2 : ops.length - 1;
            for (int c = 0; c < ops.length; c++) {
                byte op = ops[c];
                int len = lens[c];
                if (op == 'S' && c == first && readPos + len < quals.length) {
                    int q = clipQuality(quals, readPos + len - Math.min(len, CLIP_BASES), readPos + len);
                    clip(refPos, len, q, mapq, junction(read, readPos, len, false, refPos));
                } else if (op == 'S' && c == last && readPos > 0) {
                    int q = clipQuality(quals, readPos, readPos + Math.min(len, CLIP_BASES));
                    clip(refPos - 1, len, q, mapq, junction(read, readPos, len, true, refPos - 1));
                } else if (op == 'I' && readPos > 0 && readPos + len < quals.length) {
                    alt(refPos - 1, quals[readPos - 1], mapq);
                    alt(refPos, quals[readPos + len], mapq);
                } else if (op == 'D' && readPos > 0 && readPos < quals.length) {
                    int q = Math.min(quals[readPos - 1], quals[readPos]);
                    for (int p = refPos - 1; p <= refPos + len; p++) {
                        alt(p, q, mapq);
                    }
                } else if (mismatchCount != null && AlignedRead.isAligned(op)) {
                    mismatches(read.bases(), refPos, readPos, len);
                }
                if (AlignedRead.consumesReference(op)) {
                    refPos += len;
                }
                if (AlignedRead.consumesRead(op)) {
                    readPos += len;
                }
            }
        }

        /**
         * How unlikely a read of the reference is to show this clip: its clipped bases (the nearest
         * {@value #CLIP_BASES}) would have to be sequencing errors where they differ from the reference, three in four
         * of random bases, so their qualities add up; the mapping quality and the global mismapping rate (45) cap it
         * as they cap every read's evidence. A clip of good bases is strong evidence whatever the base-quality
         * profile; a clipped tail of poor bases is weak.
         */
        private static int clipQuality(byte[] quals, int from, int to) {
            int sum = 0;
            for (int i = from; i < to; i++) {
                sum += quals[i];
            }
            return Math.min(MAX_READ_QUALITY, (int) Math.round(0.75 * sum));
        }

        /** The far side of the clip's junction (see {@link ClipJunction}), or null. */
        private Integer junction(AlignedRead read, int from, int length, boolean trailing, int anchor) {
            ClipJunction.Placement p = ref == null || maxJunction <= 0 ? null
                    : ClipJunction.place(read.bases(), read.quals(), from, length, trailing, anchor, ref, maxJunction);
            return p == null ? null : p.position();
        }

        /** A clip at {@code pos}; placed, its far side shows the same evidence and is joined to it. */
        private void clip(int pos, int length, int qual, int mapq, Integer farSide) {
            count(pos, length);
            alt(pos, qual, mapq);
            if (farSide != null) {
                count(farSide, length);
                alt(farSide, qual, mapq);
                join(pos, farSide);
                join(farSide, pos);
            }
        }

        /** Counts the aligned block's bases that differ from the reference, by base. */
        private void mismatches(byte[] bases, int refPos, int readPos, int len) {
            int a = Math.max(refPos, lo);
            int b = Math.min(refPos + len - 1, lo + depth.length - 1);
            for (int p = a; p <= b; p++) {
                int k = readPos + p - refPos;
                byte base = bases[k];
                if (base != ref.base(p)) {
                    int code = Nucleotides.code(base);
                    if (code >= 0) {
                        mismatchCount[4 * (p - lo) + code]++;
                    }
                }
            }
        }

        private void count(int pos, int length) {
            int i = pos - lo;
            if (i >= 0 && i < clipCount.length) {
                clipCount[i]++;
                clipLength[i] += length;
            }
        }

        private void join(int pos, int other) {
            int i = pos - lo;
            if (i >= 0 && i < clipCount.length) {
                junctionLo[i] = Math.min(junctionLo[i], other);
                junctionHi[i] = Math.max(junctionHi[i], other);
            }
        }

        private void alt(int pos, int qual, int mapq) {
            int i = pos - lo;
            if (i >= 0 && i < altCount.length) {
                altCount[i]++;
                altLog[i] += MINUS_LOG10_ERROR[Math.max(0, Math.min(127, Math.min(qual, mapq)))];
            }
        }
    }
}
