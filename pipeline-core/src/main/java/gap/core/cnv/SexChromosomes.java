package gap.core.cnv;

import gap.core.model.ReadCounts;
import gap.core.model.Ploidy;
import gap.core.model.Sex;
import gap.core.io.ReadFilters;
import gap.core.io.ReadSource;
import gap.core.io.ReferenceSource;
import gap.core.model.Shard;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a sample's reads (a few windows of them, before calling) or its depth bins and SNV calls (after),
 * gives its sex-chromosome {@link Karyotype}: the depth of X and Y against the autosomes (DRAGEN's ploidy estimator:
 * XX has X at about 1 and Y near 0, XY both at about 1/2) and, from SNV calls, the share of X calls outside the PARs
 * whose reads are mixed (heterozygous-looking: none in a male but for errors). Copies are the nearest whole number to
 * twice the ratio; Y counts as present from a tenth of the autosomal depth (a quarter would be one copy on a contig half
 * unmappable, as chrY is; a female's Y reads are mismapped strays, a few hundredths).
 */
public final class SexChromosomes {
    /** Y depth against the autosomes from which a Y is taken to be present. */
    static final double Y_PRESENT = 0.1;
    /** A call's alternate fraction within this distance of 1/2 looks heterozygous. */
    static final double MIXED = 0.3;

    private SexChromosomes() {}

    /** X and Y depth over the autosomes', their copies, and the X heterozygosity (NaN when unmeasured). */
    public record Karyotype(double xRatio, double yRatio, int xCopies, int yCopies, double xHeterozygosity) {
        /** The sex this karyotype calls with: XY male, XX female, anything else unknown (all diploid). */
        public Sex sex() {
            if (xCopies == 1 && yCopies == 1) {
                return Sex.MALE;
            }
            return xCopies == 2 && yCopies == 0 ? Sex.FEMALE : Sex.UNKNOWN;
        }

        /** {@code XX}, {@code XY}, {@code X0}, {@code XXY}, … */
        public String text() {
            String x = "X".repeat(xCopies);
            return yCopies == 0 && xCopies == 1 ? "X0" : x + "Y".repeat(yCopies);
        }

        /** Whether a sheet's sex contradicts it. */
        public boolean contradicts(Sex declared) {
            return declared != Sex.UNKNOWN && declared != sex();
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s (X %.2f, Y %.2f of autosomal depth%s)", text(), xRatio, yRatio,
                    Double.isFinite(xHeterozygosity)
                            ? String.format(Locale.ROOT, "; X heterozygosity %.2f", xHeterozygosity) : "");
        }
    }

    static Karyotype of(double xRatio, double yRatio, double xHeterozygosity) {
        int x = (int) Math.max(1, Math.round(2 * xRatio));
        int y = yRatio < Y_PRESENT ? 0 : (int) Math.max(1, Math.round(2 * yRatio));
        return new Karyotype(xRatio, yRatio, x, y, xHeterozygosity);
    }

    /** Windows per kind of contig (autosomes, X, Y) whose reads are counted before calling. */
    static final int WINDOWS = 30;
    static final int WINDOW = 10_000;

    /**
     * From the reads themselves, before calling: reads kept by the read filters that start in up to 30 windows of
     * 10 kb spread over the autosomes, over X outside its PARs and over Y outside its PARs (windows mostly N
     * skipped), per A/C/G/T base; an index query per window, so BAM and CRAM alike, in well under a second. Null for a
     * reference without chrX or autosomes.
     */
    public static Karyotype fromReads(Path reads, Path index, Path reference, SAMSequenceDictionary dictionary,
                                      Ploidy ploidy, int minMappingQuality) {
        double[] perBase = new double[3];
        try (ReadSource source = new ReadSource(reads, index, reference, new ReadFilters(minMappingQuality));
             ReferenceSource ref = new ReferenceSource(reference)) {
            for (Ploidy.Kind kind : new Ploidy.Kind[] {Ploidy.Kind.AUTOSOME, Ploidy.Kind.X, Ploidy.Kind.Y}) {
                List<Shard> windows = windows(dictionary, ploidy, kind, ref);
                if (windows.isEmpty() && kind != Ploidy.Kind.Y) {
                    return null;
                }
                long count = 0;
                long bases = 0;
                for (Shard w : windows) {
                    count += source.query(w).counts().get(ReadCounts.Reason.PASS);
                    bases += acgt(ref.window(w.contig(), w.start(), w.end()), w.start(), w.end());
                }
                perBase[kind.ordinal()] = bases == 0 ? 0 : count / (double) bases;
            }
        }
        if (perBase[0] == 0) {
            return null;
        }
        return of(perBase[1] / perBase[0], perBase[2] / perBase[0], Double.NaN);
    }

    /** Up to WINDOWS windows evenly spread over the contigs of {@code kind}, outside PARs, at most 10 % N. */
    private static List<Shard> windows(SAMSequenceDictionary dictionary, Ploidy ploidy, Ploidy.Kind kind,
                                       ReferenceSource ref) {
        List<Shard> all = new ArrayList<>();
        for (SAMSequenceRecord seq : dictionary.getSequences()) {
            if (Ploidy.kind(seq.getSequenceName()) != kind) {
                continue;
            }
            for (int start = 1; start + WINDOW - 1 <= seq.getSequenceLength(); start += WINDOW) {
                if (!ploidy.inPar(seq.getSequenceName(), start) && !ploidy.inPar(seq.getSequenceName(),
                        start + WINDOW - 1)) {
                    all.add(new Shard(all.size(), seq.getSequenceName(), start, start + WINDOW - 1, 0));
                }
            }
        }
        List<Shard> chosen = new ArrayList<>();
        double step = Math.max(1, all.size() / (double) WINDOWS);
        for (double i = 0; i < all.size() && chosen.size() < WINDOWS; i += step) {
            Shard w = all.get((int) i);
            if (acgt(ref.window(w.contig(), w.start(), w.end()), w.start(), w.end()) >= 0.9 * WINDOW) {
                chosen.add(w);
            }
        }
        return chosen;
    }

    private static long acgt(gap.core.model.RefWindow window, int from, int to) {
        long n = 0;
        for (int p = from; p <= to; p++) {
            n += window.base(p) == 'N' ? 0 : 1;
        }
        return n;
    }

    /**
     * From the depth bins of a run (reads counted per base of the A/C/G/T bases of complete bins) and its SNV calls
     * on X outside the PARs; null without chrX or autosomal bins.
     */
    public static Karyotype fromDepth(SampleDepth depth, List<SnvSite> snvs, Ploidy ploidy) {
        double[] reads = new double[3];
        double[] bases = new double[3];
        for (SampleDepth.Contig c : depth.contigs()) {
            Ploidy.Kind kind = Ploidy.kind(c.name());
            int k = kind == Ploidy.Kind.AUTOSOME ? 0 : kind == Ploidy.Kind.X ? 1 : kind == Ploidy.Kind.Y ? 2 : -1;
            for (int b = 0; k >= 0 && b < c.bins(); b++) {
                int middle = Bins.start(depth.binSize(), b) + depth.binSize() / 2;
                if (depth.complete(c, b) && (k == 0 || !ploidy.inPar(c.name(), middle))) {
                    reads[k] += c.counted(b);
                    bases[k] += c.acgtBases[b];
                }
            }
        }
        if (bases[0] == 0 || bases[1] == 0 || reads[0] == 0) {
            return null;
        }
        double autosomal = reads[0] / bases[0];
        double y = bases[2] == 0 ? 0 : reads[2] / bases[2] / autosomal;
        return of(reads[1] / bases[1] / autosomal, y, xHeterozygosity(snvs, ploidy));
    }

    /** Share of SNV calls on X outside the PARs whose alternate fraction is within 0.3 of 1/2; NaN without any. */
    static double xHeterozygosity(List<SnvSite> snvs, Ploidy ploidy) {
        List<SnvSite> onX = new ArrayList<>();
        for (SnvSite s : snvs) {
            if (Ploidy.kind(s.contig()) == Ploidy.Kind.X && !ploidy.inPar(s.contig(), s.position())) {
                onX.add(s);
            }
        }
        if (onX.isEmpty()) {
            return Double.NaN;
        }
        long mixed = onX.stream().filter(s -> Math.abs(s.altFraction() - 0.5) < MIXED).count();
        return mixed / (double) onX.size();
    }
}
